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
import org.junit.jupiter.api.Test;
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

    @Test
    void aSignatureStoredWithoutItsShingleCountReadsWithCountZero() throws Exception {
        Schema before = without(NearDupSignature.getClassSchema(), "shingles");
        assertBackwardCompatible(NearDupSignature.getClassSchema(), before);
        GenericRecord old = new GenericData.Record(before);
        old.put("id", "a1");
        old.put("url", "https://example.org/a1");
        old.put("published_at", Instant.parse("2023-01-11T10:00:00Z").toEpochMilli());
        old.put("minhash", List.of(1L, 2L, 3L));
        int id = registry.register("dedup-signatures-store-before", before.toString());

        NearDupSignature read = serdes.nearDupSignature().deserializer()
            .deserialize("sitrep-dedup-signatures-store-changelog", WireFormat.encode(id, before, old));
        assertThat(read.getMinhash()).containsExactly(1L, 2L, 3L);
        assertThat(read.getShingles()).isZero();
    }

    @Test
    void aCopyWrittenWithoutItsMeasureReadsAsJaccard() throws Exception {
        Schema before = without(ArticleCopy.getClassSchema(), "similarity_measure");
        assertBackwardCompatible(ArticleCopy.getClassSchema(), before);
        GenericRecord old = new GenericData.Record(before);
        old.put("id", "b");
        old.put("url", "https://example.org/b");
        old.put("outlet", "Aggregator");
        old.put("published_at", Instant.parse("2023-01-11T12:00:00Z").toEpochMilli());
        old.put("copy_of", "a");
        old.put("copy_of_url", "https://example.org/a");
        old.put("method", "minhash");
        old.put("similarity", 0.56);
        int id = registry.register("news.articles.copies-value", before.toString());

        ArticleCopy read = serdes.articleCopy().deserializer().deserialize("news.articles.copies",
            WireFormat.encode(id, before, old));
        assertThat(read.getSimilarity()).isEqualTo(0.56);
        assertThat(read.getSimilarityMeasure()).as("what a copy measured before containment").isEqualTo("jaccard");
    }
}
