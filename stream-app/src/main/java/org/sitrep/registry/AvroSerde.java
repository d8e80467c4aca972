package org.sitrep.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for Avro {@link SpecificRecord}s in the Confluent wire format: magic byte {@code 0}, the schema's 4-byte
 * big-endian global id, then the Avro binary encoding.
 *
 * <p>Writing registers the record's schema under {@code <topic>-value} (or {@code -key}) once per subject and caches
 * the id. Reading resolves the writer's schema by id (cached by the client) against this class's schema, so data
 * written with an older or newer compatible schema is read as this class. A payload that is not in the wire format or
 * names an unknown schema fails with a {@link SerializationException} that says why.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    static final byte MAGIC_BYTE = 0;
    /** Package of the classes generated from schemas/: the only ones Avro may instantiate by name for Sitrep. */
    static final String SCHEMA_PACKAGE = "org.sitrep.schema";

    static {
        // Avro 1.12 refuses to load record classes by name unless trusted; trust Sitrep's generated ones, nothing else.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
            type -> SCHEMA_PACKAGE.equals(type.getPackageName())));
    }

    static final int HEADER_SIZE = 5;

    private final SchemaRegistryClient registry;
    private final Schema schema;
    private final String schemaText;
    private final SpecificData model;
    private final boolean isKey;
    private final boolean autoRegister;
    private final Map<String, Integer> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, SpecificDatumReader<T>> readersById = new ConcurrentHashMap<>();
    private final SpecificDatumWriter<T> writer;

    public AvroSerde(SchemaRegistryClient registry, Schema schema, boolean isKey, boolean autoRegister) {
        this.registry = registry;
        this.schema = schema;
        this.schemaText = schema.toString();
        this.model = SpecificData.getForSchema(schema);
        this.isKey = isKey;
        this.autoRegister = autoRegister;
        this.writer = new SpecificDatumWriter<>(schema, model);
    }

    /** A value serde that registers its schema on first use. */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(SchemaRegistryClient registry, Schema schema) {
        return new AvroSerde<>(registry, schema, false, true);
    }

    public Schema schema() {
        return schema;
    }

    /** The subject this serde writes under for {@code topic}: TopicNameStrategy. */
    public String subject(String topic) {
        return topic + (isKey ? "-key" : "-value");
    }

    /** Registers (or, without auto-registration, looks up) the schema for {@code topic} and returns its id. */
    public int schemaId(String topic) {
        return idsBySubject.computeIfAbsent(subject(topic), subject -> autoRegister
            ? registry.register(subject, schemaText)
            : registry.idOf(subject, schemaText));
    }

    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        int id;
        try {
            id = schemaId(topic);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot register schema " + schema.getFullName() + " under "
                + subject(topic) + ": " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + schema.getFullName() + " for topic " + topic + ": " + e, e);
        }
        return out.toByteArray();
    }

    public T deserialize(String topic, byte[] data) {
        if (data == null || data.length == 0) {
            return null;
        }
        if (data.length < HEADER_SIZE || data[0] != MAGIC_BYTE) {
            throw new SerializationException("not in the Confluent Avro wire format (" + data.length
                + " bytes, first byte " + (data.length == 0 ? "none" : data[0]) + ") on topic " + topic);
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        SpecificDatumReader<T> reader;
        try {
            reader = readersById.computeIfAbsent(id, this::readerFor);
        } catch (SchemaRegistryException e) {
            String what = e.isNotFound() ? "unknown writer schema id " : "registry failed to resolve writer schema id ";
            throw new SerializationException(what + id + " on topic " + topic + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SerializationException("writer schema id " + id + " on topic " + topic + " cannot be read as "
                + schema.getFullName() + ": " + e.getMessage(), e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER_SIZE, data.length - HEADER_SIZE, null);
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException((data.length - HEADER_SIZE) + "-byte payload has trailing bytes");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("corrupt Avro payload (schema id " + id + ") on topic " + topic + ": " + e, e);
        }
    }

    private SpecificDatumReader<T> readerFor(int id) {
        Schema writerSchema = new Schema.Parser().parse(registry.schemaById(id));
        return new SpecificDatumReader<>(writerSchema, schema, model);
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }
}
