package org.sitrep.cli;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.sitrep.api.HealthServer;
import org.sitrep.config.SitrepConfig;
import org.sitrep.extract.Extractor;
import org.sitrep.registry.SchemaRegistryClient;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.SitrepStreams;
import org.sitrep.topology.SitrepSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sitrep run}: the streaming app against any Kafka cluster and registry, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the Sitrep streams application against a Kafka cluster and schema registry until stopped.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--verbose", description = "Show Kafka client logs.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Logging.configureService(verbose);
        SitrepConfig config = options.load();
        var out = spec.commandLine().getOut();
        SchemaRegistryClient registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), config.registry());
        CountDownLatch stopped = new CountDownLatch(1);
        try (SitrepStreams streams = new SitrepStreams(config, new SitrepSerdes(registry), new Extractor())) {
            streams.kafkaStreams().setStateListener((now, before) -> {
                out.printf("sitrep: %s -> %s%n", before, now);
                out.flush();
                if (now == org.apache.kafka.streams.KafkaStreams.State.NOT_RUNNING
                    || now == org.apache.kafka.streams.KafkaStreams.State.ERROR) {
                    stopped.countDown();
                }
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                streams.close();
                stopped.countDown();
            }, "sitrep-shutdown"));
            out.printf("sitrep: application %s on %s, registry %s%n", config.applicationId(), config.bootstrapServers(),
                Logging.redact(config.schemaRegistryUrl()));
            out.flush();
            try (HealthServer health = config.httpPort() == 0 ? null
                : HealthServer.start(new InetSocketAddress(config.httpPort()), streams.kafkaStreams()::state)) {
                if (health != null) {
                    out.printf("sitrep: health on port %d: /health, /health/ready, /health/live%n", health.port());
                    out.flush();
                }
                streams.start();
                stopped.await();
            }
            return streams.kafkaStreams().state() == org.apache.kafka.streams.KafkaStreams.State.ERROR ? 1 : 0;
        }
    }
}
