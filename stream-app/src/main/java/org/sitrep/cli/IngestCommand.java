package org.sitrep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.sitrep.config.ConfigLoader;
import org.sitrep.config.SitrepConfig;
import org.sitrep.ingest.service.IngestConfig;
import org.sitrep.ingest.service.IngestService;
import org.sitrep.ingest.service.KafkaArticleSink;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.topology.SitrepSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep ingest}: the long-lived ingest service (feeds polled with conditional GET, {@code POST /articles},
 * a watched directory) publishing to {@code news.articles.raw}, configured by a JSON file (docs/REPLAY.md, "Ingest
 * service"). The file's {@code settings} are ordinary Sitrep settings; the environment and these flags override them.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Run the ingest service: poll feeds, accept POST /articles, watch a directory; publish to news.articles.raw.")
public final class IngestCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE",
        description = "Ingest configuration, JSON (feeds, allowed_hosts, push, watch, state_dir, settings); see deploy/ingest.example.json.")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS", description = "Kafka bootstrap servers (env SITREP_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Schema registry URL (env SITREP_SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other Sitrep setting, e.g. --set kafka.security.protocol=SSL.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--once", description = "Poll every feed and scan the directory once, then exit (no push server); exit code 1 if any failed.")
    boolean once;

    @Option(names = "--verbose", description = "Show Kafka client logs.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Logging.configureService(verbose);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> flags = new LinkedHashMap<>(settings);
        if (bootstrapServers != null) {
            flags.put("bootstrap-servers", bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            flags.put("schema-registry-url", schemaRegistryUrl);
        }
        IngestConfig ingest;
        SitrepConfig config;
        try {
            ingest = IngestConfig.read(configFile, System.getenv());
            // Precedence: built-in defaults < the file's settings < environment < flags.
            config = ConfigLoader.load(ingest.settings(), null, System.getenv(), flags);
        } catch (IllegalArgumentException | ConfigLoader.ConfigException e) {
            spec.commandLine().getErr().println("ingest: " + e.getMessage().replace("command defaults", "the ingest config's settings"));
            return 2;
        }
        var serdes = new SitrepSerdes(SchemaRegistryClients.create(config.schemaRegistryUrl(), config.registry()));
        try (KafkaArticleSink sink = new KafkaArticleSink(new ArticlePublisher(config.clientProperties(), serdes));
             IngestService service = new IngestService(ingest, config.pipeline().maxBodyChars(), sink, Clock.systemUTC(),
                 line -> {
                     synchronized (out) {
                         out.println("ingest: " + line);
                         out.flush();
                     }
                 })) {
            if (once) {
                return service.runOnce() == 0 ? 0 : 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                try {
                    main.join(15_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sitrep-ingest-shutdown"));
            service.start();
            out.printf("ingest: publishing to %s on %s; state in %s; Ctrl-C stops%n",
                org.sitrep.topology.Topics.ARTICLES_RAW, config.bootstrapServers(), ingest.stateDir());
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
