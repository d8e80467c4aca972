package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.App;
import org.sitrep.cli.ResetCommand;
import org.sitrep.config.ConfigLoader;
import org.sitrep.config.SitrepConfig;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.extract.Extractor;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleSource;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.runtime.TopicReader;
import org.sitrep.schema.Article;
import org.sitrep.schema.Incident;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;
import picocli.CommandLine;

/**
 * {@code replay} into a real broker, the pipeline over it, {@code reset}, and the pipeline again: the second run,
 * from the same input with the same application id and state directory, publishes the same incidents.
 */
class ResetIT {
    static final String APP = "sitrep-reset-it";
    static EmbeddedKafka kafka;
    static String registryUrl;
    @TempDir
    static Path stateDir;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
        registryUrl = SharedRegistry.get().url();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void replayThenResetThenTheSameIncidentsAgain() throws Exception {
        SitrepConfig config = config();
        Path feed = ClusterSession.repoFile("data/sample-feed.jsonl");
        List<Article> expectedOrder = ArticleFile.inPublicationOrder(
            new ArticleSource(new ArticleValidator(1_000_000)).read(feed));

        RunOutputs first;
        try (PipelineSession session = session(config)) {
            session.createTopics();
            // replay through the CLI, as a user would
            StringWriter replayOut = new StringWriter();
            int rc = cli(replayOut, null, "replay", "--input", feed.toString(), "--no-progress");
            assertThat(rc).as(replayOut.toString()).isZero();
            assertThat(replayOut.toString()).contains("published " + expectedOrder.size() + " articles to news.articles.raw")
                .contains("rejected 0");
            List<ConsumerRecord<byte[], byte[]>> raw = readWithTimestamps(config, Topics.ARTICLES_RAW, expectedOrder.size());
            assertThat(raw).hasSize(expectedOrder.size());
            Map<Integer, List<Long>> timesByPartition = new HashMap<>();
            Map<String, Instant> published = new HashMap<>();
            expectedOrder.forEach(a -> published.put(a.getId(), a.getPublishedAt()));
            for (ConsumerRecord<byte[], byte[]> r : raw) {
                String key = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(r.timestamp()).as("record time of %s", key).isEqualTo(published.get(key).toEpochMilli());
                timesByPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r.timestamp());
            }
            timesByPartition.values().forEach(times -> assertThat(times).as("publication order").isSorted());

            session.start(Duration.ofMinutes(1));
            session.awaitIdle(Duration.ofMinutes(3));
            first = session.collect();
            leaveGroup(session);
        }
        assertThat(first.finalIncidents()).isNotEmpty();
        Path localState = stateDir.resolve(APP);
        assertThat(localState).exists();
        List<String> internal = internalTopics(config);
        assertThat(internal).contains(APP + "-articles-by-fingerprint-repartition", APP + "-incidents-store-changelog");

        // "no" at the prompt changes nothing
        StringWriter declined = new StringWriter();
        assertThat(cli(declined, "no\n", "reset", "--include-outputs")).isEqualTo(1);
        assertThat(declined.toString()).contains("DELETE " + internal.size() + " internal topics")
            .contains(APP + "-incidents-store-changelog").contains("DELETE the local state directory " + localState)
            .contains("news.incidents (").contains("aborted; nothing was changed");
        assertThat(internalTopics(config)).isEqualTo(internal);

        StringWriter confirmed = new StringWriter();
        assertThat(cli(confirmed, null, "reset", "--include-outputs", "--yes")).as(confirmed.toString()).isZero();
        assertThat(internalTopics(config)).isEmpty();
        assertThat(localState).doesNotExist();
        assertThat(TopicReader.readAll(config.clientProperties(), Topics.INCIDENTS, (t, b) -> b)).isEmpty();
        assertThat(TopicReader.readAll(config.clientProperties(), Topics.ARTICLES_UNIQUE, (t, b) -> b)).isEmpty();
        assertThat(TopicReader.readAll(config.clientProperties(), Topics.ARTICLES_RAW, (t, b) -> b)).hasSize(expectedOrder.size());

        RunOutputs second;
        try (PipelineSession session = session(config)) {
            session.start(Duration.ofMinutes(1));
            session.awaitIdle(Duration.ofMinutes(3));
            second = session.collect();
            leaveGroup(session);
        }
        assertThat(second.uniqueIds()).isEqualTo(first.uniqueIds());
        assertThat(second.copies()).containsExactlyInAnyOrderElementsOf(first.copies());
        assertThat(byId(second.finalIncidents())).isEqualTo(byId(first.finalIncidents()));
        assertThat(second.incidentVersions()).hasSameSizeAs(first.incidentVersions());
    }

    static List<ConsumerRecord<byte[], byte[]>> readWithTimestamps(SitrepConfig config, String topic, int expected) {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put("isolation.level", "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(props,
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** A stopped instance stays a member until its session times out (45 s) unless it leaves the group on close. */
    static void leaveGroup(PipelineSession session) {
        session.streams().kafkaStreams().close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
            org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
    }

    static Map<String, Incident> byId(java.util.Collection<Incident> incidents) {
        Map<String, Incident> m = new java.util.TreeMap<>();
        incidents.forEach(i -> m.put(i.getIncidentId(), i));
        return m;
    }

    static int cli(StringWriter out, String stdin, String... args) {
        CommandLine cli = App.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        if (stdin != null) {
            CommandLine reset = cli.getSubcommands().get("reset");
            ((ResetCommand) reset.getCommand()).answersFrom(new BufferedReader(new StringReader(stdin)));
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registryUrl,
            "--application-id", APP, "--state-dir", stateDir.toString(), "--set", "partitions=1"));
        return cli.execute(all.toArray(String[]::new));
    }

    static List<String> internalTopics(SitrepConfig config) throws Exception {
        try (Admin admin = Admin.create(config.clientProperties())) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            return names.stream().filter(n -> n.startsWith(APP + "-")).sorted().toList();
        }
    }

    static SitrepConfig config() {
        return ConfigLoader.load(null, Map.of(), Map.of("bootstrap-servers", kafka.bootstrapServers(),
            "schema-registry-url", registryUrl, "application-id", APP, "state-dir", stateDir.toString(),
            "partitions", "1", "reorder-flush-after", "1s"));
    }

    static PipelineSession session(SitrepConfig config) {
        return new PipelineSession(config, new SitrepSerdes(SchemaRegistryClients.create(registryUrl, Map.of())), new Extractor());
    }
}
