package org.sitrep.registry;

import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The compatibility levels of the Confluent Schema Registry API, judged with Avro's own reader/writer rules
 * ({@link SchemaCompatibility}).
 *
 * <ul>
 *   <li>BACKWARD: the candidate schema can read data written with the latest registered one;
 *   <li>FORWARD: the latest registered schema can read data written with the candidate;
 *   <li>FULL: both;
 *   <li>the {@code _TRANSITIVE} forms check every registered version, not only the latest;
 *   <li>NONE: anything goes.
 * </ul>
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** Confluent's error code for an unknown compatibility level. */
    static final int INVALID_LEVEL = 42203;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /**
     * Parses a level name, ignoring case and surrounding blanks.
     *
     * @throws SchemaRegistryException status 422, error code 42203, if the name is not a level
     */
    public static CompatibilityLevel parse(String level) {
        if (level != null) {
            String name = level.trim().toUpperCase(Locale.ROOT);
            for (CompatibilityLevel candidate : values()) {
                if (candidate.name().equals(name)) {
                    return candidate;
                }
            }
        }
        throw new SchemaRegistryException("Invalid compatibility level: " + level, 422, INVALID_LEVEL);
    }

    /**
     * Whether {@code candidate} may follow {@code registered} (oldest first) under this level. An empty history accepts
     * any schema.
     */
    public boolean allows(Schema candidate, List<Schema> registered) {
        List<Schema> against = transitive || registered.isEmpty()
                ? registered
                : List.of(registered.get(registered.size() - 1));
        for (Schema existing : against) {
            if (backward && !canRead(candidate, existing)) {
                return false;
            }
            if (forward && !canRead(existing, candidate)) {
                return false;
            }
        }
        return true;
    }

    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }
}
