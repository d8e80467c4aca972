package org.sitrep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.sitrep.config.SitrepConfig;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleSource;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.runtime.ReplayPacer;
import org.sitrep.schema.Article;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep replay}: publishes a historical feed (JSON Lines, RSS or Atom, .gz, or a directory of them) to
 * {@code news.articles.raw} of a running cluster, in publication order, each record stamped with its article's
 * publication time; as fast as possible, or paced at a speed factor of feed time. Rejected entries go to
 * {@code news.dlq}. A progress bar is drawn on standard error when it is a terminal; the final count always prints.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a feed into news.articles.raw of a cluster, in publication order, record time = publication time.")
public final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "PATH",
        description = "Articles: a JSON Lines, RSS or Atom file (.gz too) or a directory of them; the format is read from the content.")
    Path input;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "0",
        description = "Feed time per wall-clock time: 60 = one hour of publication times per minute; 0 (default) = as fast as possible.")
    double speed;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Draw a progress bar on standard error when it is a terminal (default: on).")
    boolean progress;

    @Option(names = "--verbose", description = "Show Kafka client logs.")
    boolean verbose;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Logging.configure(verbose);
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--speed must be 0 or a positive number");
        }
        SitrepConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        List<ArticleFile.Line> lines = new ArticleSource(new ArticleValidator(config.pipeline().maxBodyChars())).read(input);
        List<ArticleFile.Line> rejected = lines.stream().filter(l -> !l.ok()).toList();
        List<Article> articles = ArticleFile.inPublicationOrder(lines);
        ReplayPacer pacer = new ReplayPacer(speed);
        ProgressBar bar = new ProgressBar(System.err, articles.size(), progress && ProgressBar.interactive());
        long started = System.nanoTime();
        var serdes = new SitrepSerdes(SchemaRegistryClients.create(config.schemaRegistryUrl(), config.registry()));
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), serdes)) {
            publisher.rejectLines(input.toString(), rejected);
            int n = 0;
            for (Article a : articles) {
                pacer.awaitTurn(a.getPublishedAt());
                publisher.send(a);
                bar.update(++n, a.getPublishedAt());
            }
            publisher.flush();
        } finally {
            bar.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("published %d articles to %s in %.1f s (%.0f articles/s)%s; rejected %d, sent to %s%n",
            articles.size(), Topics.ARTICLES_RAW, seconds, seconds > 0 ? articles.size() / seconds : 0.0,
            pacer.paced() ? " at speed " + speedLabel(speed) : "", rejected.size(), Topics.DLQ);
        rejected.forEach(l -> out.println("  rejected " + l.error()));
        out.flush();
        return 0;
    }

    private static String speedLabel(double speed) {
        return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
    }
}
