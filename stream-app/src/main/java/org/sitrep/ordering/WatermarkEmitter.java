package org.sitrep.ordering;

import java.time.Duration;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sits right before a repartition whose order matters downstream: forwards every record unchanged, and after it, when
 * this task's watermark has moved, a {@link WatermarkMarkers marker} that the repartition's
 * {@link WatermarkMarkers#partitioner() partitioner} sends to every partition. The marker follows the records it
 * covers on each partition (one producer, one partition: in order), so a reader that has seen the marker has seen
 * all of this task's records at or before it.
 *
 * <p>The watermark comes from a {@link Source}: at the head of the pipeline, the latest record time seen less the
 * reorder grace (the input is allowed to be that much out of order); behind a reorder buffer or a
 * {@link WatermarkGate}, the time released up to, from that stage's {@link WatermarkStore}.
 *
 * <p>Rate: at most one marker per record (per partition), and only when the watermark has moved by at least an
 * eighth of the grace since the last marker; a wall-clock punctuation sends a smaller move when no record comes to
 * carry it. So a replay costs at most partitions markers per record, and live traffic about partitions markers per
 * eighth of the grace per upstream task. Each punctuation also re-sends an unchanged watermark if records went out
 * since the last marker, so the readers know this task is alive ({@link ReorderProcessor} leaves a task silent for
 * {@code reorder-flush-after} out of its minimum). Without a grace nothing is reordered and no marker is sent.
 */
public final class WatermarkEmitter<V> implements Processor<String, V, String, V> {
    /** Where a task's watermark comes from. */
    public sealed interface Source {
        /** Latest record time seen less the grace: for a task whose input may be out of order by the grace. */
        record StreamTimeLessGrace() implements Source {
        }

        /** The released time kept in a stage's {@link WatermarkStore} (of the same sub-topology). */
        record Released(String storeName) implements Source {
        }
    }

    private final Source source;
    private final long graceMs;
    private final long stepMs;
    private final long punctuateMs;
    private ProcessorContext<String, V> context;
    private KeyValueStore<String, Long> released;
    private long maxSeen = Long.MIN_VALUE;
    private long lastSent = Long.MIN_VALUE;
    private boolean forwardedSinceMarker;

    public WatermarkEmitter(Source source, ReorderSettings settings) {
        this.source = source;
        this.graceMs = settings.grace().toMillis();
        this.stepMs = Math.max(1, graceMs / 8);
        this.punctuateMs = ReorderProcessor.punctuationInterval(settings.flushAfter().toMillis());
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        if (source instanceof Source.Released r) {
            released = context.getStateStore(r.storeName());
        }
        if (graceMs > 0) {
            context.schedule(Duration.ofMillis(punctuateMs), PunctuationType.WALL_CLOCK_TIME, now -> send(true));
        }
    }

    @Override
    public void process(Record<String, V> record) {
        maxSeen = Math.max(maxSeen, record.timestamp());
        context.forward(record);
        forwardedSinceMarker = true;
        send(false);
    }

    /** This task's watermark now, {@link Long#MIN_VALUE} when it has none yet. */
    long watermark() {
        if (source instanceof Source.Released) {
            return WatermarkStore.released(released);
        }
        return maxSeen == Long.MIN_VALUE ? Long.MIN_VALUE : maxSeen - graceMs;
    }

    private void send(boolean anyMove) {
        if (graceMs == 0) {
            return;
        }
        long w = watermark();
        if (w == Long.MIN_VALUE) {
            return;
        }
        if (w <= lastSent) {
            if (anyMove && forwardedSinceMarker) {
                forwardMarker(lastSent); // alive, nothing new to promise
            }
            return;
        }
        if (anyMove || lastSent == Long.MIN_VALUE || w - lastSent >= stepMs) {
            forwardMarker(w);
        }
    }

    private void forwardMarker(long w) {
        context.forward(WatermarkMarkers.marker(context.taskId().partition(), w));
        lastSent = w;
        forwardedSinceMarker = false;
    }
}
