package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.sitrep.registry.InMemorySchemaRegistryClient;
import org.sitrep.schema.NearDupBand;
import org.sitrep.schema.NearDupSignature;
import org.sitrep.topology.SitrepSerdes;

/** The pure near-duplicate decision of {@link NearDuplicateIndex}, over memory and over Kafka Streams stores. */
class NearDuplicateIndexTest {
    static final MinHasher HASHER = new MinHasher();
    static final Instant T0 = Instant.parse("2023-01-10T10:00:00Z");

    /**
     * A signature equal to {@code base} on positions [from, to) of each half and unique to {@code tag} elsewhere: the
     * first half holds the 32 bands of 2 rows, so bands from/2 to to/2 are shared, and the estimated Jaccard
     * similarity to {@code base} is (to - from) / 64.
     */
    static long[] sharing(long[] base, int from, int to, long tag) {
        long[] s = new long[base.length];
        for (int i = 0; i < s.length; i++) {
            int j = i % 64;
            s[i] = j >= from && j < to ? base[i] : tag * 1_000 + i;
        }
        return s;
    }

    /** A sketch whose shingle count is unknown: judged by estimated Jaccard only. */
    static MinHasher.Sketch unsized(long[] signature) {
        return new MinHasher.Sketch(signature, 0);
    }

    /** As many minima as today's signatures; the first 64 are the banded positions (32 bands of 2 rows). */
    static long[] probe() {
        long[] p = new long[MinHasher.DEFAULT_HASHES];
        for (int i = 0; i < p.length; i++) {
            p[i] = -1 - i;
        }
        return p;
    }

    @Test
    void theMostSimilarWinsThenTheEarlierPublishedThenTheSmallerId() {
        long[] p = probe();
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        // x shares positions 0-31 (bands 0-15) with the probe, y positions 32-63 (bands 16-31): x and y share
        // nothing, so both are filed.
        assertThat(index.offer("y", "u/y", T0, unsized(sharing(p, 32, 64, 1)))).isEmpty();
        assertThat(index.offer("x", "u/x", T0.plusSeconds(60), unsized(sharing(p, 0, 32, 2)))).isEmpty();
        Optional<NearDuplicateIndex.Match> m = index.offer("p", "u/p", T0.plusSeconds(120), unsized(p));
        assertThat(m).get().satisfies(match -> {
            assertThat(match.original().id()).as("equal similarity: the earlier published").isEqualTo("y");
            assertThat(match.original().url()).isEqualTo("u/y");
            assertThat(match.similarity()).isEqualTo(0.5);
        });

        NearDuplicateIndex sameTime = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        sameTime.offer("b", "u/b", T0, unsized(sharing(p, 32, 64, 1)));
        sameTime.offer("a", "u/a", T0, unsized(sharing(p, 0, 32, 2)));
        assertThat(sameTime.offer("p", "u/p", T0.plusSeconds(1), unsized(p))).get()
            .satisfies(match -> assertThat(match.original().id()).as("same time: the smaller id").isEqualTo("a"));

        NearDuplicateIndex closer = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        closer.offer("early", "u/e", T0, unsized(sharing(p, 32, 64, 1)));
        closer.offer("close", "u/c", T0.plusSeconds(60), unsized(sharing(p, 0, 48, 3)));
        assertThat(closer.offer("p", "u/p", T0.plusSeconds(120), unsized(p))).get().satisfies(match -> {
            assertThat(match.original().id()).as("the most similar, though later").isEqualTo("close");
            assertThat(match.similarity()).isEqualTo(0.75);
        });
    }

    @Test
    void belowTheThresholdIsUniqueAndFiled() {
        long[] p = probe();
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        index.offer("x", "u/x", T0, unsized(sharing(p, 0, 28, 1))); // 14 bands shared, similarity 0.4375
        assertThat(index.offer("p", "u/p", T0.plusSeconds(1), unsized(p))).isEmpty();
        assertThat(index.size()).isEqualTo(2 * MinHasher.DEFAULT_BANDS);
    }

