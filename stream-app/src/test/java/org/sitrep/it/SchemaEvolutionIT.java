package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.sitrep.testing.WireFormat;
import org.sitrep.registry.AvroSerde;
import org.sitrep.registry.HttpSchemaRegistryClient;
import org.sitrep.registry.SchemaRegistryException;
import org.sitrep.schema.DeadLetter;
import org.sitrep.testing.SharedRegistry;

/**
 * Schema evolution on the real registry (Apicurio, BACKWARD): a consumer built against today's DeadLetter schema reads
 * records written with a newer schema that added a field, and the registry refuses an incompatible change.
 */
class SchemaEvolutionIT {
    private final HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(SharedRegistry.get().url());
    private final String topic = "evolution-" + UUID.randomUUID();
    private final String subject = topic + "-value";

    @Test
    void anOldReaderReadsDataWrittenWithTheNewSchema() throws Exception {
        AvroSerde<DeadLetter> oldReader = AvroSerde.forValues(registry, DeadLetter.getClassSchema());
        int v1 = oldReader.schemaId(topic);

        Schema v2 = new Schema.Parser().parse(DeadLetter.getClassSchema().toString().replace(
            "{\"name\":\"stage\"", "{\"name\":\"attempts\",\"type\":\"int\",\"default\":1},{\"name\":\"stage\""));
        int v2Id = registry.register(subject, v2.toString());
        assertThat(v2Id).isNotEqualTo(v1);
        assertThat(registry.versions(subject)).hasSize(2);

        GenericRecord record = new GenericData.Record(v2);
        record.put("source_topic", "news.articles.raw");
        record.put("partition", 0);
        record.put("offset", 42L);
        record.put("attempts", 3);
        record.put("stage", "extract");
        record.put("reason", "written by a newer producer");
        record.put("failed_at", 1673514000000L);
        DeadLetter read = oldReader.deserialize(topic, WireFormat.encode(v2Id, v2, record));

        assertThat(read.getOffset()).isEqualTo(42L);
        assertThat(read.getReason()).isEqualTo("written by a newer producer");
        assertThat(read.getStage()).isEqualTo("extract");
    }

    @Test
    void theRegistryRefusesAnIncompatibleChange() {
        AvroSerde.forValues(registry, DeadLetter.getClassSchema()).schemaId(topic);
        // A new required field without a default: new readers could not read old data.
        String incompatible = DeadLetter.getClassSchema().toString().replace(
            "{\"name\":\"stage\"", "{\"name\":\"severity\",\"type\":\"string\"},{\"name\":\"stage\"");
        assertThat(registry.isCompatible(subject, incompatible)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, incompatible))
            .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue());
        assertThat(registry.versions(subject)).hasSize(1);
    }
}
