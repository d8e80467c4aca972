package org.sitrep.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.sitrep.config.ConfigLoader;
import org.sitrep.config.SitrepConfig;
import org.sitrep.extract.Extractor;
import org.sitrep.registry.SchemaRegistryClient;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.schema.Article;
import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.DeadLetter;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.SitrepTopology;
import org.sitrep.topology.Topics;

/**
 * The whole Sitrep topology in a {@link TopologyTestDriver}, with an in-memory registry of its own ({@code mock://}
 * scope per harness) and typed input and output topics.
 */
public final class DriverHarness implements AutoCloseable {
    public final SitrepConfig config;
    public final SchemaRegistryClient registry;
    public final SitrepSerdes serdes;
    public final Topology topology;
    public final TopologyTestDriver driver;
    public final TestInputTopic<String, Article> raw;
    public final TestInputTopic<String, byte[]> rawBytes;
    public final TestOutputTopic<String, Article> unique;
    public final TestOutputTopic<String, ArticleCopy> copies;
    public final TestOutputTopic<String, EventReport> reports;
    public final TestOutputTopic<String, Incident> incidents;
    public final TestOutputTopic<String, DeadLetter> dlq;
    private final String scope;

    public DriverHarness(Map<String, String> settings) {
        try {
            scope = "ttd-" + UUID.randomUUID();
            Path state = Files.createTempDirectory("sitrep-ttd-");
            Map<String, String> flags = new java.util.HashMap<>(settings);
            flags.put("schema-registry-url", "mock://" + scope);
            flags.put("bootstrap-servers", "dummy:9092");
            flags.put("state-dir", state.toString());
            flags.putIfAbsent("reorder-grace", "0s"); // records pass straight through unless a test sets a grace
            // TopologyTestDriver runs one task per sub-topology: each reorder buffer has exactly one upstream task.
            flags.putIfAbsent("partitions", "1");
            config = ConfigLoader.load(null, Map.of(), flags);
            registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), Map.of());
            serdes = new SitrepSerdes(registry);
            Properties props = config.streamsProperties();
            topology = SitrepTopology.build(config.pipeline(), config.partitions(), serdes, new Extractor(), props);
            driver = new TopologyTestDriver(topology, props);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        var strings = Serdes.String();
        raw = driver.createInputTopic(Topics.ARTICLES_RAW, strings.serializer(), serdes.article().serializer());
        rawBytes = driver.createInputTopic(Topics.ARTICLES_RAW, strings.serializer(), new ByteArraySerializer());
        unique = driver.createOutputTopic(Topics.ARTICLES_UNIQUE, strings.deserializer(), serdes.article().deserializer());
        copies = driver.createOutputTopic(Topics.ARTICLES_COPIES, strings.deserializer(), serdes.articleCopy().deserializer());
        reports = driver.createOutputTopic(Topics.REPORTS, strings.deserializer(), serdes.eventReport().deserializer());
        incidents = driver.createOutputTopic(Topics.INCIDENTS, strings.deserializer(), serdes.incident().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ, strings.deserializer(), serdes.deadLetter().deserializer());
    }

    public DriverHarness() {
        this(Map.of());
    }

    /** Pipes an article keyed by its id with its publication time as the record time. */
    public void send(Article article) {
        raw.pipeInput(article.getId(), article, article.getPublishedAt());
    }

    @Override
    public void close() {
        driver.close();
        SchemaRegistryClients.dropMockScope(scope);
    }
}
