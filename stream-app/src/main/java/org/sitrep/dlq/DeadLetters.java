package org.sitrep.dlq;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.sitrep.schema.DeadLetter;

/** Builds {@link DeadLetter} records: where a record came from, why it failed, and its original bytes. */
public final class DeadLetters {
    static final int MAX_REASON_CHARS = 2000;

    private DeadLetters() {
    }

    public static DeadLetter of(String sourceTopic, int partition, long offset, byte[] key, byte[] value,
                                String stage, Throwable error, Instant failedAt) {
        return of(sourceTopic, partition, offset, key, value, stage, describe(error),
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

    /** The stage a processor belongs to: its name up to the first dash ({@code dedup-drop-copies} -> {@code dedup}). */
    public static String stageOf(String processorName) {
        if (processorName == null || processorName.isEmpty()) {
            return "unknown";
        }
        int dash = processorName.indexOf('-');
        return dash < 0 ? processorName : processorName.substring(0, dash);
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
