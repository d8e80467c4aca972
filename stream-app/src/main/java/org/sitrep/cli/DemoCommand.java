package org.sitrep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.sitrep.api.ApiRuntime;
import org.sitrep.embedded.EmbeddedStack;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleSource;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.output.IncidentTable;
import org.sitrep.runtime.IncidentTail;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.topology.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep demo}: the embedded default. Starts a real broker and registry, creates the topics, replays the bundled
 * sample feed (or {@code --input}) through the pipeline, prints each incident version as it is published and the
 * final table, then keeps running until Ctrl-C (or exits with {@code --exit}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start an embedded Kafka broker and schema registry, replay the sample feed, and show the consolidated incidents.")
public final class DemoCommand implements Callable<Integer> {
    static final String SAMPLE_FEED = "/org/sitrep/demo/sample-feed.jsonl";

    @Option(names = "--input", paramLabel = "FILE", description = "A JSON Lines feed to replay instead of the bundled sample.")
    Path input;

    @Option(names = "--exit", description = "Stop once the feed is processed instead of waiting for Ctrl-C.")
    boolean exit;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
        description = "Serve the HTTP API and the incident map here (default ${DEFAULT-VALUE}; 0 = any free port; -1 = off).")
    int httpPort;

    @Option(names = "--verbose", description = "Show broker, registry and client logs.")
    boolean verbose;

    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Logging.configure(verbose);
        PrintWriter out = spec.commandLine().getOut();
        var settings = pipeline.load();
        List<ArticleFile.Line> lines = readFeed(new ArticleValidator(settings.pipeline().maxBodyChars()));
        String source = input == null ? "bundled sample feed" : input.toString();
        out.printf("sitrep demo: %d articles in the %s%n", lines.size(), source);
        out.flush();

        // Ctrl-C: wake the main thread wherever it is (replaying, waiting, idling), then give it time to close the
        // streams app, the broker and the registry in order before the JVM goes.
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            interrupted.countDown();
            main.interrupt();
            try {
                finished.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sitrep-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        EmbeddedStack stack = null;
        PipelineSession session = null;
        ApiRuntime api = null;
        try {
            stack = EmbeddedStack.start(verbose, ProcessCommand.progress(out));
            if (httpPort >= 0) {
                api = ApiRuntime.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort));
                session = pipeline.session(stack, "sitrep-demo", PipelineOptions.SHOW_EVERYTHING,
                    Map.of("advertised-http-url", "http://localhost:" + api.port()));
            } else {
                session = pipeline.session(stack, "sitrep-demo", PipelineOptions.SHOW_EVERYTHING, Map.of());
            }
            replay(out, session, lines, source, api);
            if (!exit) {
                out.printf("%nStill running: Kafka at %s, schema registry at %s%s. Press Ctrl-C to stop.%n",
                    stack.bootstrapServers(), stack.registryUrl(),
                    api == null ? "" : ", incident map at http://localhost:" + api.port() + "/");
                out.flush();
                interrupted.await();
            }
        } catch (InterruptedException | RuntimeException e) {
            if (interrupted.getCount() > 0) {
                throw e;
            }
            // Ctrl-C while working: whatever was interrupted, stop cleanly below.
        } finally {
            Thread.interrupted();
            out.println("stopping ...");
            out.flush();
            if (api != null) {
                api.close();
            }
            if (session != null) {
                session.close();
            }
            if (stack != null) {
                stack.close();
            }
            finished.countDown();
            if (interrupted.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        out.println("stopped");
        out.flush();
        return 0;
    }

    private static void replay(PrintWriter out, PipelineSession session, List<ArticleFile.Line> lines, String source,
                               ApiRuntime api) throws InterruptedException {
        session.createTopics().forEach(t -> out.printf("topic %-22s %s%n", t.topic(), t.created() ? "created" : "exists"));
        if (api != null) {
            api.attach(session.streams(), session.config(), session.serdes());
            out.printf("API and incident map: http://localhost:%d/  (/incidents, /incidents/stream, /openapi.json)%n",
                api.port());
        }
        session.start(Duration.ofMinutes(2));
        out.println("pipeline running; incident versions as they are published:");
        out.flush();
        try (IncidentTail tail = IncidentTail.start(session.config().clientProperties(), session.serdes().incident(),
            incident -> {
                out.println("  " + IncidentTable.versionLine(incident));
                out.flush();
            })) {
            session.publish(source, lines, n -> {
                if (n % 10 == 0 || n == lines.size()) {
                    out.printf("  replayed %d/%d articles into %s%n", n, lines.size(), Topics.ARTICLES_RAW);
                    out.flush();
                }
            });
            session.awaitIdle(Duration.ofMinutes(10));
            tail.drain(Duration.ofSeconds(5));
        }
        RunOutputs outputs = session.collect();
        out.println();
        out.print(IncidentTable.render(outputs.finalIncidents()));
        out.printf("%d articles: %d unique, %d copies dropped, %d dead letters; %d event reports; %d incident versions%n",
            lines.size(), outputs.uniqueIds().size(), outputs.copies().size(), outputs.deadLetters().size(),
            outputs.reports().size(), outputs.incidentVersions().size());
        out.flush();
    }

    private List<ArticleFile.Line> readFeed(ArticleValidator validator) throws IOException {
        if (input != null) {
            return new ArticleSource(validator).read(input);
        }
        InputStream bundled = DemoCommand.class.getResourceAsStream(SAMPLE_FEED);
        if (bundled == null) {
            throw new IOException("the sample feed is not bundled in this build (" + SAMPLE_FEED + ")");
        }
        return new ArticleSource(validator).read(bundled, SAMPLE_FEED, null);
    }
}
