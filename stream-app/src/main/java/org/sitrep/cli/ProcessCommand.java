package org.sitrep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sitrep.config.SitrepConfig;
import org.sitrep.embedded.EmbeddedStack;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleSource;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.output.JsonOutput;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.DeadLetter;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep process}: the same topology over a JSON Lines file, on the embedded broker and registry; writes
 * {@code incidents.jsonl} (final version of each incident) and {@code articles.jsonl} (what became of each input line).
 */
@Command(name = "process", mixinStandardHelpOptions = true,
    description = "Run the pipeline over a feed (JSON Lines, RSS, Atom, a directory of them) on an embedded broker and registry; write incidents.jsonl and articles.jsonl.")
public final class ProcessCommand implements Callable<Integer> {
    @Mixin
    EmbeddedRunOptions run;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for incidents.jsonl and articles.jsonl.")
    Path out;

    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Logging.configure(this.run.verbose);
        PrintWriter console = spec.commandLine().getOut();
        Run run = this.run.run(pipeline, console);
        RunOutputs outputs = run.outputs();
        write(outputs, run.lines());
        console.printf("%d unique, %d copies, %d rejected, %d reports, %d incidents -> %s%n",
            outputs.uniqueIds().size(), outputs.copies().size(), outputs.deadLetters().size(),
            outputs.reports().size(), outputs.finalIncidents().size(), out.toAbsolutePath());
        console.flush();
        return 0;
    }

    /** The input lines of one run and what the pipeline published for them. */
    record Run(List<ArticleFile.Line> lines, RunOutputs outputs) {
        /** One {@code articles.jsonl} object per input line. */
        List<ObjectNode> articleLines() {
            Map<String, ArticleCopy> copies = new HashMap<>();
            outputs.copies().forEach(c -> copies.put(c.getId(), c));
            Map<String, List<EventReport>> reports = new HashMap<>();
            outputs.reports().forEach(r -> reports.computeIfAbsent(r.getArticleId(), k -> new java.util.ArrayList<>()).add(r));
            Map<String, String> deadReasons = new HashMap<>();
            for (int k = 0; k < outputs.deadLetters().size(); k++) {
                DeadLetter d = outputs.deadLetters().get(k);
                if (outputs.deadLetterKeys().get(k) != null) {
                    deadReasons.put(outputs.deadLetterKeys().get(k), d.getStage() + ": " + d.getReason());
                }
            }
            Map<String, java.util.Set<String>> incidentsByArticle = outputs.incidentsByArticle();
            List<ObjectNode> out = new java.util.ArrayList<>();
            for (ArticleFile.Line line : lines) {
                out.add(articleLine(line, outputs, incidentsByArticle, copies, reports, deadReasons));
            }
            return out;
        }
    }

    /** Reads {@code input}, runs the pipeline over it on an embedded broker and registry, and collects the outputs. */
    static Run run(PipelineOptions pipeline, Path input, Duration timeout, boolean verbose, PrintWriter console) throws IOException {
        var settings = pipeline.load();
        List<ArticleFile.Line> lines = new ArticleSource(new ArticleValidator(settings.pipeline().maxBodyChars())).read(input);
        long rejected = lines.stream().filter(l -> !l.ok()).count();
        console.printf("read %d lines from %s (%d rejected)%n", lines.size(), input, rejected);
        lines.stream().filter(l -> !l.ok()).forEach(l -> console.println("  rejected " + l.error()));
        console.flush();
        try (EmbeddedStack stack = EmbeddedStack.start(verbose, progress(console));
             PipelineSession session = pipeline.session(stack, "sitrep-process", SitrepConfig.REPLAY_DEFAULTS, Map.of())) {
            session.createTopics();
            session.start(Duration.ofMinutes(2));
            session.publish(input.toString(), lines, n -> { });
            console.printf("published %d articles; waiting for the pipeline ...%n", lines.size() - rejected);
            console.flush();
            session.awaitIdle(timeout);
            return new Run(lines, session.collect());
        }
    }

    static java.util.function.Consumer<String> progress(PrintWriter console) {
        return line -> {
            console.println(line);
            console.flush();
        };
    }

    private void write(RunOutputs outputs, List<ArticleFile.Line> lines) throws IOException {
        Files.createDirectories(out);
        writeIncidents(out, outputs);
        try (Writer w = Files.newBufferedWriter(out.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
            for (ObjectNode line : new Run(lines, outputs).articleLines()) {
                w.write(JsonOutput.line(line));
                w.write('\n');
            }
        }
    }

    static void writeIncidents(Path dir, RunOutputs outputs) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("incidents.jsonl"), StandardCharsets.UTF_8)) {
            for (Incident i : outputs.finalIncidents()) {
                w.write(JsonOutput.line(JsonOutput.incident(i)));
                w.write('\n');
            }
        }
    }

    static ObjectNode articleLine(ArticleFile.Line line, RunOutputs outputs, Map<String, java.util.Set<String>> incidentsByArticle,
                                  Map<String, ArticleCopy> copies,
                                  Map<String, List<EventReport>> reports, Map<String, String> deadReasons) {
        ObjectNode n = JsonOutput.object();
        n.put("line", line.number());
        if (!line.ok()) {
            n.putNull("id");
            n.put("status", "rejected");
            n.put("error", line.error());
            return n;
        }
        String id = line.article().getId();
        n.put("id", id);
        ArticleCopy copy = copies.get(id);
        if (copy != null) {
            n.put("status", "copy");
            n.put("copy_of", copy.getCopyOf());
            n.set("incident_ids", JsonOutput.strings(incidentsByArticle.getOrDefault(copy.getCopyOf(), java.util.Set.of())));
        } else if (outputs.uniqueIds().contains(id)) {
            n.put("status", "unique");
            n.putNull("copy_of");
            n.set("incident_ids", JsonOutput.strings(incidentsByArticle.getOrDefault(id, java.util.Set.of())));
        } else {
            n.put("status", "rejected");
            n.put("error", deadReasons.getOrDefault(id, "not processed"));
            return n;
        }
        var array = n.putArray("reports");
        // an article may give several reports (#1, #2 ...), possibly read back from different partitions
        reports.getOrDefault(id, List.of()).stream()
            .sorted(java.util.Comparator.comparingInt((EventReport r) -> r.getReportId().length())
                .thenComparing(EventReport::getReportId))
            .forEach(r -> array.add(JsonOutput.report(r)));
        return n;
    }
}
