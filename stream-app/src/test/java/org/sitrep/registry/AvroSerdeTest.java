package org.sitrep.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.sitrep.testing.WireFormat;
import org.sitrep.schema.Article;
import org.sitrep.testing.Fixtures;

class AvroSerdeTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroSerde<Article> serde = AvroSerde.forValues(registry, Article.getClassSchema());
    private final Article article = Fixtures.article("a1", "2023-01-12T09:00:00Z", "Fourteen soldiers were killed.");

    @Test
    void writesConfluentWireFormatUnderTheTopicValueSubject() throws Exception {
        byte[] bytes = serde.serialize("news.articles.raw", article);

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(id).isEqualTo(registry.idOf("news.articles.raw-value", Article.getClassSchema().toString()));
        // The rest is plain Avro binary: a generic reader with the registered schema reads the same fields.
        Schema registered = new Schema.Parser().parse(registry.schemaById(id));
        GenericRecord generic = new GenericDatumReader<GenericRecord>(registered)
            .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(generic.get("id").toString()).isEqualTo("a1");
        assertThat(generic.get("published_at")).isEqualTo(article.getPublishedAt().toEpochMilli());
        assertThat(serde.deserialize("news.articles.raw", bytes)).isEqualTo(article);
    }

    @Test
    void rejectsBytesThatAreNotTheWireFormat() {
        assertThatThrownBy(() -> serde.deserialize("t", "{\"json\":true}".getBytes()))
            .isInstanceOf(SerializationException.class).hasMessageContaining("not in the Confluent Avro wire format");
        assertThatThrownBy(() -> serde.deserialize("t", new byte[] {0, 1}))
            .isInstanceOf(SerializationException.class);
        assertThat(serde.deserialize("t", null)).isNull();
    }

    @Test
    void rejectsAnUnknownSchemaIdAndCorruptPayload() {
        byte[] bytes = serde.serialize("news.articles.raw", article);
        byte[] unknownId = bytes.clone();
        ByteBuffer.wrap(unknownId, 1, 4).putInt(987654);
        assertThatThrownBy(() -> serde.deserialize("news.articles.raw", unknownId))
            .isInstanceOf(SerializationException.class).hasMessageContaining("unknown writer schema id 987654");
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 10);
        assertThatThrownBy(() -> serde.deserialize("news.articles.raw", truncated))
            .isInstanceOf(SerializationException.class).hasMessageContaining("corrupt Avro payload");
    }

    @Test
    void readsDataWrittenWithAnOlderAndANewerCompatibleSchema() throws Exception {
        String current = Article.getClassSchema().toString();
        // Older: without fetched_at. Newer: an extra field with a default.
        Schema older = new Schema.Parser().parse(current.replace(
            "{\"name\":\"fetched_at\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null},", ""));
        Schema newer = new Schema.Parser().parse(current.replace("{\"name\":\"title\"",
            "{\"name\":\"section\",\"type\":\"string\",\"default\":\"world\"},{\"name\":\"title\""));
        assertThat(older.getField("fetched_at")).isNull();
        assertThat(newer.getField("section")).isNotNull();

        for (Schema writer : new Schema[] {older, newer}) {
            int id = registry.register("evolution-" + writer.getFields().size(), writer.toString());
            GenericRecord r = new GenericData.Record(writer);
            writer.getFields().forEach(f -> r.put(f.name(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f) : null));
            r.put("id", "old");
            r.put("url", "https://x.org/old");
            r.put("outlet", "AFP");
            r.put("published_at", 1673514000000L);
            r.put("title", "t");
            r.put("body", "b");
            Article read = serde.deserialize("any", WireFormat.encode(id, writer, r));
            assertThat(read.getId()).isEqualTo("old");
            assertThat(read.getFetchedAt()).isNull();
        }
    }
}
