package org.sitrep.ordering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MeasurableStat;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * What a reorder buffer holds, as Kafka Streams metrics of the client (group {@value #GROUP}, tags {@code thread-id},
 * {@code task-id} and {@code buffer}, the buffer's store), read when the metrics are read, never recorded per record:
 * <ul>
 *   <li>{@value #HELD}: records held now;</li>
 *   <li>{@value #HELD_MAX}: the most held at once since the task started on this instance;</li>
 *   <li>{@value #LATE}: records that arrived after later ones were released, processed out of order.</li>
 * </ul>
 * With one upstream task the buffer holds about the reorder grace's worth of records. With several, in a replay, it
 * also holds how far the fastest upstream task has run ahead of the slowest: the figure to watch.
 */
public final class BufferMetrics {
    public static final String GROUP = "sitrep-reorder-metrics";
    public static final String HELD = "held-records";
    public static final String HELD_MAX = "held-records-max";
    public static final String LATE = "late-records-total";

    private final ProcessorContext<?, ?> context;
    private final Sensor sensor;

    private BufferMetrics(ProcessorContext<?, ?> context, Sensor sensor) {
        this.context = context;
        this.sensor = sensor;
    }

    /** Registers the three metrics of {@code buffer} in this task; {@link #close} removes them. */
    static BufferMetrics register(ProcessorContext<?, ?> context, String buffer, LongSupplier held, LongSupplier heldMax,
                                  LongSupplier late) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("thread-id", Thread.currentThread().getName());
        tags.put("task-id", context.taskId().toString());
        tags.put("buffer", buffer);
        Sensor sensor = context.metrics().addSensor("sitrep.reorder." + context.taskId() + "." + buffer,
            Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(HELD, GROUP, "Records the reorder buffer holds now", tags), gauge(held));
        sensor.add(new MetricName(HELD_MAX, GROUP, "Most records the reorder buffer has held at once", tags),
            gauge(heldMax));
        sensor.add(new MetricName(LATE, GROUP, "Records that arrived after later ones were released", tags),
            gauge(late));
        return new BufferMetrics(context, sensor);
    }

    private static MeasurableStat gauge(LongSupplier value) {
        return new MeasurableStat() {
            @Override
            public void record(MetricConfig config, double v, long timeMs) {
                // read when measured: nothing to record
            }

            @Override
            public double measure(MetricConfig config, long now) {
                return value.getAsLong();
            }
        };
    }

    void close() {
        context.metrics().removeSensor(sensor);
    }
}
