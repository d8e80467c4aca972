package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sitrep.config.ConfigLoader;
import org.sitrep.embedded.ApicurioHome;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.embedded.EmbeddedRegistry;
import org.sitrep.extract.Extractor;
import org.sitrep.incidents.IncidentStage;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.registry.HttpSchemaRegistryClient;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.runtime.Directories;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.runtime.StreamsDrain;
import org.sitrep.schema.Article;
import org.sitrep.schema.Incident;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.RunChecks.Summary;
import static org.sitrep.testing.RunChecks.assertEachVersionOnce;
import static org.sitrep.testing.RunChecks.publishOneByOne;
import static org.sitrep.testing.RunChecks.reportIds;
import static org.sitrep.testing.RunChecks.summaries;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.testing.WireFormat;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/**
 * Faults on a real in-JVM broker (or three) with the real registry, each compared with a clean run of the same feed:
 * the same incident ids, articles and casualty estimates, the same report ids once each, every incident's versions
 * 1..n exactly once (read_committed), and no dead letters.
 *
 * <ol>
 *   <li>clean run: the reference;</li>
 *   <li>the app is killed mid-transaction (an {@link Error} from inside {@code producer.send}, see
 *       {@link CrashingInterceptor}) until the instance gives up (ERROR), then a new instance starts with the same
 *       application id and state directory;</li>
 *   <li>local state is wiped between two instances and restored from the changelogs;</li>
 *   <li>one broker of three is shut down mid-stream and started again (RF 3, min ISR 2);</li>
 *   <li>the registry (a persistent one of this test's own on a fixed port) is stopped mid-stream and started again.</li>
 * </ol>
 *
 * <p>As in {@link ScaleOutIT}, articles are published one at a time, each once the previous one is processed: the
 * incidents stage depends on the order in which reports arrive, and pacing makes that order the same in every run, so
 * any difference left comes from the fault. A subset of the sample feed keeps the run short on two cores.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    static final int ARTICLES = 18;
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static List<Article> feed;
    static Map<String, Summary> reference;
    static Set<String> referenceReports;
    /** Reports of the clean run that have a country (they go on to {@code reports-by-country}). */
    static Set<String> placedReports;
    static final List<Path> stateDirs = new ArrayList<>();

    @BeforeAll
    static void readFeed() throws IOException {
        var lines = ArticleFile.read(ClusterSession.repoFile("data/sample-feed.jsonl"), new ArticleValidator(1_000_000));
        feed = ArticleFile.inPublicationOrder(lines).subList(0, ARTICLES);
    }

    @AfterAll
    static void cleanUp() {
        stateDirs.forEach(Directories::deleteRecursively);
    }

    @Test
    @Order(1)
    void cleanRunGivesTheReference() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             PipelineSession s = session(kafka.bootstrapServers(), SharedRegistry.get().url(), "sitrep-fault-clean", newStateDir(), Map.of())) {
            s.createTopics();
            s.start(TIMEOUT);
            publishOneByOne(s, feed, TIMEOUT);
            RunOutputs out = s.collect();
            assertEachVersionOnce(out);
            reference = summaries(out);
            referenceReports = reportIds(out);
            placedReports = out.reports().stream().filter(r -> r.getCountry() != null).map(r -> r.getReportId())
                .collect(java.util.stream.Collectors.toSet());
        }
        assertThat(reference).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(2)
    void appKilledMidTransactionAndRestartedLosesAndDuplicatesNothing() throws Exception {
        String app = "sitrep-fault-crash";
        Path state = newStateDir();
        Map<String, String> settings = Map.of("kafka.producer.interceptor.classes", CrashingInterceptor.class.getName());
        // The victim must give reports (the crash is injected on sending its first one to news.reports), the first
        // of them with a country (so that the crashed transaction has also sent it to reports-by-country):
        // the first such article after half.
        int k = ARTICLES / 2;
        while (!placedReports.contains(feed.get(k).getId() + "#1")) {
            k++;
        }
        Article victim = feed.get(k);
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String registry = SharedRegistry.get().url();
            try (PipelineSession first = session(kafka.bootstrapServers(), registry, app, state, settings)) {
                first.createTopics();
                first.start(TIMEOUT);
                publishOneByOne(first, feed.subList(0, k), TIMEOUT);
                CrashingInterceptor.arm(victim.getId());
                first.publish(List.of(victim));
                // Threads die mid-transaction; two are replaced and die again on the same record; then the client stops.
                // (Awaitility must not fail on the stream threads' uncaught errors: they are the point.)
                await().atMost(TIMEOUT).dontCatchUncaughtExceptions()
                    .until(() -> first.streams().kafkaStreams().state() == KafkaStreams.State.ERROR);
                assertThat(CrashingInterceptor.crashes()).isGreaterThanOrEqualTo(3);
                Map<String, Object> client = first.config().clientProperties();
                // Extraction runs after the near-duplicate stage, whose transaction (news.articles.unique and
                // unique-articles-by-id) committed before extraction could read the article.
                assertThat(count(client, Topics.ARTICLES_UNIQUE, victim.getId(), "read_committed"))
                    .as("the article was unique before extraction").isEqualTo(1);
                // The crashed transactions had sent the report to reports-by-country just before (microseconds):
                // whether an aborted batch reached the log first is a race, so only "nothing committed" is checked.
                String byCountry = app + "-reports-by-country-repartition";
                String report = victim.getId() + "#1";
                assertThat(countValuesContaining(client, byCountry, report, "read_committed"))
                    .as("none of the crashed transactions committed").isZero();
                assertThat(count(client, Topics.REPORTS, report, "read_committed")).isZero();
            } finally {
                CrashingInterceptor.disarm();
            }
            try (PipelineSession second = session(kafka.bootstrapServers(), registry, app, state, settings)) {
                second.start(TIMEOUT);
                second.awaitIdle(TIMEOUT);
                publishOneByOne(second, feed.subList(k + 1, feed.size()), TIMEOUT);
                RunOutputs out = second.collect();
                assertEachVersionOnce(out);
                assertThat(count(second.config().clientProperties(), Topics.ARTICLES_UNIQUE, victim.getId(), "read_committed"))
                    .isEqualTo(1);
                assertSameAsReference(out);
            }
        }
    }

    @Test
    @Order(3)
    void localStateWipedAndRestoredFromChangelogsLosesNothing() {
        String app = "sitrep-fault-wipe";
        Path state = newStateDir();
        int half = ARTICLES / 2;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String registry = SharedRegistry.get().url();
            try (PipelineSession first = session(kafka.bootstrapServers(), registry, app, state, Map.of())) {
                first.createTopics();
                first.start(TIMEOUT);
                publishOneByOne(first, feed.subList(0, half), TIMEOUT);
            }
            Directories.deleteRecursively(state);
            assertThat(Files.exists(state)).isFalse();
            try (PipelineSession second = session(kafka.bootstrapServers(), registry, app, state, Map.of())) {
                second.start(TIMEOUT);
                KafkaStreams streams = second.streams().kafkaStreams();
                long restored = streams.store(StoreQueryParameters.fromNameAndType(IncidentStage.STORE,
                    QueryableStoreTypes.keyValueStore())).approximateNumEntries();
                assertThat(restored).as("incidents restored from the changelog").isPositive();
                publishOneByOne(second, feed.subList(half, feed.size()), TIMEOUT);
                RunOutputs out = second.collect();
                assertEachVersionOnce(out);
                assertSameAsReference(out);
            }
        }
    }

    @Test
    @Order(4)
    void aBrokerOfThreeStoppedAndRestartedMidStreamLosesNothing() throws Exception {
        int third = ARTICLES / 3;
        try (ScaleOutIT.Cluster cluster = ScaleOutIT.Cluster.start();
             PipelineSession s = session(cluster.bootstrap(), SharedRegistry.get().url(), "sitrep-fault-broker", newStateDir(),
                 Map.of("replication-factor", "3"))) {
            s.createTopics();
            s.start(TIMEOUT);
            publishOneByOne(s, feed.subList(0, third), TIMEOUT);
            var broker = cluster.kit.brokers().get(2);
            broker.shutdown();
            broker.awaitShutdown();
            publishOneByOne(s, feed.subList(third, 2 * third), TIMEOUT);
            broker.startup();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrap()))) {
                await().atMost(TIMEOUT).until(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == 3);
            }
            publishOneByOne(s, feed.subList(2 * third, feed.size()), TIMEOUT);
            RunOutputs out = s.collect();
            assertEachVersionOnce(out);
            assertSameAsReference(out);
        }
    }

    @Test
    @Order(5)
    void registryStoppedMidStreamAndRestartedLosesNothing() throws Exception {
        String app = "sitrep-fault-registry";
        Path state = newStateDir();
        Path registryData = newStateDir();
        int port = freePort();
        int half = ARTICLES / 2;
        EmbeddedRegistry registry = EmbeddedRegistry.startPersistent(ApicurioHome.locate(), port, registryData, TIMEOUT);
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            int evolvedId;
            Schema evolved = evolvedArticleSchema();
            try (PipelineSession first = session(kafka.bootstrapServers(), registry.url(), app, state, Map.of())) {
                first.createTopics();
                first.start(TIMEOUT);
                publishOneByOne(first, feed.subList(0, half), TIMEOUT);
                // Another producer's newer (compatible) Article schema: the app has not seen its id yet.
                evolvedId = new HttpSchemaRegistryClient(registry.url()).register(Topics.ARTICLES_RAW + "-value", evolved.toString());

                registry.close();
                assertThat(registry.isRunning()).isFalse();
                // With schemas already cached, an outage changes nothing: this article goes through.
                publishOneByOne(first, feed.subList(half, half + 1), TIMEOUT);
                // An unseen writer schema needs the registry: the task fails (never dead-letters, never skips), the
                // thread is replaced, and after three failures the instance stops, its input not committed.
                sendWithSchema(first, feed.get(half + 1), evolved, evolvedId);
                // (Awaitility must not fail on the stream threads' uncaught errors: they are the point.)
                await().atMost(TIMEOUT).dontCatchUncaughtExceptions()
                    .until(() -> first.streams().kafkaStreams().state() == KafkaStreams.State.ERROR);
                assertThat(count(first.config().clientProperties(), Topics.ARTICLES_UNIQUE, feed.get(half + 1).getId(),
                    "read_committed")).as("waiting, not processed").isZero();
            }
            registry = EmbeddedRegistry.startPersistent(ApicurioHome.locate(), port, registryData, TIMEOUT);
            assertThat(new HttpSchemaRegistryClient(registry.url()).schemaById(evolvedId)).as("same registry after restart")
                .isEqualTo(evolved.toString());
            try (PipelineSession second = session(kafka.bootstrapServers(), registry.url(), app, state, Map.of())) {
                second.start(TIMEOUT);
                second.awaitIdle(TIMEOUT);
                publishOneByOne(second, feed.subList(half + 2, feed.size()), TIMEOUT);
                RunOutputs out = second.collect();
                assertEachVersionOnce(out);
                assertSameAsReference(out);
            }
        } finally {
            registry.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A session with a given state directory, kept on close (a restart reuses it); the test deletes it at the end. */
    static PipelineSession session(String bootstrap, String registryUrl, String app, Path state, Map<String, String> extra) {
        Map<String, String> flags = new HashMap<>(extra);
        flags.put("bootstrap-servers", bootstrap);
        flags.put("schema-registry-url", registryUrl);
        flags.put("application-id", app);
        flags.put("state-dir", state.toString());
        flags.putIfAbsent("partitions", "2");
        // A stopped instance does not leave the group: let the broker notice within 6 s, not 45.
        flags.putIfAbsent("kafka.session.timeout.ms", "6000");
        // Articles are published one at a time, each after the last is processed, so order is fixed already: the
        // event-time reorder buffers would only hold the last article until their wall-clock flush.
        flags.putIfAbsent("reorder-grace", "0s");
        var config = ConfigLoader.load(null, Map.of(), flags);
        return new PipelineSession(config, new SitrepSerdes(SchemaRegistryClients.create(registryUrl, Map.of())), new Extractor());
    }

    static Path newStateDir() {
        try {
            Path p = Files.createTempDirectory("sitrep-fault-");
            stateDirs.add(p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records with this key on a topic, as a consumer with the given isolation level reads them. */
    /** Records of {@code topic} whose value bytes contain {@code text} in UTF-8 (an Avro string field does). */
    static int countValuesContaining(Map<String, Object> client, String topic, String text, String isolation) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        int n = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                for (var r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && indexOf(r.value(), needle) >= 0) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static int count(Map<String, Object> client, String topic, String key, String isolation) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        int n = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                for (var r : c.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    static Schema evolvedArticleSchema() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode schema = (ObjectNode) json.readTree(Article.getClassSchema().toString());
        schema.withArray("fields").addObject().put("name", "tags").put("type", "string").put("default", "");
        return new Schema.Parser().parse(schema.toString());
    }

    static void sendWithSchema(PipelineSession session, Article article, Schema schema, int id) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
            Object v = f.name().equals("tags") ? "fault-test" : article.get(f.name());
            record.put(f.name(), v instanceof Instant i ? i.toEpochMilli() : v);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(session.config().clientProperties(),
            new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, null, article.getPublishedAt().toEpochMilli(),
                article.getId().getBytes(StandardCharsets.UTF_8), WireFormat.encode(id, schema, record)));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    static void assertSameAsReference(RunOutputs out) {
        assertThat(reference).as("the clean run comes first").isNotNull();
        assertThat(reportIds(out)).isEqualTo(referenceReports);
        assertThat(summaries(out)).isEqualTo(reference);
    }
}
