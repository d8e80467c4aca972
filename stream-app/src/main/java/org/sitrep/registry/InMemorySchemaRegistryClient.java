package org.sitrep.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory, for tests and for {@code mock://} URLs. It behaves like Confluent's registry where
 * Sitrep can tell: ids are global and shared by identical schemas across subjects, versions count from 1 per subject,
 * registering an already registered schema returns its id, and compatibility levels are enforced with Avro's own rules
 * (global default BACKWARD). Errors carry Confluent's statuses and codes: 404/40401 unknown subject, 404/40403 unknown
 * schema, 409 incompatible schema, 422/42201 invalid schema, 422/42203 invalid level.
 *
 * <p>Thread-safe: every operation holds the instance's lock.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
    private final Map<String, Integer> idsByText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int lastId;

    @Override
    public synchronized int register(String subject, String schema) {
        Schema parsed = AvroSchemas.parse(schema);
        String text = parsed.toString();
        List<RegisteredSchema> history = subjects.getOrDefault(subject, List.of());
        for (RegisteredSchema existing : history) {
            if (existing.schema().equals(text)) {
                return existing.id();
            }
        }
        if (!levelOf(subject).allows(parsed, schemasOf(history))) {
            throw new SchemaRegistryException("Schema being registered is incompatible with an earlier schema for subject '"
                    + subject + "' (compatibility " + levelOf(subject) + ")", 409, 409);
        }
        int id = idsByText.computeIfAbsent(text, t -> ++lastId);
        schemasById.putIfAbsent(id, parsed);
        subjects.computeIfAbsent(subject, s -> new ArrayList<>())
                .add(new RegisteredSchema(subject, history.size() + 1, id, text));
        return id;
    }

    @Override
    public synchronized String schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404, 40403);
        }
        return schema.toString();
    }

    @Override
    public synchronized int idOf(String subject, String schema) {
        String text = AvroSchemas.normalize(schema);
        for (RegisteredSchema existing : history(subject)) {
            if (existing.schema().equals(text)) {
                return existing.id();
            }
        }
        throw new SchemaRegistryException("Schema not found under subject '" + subject + "'", 404, 40403);
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        return history(subject).stream().map(RegisteredSchema::version).toList();
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<RegisteredSchema> history = history(subject);
        return history.get(history.size() - 1);
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public synchronized boolean isCompatible(String subject, String schema) {
        Schema parsed = AvroSchemas.parse(schema);
        return levelOf(subject).allows(parsed, schemasOf(subjects.getOrDefault(subject, List.of())));
    }

    @Override
    public synchronized String globalCompatibility() {
        return globalLevel.name();
    }

    @Override
    public synchronized void setGlobalCompatibility(String level) {
        globalLevel = CompatibilityLevel.parse(level);
    }

    @Override
    public synchronized void setCompatibility(String subject, String level) {
        subjectLevels.put(subject, CompatibilityLevel.parse(level));
    }

    private CompatibilityLevel levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<RegisteredSchema> history(String subject) {
        List<RegisteredSchema> history = subjects.get(subject);
        if (history == null) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found", 404, 40401);
        }
        return history;
    }

    private List<Schema> schemasOf(List<RegisteredSchema> history) {
        return history.stream().map(registered -> schemasById.get(registered.id())).toList();
    }
}
