package org.sitrep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.sitrep.config.SitrepConfig;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep replay}: publishes a JSON Lines feed to {@code news.articles.raw} of a running cluster, in publication
 * order, each record stamped with its article's publication time. Rejected lines go to {@code news.dlq}.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a JSON Lines feed into news.articles.raw of a cluster, in publication order, as fast as possible.")
public final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON Lines file of articles (.gz too).")
    Path input;

    @Option(names = "--verbose", description = "Show Kafka client logs.")
    boolean verbose;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Logging.configure(verbose);
        SitrepConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        List<ArticleFile.Line> lines = ArticleFile.read(input, new ArticleValidator(config.pipeline().maxBodyChars()));
        List<ArticleFile.Line> rejected = lines.stream().filter(l -> !l.ok()).toList();
        var serdes = new SitrepSerdes(SchemaRegistryClients.create(config.schemaRegistryUrl(), config.registry()));
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), serdes)) {
            publisher.rejectLines(input.toString(), rejected);
            List<org.sitrep.schema.Article> articles = ArticleFile.inPublicationOrder(lines);
            publisher.publish(articles, n -> { });
            out.printf("replayed %d articles into %s; %d rejected lines sent to %s%n", articles.size(),
                Topics.ARTICLES_RAW, rejected.size(), Topics.DLQ);
            rejected.forEach(l -> out.println("  rejected " + l.error()));
        }
        out.flush();
        return 0;
    }
}
