package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.sitrep.bench.ArticleGenerator;
import org.sitrep.ordering.ReorderProcessor;
import org.sitrep.ordering.ReorderSettings;
import org.sitrep.ordering.WatermarkMarkers;
import org.sitrep.ordering.WatermarkStore;
import org.sitrep.registry.InMemorySchemaRegistryClient;
import org.sitrep.schema.Article;
import org.sitrep.schema.NearDupBand;
import org.sitrep.schema.NearDupSignature;
import org.sitrep.schema.SeenArticle;
import org.sitrep.topology.SitrepSerdes;

/**
 * The exact and the near-duplicate stage behind a reorder buffer fed by two upstream tasks, one of which runs far
 * ahead, as in a replay over several partitions: that task's records carry the stage's stream time to the end of the
 * feed before the buffer has released much. Each stage, alone in a small topology (TopologyTestDriver), must still
 * purge as the buffer releases: its store holds the horizon, not the history. And it must decide exactly as it does
 * behind one upstream task sending the same articles in order.
 */
class PurgeWithSeveralUpstreamTasksTest {
    static final Duration HORIZON = Duration.ofDays(2);
    /** A quarter of the horizon: how far the clock moves between purges. */
    static final Duration PURGE_EVERY = HORIZON.dividedBy(4);
    static final ReorderSettings REORDER = new ReorderSettings(Duration.ofMinutes(10), Duration.ofMinutes(10));
    static final int DAYS = 10;
    static final List<Article> FEED = new ArticleGenerator(11).articles(DAYS * ArticleGenerator.ARTICLES_PER_DAY);
    static final Instant FIRST_DAY = FEED.get(0).getPublishedAt().truncatedTo(ChronoUnit.DAYS);

    private final SitrepSerdes serdes = new SitrepSerdes(new InMemorySchemaRegistryClient());

    /** in -> reorder buffer (upstream tasks given) -> the stage's processor -> out, its decisions as text. */
    final class Stage implements AutoCloseable {
        final TopologyTestDriver driver;
        final TestInputTopic<String, Article> in;
        final TestOutputTopic<String, String> out;
        final Function<Article, String> keyOf;

        Stage(int upstreamTasks, String watermarkStore, Function<Article, String> keyOf, List<String> stageStores,
              Supplier<Processor<String, Article, String, DedupDecision>> processor) {
            this.keyOf = keyOf;
            StreamsBuilder b = new StreamsBuilder();
            b.addStateStore(ReorderProcessor.store("test-reorder-store", serdes.article()));
            b.addStateStore(WatermarkStore.store(watermarkStore));
            addStores(b, stageStores);
            List<String> connected = new ArrayList<>(stageStores);
            connected.add(watermarkStore);
            b.stream("in", Consumed.with(Serdes.String(), serdes.article()))
                .process(() -> new ReorderProcessor<>("test-reorder-store", watermarkStore, upstreamTasks, REORDER,
                    Article::getId, keyOf), Named.as("test-reorder"), "test-reorder-store", watermarkStore)
                .process(processor::get, Named.as("test-decide"), connected.toArray(String[]::new))
                .mapValues(PurgeWithSeveralUpstreamTasksTest::describe, Named.as("test-describe"))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
            driver = new TopologyTestDriver(b.build(), props());
            in = driver.createInputTopic("in", Serdes.String().serializer(), serdes.article().serializer());
            out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
        }

        void send(Article a) {
            in.pipeInput(keyOf.apply(a), a, a.getPublishedAt());
        }

