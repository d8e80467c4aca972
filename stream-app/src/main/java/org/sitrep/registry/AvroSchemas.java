package org.sitrep.registry;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/** Parsing schema text the way both clients need it, with Confluent's error for invalid schemas. */
final class AvroSchemas {
    /** Confluent's error code for an invalid schema (status 422). */
    static final int INVALID_SCHEMA = 42201;

    private AvroSchemas() {
    }

    /** @throws SchemaRegistryException status 422, error code 42201, if {@code text} is not an Avro schema */
    static Schema parse(String text) {
        if (text == null) {
            throw new SchemaRegistryException("Invalid schema: null", 422, INVALID_SCHEMA);
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (AvroRuntimeException e) {
            throw new SchemaRegistryException("Invalid schema: " + e.getMessage(), 422, INVALID_SCHEMA, e);
        }
    }

    /**
     * Avro's own JSON for {@code text}: the same for texts that differ only in layout or key order. Confluent's client
     * sends this form too, so registries that hash the text (Apicurio does) give both clients the same ids.
     */
    static String normalize(String text) {
        return parse(text).toString();
    }
}