    @Test
    void aPartOfALongerTextIsACopyByContainmentWhereJaccardFallsShort() {
        long[] original = probe();
        long[] part = sharing(original, 0, 24, 1); // Jaccard estimate 0.375, 12 bands shared
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        index.offer("long", "u/l", T0, new MinHasher.Sketch(original, 300));
        // |A∩B| = 0.375 * 400 / 1.375 = 109, clamped to the 100 shingles of the part: containment 1, a third of 300.
        assertThat(index.offer("part", "u/p", T0.plusSeconds(1), new MinHasher.Sketch(part, 100))).get().satisfies(m -> {
            assertThat(m.original().id()).isEqualTo("long");
            assertThat(m.measure()).isEqualTo(NearDuplicateRule.Measure.CONTAINMENT);
            assertThat(m.similarity()).isEqualTo(1.0);
            assertThat(m.estimate().jaccard()).isEqualTo(0.375);
            assertThat(m.estimate().shareOfLonger()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(index.size()).as("the copy is not filed").isEqualTo(MinHasher.DEFAULT_BANDS);
    }

    @Test
    void aSmallPartOfAMuchLongerTextIsNotACopy() {
        long[] original = probe();
        long[] quote = sharing(original, 0, 8, 1); // Jaccard estimate 0.125, 4 bands shared: a candidate
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        index.offer("long", "u/l", T0, new MinHasher.Sketch(original, 1_000));
        // All of the short text is in the long one (containment 1), but it is a tenth of it: under the 0.25 share.
        assertThat(index.offer("quote", "u/q", T0.plusSeconds(1), new MinHasher.Sketch(quote, 100))).isEmpty();
        assertThat(index.size()).isEqualTo(2 * MinHasher.DEFAULT_BANDS);
    }

    @Test
    void anEntryStoredWithoutItsShingleCountIsJudgedByJaccardOnly() {
        long[] original = probe();
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        index.offer("legacy", "u/l", T0, unsized(original));
        assertThat(index.offer("part", "u/p", T0.plusSeconds(1), new MinHasher.Sketch(sharing(original, 0, 24, 1), 100)))
            .as("Jaccard 0.375 < 0.5, containment unknown").isEmpty();
        assertThat(index.offer("near", "u/n", T0.plusSeconds(2), new MinHasher.Sketch(sharing(original, 0, 40, 2), 100)))
            .get().satisfies(m -> {
                assertThat(m.original().id()).isEqualTo("legacy");
                assertThat(m.measure()).isEqualTo(NearDuplicateRule.Measure.JACCARD);
                assertThat(m.similarity()).isEqualTo(0.625);
            });
    }

    @Test
    void copiesAreNotFiledSoAChainOfReSpinsPointsToTheFirstOnly() {
        long[] a = probe();
        long[] b = sharing(a, 0, 40, 1);  // 0.625 to a
        long[] c = sharing(b, 24, 64, 2); // 0.625 to b, 0.25 to a
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        assertThat(index.offer("a", "u/a", T0, unsized(a))).isEmpty();
        assertThat(index.offer("b", "u/b", T0.plusSeconds(1), unsized(b))).get()
            .satisfies(m -> assertThat(m.original().id()).isEqualTo("a"));
        assertThat(index.size()).as("b is a copy: not filed").isEqualTo(MinHasher.DEFAULT_BANDS);
        assertThat(MinHasher.similarity(b, c)).isGreaterThanOrEqualTo(0.5);
        assertThat(index.offer("c", "u/c", T0.plusSeconds(2), unsized(c))).as("c copies b, which is not an original").isEmpty();
    }

    @Test
    void anArticleOfferedAgainIsNotItsOwnCopyAndItsOldEntryIsReplaced() {
        long[] first = probe();
        long[] edited = sharing(first, 0, 0, 7);
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        assertThat(index.offer("a", "u/a", T0, unsized(first))).isEmpty();
        assertThat(index.offer("a", "u/a", T0.plusSeconds(5), unsized(first))).as("never its own original").isEmpty();
        assertThat(index.offer("a", "u/a", T0.plusSeconds(9), unsized(edited))).isEmpty();
        assertThat(index.size()).isEqualTo(MinHasher.DEFAULT_BANDS);
        assertThat(index.offer("b", "u/b", T0.plusSeconds(10), unsized(first))).as("a's old signature is gone").isEmpty();
    }

    @Test
    void expiryDropsExactlyTheEntriesOlderThanTheHorizon() {
        long[] p = probe();
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7));
        index.offer("old", "u/o", T0, unsized(sharing(p, 0, 0, 1)));
        index.offer("new", "u/n", T0.plus(Duration.ofDays(2)), unsized(sharing(p, 0, 0, 2)));
        assertThat(index.expire(T0.plus(Duration.ofDays(7)))).as("exactly the horizon: kept").isZero();
        assertThat(index.expire(T0.plus(Duration.ofDays(7)).plusMillis(1))).isEqualTo(1);
        assertThat(index.size()).isEqualTo(MinHasher.DEFAULT_BANDS);
    }

    /** The topology's two stores, in memory and without changelog, initialised outside a topology. */
    record TestStores(KeyValueStore<String, NearDupBand> bands, KeyValueStore<String, NearDupSignature> signatures) {
        static TestStores open() {
            // Outside a topology both stores serialise for the same topic name ("changelog"): one registry each.
            MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
            KeyValueStore<String, NearDupBand> bands = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("bands"),
                Serdes.String(), new SitrepSerdes(new InMemorySchemaRegistryClient()).nearDupBand()).withLoggingDisabled().build();
            KeyValueStore<String, NearDupSignature> signatures = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("signatures"), Serdes.String(),
                new SitrepSerdes(new InMemorySchemaRegistryClient()).nearDupSignature()).withLoggingDisabled().build();
            bands.init(context.getStateStoreContext(), bands);
            signatures.init(context.getStateStoreContext(), signatures);
            return new TestStores(bands, signatures);
        }

