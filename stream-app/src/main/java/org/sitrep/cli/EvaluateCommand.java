package org.sitrep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sitrep.evaluate.Labels;
import org.sitrep.evaluate.Predictions;
import org.sitrep.evaluate.ResultFormat;
import org.sitrep.evaluate.Scorer;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleSource;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.output.JsonOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep evaluate}: runs the pipeline over a labelled feed (as {@code process} does, on an embedded broker and
 * registry) and prints how well extraction, incident grouping and copy detection did. See docs/EVALUATION.md.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Run the pipeline over a labelled feed and print precision, recall and F1 of claims, accuracy of claimant kind, "
        + "country, admin1 and event date (overall and per language), and pairwise and B-cubed F1 of incident grouping and copy detection.")
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    EmbeddedRunOptions run;

    @Option(names = "--labels", required = true, paramLabel = "FILE", description = "The labels (JSON; format in docs/EVALUATION.md).")
    Path labelsFile;

    @Option(names = "--results", paramLabel = "DIR",
        description = "Score the articles.jsonl that an earlier `process` wrote to DIR instead of running the pipeline.")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write incidents.jsonl, articles.jsonl and evaluation.json here.")
    Path out;

    @Option(names = "--mistakes", description = "List every mistake, article by article.")
    boolean mistakes;

    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Logging.configure(run.verbose);
        PrintWriter console = spec.commandLine().getOut();
        Labels labels;
        try {
            labels = Labels.read(labelsFile);
        } catch (Labels.LabelsException | com.fasterxml.jackson.core.JsonProcessingException e) {
            spec.commandLine().getErr().println("sitrep evaluate: " + labelsFile + ": " + e.getMessage());
            return 2;
        }
        Predictions predictions;
        List<ArticleFile.Line> lines;
        if (results != null) {
            lines = new ArticleSource(new ArticleValidator(pipeline.load().pipeline().maxBodyChars())).read(run.input);
            predictions = Predictions.read(results.resolve("articles.jsonl"));
        } else {
            ProcessCommand.Run pipelineRun = run.run(pipeline, console);
            lines = pipelineRun.lines();
            List<ObjectNode> articleLines = pipelineRun.articleLines();
            predictions = Predictions.of(articleLines);
            if (out != null) {
                Files.createDirectories(out);
                ProcessCommand.writeIncidents(out, pipelineRun.outputs());
                writeLines(out.resolve("articles.jsonl"), articleLines);
            }
        }
        Scorer.Result result = Scorer.score(labels, predictions, languages(lines));
        console.println();
        console.print(ResultFormat.text(result));
        if (mistakes) {
            console.println();
            console.println("Mistakes:");
            result.mistakes().forEach(m -> console.println("  " + m));
        }
        if (out != null) {
            Files.createDirectories(out);
            writeLines(out.resolve("evaluation.json"), List.of(ResultFormat.json(result)));
            console.println("wrote " + out.resolve("evaluation.json").toAbsolutePath());
        }
        console.flush();
        return 0;
    }

    private static Map<String, String> languages(List<ArticleFile.Line> lines) {
        Map<String, String> out = new HashMap<>();
        for (ArticleFile.Line l : lines) {
            if (l.ok() && l.article().getLanguage() != null) {
                out.put(l.article().getId(), l.article().getLanguage());
            }
        }
        return out;
    }

    private static void writeLines(Path file, List<ObjectNode> nodes) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ObjectNode n : nodes) {
                w.write(JsonOutput.line(n));
                w.write('\n');
            }
        }
    }
}
