package org.sitrep.registry;

import java.util.List;

/**
 * The part of the Confluent Schema Registry REST API that Sitrep uses. Implementations: {@link HttpSchemaRegistryClient}
 * (any Confluent-compatible server, e.g. Confluent Schema Registry or Apicurio's {@code /apis/ccompat/v7}) and
 * {@link InMemorySchemaRegistryClient} (tests, selected by a {@code mock://} URL).
 *
 * <p>Schemas travel as their canonical JSON text; ids are the registry's global ids, the ones written after the magic
 * byte of the Confluent wire format. Every failure is a {@link SchemaRegistryException} carrying the HTTP status and
 * the registry's error code.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, String schema);

    /** The schema text with this global id. */
    String schemaById(int id);

    /** The id of {@code schema} if it is already registered under {@code subject}, without registering it. */
    int idOf(String subject, String schema);

    /** Registered versions of a subject, oldest first. */
    List<Integer> versions(String subject);

    /** Latest registered schema of a subject. */
    RegisteredSchema latest(String subject);

    /** All subjects. */
    List<String> subjects();

    /** Whether {@code schema} may be registered under {@code subject} given its compatibility level. */
    boolean isCompatible(String subject, String schema);

    /** Global compatibility level (NONE, BACKWARD, FORWARD, FULL and their _TRANSITIVE forms). */
    String globalCompatibility();

    void setGlobalCompatibility(String level);

    /** Sets the compatibility level of one subject. */
    void setCompatibility(String subject, String level);

    @Override
    default void close() {
    }

    /** A schema as stored under a subject. */
    record RegisteredSchema(String subject, int version, int id, String schema) {
    }
}
