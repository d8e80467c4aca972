package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.api.ApiRuntime;
import org.sitrep.api.HistoryStage;
import org.sitrep.api.IncidentPartitioner;
import org.sitrep.api.TestIncidents;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.incidents.IncidentStage;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Incident;
import org.sitrep.schema.Party;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.topology.Topics;

/**
 * The HTTP API of two instances of one application (same application id, own state and own port, in this JVM) over
 * the sample feed on a real broker and registry: every incident, its history and the filtered lists are answered by
 * either instance, the one not owning the incident's partition forwarding to the one that does.
 */
class ApiIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static EmbeddedKafka kafka;
    static final List<ApiRuntime> apis = new ArrayList<>();
    static final List<PipelineSession> sessions = new ArrayList<>();
    static RunOutputs outputs;
    static Map<String, Incident> latest;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        String registry = SharedRegistry.get().url();
        for (int i = 0; i < 2; i++) {
            ApiRuntime api = ApiRuntime.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            apis.add(api);
            PipelineSession s = ClusterSession.create(kafka.bootstrapServers(), registry, "sitrep-it-api",
                // The sample feed spans five years: keep every incident queryable, as demo does.
                Map.of("partitions", "3", "advertised-http-url", "http://127.0.0.1:" + api.port(),
                    "incident-retention", "forever"));
            sessions.add(s);
        }
        sessions.get(0).createTopics();
        for (int i = 0; i < 2; i++) {
            apis.get(i).attach(sessions.get(i).streams(), sessions.get(i).config(), sessions.get(i).serdes());
            sessions.get(i).streams().start();
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> sessions.stream()
            .allMatch(s -> s.streams().kafkaStreams().state() == KafkaStreams.State.RUNNING));
        var lines = ArticleFile.read(ClusterSession.repoFile("data/sample-feed.jsonl"), new ArticleValidator(500_000));
        sessions.get(0).publish("sample", lines, n -> { });
        sessions.get(0).awaitIdle(Duration.ofMinutes(3));
        outputs = sessions.get(0).collect();
        latest = outputs.finalIncidents().stream().collect(Collectors.toMap(Incident::getIncidentId, i -> i));
        // The group may still be settling after the drain: wait until both instances answer for every incident.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() ->
            latest.keySet().stream().allMatch(id -> status(0, "/incidents/" + id) == 200 && status(1, "/incidents/" + id) == 200));
    }

    @AfterAll
    static void stop() {
        apis.forEach(ApiRuntime::close);
        sessions.forEach(PipelineSession::close);
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void bothInstancesOwnIncidentsAndEitherAnswersForEvery() throws Exception {
        assertThat(latest).hasSizeGreaterThanOrEqualTo(5);
        Set<HostInfo> owners = new HashSet<>();
        for (String id : latest.keySet()) {
            owners.add(sessions.get(0).streams().kafkaStreams()
                .queryMetadataForKey(IncidentStage.STORE, id, new IncidentPartitioner()).activeHost());
        }
        assertThat(owners).as("owners of the incidents' partitions").hasSize(2);
        for (Incident expected : latest.values()) {
            for (int i = 0; i < 2; i++) {
                JsonNode got = get(i, "/incidents/" + expected.getIncidentId());
                assertThat(got.get("incident_id").asText()).isEqualTo(expected.getIncidentId());
                assertThat(got.get("version").asInt()).isEqualTo(expected.getVersion());
                assertThat(got.get("claims")).hasSize(expected.getClaims().size());
                assertThat(got.get("reports")).hasSize(expected.getReports().size());
            }
        }
        assertThat(apis.get(0).server().counters().forwardedCount()).isPositive();
        assertThat(apis.get(1).server().counters().forwardedCount()).isPositive();
    }

    @Test
    void historyHoldsEveryVersionInOrder() throws Exception {
        // news.incidents is compacted, and its record times are the feed's (years old), so the cleaner may already
        // have dropped older versions there: the history store is what keeps them. Every version is 1..n, once.
        for (Incident last : latest.values()) {
            JsonNode h = get(1, "/incidents/" + last.getIncidentId() + "/history");
            List<Integer> got = new ArrayList<>();
            h.get("versions").forEach(v -> got.add(v.get("version").asInt()));
            List<Integer> expected = new ArrayList<>();
            for (int v = 1; v <= last.getVersion(); v++) {
                expected.add(v);
            }
            assertThat(got).as(last.getIncidentId()).isEqualTo(expected);
            JsonNode newest = h.get("versions").get(got.size() - 1);
            assertThat(newest.get("article_count").asInt()).isEqualTo(last.getArticles().size());
            Set<String> added = new HashSet<>();
            h.get("versions").forEach(v -> v.get("new_articles").forEach(a -> added.add(a.asText())));
            assertThat(added).containsExactlyInAnyOrderElementsOf(last.getArticles());
        }
        assertThat(latest.values()).anySatisfy(i -> assertThat(i.getVersion()).isGreaterThan(1));
    }

    @Test
    void listsMergeBothInstancesAndFilter() throws Exception {
        JsonNode all = get(0, "/incidents");
        assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(latest.keySet());
        assertThat(all.get("truncated").asBoolean()).isFalse();

        Set<String> mali = latest.values().stream().filter(i -> i.getCountry().equals("ML"))
            .map(Incident::getIncidentId).collect(Collectors.toSet());
        assertThat(ids(get(1, "/incidents?country=ml"))).containsExactlyInAnyOrderElementsOf(mali);

        Set<String> big = latest.values().stream().filter(i -> org.sitrep.api.IncidentFilter.bestKilled(i) >= 20)
            .map(Incident::getIncidentId).collect(Collectors.toSet());
        assertThat(big).isNotEmpty();
        assertThat(ids(get(1, "/incidents?min_killed=20"))).containsExactlyInAnyOrderElementsOf(big);

        Set<String> ambush = latest.values().stream().filter(i -> i.getEventType() == EventType.ambush)
            .map(Incident::getIncidentId).collect(Collectors.toSet());
        assertThat(ids(get(0, "/incidents?type=ambush&since=2018-01-01"))).containsExactlyInAnyOrderElementsOf(ambush);
        assertThat(ids(get(0, "/incidents?since=2100-01-01"))).isEmpty();
        assertThat(get(0, "/incidents?limit=2").get("incidents")).hasSize(2);
    }

    @Test
    void errorsAreJsonWithoutStackTraces() throws Exception {
        assertError(0, "/incidents/XX-20990101-000000", 404, "no incident");
        assertError(1, "/incidents?min_killed=many", 400, "min_killed must be an integer");
        assertError(1, "/incidents?type=massacre", 400, "unknown event type");
        assertError(1, "/incidents?colour=red", 400, "unknown parameter 'colour'");
        assertError(0, "/nothing/here", 404, "no such resource");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(0, "/incidents"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(post.body()).get("error").asText()).contains("method not allowed");
    }

    @Test
    void topologyMetricsAndHealth() throws Exception {
        assertThat(text(0, "/topology")).contains(HistoryStage.STORE, HistoryStage.PROCESSOR, IncidentStage.STORE);
        String metrics = text(1, "/metrics");
        assertThat(metrics).contains("sitrep_streams_state{state=\"RUNNING\"} 1",
            "kafka_consumer_fetch_manager_metrics_records_lag_max{", "kafka_stream_thread_metrics_process_rate{",
            "_record_e2e_latency_avg{", "sitrep_http_requests_total{route=\"/incidents/{id}\",status=\"200\"}",
            "kafka_sitrep_reorder_metrics_held_records{", "kafka_sitrep_reorder_metrics_held_records_max{",
            "buffer=\"incidents-reorder-store\"");
        for (String line : metrics.lines().filter(l -> !l.startsWith("#")).toList()) {
            assertThat(line).matches("[a-z_][a-z0-9_]*(\\{.*\\})? [-+0-9.eENaIf]+");
        }
        assertThat(get(0, "/health").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void everyPathInTheOpenApiDescriptionIsServed() throws Exception {
        JsonNode spec = get(0, "/openapi.json");
        String someId = latest.keySet().iterator().next();
        List<String> paths = new ArrayList<>();
        spec.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/incidents", "/incidents/{id}", "/incidents/{id}/history", "/incidents/stream",
            "/topology", "/metrics", "/health");
        for (String p : paths) {
            String path = p.replace("{id}", someId);
            if (p.equals("/incidents/stream")) {
                HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(uri(0, path)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
                r.body().close();
                continue;
            }
            assertThat(status(0, path)).as(path).isEqualTo(200);
        }
    }

    @Test
    void eventStreamSendsNewVersionsThatMatch() throws Exception {
        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(uri(1, "/incidents/stream?country=SO"))
            .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> apis.get(1).server().sseClients() >= 1);
            Incident nigeria = TestIncidents.incident("NG-20990101-aaaaaa", 1, "NG", "Borno", EventType.ied,
                Party.civilians, 3, 3, List.of(), "2099-01-01T00:00:00Z");
            Incident somalia = TestIncidents.incident("SO-20990101-bbbbbb", 1, "SO", "Banaadir", EventType.ied,
                Party.civilians, 4, 4, List.of(), "2099-01-01T00:00:00Z");
            try (KafkaProducer<String, Incident> p = new KafkaProducer<>(sessions.get(0).config().clientProperties(),
                new StringSerializer(), sessions.get(0).serdes().incident().serializer())) {
                p.send(new ProducerRecord<>(Topics.INCIDENTS, nigeria.getIncidentId(), nigeria));
                p.send(new ProducerRecord<>(Topics.INCIDENTS, somalia.getIncidentId(), somalia));
            }
            CompletableFuture<List<String>> event = CompletableFuture.supplyAsync(() -> {
                List<String> lines = new ArrayList<>();
                try {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.startsWith("id:") || line.startsWith("event:") || line.startsWith("data:")) {
                            lines.add(line);
                        }
                        if (line.startsWith("data:")) {
                            return lines;
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return lines;
            });
            List<String> lines = event.get(20, TimeUnit.SECONDS);
            assertThat(lines).containsExactly("id: SO-20990101-bbbbbb/1", "event: incident",
                lines.get(2));
            assertThat(JSON.readTree(lines.get(2).substring(5)).get("incident_id").asText()).isEqualTo("SO-20990101-bbbbbb");
        }
    }

    private static void assertError(int instance, String path, int status, String message) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(instance, path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).contains(message);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> out = new HashSet<>();
        for (Iterator<JsonNode> it = list.get("incidents").elements(); it.hasNext(); ) {
            out.add(it.next().get("incident_id").asText());
        }
        return out;
    }

    static URI uri(int instance, String path) {
        return URI.create("http://127.0.0.1:" + apis.get(instance).port() + path);
    }

    static int status(int instance, String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(instance, path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static String text(int instance, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(instance, path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    static JsonNode get(int instance, String path) throws Exception {
        return JSON.readTree(text(instance, path));
    }
}
