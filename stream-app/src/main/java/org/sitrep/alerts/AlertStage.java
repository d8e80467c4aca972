package org.sitrep.alerts;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.sitrep.schema.Alert;
import org.sitrep.schema.Incident;
import org.sitrep.topology.Topics;

/**
 * Stage 6: alert rules over the incident versions, in the incidents stage's sub-topology (so partitioned by country
 * like its stores). Store {@value #STORE} remembers, per {@code <incident id>|<rule id>}, the killed figure at the
 * last alert: each rule alerts once per incident, and again only on escalation. Alerts go to {@code news.alerts},
 * keyed by incident id. When the incidents stage forgets an incident ({@code incident-retention} after it closed; a
 * {@code null} value under its id) its entries go too: a closed or merged incident has no more versions to alert on. The stage is always in the topology (no rules = no alerts), so that the topology and its
 * internal topics do not depend on the rules file.
 */
public final class AlertStage {
    public static final String STORE = "alerts-sent-store";
    public static final String PROCESSOR = "alerts-evaluate-rules";

    private AlertStage() {
    }

    public static void apply(StreamsBuilder builder, KStream<String, Incident> incidents, Topics topics, AlertRules rules) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
            Serdes.Integer()).withCachingEnabled());
        incidents.process(() -> new AlertProcessor(rules), Named.as(PROCESSOR), STORE)
            .to(topics.alerts.name(), topics.alerts.produced("alerts-write-alerts"));
    }

    static final class AlertProcessor implements Processor<String, Incident, String, Alert> {
        private final AlertRules rules;
        private ProcessorContext<String, Alert> context;
        private KeyValueStore<String, Integer> sent;

        AlertProcessor(AlertRules rules) {
            this.rules = rules;
        }

        @Override
        public void init(ProcessorContext<String, Alert> context) {
            this.context = context;
            this.sent = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, Incident> record) {
            Incident incident = record.value();
            if (incident == null) {
                forget(record.key());
                return;
            }
            for (AlertRule rule : rules.rules()) {
                String key = incident.getIncidentId() + "|" + rule.id();
                AlertRules.evaluate(rule, incident, sent.get(key)).ifPresent(alert -> {
                    sent.put(key, alert.getKilled());
                    context.forward(record.withKey(incident.getIncidentId()).withValue(alert));
                });
            }
        }

        /** Deletes {@code <id>|<rule>} for every rule, including rules since removed from the file. */
        private void forget(String incidentId) {
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, Integer> it = sent.prefixScan(incidentId + "|", new StringSerializer())) {
                it.forEachRemaining(kv -> keys.add(kv.key));
            }
            keys.forEach(sent::delete);
        }
    }
}
