package org.sitrep.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.alerts.AlertStage;
import org.sitrep.api.HistoryStage;
import org.sitrep.bench.ArticleGenerator;
import org.sitrep.dedup.DedupStage;
import org.sitrep.incidents.IncidentStage;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentHistory;
import org.sitrep.schema.IncidentStatus;
import org.sitrep.testing.DriverHarness;

/**
 * State size over a year of event time, at the default settings ({@code incident-quiet-period} and
 * {@code incident-retention} 30 days, reorder grace 10 minutes): generated articles, a day's worth at the start of
 * every month, through the whole topology. After each month the stores must hold exactly what the retention window
 * holds (the open incidents and those closed within the retention, give or take the punctuation interval), checked
 * against the closing times published on {@code news.incidents}; so their size follows the window, not the number of
 * articles or incidents so far. Prints one line per month (docs/PERFORMANCE.md, "State bounded by horizons").
 * {@code -Dsitrep.stateBound.retention=forever} measures the same feed keeping every incident, as before
 * {@code incident-retention} (the window checks then hold trivially, the size bound is not asserted).
 */
class IncidentStateBoundDriverTest {
    static final int MONTHS = 12;
    static final int ARTICLES_PER_MONTH = ArticleGenerator.ARTICLES_PER_DAY;
    static final String RETENTION_SETTING = System.getProperty("sitrep.stateBound.retention", "30d");
    static final Duration GRACE = Duration.ofMinutes(10);
    static final Duration PUNCTUATION = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void theStoresHoldTheRetentionWindowNotTheHistory() throws IOException {
        Path rules = dir.resolve("rules.json");
        Files.writeString(rules, "{\"rules\": [{\"id\": \"every-incident\"}]}");
        Map<String, String> published = new HashMap<>();    // id -> status of its last version
        Map<String, Instant> closedAt = new HashMap<>();     // closed or merged id -> closing time
        // Of the incidents stage's punctuation. TopologyTestDriver runs the whole topology as one task, so its stream
        // time is that of the latest record of any input: the latest article sent, even one that ends as a copy or
        // gives no placed report (in a deployment, the incidents task's own latest report).
        Instant streamTime = Instant.EPOCH;
        int articles = 0;
        int maxStored = 0;
        long maxBytes = 0;
        Map<String, Long> last = new LinkedHashMap<>();
        try (DriverHarness h = new DriverHarness(Map.of("alert-rules", rules.toString(), "reorder-grace", "10m",
                "incident-retention", RETENTION_SETTING))) {
            Duration retention = h.config.pipeline().incidentRetention();
            System.out.println("month articles incidents_published incidents_stored open history alerts index bytes_stored");
            for (int month = 0; month < MONTHS; month++) {
                Instant start = ArticleGenerator.DEFAULT_START.atZone(java.time.ZoneOffset.UTC).plusMonths(month).toInstant();
                for (var a : new ArticleGenerator(100 + month, start).articles(ARTICLES_PER_MONTH)) {
                    h.send(a);
                    articles++;
                    if (a.getPublishedAt().isAfter(streamTime)) {
                        streamTime = a.getPublishedAt();
                    }
                }
                h.reports.readValuesToList();
                for (Incident i : h.incidents.readValuesToList()) {
                    published.put(i.getIncidentId(), i.getStatus().toString());
                    if (i.getStatus() != IncidentStatus.open) {
                        closedAt.put(i.getIncidentId(), i.getUpdatedAt());
                    } else {
                        closedAt.remove(i.getIncidentId()); // a late report reopened it
                    }
                }

                Set<String> stored = keys(h, IncidentStage.STORE);
                Instant upTo = streamTime.minus(GRACE);
                for (var e : published.entrySet()) {
                    String id = e.getKey();
                    Instant closed = closedAt.get(id);
                    if (closed == null) {
                        assertThat(stored).as("open incident %s", id).contains(id);
                    } else if (!closed.plus(retention).isBefore(upTo)) {
                        assertThat(stored).as("%s closed at %s, within the retention at %s", id, closed, upTo).contains(id);
                    } else if (closed.plus(retention).isBefore(upTo.minus(PUNCTUATION))) {
                        assertThat(stored).as("%s closed at %s, past the retention at %s", id, closed, upTo).doesNotContain(id);
                    }
                }
                assertThat(published.keySet()).containsAll(stored);
                assertThat(keys(h, HistoryStage.STORE)).as("histories of the stored incidents").isEqualTo(stored);
                Set<String> alerted = new HashSet<>();
                keys(h, AlertStage.STORE).forEach(k -> alerted.add(k.substring(0, k.indexOf('|'))));
                assertThat(stored).as("alert entries of the stored incidents only").containsAll(alerted);
                Set<String> indexed = new HashSet<>();
                keys(h, IncidentStage.RETENTION_STORE).stream().filter(k -> !k.startsWith("~"))
                    .forEach(k -> indexed.add(k.substring(k.indexOf('|') + 1)));
                Set<String> storedClosed = new HashSet<>(stored);
                storedClosed.retainAll(closedAt.keySet());
                assertThat(indexed).as("the index holds the stored closed and merged incidents").isEqualTo(storedClosed);

                long open = published.values().stream().filter(s -> s.equals("open")).count();
                long bytes = bytes(h);
                maxStored = Math.max(maxStored, stored.size());
                maxBytes = Math.max(maxBytes, bytes);
                last.put("stored", (long) stored.size());
                last.put("published", (long) published.size());
                System.out.printf("%5d %8d %19d %16d %4d %7d %6d %5d %12d%n", month + 1, articles, published.size(),
                    stored.size(), open, keys(h, HistoryStage.STORE).size(), keys(h, AlertStage.STORE).size(),
                    indexed.size(), bytes);
            }
            // Other stores: fingerprints within dedup-horizon (7 days), the reorder buffers within the grace.
            assertThat(keys(h, DedupStage.STORE).size()).isLessThan(ARTICLES_PER_MONTH);
            assertThat(keys(h, IncidentStage.REORDER_STORE).size() + keys(h, DedupStage.REORDER_STORE).size())
                .isLessThan(ArticleGenerator.ARTICLES_PER_DAY / 24);
        }
        // A year of incidents published, at most about two months' worth stored at any time.
        System.out.printf("incidents published %d, stored at the end %d, at most %d; bytes stored at most %d%n",
            last.get("published"), last.get("stored"), maxStored, maxBytes);
        if (!RETENTION_SETTING.equals("forever")) {
            assertThat(last.get("published")).isGreaterThan(3L * maxStored);
        }
        assertThat(streamTime).isAfter(ArticleGenerator.DEFAULT_START.plus(330, ChronoUnit.DAYS));
    }

