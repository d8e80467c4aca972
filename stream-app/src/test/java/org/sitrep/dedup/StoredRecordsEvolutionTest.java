package org.sitrep.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.sitrep.registry.AvroSerde;
import org.sitrep.registry.CompatibilityLevel;
import org.sitrep.registry.InMemorySchemaRegistryClient;
import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.NearDupSignature;
import org.sitrep.testing.WireFormat;
import org.sitrep.topology.SitrepSerdes;

/**
 * Records written before containment (a signature without its shingle count, a copy without its similarity measure)
 * are read by today's serdes with the fields' defaults: the change is BACKWARD compatible for the registry.
 */
class StoredRecordsEvolutionTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final SitrepSerdes serdes = new SitrepSerdes(registry);

    /** {@code current} without the field {@code name}: the schema as it was before the field was added. */
    static Schema without(Schema current, String name) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(current.toString());
        ArrayNode fields = (ArrayNode) root.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(name)) {
                fields.remove(i);
                return new Schema.Parser().parse(root.toString());
            }
        }
        throw new AssertionError("no field " + name);
    }

    /** What the registry checks when the new schema is registered after the old one (BACKWARD, the default). */
    static void assertBackwardCompatible(Schema current, Schema before) {
        assertThat(CompatibilityLevel.BACKWARD.allows(current, List.of(before))).isTrue();
    }

    /**
     * A record written with {@code current} less the field {@code added} (field names and values in pairs), read back
     * by today's {@code serde} for {@code topic}.
     */
    <T extends SpecificRecord> T writtenBefore(Schema current, String added, AvroSerde<T> serde, String topic,
                                               Object... fields) {
        Schema before;
        try {
            before = without(current, added);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertBackwardCompatible(current, before);
        GenericRecord old = new GenericData.Record(before);
        for (int i = 0; i < fields.length; i += 2) {
            old.put((String) fields[i], fields[i + 1]);
        }
        int id = registry.register(topic + "-value-before", before.toString());
        return serde.deserializer().deserialize(topic, WireFormat.encode(id, before, old));
    }

    @Test
    void aSignatureStoredWithoutItsShingleCountReadsWithCountZero() {
        NearDupSignature read = writtenBefore(NearDupSignature.getClassSchema(), "shingles", serdes.nearDupSignature(),
            "sitrep-dedup-signatures-store-changelog", "id", "a1", "url", "https://example.org/a1",
            "published_at", Instant.parse("2023-01-11T10:00:00Z").toEpochMilli(), "minhash", List.of(1L, 2L, 3L));
        assertThat(read.getMinhash()).containsExactly(1L, 2L, 3L);
        assertThat(read.getShingles()).isZero();
    }

    @Test
    void aCopyWrittenWithoutItsMeasureReadsAsJaccard() {
        ArticleCopy read = writtenBefore(ArticleCopy.getClassSchema(), "similarity_measure", serdes.articleCopy(),
            "news.articles.copies", "id", "b", "url", "https://example.org/b", "outlet", "Aggregator",
            "published_at", Instant.parse("2023-01-11T12:00:00Z").toEpochMilli(), "copy_of", "a",
            "copy_of_url", "https://example.org/a", "method", "minhash", "similarity", 0.56);
        assertThat(read.getSimilarity()).isEqualTo(0.56);
        assertThat(read.getSimilarityMeasure()).as("what a copy measured before containment").isEqualTo("jaccard");
    }
}
