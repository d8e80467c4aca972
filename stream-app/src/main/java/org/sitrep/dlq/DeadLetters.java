package org.sitrep.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.api.Record;
import org.sitrep.dedup.DedupStage;
import org.sitrep.dedup.NearDuplicateStage;
import org.sitrep.incidents.IncidentStage;
import org.sitrep.registry.SchemaRegistryException;
import org.sitrep.schema.Article;
import org.sitrep.schema.DeadLetter;
import org.sitrep.schema.EventReport;

/** Builds {@link DeadLetter} records: where a record came from, why it failed, and its original bytes. */
public final class DeadLetters {
    static final int MAX_REASON_CHARS = 2000;

    private DeadLetters() {
    }

    public static DeadLetter of(String sourceTopic, int partition, long offset, byte[] key, byte[] value,
                                String stage, Throwable error, Instant failedAt) {
        String reason = describe(error);
        if (value == null || value.length == 0) {
            // A processor meeting a null value fails with a NullPointerException: say what was really wrong.
            reason = "record has no value (" + (value == null ? "tombstone" : "0 bytes") + "): " + reason;
        }
        return of(sourceTopic, partition, offset, key, value, stage, reason,
            error == null ? null : rootCause(error).getClass().getName(), failedAt);
    }

    public static DeadLetter of(String sourceTopic, int partition, long offset, byte[] key, byte[] value,
                                String stage, String reason, String errorClass, Instant failedAt) {
        return DeadLetter.newBuilder()
            .setSourceTopic(sourceTopic == null ? "unknown" : sourceTopic)
            .setPartition(partition)
            .setOffset(offset)
            .setKey(key == null ? null : ByteBuffer.wrap(key))
            .setValue(value == null ? null : ByteBuffer.wrap(value))
            .setStage(stage)
            .setReason(truncate(reason))
            .setErrorClass(errorClass)
            .setFailedAt(failedAt)
            .build();
    }

    /**
     * The stage a processor belongs to: its name up to the first dash ({@code dedup-drop-copies} -> {@code dedup});
     * the source nodes of repartition topics belong to the stage that reads them.
     */
    public static String stageOf(String processorName) {
        if (processorName == null || processorName.isEmpty()) {
            return "unknown";
        }
        if (processorName.startsWith(DedupStage.REPARTITION)
            || processorName.startsWith(NearDuplicateStage.REPARTITION)) {
            return "dedup";
        }
        if (processorName.startsWith(NearDuplicateStage.BY_ID_REPARTITION)) {
            return "extract";
        }
        if (processorName.startsWith(IncidentStage.REPARTITION)) {
            return "incidents";
        }
        int dash = processorName.indexOf('-');
        return dash < 0 ? processorName : processorName.substring(0, dash);
    }

    /**
     * The key a dead letter is filed under: the article id when the failing record carries an article or a report
     * (after a repartition the record key is a fingerprint or a country), else the source record's key.
     */
    public static byte[] articleKey(Record<?, ?> record, byte[] sourceKey) {
        Object value = record == null ? null : record.value();
        if (value instanceof Article a) {
            return a.getId().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof EventReport r) {
            return r.getArticleId().getBytes(StandardCharsets.UTF_8);
        }
        return sourceKey;
    }

    /**
     * Whether an error says a service is failing (registry unreachable or 5xx, local state, a retriable Kafka error)
     * rather than that the record is bad: such records must not be dead-lettered.
     */
    public static boolean isInfrastructureFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaRegistryException e && (e.status() == 0 || e.status() >= 500)) {
                return true;
            }
            if (t instanceof ProcessorStateException || t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** A readable one-line reason: the outermost message, plus the root cause's when it differs. */
    static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = rootCause(error);
        String outer = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (root == error || root.getMessage() == null || outer.contains(root.getMessage())) {
            return outer;
        }
        return outer + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String truncate(String s) {
        return s.length() <= MAX_REASON_CHARS ? s : s.substring(0, MAX_REASON_CHARS) + "...";
    }
}
