package org.sitrep.api;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.sitrep.ordering.BufferMetrics;

/**
 * A useful subset of Kafka Streams' metrics, and the app's own counters, in the Prometheus text format (0.0.4).
 *
 * <p>Kafka metric {@code <group>/<name>} becomes {@code kafka_<group>_<name>} with {@code -} and {@code .} as
 * {@code _} ({@code consumer-fetch-manager-metrics/records-lag-max} ->
 * {@code kafka_consumer_fetch_manager_metrics_records_lag_max}); its tags become labels. Exported: consumer lag
 * (records-lag, records-lag-max), processing (process-rate, process-total, poll-rate, commit-rate,
 * commit-latency-avg), end-to-end latency (record-e2e-latency-avg/-max at the processor nodes that record it),
 * thread counts, the reorder buffers ({@link BufferMetrics}: records held now and at most, late records), and the
 * client state as {@code sitrep_streams_state{state="RUNNING"} 1}.
 */
public final class PrometheusMetrics {
    static final Set<String> EXPORTED = Set.of(
        "records-lag", "records-lag-max",
        "process-rate", "process-total", "poll-rate", "commit-rate", "commit-latency-avg",
        "record-e2e-latency-avg", "record-e2e-latency-max",
        "alive-stream-threads", "failed-stream-threads",
        BufferMetrics.HELD, BufferMetrics.HELD_MAX, BufferMetrics.LATE);
    static final Set<String> GROUPS = Set.of(
        "consumer-fetch-manager-metrics", "stream-thread-metrics", "stream-task-metrics",
        "stream-processor-node-metrics", "stream-metrics", BufferMetrics.GROUP);

    private PrometheusMetrics() {
    }

    public static String render(Map<MetricName, ? extends Metric> metrics, KafkaStreams.State state, ApiCounters counters) {
        // name -> (labels -> value); TreeMaps keep the output stable.
        Map<String, Map<String, Double>> series = new TreeMap<>();
        metrics.forEach((name, metric) -> {
            if (!EXPORTED.contains(name.name()) || !GROUPS.contains(name.group())) {
                return;
            }
            Object value = metric.metricValue();
            if (!(value instanceof Number number)) {
                return;
            }
            String prom = sanitize("kafka_" + name.group() + "_" + name.name());
            series.computeIfAbsent(prom, k -> new TreeMap<>()).put(labels(name.tags()), number.doubleValue());
        });
        StringBuilder out = new StringBuilder();
        series.forEach((name, values) -> {
            out.append("# TYPE ").append(name).append(name.endsWith("_total") ? " counter" : " gauge").append('\n');
            values.forEach((labels, v) -> out.append(name).append(labels).append(' ').append(format(v)).append('\n'));
        });
        out.append("# HELP sitrep_streams_state Kafka Streams client state (1 for the current one).\n");
        out.append("# TYPE sitrep_streams_state gauge\n");
        for (KafkaStreams.State s : KafkaStreams.State.values()) {
            out.append("sitrep_streams_state{state=\"").append(s.name()).append("\"} ").append(s == state ? 1 : 0)
                .append('\n');
        }
        out.append("# HELP sitrep_http_requests_total HTTP requests answered, by route and status.\n");
        out.append("# TYPE sitrep_http_requests_total counter\n");
        counters.requests().forEach((key, n) -> {
            int space = key.lastIndexOf(' ');
            out.append("sitrep_http_requests_total{route=\"").append(escape(key.substring(0, space)))
                .append("\",status=\"").append(key.substring(space + 1)).append("\"} ").append(n).append('\n');
        });
        counter(out, "sitrep_http_forwarded_total", "Requests forwarded to the instance owning the state.",
            counters.forwardedCount());
        counter(out, "sitrep_incident_versions_seen_total", "Incident versions read from news.incidents by this instance's API.",
            counters.incidentVersionCount());
        counter(out, "sitrep_sse_events_total", "Server-sent events written to clients.", counters.sseEventCount());
        out.append("# HELP sitrep_sse_clients Connected server-sent event clients.\n# TYPE sitrep_sse_clients gauge\n");
        out.append("sitrep_sse_clients ").append(counters.sseClientCount()).append('\n');
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        out.append(name).append(' ').append(value).append('\n');
    }

    static String sanitize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static String labels(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(tags).forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(sanitize(k)).append("=\"").append(escape(v)).append('"');
        });
        return b.append('}').toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
