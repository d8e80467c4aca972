package org.sitrep.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testing.Fixtures.article;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.schema.Article;
import org.sitrep.schema.DeadLetter;
import org.sitrep.testing.DriverHarness;

/** Ingest, dedup and dead-letter behaviour of the whole topology, driven by TopologyTestDriver. */
class PipelineDriverTest {
    private final DriverHarness h = new DriverHarness(Map.of("max-body-chars", "5000"));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void exactCopiesAreDroppedAndPointToTheFirstArticle() {
        Article first = article("a1", "2023-01-11T10:00:00Z", "At least 12 soldiers were killed on Tuesday near Macina, officers said.");
        Article copy = Article.newBuilder(article("a2", "2023-01-11T12:00:00Z", "AT LEAST 12 soldiers were killed on Tuesday near Macina -- officers said."))
            .setTitle("A different headline").build();
        Article other = article("a3", "2023-01-11T13:00:00Z", "A different story about Ménaka.");
        h.send(first);
        h.send(copy);
        h.send(other);

        assertThat(h.unique.readKeyValuesToMap()).containsOnlyKeys("a1", "a3");
        var copies = h.copies.readKeyValuesToList();
        assertThat(copies).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("a2");
            assertThat(kv.value.getCopyOf()).isEqualTo("a1");
            assertThat(kv.value.getSimilarity()).isEqualTo(1.0);
        });
        assertThat(h.dlq.isEmpty()).isTrue();
    }

    @Test
    void theSeenStoreForgetsTextsOlderThanTheHorizonAsEventTimeAdvances() {
        h.send(article("a1", "2023-01-01T10:00:00Z", "Old wire text."));
        var store = h.driver.<String, org.sitrep.schema.SeenArticle>getKeyValueStore("dedup-seen-store");
        assertThat(store.approximateNumEntries()).isEqualTo(1);
        h.send(article("a2", "2023-01-12T10:00:00Z", "A later, different story."));
        assertThat(count(store)).as("only the later text is remembered").isEqualTo(1);
        assertThat(store.all().next().value.getId()).isEqualTo("a2");
    }

    @Test
    void eventTimeIsThePublicationTimeWhateverTheRecordTimestamp() {
        Article a = article("t1", "2023-01-11T10:00:00Z", "Story.");
        h.raw.pipeInput("t1", a, Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(h.unique.readRecord().timestamp()).isEqualTo(a.getPublishedAt().toEpochMilli());
    }

    private static long count(org.apache.kafka.streams.state.KeyValueStore<String, ?> store) {
        long n = 0;
        try (var it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    @Test
    void aCopyBeyondTheHorizonIsUniqueAgain() {
        h.send(article("a1", "2023-01-01T10:00:00Z", "Same wire text."));
        h.send(article("a2", "2023-01-20T10:00:00Z", "Same wire text."));
        assertThat(h.unique.readKeyValuesToMap()).containsOnlyKeys("a1", "a2");
        assertThat(h.copies.isEmpty()).isTrue();
    }

    // Garbage bytes on news.articles.raw are dead-lettered by the deserialization handler; TopologyTestDriver does not
    // capture the records such a handler returns, so that path is proven on the real broker in StreamingIT.

    @Test
    void invalidArticlesAreDeadLetteredByTheIngestStage() {
        h.send(article("empty", "2023-01-11T10:00:00Z", " "));
        h.send(article("huge", "2023-01-11T10:00:00Z", "x".repeat(5001)));
        h.send(article("future", "2023-01-11T10:00:00Z", "ok"));
        Article farFuture = Article.newBuilder(article("y9999", "2023-01-11T10:00:00Z", "ok"))
            .setPublishedAt(Instant.parse("9999-01-01T00:00:00Z")).build();
        h.raw.pipeInput("y9999", farFuture, Instant.parse("2023-01-11T10:00:00Z"));

        var letters = h.dlq.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getStage).containsOnly("ingest");
        assertThat(letters).extracting(DeadLetter::getReason).anySatisfy(r -> assertThat(r).contains("empty body"))
            .anySatisfy(r -> assertThat(r).contains("max-body-chars"))
            .anySatisfy(r -> assertThat(r).contains("outside 1990..2100"));
        assertThat(letters).hasSize(3);
        assertThat(letters).allSatisfy(l -> assertThat(l.getValue()).isNotNull());
        assertThat(h.unique.readKeyValuesToMap()).containsOnlyKeys("future");
    }

    @Test
    void everyValueOnTheWireIsConfluentAvroWithARegisteredSchema() {
        h.send(article("a1", "2023-01-11T10:00:00Z", "Story."));
        var record = h.driver.createOutputTopic(Topics.ARTICLES_UNIQUE,
            org.apache.kafka.common.serialization.Serdes.String().deserializer(),
            org.apache.kafka.common.serialization.Serdes.ByteArray().deserializer()).readValue();
        assertThat(record[0]).isZero();
        int id = java.nio.ByteBuffer.wrap(record, 1, 4).getInt();
        assertThat(h.registry.latest(Topics.ARTICLES_UNIQUE + "-value").id()).isEqualTo(id);
    }
}
