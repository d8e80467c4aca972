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

    /** A signature equal to {@code base} on positions [from, to) and unique to {@code tag} elsewhere. */
    static long[] sharing(long[] base, int from, int to, long tag) {
        long[] s = new long[base.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = i >= from && i < to ? base[i] : tag * 1_000 + i;
        }
        return s;
    }

    static long[] probe() {
        long[] p = new long[64];
        for (int i = 0; i < p.length; i++) {
            p[i] = -1 - i;
        }
        return p;
    }

    @Test
    void theMostSimilarWinsThenTheEarlierPublishedThenTheSmallerId() {
        long[] p = probe();
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, 0.5, Duration.ofDays(7));
        // x shares bands 0-7 with the probe, y bands 8-15, z bands 0-11: x and y share nothing, so both are filed.
        assertThat(index.offer("y", "u/y", T0, sharing(p, 32, 64, 1))).isEmpty();
        assertThat(index.offer("x", "u/x", T0.plusSeconds(60), sharing(p, 0, 32, 2))).isEmpty();
        Optional<NearDuplicateIndex.Match> m = index.offer("p", "u/p", T0.plusSeconds(120), p);
        assertThat(m).get().satisfies(match -> {
            assertThat(match.original().id()).as("equal similarity: the earlier published").isEqualTo("y");
            assertThat(match.original().url()).isEqualTo("u/y");
            assertThat(match.similarity()).isEqualTo(0.5);
        });

        NearDuplicateIndex sameTime = new NearDuplicateIndex(HASHER, 0.5, Duration.ofDays(7));
        sameTime.offer("b", "u/b", T0, sharing(p, 32, 64, 1));
        sameTime.offer("a", "u/a", T0, sharing(p, 0, 32, 2));
        assertThat(sameTime.offer("p", "u/p", T0.plusSeconds(1), p)).get()
            .satisfies(match -> assertThat(match.original().id()).as("same time: the smaller id").isEqualTo("a"));

        NearDuplicateIndex closer = new NearDuplicateIndex(HASHER, 0.5, Duration.ofDays(7));
        closer.offer("early", "u/e", T0, sharing(p, 32, 64, 1));
        closer.offer("close", "u/c", T0.plusSeconds(60), sharing(p, 0, 48, 3));
        assertThat(closer.offer("p", "u/p", T0.plusSeconds(120), p)).get().satisfies(match -> {
            assertThat(match.original().id()).as("the most similar, though later").isEqualTo("close");
            assertThat(match.similarity()).isEqualTo(0.75);
        });
    }

    @Test
    void belowTheThresholdIsUniqueAndFiled() {
        long[] p = probe();
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, 0.5, Duration.ofDays(7));
        index.offer("x", "u/x", T0, sharing(p, 0, 28, 1)); // 7 bands shared, similarity 0.4375
        assertThat(index.offer("p", "u/p", T0.plusSeconds(1), p)).isEmpty();
        assertThat(index.size()).isEqualTo(2 * MinHasher.DEFAULT_BANDS);
    }

    @Test
    void copiesAreNotFiledSoAChainOfReSpinsPointsToTheFirstOnly() {
        long[] a = probe();
        long[] b = sharing(a, 0, 40, 1);  // 0.625 to a
        long[] c = sharing(b, 24, 64, 2); // 0.625 to b, 0.25 to a
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, 0.5, Duration.ofDays(7));
        assertThat(index.offer("a", "u/a", T0, a)).isEmpty();
        assertThat(index.offer("b", "u/b", T0.plusSeconds(1), b)).get()
            .satisfies(m -> assertThat(m.original().id()).isEqualTo("a"));
        assertThat(index.size()).as("b is a copy: not filed").isEqualTo(MinHasher.DEFAULT_BANDS);
        assertThat(MinHasher.similarity(b, c)).isGreaterThanOrEqualTo(0.5);
        assertThat(index.offer("c", "u/c", T0.plusSeconds(2), c)).as("c copies b, which is not an original").isEmpty();
    }

    @Test
    void anArticleOfferedAgainIsNotItsOwnCopyAndItsOldEntryIsReplaced() {
        long[] first = probe();
        long[] edited = sharing(first, 0, 0, 7);
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, 0.5, Duration.ofDays(7));
        assertThat(index.offer("a", "u/a", T0, first)).isEmpty();
        assertThat(index.offer("a", "u/a", T0.plusSeconds(5), first)).as("never its own original").isEmpty();
        assertThat(index.offer("a", "u/a", T0.plusSeconds(9), edited)).isEmpty();
        assertThat(index.size()).isEqualTo(MinHasher.DEFAULT_BANDS);
        assertThat(index.offer("b", "u/b", T0.plusSeconds(10), first)).as("a's old signature is gone").isEmpty();
    }

    @Test
    void expiryDropsExactlyTheEntriesOlderThanTheHorizon() {
        long[] p = probe();
        NearDuplicateIndex index = new NearDuplicateIndex(HASHER, 0.5, Duration.ofDays(7));
        index.offer("old", "u/o", T0, sharing(p, 0, 0, 1));
        index.offer("new", "u/n", T0.plus(Duration.ofDays(2)), sharing(p, 0, 0, 2));
        assertThat(index.expire(T0.plus(Duration.ofDays(7)))).as("exactly the horizon: kept").isZero();
        assertThat(index.expire(T0.plus(Duration.ofDays(7)).plusMillis(1))).isEqualTo(1);
        assertThat(index.size()).isEqualTo(MinHasher.DEFAULT_BANDS);
    }

    @Test
    void theStoreBackedStorageDecidesExactlyAsTheInMemoryOne() throws IOException {
        // Outside a topology both stores serialise for the same topic name ("changelog"): one registry each.
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        KeyValueStore<String, NearDupBand> bands = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("bands"),
            Serdes.String(), new SitrepSerdes(new InMemorySchemaRegistryClient()).nearDupBand()).withLoggingDisabled().build();
        KeyValueStore<String, NearDupSignature> signatures = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("signatures"), Serdes.String(),
            new SitrepSerdes(new InMemorySchemaRegistryClient()).nearDupSignature()).withLoggingDisabled().build();
        bands.init(context.getStateStoreContext(), bands);
        signatures.init(context.getStateStoreContext(), signatures);

        NearDuplicateIndex memory = new NearDuplicateIndex(HASHER, 0.5, Duration.ofDays(2));
        NearDuplicateIndex stores = new NearDuplicateIndex(HASHER, 0.5, Duration.ofDays(2),
            new NearDuplicateStores(bands, signatures));
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
                fromMemory.add(id + " -> " + m1.map(m -> m.original().id() + " " + m.similarity()).orElse("unique"));
                fromStores.add(id + " -> " + m2.map(m -> m.original().id() + " " + m.similarity()).orElse("unique"));
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
}
