package org.sitrep.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentIndex;
import org.sitrep.schema.IncidentRef;

/**
 * Keyed by country: matches each report to the country's open incidents ({@link IncidentStage#OPEN_STORE}) and
 * forwards the new version of the incident it joins or creates, keyed by incident id. All incidents stay in
 * {@link IncidentStage#STORE}; an incident leaves the open index once no report has joined it for the quiet period
 * (in event time).
 */
final class IncidentProcessor implements Processor<String, EventReport, String, Incident> {
    private final IncidentMatcher matcher;
    private final Duration quietPeriod;
    private ProcessorContext<String, Incident> context;
    private KeyValueStore<String, Incident> incidents;
    private KeyValueStore<String, IncidentIndex> open;

    IncidentProcessor(MatchSettings settings, Duration quietPeriod) {
        this.matcher = new IncidentMatcher(settings);
        this.quietPeriod = quietPeriod;
    }

    @Override
    public void init(ProcessorContext<String, Incident> context) {
        this.context = context;
        this.incidents = context.getStateStore(IncidentStage.STORE);
        this.open = context.getStateStore(IncidentStage.OPEN_STORE);
    }

    @Override
    public void process(Record<String, EventReport> record) {
        String country = record.key();
        EventReport report = record.value();
        Instant now = report.getPublishedAt();
        List<IncidentRef> refs = new ArrayList<>();
        IncidentIndex index = open.get(country);
        if (index != null) {
            for (IncidentRef ref : index.getEntries()) {
                if (Duration.between(ref.getLastSeen(), now).compareTo(quietPeriod) <= 0) {
                    refs.add(ref);
                }
            }
        }
        List<Incident> candidates = new ArrayList<>(refs.size());
        for (IncidentRef ref : refs) {
            Incident incident = incidents.get(ref.getIncidentId());
            if (incident != null) {
                candidates.add(incident);
            }
        }
        if (candidates.stream().anyMatch(i -> i.getReports().contains(report.getReportId()))) {
            return; // a re-delivered report changes nothing
        }
        Optional<Incident> match = matcher.bestMatch(report, candidates);
        Incident next;
        if (match.isPresent()) {
            next = IncidentAssembler.add(match.get(), report);
        } else {
            // The id derives from the first report: an incident that has left the open index may already hold it.
            String id = IncidentAssembler.incidentId(country, report.getEventDate(), report.getReportId());
            Incident existing = incidents.get(id);
            if (existing != null && existing.getReports().contains(report.getReportId())) {
                return;
            }
            next = existing != null ? IncidentAssembler.add(existing, report) : IncidentAssembler.create(country, report);
        }

        incidents.put(next.getIncidentId(), next);
        refs.removeIf(ref -> ref.getIncidentId().equals(next.getIncidentId()));
        refs.add(new IncidentRef(next.getIncidentId(), next.getEventType(), next.getAdmin1(), next.getEventDate(),
            next.getEventDateLast(), latest(now, next.getUpdatedAt())));
        open.put(country, new IncidentIndex(refs));
        context.forward(record.withKey(next.getIncidentId()).withValue(next));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