        void watermark(int upstream, Instant at) {
            Record<String, Article> m = WatermarkMarkers.marker(upstream, at.toEpochMilli());
            in.pipeInput(new TestRecord<>(m.key(), m.value(), m.headers(), Instant.ofEpochMilli(m.timestamp())));
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    private void addStores(StreamsBuilder b, List<String> names) {
        for (String name : names) {
            switch (name) {
                case DedupStage.STORE -> b.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(name), Serdes.String(), serdes.seenArticle()));
                case NearDuplicateStage.BANDS_STORE -> b.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(name), Serdes.String(), serdes.nearDupBand()).withCachingEnabled());
                case NearDuplicateStage.SIGNATURES_STORE -> b.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(name), Serdes.String(), serdes.nearDupSignature()).withCachingEnabled());
                default -> throw new IllegalArgumentException(name);
            }
        }
    }

    static String describe(DedupDecision d) {
        return d.isCopy() ? "copy of " + d.original().getId() + " by " + d.method() : "unique";
    }

    static Properties props() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "purge-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        try {
            p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("sitrep-purge-").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    static Instant endOfDay(int day) {
        return FIRST_DAY.plus(Duration.ofDays(day + 1)).minusMillis(1);
    }

    static List<Article> ofDay(List<Article> articles, int day) {
        Instant from = FIRST_DAY.plus(Duration.ofDays(day));
        return articles.stream()
            .filter(a -> !a.getPublishedAt().isBefore(from) && a.getPublishedAt().isBefore(from.plus(Duration.ofDays(1))))
            .toList();
    }

    /** The feed in order from one upstream task, a watermark at the end of each day; returns the decisions. */
    static List<KeyValueTuple> inOrder(Stage stage) {
        for (int day = 0; day < DAYS; day++) {
            ofDay(FEED, day).forEach(stage::send);
            stage.watermark(0, endOfDay(day));
        }
        return KeyValueTuple.of(stage.out);
    }

    /**
     * The feed split between two upstream tasks: task 0 sends all of its half and its last watermark first, then
     * task 1 sends its half a day at a time, each day followed by its watermark. After each of task 1's days,
     * {@code oldestKept} must be within the horizon (and a purge interval, and the day just released) of the
     * released time.
     */
    static List<KeyValueTuple> oneTaskFarAhead(Stage stage, Function<Stage, Instant> oldestKept) {
        List<Article> task0 = new ArrayList<>();
        List<Article> task1 = new ArrayList<>();
        for (int i = 0; i < FEED.size(); i++) {
            (i % 2 == 0 ? task0 : task1).add(FEED.get(i));
        }
        task0.forEach(stage::send);
        stage.watermark(0, endOfDay(DAYS - 1));
        for (int day = 0; day < DAYS; day++) {
            ofDay(task1, day).forEach(stage::send);
            stage.watermark(1, endOfDay(day));
            Instant bound = endOfDay(day).minus(HORIZON).minus(PURGE_EVERY).minus(Duration.ofDays(1));
            assertThat(oldestKept.apply(stage)).as("oldest kept after day %d of %d", day + 1, DAYS)
                .isAfterOrEqualTo(day + 1 >= 4 ? bound : FIRST_DAY);
        }
        return KeyValueTuple.of(stage.out);
    }

    record KeyValueTuple(String key, String value) {
        static List<KeyValueTuple> of(TestOutputTopic<String, String> out) {
            return out.readKeyValuesToList().stream().map(kv -> new KeyValueTuple(kv.key, kv.value)).toList();
        }
    }

    static <V> Instant oldest(KeyValueStore<String, V> store, Function<V, Instant> publishedAt) {
        Instant oldest = Instant.MAX;
        try (KeyValueIterator<String, V> it = store.all()) {
            while (it.hasNext()) {
                Instant t = publishedAt.apply(it.next().value);
                oldest = t.isBefore(oldest) ? t : oldest;
            }
        }
        return oldest;
    }

    Stage exactStage(int upstreamTasks) {
        return new Stage(upstreamTasks, DedupStage.WATERMARK_STORE, ContentFingerprint::of, List.of(DedupStage.STORE),
            () -> new DedupProcessor(HORIZON));
    }

    Stage nearStage(int upstreamTasks) {
        return new Stage(upstreamTasks, NearDuplicateStage.WATERMARK_STORE, Article::getId,
            List.of(NearDuplicateStage.BANDS_STORE, NearDuplicateStage.SIGNATURES_STORE),
            () -> new NearDuplicateProcessor(new MinHasher(), NearDuplicateRule.DEFAULTS, HORIZON, REORDER.grace()));
    }

    @Test
    void theExactStagePurgesAsTheBufferReleasesAndDecidesAsWithOneUpstreamTask() {
        List<KeyValueTuple> expected;
        try (Stage one = exactStage(1)) {
            expected = inOrder(one);
        }
        assertThat(expected).hasSize(FEED.size()).anyMatch(kv -> kv.value().endsWith("by body_hash"));
        try (Stage two = exactStage(2)) {
            List<KeyValueTuple> decisions = oneTaskFarAhead(two,
                s -> oldest(s.driver.<String, SeenArticle>getKeyValueStore(DedupStage.STORE), SeenArticle::getPublishedAt));
            assertThat(decisions).isEqualTo(expected);
        }
    }

    @Test
    void theNearDuplicateStagePurgesItsSignaturesAndBandsAsTheBufferReleasesAndDecidesAsWithOneUpstreamTask() {
        List<KeyValueTuple> expected;
        try (Stage one = nearStage(1)) {
            expected = inOrder(one);
        }
        assertThat(expected).hasSize(FEED.size()).anyMatch(kv -> kv.value().endsWith("by minhash"));
        try (Stage two = nearStage(2)) {
            List<KeyValueTuple> decisions = oneTaskFarAhead(two, s -> {
                Instant signatures = oldest(s.driver.<String, NearDupSignature>getKeyValueStore(
                    NearDuplicateStage.SIGNATURES_STORE), NearDupSignature::getPublishedAt);
                Instant bands = oldest(s.driver.<String, NearDupBand>getKeyValueStore(NearDuplicateStage.BANDS_STORE),
                    band -> band.getArticles().stream().map(e -> e.getPublishedAt()).min(Instant::compareTo)
                        .orElseThrow());
                return signatures.isBefore(bands) ? signatures : bands;
            });
            assertThat(decisions).isEqualTo(expected);
        }
    }
}
