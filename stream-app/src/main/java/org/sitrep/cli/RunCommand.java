package org.sitrep.cli;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.sitrep.api.ApiRuntime;
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
        SitrepSerdes serdes = new SitrepSerdes(registry);
        CountDownLatch stopped = new CountDownLatch(1);
        // The API is bound before the streams app is built: its address becomes application.server.
        ApiRuntime api = config.httpPort() == 0 ? null : ApiRuntime.bind(new InetSocketAddress(config.httpPort()));
        if (api != null) {
            config = api.advertise(config, null);
        }
        try (api; SitrepStreams streams = new SitrepStreams(config, serdes, new Extractor())) {
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
            if (api != null) {
                api.attach(streams, config, serdes);
                out.printf("sitrep: HTTP on port %d (advertised as %s): /incidents, /incidents/stream, /health, /metrics,"
                    + " /topology, /openapi.json, and the map at /%n", api.port(), config.advertisedHttpUrl());
            }
            out.flush();
            streams.start();
            stopped.await();
            return streams.kafkaStreams().state() == org.apache.kafka.streams.KafkaStreams.State.ERROR ? 1 : 0;
        }
    }
}