        NearDuplicateStores storage() {
            return new NearDuplicateStores(bands, signatures);
        }

        long bandKeys() {
            return NearDuplicateDriverTest.count(bands);
        }
    }

    @Test
    void theStoresKeepWhatWasFiledInMemoryAndInTheStoreAndForgetWhatWasRemovedInBoth() {
        TestStores ts = TestStores.open();
        NearDuplicateStores storage = ts.storage();
        long[] signature = probe();
        List<String> keys = HASHER.bandKeys(signature);
        NearDuplicateIndex.Entry filed = new NearDuplicateIndex.Entry("a", "u/a", T0, signature, 40);
        storage.put(filed, keys, NearDuplicateIndex.BAND_CAPACITY);

        assertThat(storage.get("a")).as("from memory").isSameAs(filed);
        NearDuplicateIndex.Entry reread = ts.storage().get("a"); // a new view, as after a restore: read from the store
        assertThat(reread).isNotSameAs(filed);
        assertThat(reread.signature()).containsExactly(signature);
        assertThat(reread.shingles()).isEqualTo(40);
        assertThat(reread.url()).isEqualTo("u/a");
        assertThat(reread.publishedAt()).isEqualTo(T0);

        storage.remove(filed, keys);
        assertThat(storage.get("a")).as("gone from memory").isNull();
        assertThat(ts.signatures().get("a")).as("gone from the store").isNull();
        assertThat(ts.bandKeys()).isZero();
    }

    @Test
    void thePurgeClearsWhatTheVersionBeforeContainmentFiledAndNoLookupFindsIt() {
        TestStores ts = TestStores.open();
        String body = "Soldiers and gendarmes repelled an attack on the border post at dawn, the governor said on state"
            + " radio, adding that the assailants had fled towards the forest with their wounded";
        // As the earlier version stored it: 64 minima, 16 bands of 4 rows, no shingle count.
        long[] old = NearDuplicateIndex.BEFORE_CONTAINMENT.signature(body);
        ts.storage().put(new NearDuplicateIndex.Entry("old", "u/o", T0, old, 0),
            NearDuplicateIndex.BEFORE_CONTAINMENT.bandKeys(old), NearDuplicateIndex.BAND_CAPACITY);
        assertThat(ts.bandKeys()).isEqualTo(16);

        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(7),
            ts.storage());
        assertThat(index.offer("again", "u/a", T0.plusSeconds(1), body)).as("other band keys: not a candidate").isEmpty();
        assertThat(ts.bandKeys()).isEqualTo(16 + MinHasher.DEFAULT_BANDS);
        assertThat(index.expire(T0.plus(Duration.ofDays(7)).plusSeconds(2))).isEqualTo(2);
        assertThat(ts.bandKeys()).as("both layouts' filings removed").isZero();
        assertThat(ts.signatures().approximateNumEntries()).isZero();
    }

    @Test
    void aHotBandKeepsItsLatestFilingsOnlyInBothStorages() {
        NearDuplicateIndex.Storage memory = new NearDuplicateIndex.InMemory();
        NearDuplicateIndex.Storage stores = TestStores.open().storage();
        List<String> hot = List.of("00-hot");
        int offered = 3 * NearDuplicateIndex.BAND_CAPACITY;
        for (int i = 0; i < offered; i++) {
            // Filed out of publication order: the cap keeps the latest published, not the latest filed.
            int hour = (i * 7) % offered;
            NearDuplicateIndex.Entry e = new NearDuplicateIndex.Entry("a" + hour, "u/" + hour,
                T0.plus(Duration.ofHours(hour)), new long[] {hour}, 10);
            memory.put(e, hot, NearDuplicateIndex.BAND_CAPACITY);
            stores.put(e, hot, NearDuplicateIndex.BAND_CAPACITY);
        }
        List<String> expected = new ArrayList<>();
        for (int hour = offered - NearDuplicateIndex.BAND_CAPACITY; hour < offered; hour++) {
            expected.add("a" + hour);
        }
        for (NearDuplicateIndex.Storage storage : List.of(memory, stores)) {
            List<String> filed = new ArrayList<>();
            storage.forEachFiled("00-hot", (id, at) -> filed.add(id));
            assertThat(filed).as(storage.getClass().getSimpleName()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(storage.filings()).isEqualTo(NearDuplicateIndex.BAND_CAPACITY);
            assertThat(storage.get("a0")).as("its signature stays until the purge").isNotNull();
        }
    }

    @Test
    void aLookupReadsAtMostTheBandCapacityPerBandHoweverManyShareIt() {
        // A hundred articles that share every shingle but one: their bands collide on most keys.
        NearDuplicateIndex.InMemory storage = new NearDuplicateIndex.InMemory();
        int[] reads = {0};
        NearDuplicateIndex.Storage counting = new NearDuplicateIndex.Storage() {
            public void forEachFiled(String k, java.util.function.BiConsumer<String, Instant> a) {
                storage.forEachFiled(k, a);
            }
            public NearDuplicateIndex.Entry get(String id) {
                reads[0]++;
                return storage.get(id);
            }
            public void put(NearDuplicateIndex.Entry e, List<String> keys, int capacity) {
                storage.put(e, keys, capacity);
            }
            public void remove(NearDuplicateIndex.Entry e, List<String> keys) {
                storage.remove(e, keys);
            }
            public List<NearDuplicateIndex.Entry> publishedBefore(Instant cutoff) {
                return storage.publishedBefore(cutoff);
            }
            public long filings() {
                return storage.filings();
            }
        };
        // A rule no pair meets, so every article is filed and every band stays hot.
        NearDuplicateIndex index = new NearDuplicateIndex(new MinHasher(1, 64, 4, 1), new NearDuplicateRule(1.0, 1.0, 1.0),
            Duration.ofDays(7), counting);
        String shared = "troops patrol the road between the two towns every week";
        int most = 0;
        for (int i = 0; i < 100; i++) {
            reads[0] = 0;
            assertThat(index.offer("a" + i, T0.plusSeconds(i), shared + " w" + (char) ('a' + i % 26) + (char) ('a' + i / 26))).isEmpty();
            assertThat(reads[0]).as("candidates read for article " + i).isLessThanOrEqualTo(4 * NearDuplicateIndex.BAND_CAPACITY + 1);
            most = Math.max(most, reads[0]);
        }
        assertThat(most).as("the bands were hot: the cap, not luck, bounded the reads").isGreaterThanOrEqualTo(NearDuplicateIndex.BAND_CAPACITY);
    }

    @Test
    void theStoreBackedStorageDecidesExactlyAsTheInMemoryOne() throws IOException {
        TestStores ts = TestStores.open();
        KeyValueStore<String, NearDupSignature> signatures = ts.signatures();

        NearDuplicateIndex memory = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(2));
        NearDuplicateIndex stores = new NearDuplicateIndex(HASHER, NearDuplicateRule.DEFAULTS, Duration.ofDays(2),
            ts.storage());
        List<String> fromMemory = new ArrayList<>();
        List<String> fromStores = new ArrayList<>();
        Instant t = T0;
        int copies = 0;
        int n = 0;
        for (JsonNode a : NearDuplicateTest.feed().values()) {
            List<String> bodies = new ArrayList<>(List.of(a.get("body").asText()));
            bodies.addAll(NearDuplicateTest.respins(a.get("body").asText()));
            for (String body : bodies) {
                String id = a.get("id").asText() + "-" + n++;
                t = t.plus(Duration.ofHours(3));
                var m1 = memory.offer(id, "u/" + id, t, body);
                var m2 = stores.offer(id, "u/" + id, t, body);
                fromMemory.add(id + " -> " + m1.map(NearDuplicateIndexTest::describe).orElse("unique"));
                fromStores.add(id + " -> " + m2.map(NearDuplicateIndexTest::describe).orElse("unique"));
                copies += m1.isPresent() ? 1 : 0;
            }
            if (n % 20 == 0) {
                assertThat(stores.expire(t)).isEqualTo(memory.expire(t));
            }
        }
        assertThat(fromStores).isEqualTo(fromMemory);
        assertThat(copies).as("the re-spins were found").isGreaterThan(60);
        assertThat(stores.size()).isEqualTo(memory.size()).isPositive();
        assertThat(signatures.approximateNumEntries() * MinHasher.DEFAULT_BANDS).isEqualTo(memory.size());
    }

    private static String describe(NearDuplicateIndex.Match m) {
        return m.original().id() + " " + m.measure() + " " + m.similarity() + " " + m.estimate();
    }
}
