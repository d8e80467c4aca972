package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.App;
import org.sitrep.api.TestIncidents;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.runtime.IncidentSubscription;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Incident;
import org.sitrep.schema.Party;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.topology.Topics;
import picocli.CommandLine;

/**
 * {@code sitrep subscribe} and {@link IncidentSubscription} on a real broker and registry: incident versions written
 * to {@code news.incidents} (record time = the version's update time, as the pipeline writes them) are read from the
 * beginning, from a time or from now, and filtered.
 */
class SubscribeIT {
    static EmbeddedKafka kafka;
    static PipelineSession session;
    static String registry;

    static final Incident MALI_1 = TestIncidents.mali(1, 10, 12);
    static final Incident MALI_2 = TestIncidents.mali(2, 14, 14);
    static final Incident NIGERIA = TestIncidents.incident("NG-20181118-7a8851", 1, "NG", "Borno",
        EventType.attack_on_base, Party.state_forces, 23, 100, List.of("ISWAP"), "2018-11-20T09:00:00Z");
    static final Incident SOMALIA = TestIncidents.incident("SO-20221029-24c755", 1, "SO", "Banaadir",
        EventType.suicide_bombing, Party.unknown, 120, 120, List.of("al-Shabaab"), "2022-10-30T09:00:00Z");

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
        registry = SharedRegistry.get().url();
        session = ClusterSession.create(kafka.bootstrapServers(), registry, "sitrep-it-subscribe", Map.of());
        session.createTopics();
        publish(NIGERIA, SOMALIA, MALI_1, MALI_2);
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    static void publish(Incident... incidents) {
        try (KafkaProducer<String, Incident> producer = new KafkaProducer<>(session.config().clientProperties(),
            new StringSerializer(), session.serdes().incident().serializer())) {
            for (Incident i : incidents) {
                producer.send(new ProducerRecord<>(Topics.INCIDENTS, null, i.getUpdatedAt().toEpochMilli(),
                    i.getIncidentId(), i));
            }
        }
    }

    @Test
    void fromTheBeginningWithFiltersPrintsJsonLines() throws Exception {
        List<String> lines = subscribe("--from-beginning", "--country", "ML,NG", "--min-killed", "12", "--json",
            "--limit", "2");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> nodes = lines.stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        // Mali v1 (best 10) is below the threshold; Somalia is another country.
        assertThat(nodes).extracting(n -> n.get("incident_id").asText() + " v" + n.get("version").asInt())
            .containsExactlyInAnyOrder("NG-20181118-7a8851 v1", "ML-20230110-b00953 v2");
        assertThat(nodes).allSatisfy(n -> assertThat(n.get("claims")).isNotEmpty());
    }

    @Test
    void sinceStartsAtTheFirstVersionMadeAtOrAfterTheTime() throws Exception {
        List<String> lines = subscribe("--since", "2023-01-01", "--limit", "2");
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("ML-20230110-b00953"));
        assertThat(lines.get(0)).contains(" v1 ");
        assertThat(lines.get(1)).contains(" v2 ");
    }

    @Test
    void typeAndActorFiltersOnReadableLines() throws Exception {
        List<String> lines = subscribe("--from-beginning", "--type", "suicide_bombing", "--actor", "shabaab",
            "--limit", "1");
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l).startsWith("SO-20221029-24c755").contains(" v1 ");
            assertThat(l).contains("unknown", "120/120/120");
        });
    }

    @Test
    void fromNowSeesOnlyWhatIsPublishedAfterItStarted() throws Exception {
        List<Incident> seen = new CopyOnWriteArrayList<>();
        try (IncidentSubscription s = IncidentSubscription.start(session.config().clientProperties(),
            IncidentSubscription.Start.now(), session.serdes().incident(), seen::add)) {
            Incident mali3 = TestIncidents.mali(3, 16, 20);
            publish(mali3);
            await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty());
            assertThat(seen).extracting(Incident::getVersion).containsExactly(3);
            assertThat(s.isRunning()).isTrue();
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        StringWriter err = new StringWriter();
        CommandLine cli = App.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("subscribe", "--type", "massacre", "--bootstrap-servers", kafka.bootstrapServers());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown event type 'massacre'");
    }

    private List<String> subscribe(String... args) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = App.commandLine();
        cli.setOut(new PrintWriter(out));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 1, args.length);
        all[0] = "subscribe";
        all[args.length + 1] = "--bootstrap-servers=" + kafka.bootstrapServers();
        all[args.length + 2] = "--schema-registry-url=" + registry;
        all[args.length + 3] = "--set=http-port=0";
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> code = runner.submit(() -> cli.execute(all));
            assertThat(code.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            runner.shutdownNow();
        }
        return out.toString().lines().filter(l -> !l.isBlank()).toList();
    }
}
