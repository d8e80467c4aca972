package org.sitrep.registry;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.kafka.common.errors.SerializationException;
import org.sitrep.schema.Article;
import org.sitrep.schema.EventReport;

/**
 * Fuzzes the Avro deserializer with arbitrary bytes: each input is read as an {@link Article} and as an
 * {@link EventReport} (schema ids 1 and 2 exist in the in-memory registry); it must either decode or fail with
 * {@link SerializationException}, which the dead-letter handler turns into a dead letter. Anything else would kill a
 * stream thread. The corpus in {@code src/test/resources/org/sitrep/registry/AvroSerdeFuzzTestInputs} holds valid and
 * broken wire-format records.
 */
class AvroSerdeFuzzTest {
    private static final SchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();
    private static final AvroSerde<Article> ARTICLES = AvroSerde.forValues(REGISTRY, Article.getClassSchema());
    private static final AvroSerde<EventReport> REPORTS = AvroSerde.forValues(REGISTRY, EventReport.getClassSchema());

    static {
        ARTICLES.schemaId("articles");
        REPORTS.schemaId("reports");
    }

    @FuzzTest(maxDuration = "20s")
    void deserialize(byte[] data) {
        try {
            ARTICLES.deserialize("t", data);
        } catch (SerializationException expected) {
            // becomes a dead letter
        }
        try {
            REPORTS.deserialize("t", data);
        } catch (SerializationException expected) {
            // becomes a dead letter
        }
    }
}
