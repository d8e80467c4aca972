package org.sitrep.ordering;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The encoding of a watermark marker on a repartition topic: a record that says "upstream task {@code n} has sent
 * every record with a timestamp at or before {@code W} to this partition". It is written next to the data, to every
 * partition, by {@link WatermarkEmitter} through {@link #partitioner()}, and taken off the stream by the processor
 * that reads the repartition ({@link ReorderProcessor}, {@link WatermarkGate}) before any stage logic sees it.
 *
 * <p>Encoding: key {@code "\u0000watermark:" + n} (no article id, fingerprint or country starts with NUL), a
 * {@code null} value, the watermark in the header {@value #HEADER} (8 bytes, big-endian), record time 0. The
 * {@code null} value is what makes it pass the Avro value serdes untouched: they write and read {@code null} as an
 * absent payload, without a schema id, so no subject is registered for it and no schema is needed to read it back.
 * Record time 0 keeps the marker from moving the reading task's stream time (which the stages' stream-time
 * punctuations follow) ahead of the data.
 */
public final class WatermarkMarkers {
    public static final String KEY_PREFIX = "\u0000watermark:";
    public static final String HEADER = "sitrep.watermark";

    private WatermarkMarkers() {
    }

    /** The marker upstream task {@code upstream} sends to promise nothing more at or before {@code watermark}. */
    public static <V> Record<String, V> marker(int upstream, long watermark) {
        Headers headers = new RecordHeaders().add(HEADER, ByteBuffer.allocate(Long.BYTES).putLong(watermark).array());
        return new Record<>(KEY_PREFIX + upstream, null, 0L, headers);
    }

    public static boolean isMarker(String key, Object value) {
        return value == null && key != null && key.startsWith(KEY_PREFIX);
    }

    /** True for a marker record: the reserved key, no value and the watermark header. */
    public static boolean isMarker(Record<String, ?> record) {
        return isMarker(record.key(), record.value()) && record.headers().lastHeader(HEADER) != null;
    }

    /** The upstream task that sent a marker. */
    public static int upstreamOf(Record<String, ?> marker) {
        return Integer.parseInt(marker.key().substring(KEY_PREFIX.length()));
    }

    /** The watermark a marker carries. */
    public static long watermarkOf(Record<String, ?> marker) {
        Header header = marker.headers().lastHeader(HEADER);
        return ByteBuffer.wrap(header.value()).getLong();
    }

    /**
     * Sends markers to every partition of the topic and everything else where the default partitioner would
     * ({@code Optional.empty()}: murmur2 of the serialized key, as without a partitioner), so data placement does not
     * change.
     */
    public static <V> StreamPartitioner<String, V> partitioner() {
        return (topic, key, value, numPartitions) -> isMarker(key, value)
            ? Optional.of(allPartitions(numPartitions))
            : Optional.empty();
    }

    static Set<Integer> allPartitions(int numPartitions) {
        return IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet());
    }
}
