package org.sitrep.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.Test;
import org.sitrep.api.TestIncidents;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.schema.Alert;
import org.sitrep.schema.AlertReason;
import org.sitrep.schema.Incident;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/** The alert stage in a TopologyTestDriver: the store makes each rule fire once per incident, then on escalation. */
class AlertStageTest {
    @Test
    void alertsOncePerIncidentAndRuleAndAgainOnEscalation() {
        SitrepSerdes serdes = new SitrepSerdes(SchemaRegistryClients.create("mock://alert-stage-test", java.util.Map.of()));
        Topics topics = new Topics(serdes);
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, Incident> incidents = b.stream(Topics.INCIDENTS, topics.incidents.consumed("test-read"));
        AlertStage.apply(b, incidents, topics, AlertRules.parse(AlertRulesTest.RULES));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-stage-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), p)) {
            TestInputTopic<String, Incident> in = driver.createInputTopic(Topics.INCIDENTS, Serdes.String().serializer(),
                serdes.incident().serializer());
            TestOutputTopic<String, Alert> out = driver.createOutputTopic(Topics.ALERTS, Serdes.String().deserializer(),
                serdes.alert().deserializer());
            for (int[] v : new int[][] {{1, 12, 12}, {2, 14, 40}, {3, 23, 40}, {4, 23, 41}}) {
                Incident i = TestIncidents.mali(v[0], v[1], v[2]);
                in.pipeInput(i.getIncidentId(), i);
            }
            var alerts = out.readValuesToList();
            // v1: central-mali matches (12). v2: any-high matches (high 40); central-mali rose by 2 only.
            // v3: central-mali rose by 11 since 12. v4: nothing new.
            assertThat(alerts).extracting(a -> a.getRuleId() + " v" + a.getIncidentVersion() + " " + a.getReason())
                .containsExactly("central-mali v1 match", "any-high v2 match", "central-mali v3 escalation");
            assertThat(alerts.get(2).getPreviousKilled()).isEqualTo(12);
            assertThat(alerts).allSatisfy(a -> assertThat(a.getReason()).isIn(AlertReason.match, AlertReason.escalation));
        }
    }

    @Test
    void aForgottenIncidentLeavesNothingInTheStoreAndOthersKeepTheirs() {
        SitrepSerdes serdes = new SitrepSerdes(SchemaRegistryClients.create("mock://alert-stage-forget", java.util.Map.of()));
        Topics topics = new Topics(serdes);
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, Incident> incidents = b.stream(Topics.INCIDENTS, topics.incidents.consumed("test-read"));
        AlertStage.apply(b, incidents, topics, AlertRules.parse(AlertRulesTest.RULES));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-stage-forget");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(b.build(), p)) {
            TestInputTopic<String, Incident> in = driver.createInputTopic(Topics.INCIDENTS, Serdes.String().serializer(),
                serdes.incident().serializer());
            Incident mali = TestIncidents.mali(2, 14, 40);
            Incident other = Incident.newBuilder(mali).setIncidentId("ML-20230111-abcdef").build();
            in.pipeInput(mali.getIncidentId(), mali);
            in.pipeInput(other.getIncidentId(), other);
            var sent = driver.<String, Integer>getKeyValueStore(AlertStage.STORE);
            assertThat(keys(sent)).containsExactlyInAnyOrder(mali.getIncidentId() + "|central-mali",
                mali.getIncidentId() + "|any-high", other.getIncidentId() + "|central-mali", other.getIncidentId() + "|any-high");
            // A rule since removed from the file left an entry too: it goes as well.
            sent.put(mali.getIncidentId() + "|old-rule", 3);

            in.pipeInput(mali.getIncidentId(), null); // the incidents stage forgot it

            assertThat(keys(sent)).containsExactlyInAnyOrder(other.getIncidentId() + "|central-mali",
                other.getIncidentId() + "|any-high");
        }
    }

    private static java.util.List<String> keys(org.apache.kafka.streams.state.KeyValueStore<String, Integer> store) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> out.add(kv.key));
        }
        return out;
    }
}
