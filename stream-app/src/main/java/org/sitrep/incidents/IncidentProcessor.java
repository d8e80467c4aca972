package org.sitrep.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitrep.ordering.WatermarkStore;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentIndex;
import org.sitrep.schema.IncidentRef;
import org.sitrep.schema.IncidentStatus;
import org.sitrep.topology.CachedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by country: matches each report to the country's incidents that can still take one
 * ({@link IncidentStage#OPEN_STORE}: the open ones and the closed ones within their retention) and
 * forwards every new incident version, keyed by incident id. Every incident, open or not, is in
 * {@link IncidentStage#STORE} until its retention has run out (below).
 *
 * <p><b>Closing.</b> An incident that has had no report for the quiet period (event time) is closed: a version with
 * {@code status=closed} is published (its {@code updated_at} is the moment it closed: last report + quiet period) and
 * it leaves the open index. A stream-time punctuation closes them as stream time passes, and a report closes the
 * expired incidents of its country before it is matched, so the result does not depend on when the punctuation
 * happens to fire. The punctuation only closes what has been quiet for the quiet period before stream time minus the
 * reorder grace: a report still held by the reorder buffer upstream may yet be in time for it. Nor past what that
 * buffer has released ({@link WatermarkStore#clock}): with several upstream tasks stream time follows the fastest of
 * them, so the closing a punctuation wants is kept pending and done as the buffer releases up to it (checked after
 * every report), which closes at the same times a single upstream task would have.
 *
 * <p><b>Late reports.</b> A closed incident stays a candidate for matching until its retention runs out (below): a
 * report published later about its event (a UN or rights report weeks afterwards, a final toll) joins it and reopens
 * it, and it closes again after another quiet period. Whether a closed incident can still take a report depends only
 * on the report's publication time and the incident's closing time ({@code now <= closed + retention}), the same
 * condition the punctuation forgets by, so the result does not depend on when the punctuation fires.
 *
 * <p><b>Merging.</b> When a report matches several open incidents and the ones it matches are
 * {@link IncidentMatcher#compatible compatible} with its best match, the report shows they are one event: the oldest
 * (first reported, then smallest id) survives and takes the union of the others plus the report, in one new version;
 * each absorbed incident is then published once with {@code status=merged} and {@code merged_into} the survivor, and
 * leaves the open index (it stays in the store).
 *
 * <p><b>Retention.</b> A closed or merged incident is forgotten once stream time (less the reorder grace, the clock
 * incidents close by) passes its closing time ({@code updated_at} of its last version) plus the retention: it is
 * deleted from {@link IncidentStage#STORE}, which writes a tombstone to the store's changelog, and a {@code null}
 * value is forwarded under its id, so that the stages downstream forget it too; {@link IncidentStage} keeps those
 * tombstones off {@code news.incidents}, where the incident's last version stays. The same punctuation does it, after
 * closing, and finds what is due through {@link RetentionIndex} (a range scan up to the cutoff), so the store holds
 * the open incidents and those closed within the retention, not the history. Open incidents are never forgotten.
 * What is published does not depend on when the punctuation fires: a forgotten incident took no more reports (it
 * was closed or merged), and a report that arrives in publication order (within the reorder grace) was published
 * after the closing time of every incident forgotten so far, so it cannot belong to one. Only a later report can;
 * if it was published no later than the latest closing time forgotten and opens an incident, that incident gets an
 * id derived from the one it would have had (as after a closed incident), so a forgotten id, whose last version
 * {@code news.incidents} keeps, is never published again.
 */
final class IncidentProcessor implements Processor<String, EventReport, String, Incident> {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentProcessor.class);
    /**
     * Incidents kept decoded ({@link CachedStore}): every report reads each open incident of its country, so this
     * covers the open incidents of a busy period many times over.
     */
    static final int DECODED_INCIDENTS = 1024;
    private final IncidentMatcher matcher;
    private final Duration quietPeriod;
    private final Duration reorderGrace;
    private final long retentionMs;
    private ProcessorContext<String, Incident> context;
    private CachedStore<String, Incident> incidents;
    private CachedStore<String, IncidentIndex> open;
    private KeyValueStore<String, Long> watermarks;
    /** The latest stream time a punctuation wanted to close at ({@code Long.MIN_VALUE}: none yet). */
    private long wantedStreamTime = Long.MIN_VALUE;
    /** What has been closed up to: quiet before this time (event time). */
    private long closedUpTo = Long.MIN_VALUE;
    private RetentionIndex retention;
    private boolean indexChecked;
    private long freshIds;

    IncidentProcessor(MatchSettings settings, Duration quietPeriod, Duration reorderGrace, Duration retention) {
        this.matcher = new IncidentMatcher(settings);
        this.quietPeriod = quietPeriod;
        this.reorderGrace = reorderGrace;
        this.retentionMs = retention.toMillis();
    }

    /** How often, in stream time, the punctuation looks for quiet incidents: a quarter of the period, 1 min to 1 h. */
    static Duration closeEvery(Duration quietPeriod) {
        Duration quarter = quietPeriod.dividedBy(4);
        if (quarter.compareTo(Duration.ofMinutes(1)) < 0) {
            return Duration.ofMinutes(1);
        }
        return quarter.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : quarter;
    }

    @Override
    public void init(ProcessorContext<String, Incident> context) {
        this.context = context;
        this.incidents = new CachedStore<>(context.getStateStore(IncidentStage.STORE), DECODED_INCIDENTS);
        this.open = new CachedStore<>(context.getStateStore(IncidentStage.OPEN_STORE), DECODED_INCIDENTS);
        this.watermarks = context.getStateStore(IncidentStage.WATERMARK_STORE);
        this.retention = new RetentionIndex(context.getStateStore(IncidentStage.RETENTION_STORE));
        context.schedule(closeEvery(quietPeriod), PunctuationType.STREAM_TIME, this::wantClosingAt);
    }

    @Override
    public void process(Record<String, EventReport> record) {
        assign(record);
        catchUpClosing();
    }

    private void wantClosingAt(long streamTimeMs) {
        wantedStreamTime = Math.max(wantedStreamTime, streamTimeMs);
        catchUpClosing();
    }

    /**
     * Closes up to the stream time a punctuation wanted less the grace, as far as the reorder buffer has released:
     * all of it once released, or in steps of the punctuation interval meanwhile.
     */
    private void catchUpClosing() {
        if (wantedStreamTime == Long.MIN_VALUE) {
            return;
        }
        long wanted = wantedStreamTime - reorderGrace.toMillis();
        long upTo = WatermarkStore.clock(watermarks, wanted);
        if (upTo > closedUpTo && (upTo == wanted || closedUpTo == Long.MIN_VALUE
            || upTo - closedUpTo >= closeEvery(quietPeriod).toMillis())) {
            closeQuiet(upTo, wantedStreamTime);
            closedUpTo = upTo;
        }
    }

    private void assign(Record<String, EventReport> record) {
        String country = record.key();
        EventReport report = record.value();
        Instant now = report.getPublishedAt();
        IncidentIndex index = open.get(country);
        List<IncidentRef> indexed = index == null ? List.of() : index.getEntries();
        List<IncidentRef> refs = closeExpired(indexed, now);
        boolean closedSome = !refs.equals(indexed);

        // A closed incident can take the report only if its dates are within the matching window: the others are not
        // read from the store, so closed incidents kept for late reports cost an index entry each. (Open ones are all
        // read: one may hold this very report, re-delivered, with an event date resolved differently.)
        List<Incident> candidates = new ArrayList<>();
        for (IncidentRef ref : refs) {
            if (ref.getClosed() && !matcher.withinWindow(report, ref.getEventDate(), ref.getEventDateLast())) {
                continue;
            }
            Incident incident = incidents.get(ref.getIncidentId());
            if (incident != null) {
                candidates.add(incident);
            }
        }
        if (candidates.stream().anyMatch(i -> i.getReports().contains(report.getReportId()))) {
            if (closedSome) {
                saveIndex(country, refs);
            }
            return; // a re-delivered report changes nothing
        }

        List<Incident> matched = matcher.matches(report, candidates);
        List<Incident> absorbed = new ArrayList<>();
        Incident next;
        if (!matched.isEmpty()) {
            Incident best = matched.get(0);
            Incident bridged = IncidentAssembler.add(best, report);
            List<Incident> group = new ArrayList<>(List.of(best));
            for (Incident other : matched.subList(1, matched.size())) {
                if (matcher.compatible(bridged, other)) {
                    group.add(other);
                }
            }
            group.sort((a, b) -> IncidentMatcher.olderThan(a, b) ? -1 : IncidentMatcher.olderThan(b, a) ? 1 : 0);
            Incident survivor = group.get(0);
            for (Incident other : group.subList(1, group.size())) {
                survivor = IncidentAssembler.merge(survivor, other);
                absorbed.add(other);
            }
            next = IncidentAssembler.add(survivor, report);
        } else {
            // The id derives from the first report: an incident that has left the open index may already hold it.
            String taken = null;
            String id = IncidentAssembler.incidentId(country, report, null);
            Incident existing = incidents.get(id);
            if (existing == null && !now.isAfter(retention.forgottenUpTo())) {
                // Published no later than the latest closing time forgotten: a forgotten incident may have had this
                // id (this may even be its first report, sent again). Never publish a forgotten id again.
                taken = id;
                id = IncidentAssembler.incidentId(country, report, taken);
                existing = incidents.get(id);
                freshIds++;
                if (Long.bitCount(freshIds) == 1) {
                    LOG.warn("{} report(s) published no later than the latest closing time of a forgotten incident "
                        + "(incident-retention) opened an incident under a fresh id; latest: {} of {}", freshIds,
                        report.getReportId(), now);
                }
            }
            if (existing != null && existing.getReports().contains(report.getReportId())) {
                if (closedSome) {
                    saveIndex(country, refs);
                }
                return;
            }
            if (existing == null) {
                next = IncidentAssembler.create(country, report, taken);
            } else if (existing.getStatus() == IncidentStatus.open) {
                next = IncidentAssembler.add(existing, report);
            } else {
                // Its id is taken by an incident that did not match (merged, or closed and not within the window): a new
                // incident, its id derived from both.
                next = IncidentAssembler.create(country, report, existing.getIncidentId());
            }
        }

        incidents.put(next.getIncidentId(), next);
        List<String> gone = new ArrayList<>();
        gone.add(next.getIncidentId());
        absorbed.forEach(a -> gone.add(a.getIncidentId()));
        refs.removeIf(ref -> gone.contains(ref.getIncidentId()));
        refs.add(new IncidentRef(next.getIncidentId(), next.getEventType(), next.getAdmin1(), next.getEventDate(),
            next.getEventDateLast(), latest(now, next.getUpdatedAt()), false));
        saveIndex(country, refs);
        // The survivor first, so that whoever follows merged_into finds the union already there.
        context.forward(record.withKey(next.getIncidentId()).withValue(next));
        for (Incident a : absorbed) {
            Incident merged = IncidentAssembler.absorbedInto(a, next.getIncidentId(), now);
            incidents.put(merged.getIncidentId(), merged);
            retention.add(merged);
            context.forward(record.withKey(merged.getIncidentId()).withValue(merged));
        }
    }

    /**
     * Closes (publishes the closed version of, and stores) every open incident of {@code refs} quiet for longer than
     * the quiet period at {@code now}, and drops the closed ones whose retention has run out at {@code now}; returns
     * the refs that can still take a report, in their order (closed ones marked).
     */
    private List<IncidentRef> closeExpired(List<IncidentRef> refs, Instant now) {
        List<IncidentRef> kept = new ArrayList<>(refs.size());
        List<IncidentRef> expired = new ArrayList<>();
        long nowMs = now.toEpochMilli();
        for (IncidentRef ref : refs) {
            long quietFor = nowMs - ref.getLastSeen().toEpochMilli();
            if (!ref.getClosed() && quietFor > quietPeriod.toMillis()) {
                expired.add(ref);
                ref = IncidentRef.newBuilder(ref).setClosed(true).build();
            }
            if (quietFor <= quietPeriod.toMillis() + retentionMs) {
                kept.add(ref); // else closed and past its retention: forgotten by the punctuation, or about to be
            }
        }
        expired.sort(Comparator.comparing(IncidentRef::getLastSeen).thenComparing(IncidentRef::getIncidentId));
        for (IncidentRef ref : expired) {
            Incident incident = incidents.get(ref.getIncidentId());
            if (incident == null || incident.getStatus() != IncidentStatus.open) {
                continue;
            }
            Instant closedAt = ref.getLastSeen().plus(quietPeriod);
            Incident closed = IncidentAssembler.close(incident, closedAt);
            incidents.put(closed.getIncidentId(), closed);
            retention.add(closed);
            context.forward(new Record<>(closed.getIncidentId(), closed, closedAt.toEpochMilli()));
        }
        return kept;
    }

    /** Closes what has been quiet since before {@code upToMs}; tombstones of forgotten incidents at {@code streamTimeMs}. */
    private void closeQuiet(long upToMs, long streamTimeMs) {
        Instant upTo = Instant.ofEpochMilli(upToMs);
        List<KeyValue<String, IncidentIndex>> indexes = new ArrayList<>();
        try (KeyValueIterator<String, IncidentIndex> it = open.all()) {
            it.forEachRemaining(indexes::add);
        }
        for (KeyValue<String, IncidentIndex> entry : indexes) {
            List<IncidentRef> refs = entry.value.getEntries();
            List<IncidentRef> kept = closeExpired(refs, upTo);
            if (!kept.equals(refs)) {
                saveIndex(entry.key, kept);
            }
        }
        forget(upTo.toEpochMilli() - retentionMs, streamTimeMs);
    }

    /**
     * Forgets the closed and merged incidents closed before {@code cutoffMs}: deleted from the store (a tombstone in
     * its changelog) and a {@code null} forwarded under their id, at record time {@code timestamp}.
     */
    private void forget(long cutoffMs, long timestamp) {
        if (!indexChecked) {
            if (!retention.indexed()) {
                indexStoredIncidents();
            }
            indexChecked = true;
        }
        List<KeyValue<String, String>> due = retention.closedBefore(cutoffMs);
        for (KeyValue<String, String> entry : due) {
            String id = entry.value;
            Incident incident = incidents.get(id);
            // A reopened incident that closed again has a later entry too: only its latest closing time counts.
            if (incident != null && incident.getStatus() != IncidentStatus.open
                && incident.getUpdatedAt().toEpochMilli() < cutoffMs) {
                incidents.delete(id);
                context.forward(new Record<String, Incident>(id, null, timestamp));
            }
        }
        retention.forgot(due);
    }

    /**
     * Once per store: indexes the closed and merged incidents already stored when the index is new, i.e. those an
     * earlier version of Sitrep kept forever (one scan of the store, the first time the punctuation runs).
     */
    private void indexStoredIncidents() {
        try (KeyValueIterator<String, Incident> it = incidents.all()) {
            while (it.hasNext()) {
                Incident incident = it.next().value;
                if (incident != null && incident.getStatus() != IncidentStatus.open) {
                    retention.add(incident);
                }
            }
        }
        retention.markIndexed();
    }

    private void saveIndex(String country, List<IncidentRef> refs) {
        if (refs.isEmpty()) {
            open.delete(country);
        } else {
            open.put(country, new IncidentIndex(refs));
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
