package org.sitrep.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The application's own counters, exported by {@code GET /metrics} beside Kafka Streams' metrics. */
public final class ApiCounters {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder sseEvents = new LongAdder();
    private final AtomicLong sseClients = new AtomicLong();
    private final LongAdder incidentVersionsSeen = new LongAdder();

    /** One request answered: {@code route} is the route pattern ({@code /incidents/{id}}), not the raw path. */
    public void request(String route, int status) {
        requests.computeIfAbsent(route + " " + status, k -> new LongAdder()).increment();
    }

    public void forwarded() {
        forwarded.increment();
    }

    public void sseEvent() {
        sseEvents.increment();
    }

    public void sseClients(long delta) {
        sseClients.addAndGet(delta);
    }

    public void incidentVersion() {
        incidentVersionsSeen.increment();
    }

    /** Route + status -> count, sorted. */
    public Map<String, Long> requests() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long forwardedCount() {
        return forwarded.sum();
    }

    public long sseEventCount() {
        return sseEvents.sum();
    }

    public long sseClientCount() {
        return sseClients.get();
    }

    public long incidentVersionCount() {
        return incidentVersionsSeen.sum();
    }
}
