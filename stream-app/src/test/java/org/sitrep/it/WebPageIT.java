package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.sitrep.api.ApiRuntime;
import org.sitrep.api.IncidentFilter;
import org.sitrep.api.TestIncidents;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.schema.Claim;
import org.sitrep.schema.Estimate;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentStatus;
import org.sitrep.schema.Party;
import org.sitrep.schema.PartyCasualties;
import org.sitrep.schema.Place;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.HeadlessChromium;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.topology.Topics;

/**
 * The page at {@code /} in headless Chromium, against one app instance on a real broker and registry that has
 * processed the sample feed: the list and the map show every incident, clicking opens its claims, and versions
 * published while the page is open arrive over the event stream. Skipped where no Chromium is installed (Debian:
 * {@code apt-get install chromium}; or set {@code SITREP_CHROMIUM}).
 *
 * <p>Screenshots go to {@code target/web/}; with {@code -Dsitrep.update-screenshots=true} also to {@code docs/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(value = "chromiumInstalled", disabledReason = "no Chromium binary (apt-get install chromium, or set SITREP_CHROMIUM)")
class WebPageIT {
    static final ObjectMapper JSON = new ObjectMapper();
    /** world-atlas ids (ISO 3166-1 numeric) of the sample feed's countries. */
    static final Map<String, String> NUMERIC = Map.of("ML", "466", "BF", "854", "NE", "562", "NG", "566", "SO", "706");

    static EmbeddedKafka kafka;
    static PipelineSession session;
    static ApiRuntime api;
    static HeadlessChromium browser;
    static List<Incident> incidents;
    static String url;

    static boolean chromiumInstalled() {
        return HeadlessChromium.binary().isPresent();
    }

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> chromium = HeadlessChromium.binary();
        assumeTrue(chromium.isPresent(), "no Chromium binary (apt-get install chromium, or set SITREP_CHROMIUM)");
        kafka = EmbeddedKafka.start();
        api = ApiRuntime.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        session = ClusterSession.create(kafka.bootstrapServers(), SharedRegistry.get().url(), "sitrep-it-web",
            // The sample feed spans five years: keep every incident on the map, as demo does.
            Map.of("partitions", "1", "advertised-http-url", "http://127.0.0.1:" + api.port(), "incident-retention", "forever"));
        session.createTopics();
        api.attach(session.streams(), session.config(), session.serdes());
        session.streams().start();
        await().atMost(Duration.ofMinutes(2))
            .until(() -> session.streams().kafkaStreams().state() == KafkaStreams.State.RUNNING);
        var lines = ArticleFile.read(ClusterSession.repoFile("data/sample-feed.jsonl"), new ArticleValidator(500_000));
        session.publish("sample", lines, n -> { });
        session.awaitIdle(Duration.ofMinutes(3));
        incidents = session.collect().finalIncidents().stream()
            .filter(i -> i.getStatus() != IncidentStatus.merged).toList();
        assertThat(incidents).hasSizeGreaterThanOrEqualTo(5);
        url = "http://127.0.0.1:" + api.port() + "/";
        browser = HeadlessChromium.start(chromium.get(), 1400, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (api != null) {
            api.close();
        }
        if (session != null) {
            session.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void listAndMapShowEveryIncident() throws Exception {
        browser.navigate(url);
        browser.await("the page to load its incidents and map",
            "document.body.dataset.loaded === 'true' && document.body.dataset.countries", Duration.ofSeconds(60));
        browser.await("the event stream to open", "document.getElementById('status').dataset.state === 'live'",
            Duration.ofSeconds(30));

        // the list: every incident once, newest event first, with its killed best per party and its sources
        List<String> expectedOrder = incidents.stream().sorted(Comparator
                .comparing((Incident i) -> i.getEventDate().toString()).reversed()
                .thenComparing(Comparator.comparing((Incident i) -> i.getUpdatedAt().toString()).reversed())
                .thenComparing(Incident::getIncidentId))
            .map(Incident::getIncidentId).toList();
        assertThat(strings(browser.eval("[...document.querySelectorAll('#rows tr')].map(r => r.dataset.id)")))
            .containsExactlyElementsOf(expectedOrder);
        for (Incident i : incidents) {
            String row = browser.eval(rowText(i.getIncidentId())).asText();
            assertThat(row).as(i.getIncidentId()).contains(i.getIncidentId(), i.getEventDate().toString(),
                i.getEventType().toString().replace('_', ' '), i.getArticles().size() + " article",
                i.getOutlets().size() + " outlet");
            for (PartyCasualties pc : i.getCasualties()) {
                if (pc.getKilled() != null) {
                    Integer best = pc.getKilled().getBest();
                    assertThat(row).contains(pc.getParty().toString().replace('_', ' ') + " "
                        + (best == null ? "–" : best.toString()));
                }
            }
        }

        // the map: every country of the vendored TopoJSON decoded into a path
        assertThat(browser.eval("document.querySelectorAll('#countries path.country').length").asInt())
            .isEqualTo(countriesInTopology()).isGreaterThan(150);

        // one circle per located incident, at its first located place, inside its country's outline
        List<Incident> located = incidents.stream().filter(i -> firstLocated(i) != null).toList();
        assertThat(located).hasSizeGreaterThanOrEqualTo(5);
        JsonNode circles = browser.eval("[...document.querySelectorAll('#incidents circle')].map(c => ({id: c.dataset.id,"
            + " cx: +c.getAttribute('cx'), cy: +c.getAttribute('cy'), r: +c.getAttribute('r'), killed: +c.dataset.killed,"
            + " inside: [...document.querySelectorAll('#countries path')].filter(p => p.isPointInFill(new DOMPoint(+c.getAttribute('cx'), +c.getAttribute('cy')))).map(p => p.dataset.id)}))");
        assertThat(circles).hasSize(located.size());
        List<double[]> killedAndRadius = new ArrayList<>();
        for (Incident i : located) {
            JsonNode c = find(circles, i.getIncidentId());
            Place p = firstLocated(i);
            assertThat(c.get("cx").asDouble()).as(i.getIncidentId() + " lon").isCloseTo(p.getLon(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(c.get("cy").asDouble()).as(i.getIncidentId() + " lat").isCloseTo(-p.getLat(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(c.get("killed").asInt()).isEqualTo(IncidentFilter.bestKilled(i));
            assertThat(strings(c.get("inside"))).as(i.getIncidentId() + " lies in its country")
                .contains(NUMERIC.get(i.getCountry()));
            killedAndRadius.add(new double[] {c.get("killed").asDouble(), c.get("r").asDouble()});
        }
        killedAndRadius.sort(Comparator.comparingDouble(a -> a[0]));
        for (int k = 1; k < killedAndRadius.size(); k++) {
            assertThat(killedAndRadius.get(k)[1]).as("radius grows with killed").isGreaterThanOrEqualTo(killedAndRadius.get(k - 1)[1]);
        }
        assertThat(killedAndRadius.get(killedAndRadius.size() - 1)[1]).isGreaterThan(killedAndRadius.get(0)[1]);

        // a tooltip on hover
        String first = located.get(0).getIncidentId();
        browser.eval(circle(first) + ".dispatchEvent(new PointerEvent('pointerenter', {clientX: 300, clientY: 200}))");
        assertThat(browser.eval("document.getElementById('tooltip').hidden").asBoolean()).isFalse();
        assertThat(browser.eval("document.getElementById('tooltip').textContent").asText()).contains(first);
        browser.eval(circle(first) + ".dispatchEvent(new PointerEvent('pointerleave'))");
        assertThat(browser.console()).as("console errors").noneMatch(m -> m.startsWith("error") || m.startsWith("exception"));
        screenshot("screenshot.png");
    }

    @Test
    @Order(2)
    void clickingACircleOrARowOpensTheClaims() throws Exception {
        Incident most = incidents.stream().max(Comparator.comparingInt(i -> i.getClaims().size())).orElseThrow();
        browser.eval(circle(most.getIncidentId()) + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        browser.await("the panel", "!document.getElementById('panel').hidden && document.getElementById('panel').dataset.id === '"
            + most.getIncidentId() + "'", Duration.ofSeconds(10));
        String panel = browser.eval("document.getElementById('panel').innerText.replace(/\\s+/g, ' ')").asText();
        assertThat(browser.eval("document.querySelectorAll('#panel .claims > li').length").asInt()).isEqualTo(most.getClaims().size());
        for (Claim c : most.getClaims()) {
            assertThat(panel).contains(c.getClaimant(), c.getArticleId(), c.getOutlet(),
                c.getSentence().strip().replaceAll("\\s+", " "));
        }
        for (PartyCasualties pc : most.getCasualties()) {
            Estimate k = pc.getKilled();
            if (k != null) {
                assertThat(panel).contains(k.getLow() + " / " + (k.getBest() == null ? "–" : k.getBest()) + " / " + k.getHigh());
            }
        }
        assertThat(panel).contains(most.getOutlets().toArray(String[]::new)).contains(most.getArticles().toArray(String[]::new));
        assertThat(browser.eval("document.querySelector('#rows tr.selected').dataset.id").asText()).isEqualTo(most.getIncidentId());
        Thread.sleep(300);
        screenshot("screenshot-panel.png");

        Incident other = incidents.stream().filter(i -> i != most).findFirst().orElseThrow();
        browser.eval("document.querySelector('#rows tr[data-id=\"" + other.getIncidentId() + "\"]').click()");
        browser.await("the panel to switch", "document.getElementById('panel').dataset.id === '" + other.getIncidentId() + "'",
            Duration.ofSeconds(10));
        browser.eval("document.getElementById('panel-close').click()");
        assertThat(browser.eval("document.getElementById('panel').hidden").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void newVersionsArriveOverTheEventStream() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.server().sseClients() >= 1);
        int rows = browser.eval("document.querySelectorAll('#rows tr').length").asInt();
        int dots = browser.eval("document.querySelectorAll('#incidents circle').length").asInt();
        // a new incident (Diffa, Niger, after every sample incident) and a new version of a sample one with a new toll
        Incident fresh = Incident.newBuilder(TestIncidents.incident("NE-20230901-0c0c0c", 1, "NE", "Diffa",
                EventType.attack_on_civilians, Party.civilians, 40, 45, List.of("ISWAP"), "2023-09-02T08:00:00Z"))
            .setPlaces(List.of(new Place("Diffa", "NE", "Diffa", 13.315, 12.611))).build();
        Incident old = incidents.stream().filter(i -> firstLocated(i) != null).findFirst().orElseThrow();
        Incident updated = Incident.newBuilder(old).setVersion(old.getVersion() + 1)
            .setCasualties(List.of(new PartyCasualties(Party.civilians, new Estimate(97, 99, 140), null, null, true))).build();
        try (KafkaProducer<String, Incident> p = new KafkaProducer<>(session.config().clientProperties(),
            new StringSerializer(), session.serdes().incident().serializer())) {
            p.send(new ProducerRecord<>(Topics.INCIDENTS, fresh.getIncidentId(), fresh));
            p.send(new ProducerRecord<>(Topics.INCIDENTS, updated.getIncidentId(), updated));
        }
        browser.await("the streamed versions", "document.querySelectorAll('#rows tr').length === " + (rows + 1)
            + " && " + circle(updated.getIncidentId()) + ".dataset.killed === '99'", Duration.ofSeconds(60));
        assertThat(browser.eval("document.querySelector('#rows tr').dataset.id").asText()).as("newest first")
            .isEqualTo(fresh.getIncidentId());
        assertThat(browser.eval("document.querySelectorAll('#incidents circle').length").asInt()).isEqualTo(dots + 1);
        assertThat(browser.eval(circle(fresh.getIncidentId()) + ".dataset.killed").asText()).isEqualTo("40");
        assertThat(browser.eval(rowText(updated.getIncidentId())).asText()).contains("civilians 99");
        assertThat(browser.eval("document.body.dataset.events").asInt()).isGreaterThanOrEqualTo(2);
    }

    private static String circle(String id) {
        return "document.querySelector('#incidents circle[data-id=\"" + id + "\"]')";
    }

    private static String rowText(String id) {
        return "document.querySelector('#rows tr[data-id=\"" + id + "\"]').innerText.replace(/\\s+/g, ' ')";
    }

    private static Place firstLocated(Incident i) {
        return i.getPlaces().stream().filter(p -> p.getLat() != null && p.getLon() != null).findFirst().orElse(null);
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no circle for " + id + " in " + array);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static int countriesInTopology() throws Exception {
        try (InputStream in = WebPageIT.class.getResourceAsStream("/org/sitrep/api/web/countries-110m.json")) {
            int n = 0;
            for (JsonNode g : JSON.readTree(in).path("objects").path("countries").path("geometries")) {
                String type = g.path("type").asText();
                if (type.equals("Polygon") || type.equals("MultiPolygon")) {
                    n++;
                }
            }
            return n;
        }
    }

    private static void screenshot(String name) throws Exception {
        Path shot = Path.of("target", "web", name);
        browser.screenshot(shot);
        if (Boolean.getBoolean("sitrep.update-screenshots")) {
            Path docs = ClusterSession.repoFile("docs").resolve(name);
            Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