    private static Set<String> keys(DriverHarness h, String store) {
        Set<String> out = new HashSet<>();
        try (var it = h.driver.getKeyValueStore(store).all()) {
            it.forEachRemaining(kv -> out.add(String.valueOf(kv.key)));
        }
        return out;
    }

    /** Serialized keys and values of the incidents stage's stores (incidents, histories, alerts, index). */
    private static long bytes(DriverHarness h) {
        long n = 0;
        try (var it = h.driver.<String, Incident>getKeyValueStore(IncidentStage.STORE).all()) {
            while (it.hasNext()) {
                var kv = it.next();
                n += kv.key.length() + h.serdes.incident().serializer().serialize("sitrep-incidents-store-changelog", kv.value).length;
            }
        }
        try (var it = h.driver.<String, IncidentHistory>getKeyValueStore(HistoryStage.STORE).all()) {
            while (it.hasNext()) {
                var kv = it.next();
                n += kv.key.length() + h.serdes.incidentHistory().serializer().serialize("sitrep-api-history-store-changelog", kv.value).length;
            }
        }
        for (String store : List.of(AlertStage.STORE, IncidentStage.RETENTION_STORE)) {
            n += keys(h, store).stream().mapToLong(k -> k.length() + 8).sum();
        }
        return n;
    }
}
