package org.sitrep.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.sitrep.config.SitrepConfig;
import org.sitrep.api.HistoryStage;
import org.sitrep.config.ConfigLoader;
import org.sitrep.dedup.DedupStage;
import org.sitrep.dedup.NearDuplicateStage;
import org.sitrep.incidents.IncidentStage;
import org.sitrep.ordering.BufferMetrics;
import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.runtime.Directories;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.schema.Article;
import org.sitrep.schema.Incident;
import org.sitrep.schema.IncidentIndex;
import org.sitrep.topology.Topics;

/**
 * The {@code bench} measurements on one broker and registry, in one run:
 * <ol>
 *   <li><b>throughput</b>: N generated articles are published to {@code news.articles.raw} first; then the identity
 *       topology, and after it the full pipeline, each consume all of them from a standing start. Time runs from the
 *       moment the client is RUNNING to the arrival of its last output record at a read_committed consumer;</li>
 *   <li><b>memory</b>: heap used after a full GC, the size of the pipeline's state directory on disk and the number of
 *       entries in its stores (fingerprints, incidents, open incidents, incident histories), once the throughput run
 *       is over;</li>
 *   <li><b>latency</b>: for each reorder grace (the configured one, then 0s) a fresh pipeline application receives
 *       articles at each fixed rate for the given duration, each stamped with the current time as its publication
 *       time (live operation); latency is from just before the send to the arrival, at a read_committed consumer of
 *       {@code news.incidents}, of the first incident version whose {@code articles} contain the article.</li>
 * </ol>
 */
public final class BenchRunner {
    /**
     * Opens a pipeline session on the benchmark's broker and registry: {@code defaults} under the user's settings,
     * {@code settings} over them.
     */
    public interface Sessions {
        PipelineSession open(String applicationId, Map<String, String> defaults, Map<String, String> settings)
            throws IOException;
    }

    /** What to run. */
    public record Settings(int articles, long seed, List<Integer> rates, Duration duration, boolean latency,
                           Duration timeout) {
    }

    /** One latency measurement. */
    public record Latency(int rate, String grace, int sent, int matched, double achievedRate, double p50Ms,
                          double p95Ms, double p99Ms, double maxMs) {
    }

    /** Everything measured. */
    public record Result(int articles, double publishAps, double identityAps, double identitySeconds, double identityCpuSeconds,
                         double pipelineCpuSeconds,
                         double pipelineAps, double pipelineSeconds, double articlesOutSeconds,
                         double lastIncidentSeconds, long unique, long copies, long deadLetters, long reports,
                         long incidentVersions, double heapBaselineMb, double heapMb, double stateMb,
                         long storedFingerprints, long storedIncidents, long openIncidents, double feedDays,
                         List<Latency> latencies, long storedHistories) {
        public double ratio() {
            return identityAps == 0 ? 0 : pipelineAps / identityAps;
        }
    }

    private final Settings settings;
    private final Sessions sessions;
    private final PrintWriter log;

    public BenchRunner(Settings settings, Sessions sessions, PrintWriter log) {
        this.settings = settings;
        this.sessions = sessions;
        this.log = log;
    }

    public Result run() throws IOException, InterruptedException {
        int n = settings.articles();
        long g0 = System.nanoTime();
        List<Article> feed = new ArticleGenerator(settings.seed(), feedStart(n, Instant.now())).articles(n);
        double feedDays = Duration.between(feed.get(0).getPublishedAt(), feed.get(n - 1).getPublishedAt()).toMinutes() / 1440.0;
        say("generated %d articles (seed %d, %.1f MB of text, %.1f days of feed time) in %.1f s", n, settings.seed(),
            feed.stream().mapToLong(a -> a.getBody().length() + a.getTitle().length()).sum() / 1e6, feedDays, secondsSince(g0));

        Result throughput;
        try (PipelineSession pipe = sessions.open("sitrep-bench", SitrepConfig.REPLAY_DEFAULTS, Map.of())) {
            var client = pipe.config().clientProperties();
            pipe.createTopics();
            try (Admin admin = Admin.create(client)) {
                admin.createTopics(List.of(new NewTopic(IdentityTopology.OUTPUT, pipe.config().partitions(),
                    pipe.config().replicationFactor()))).all().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("cannot create " + IdentityTopology.OUTPUT + ": " + e.getMessage(), e);
            }
            long p0 = System.nanoTime();
            try (ArticlePublisher publisher = new ArticlePublisher(client, pipe.serdes())) {
                feed.forEach(publisher::send);
                publisher.flush();
            }
            double publishAps = n / secondsSince(p0);
            say("published %d articles to %s: %.0f articles/s", n, Topics.ARTICLES_RAW, publishAps);
            feed = null;
            double heapBaseline = heapAfterGcMb();

            // Identity topology: same settings, same input, bytes in, bytes out.
            double identitySeconds;
            double identityCpu;
            Path identityState = Files.createTempDirectory("sitrep-bench-identity-");
            try (OutputWatch watch = new OutputWatch(client, List.of(IdentityTopology.OUTPUT), null);
                 KafkaStreams identity = IdentityTopology.streams(pipe.config(), pipe.serdes(), "sitrep-bench-identity", identityState)) {
                identity.start();
                awaitRunning(identity);
                long running = System.nanoTime();
                long cpu0 = processCpuNanos();
                if (!watch.awaitCount(IdentityTopology.OUTPUT, n, settings.timeout())) {
                    throw new IllegalStateException("identity topology wrote " + watch.count(IdentityTopology.OUTPUT) + " of " + n);
                }
                identitySeconds = (watch.lastArrival(IdentityTopology.OUTPUT) - running) / 1e9;
                identityCpu = (processCpuNanos() - cpu0) / 1e9;
                identity.close(Duration.ofSeconds(30));
            } finally {
                Directories.deleteRecursively(identityState);
            }
            say("identity topology: %d articles in %.2f s = %.0f articles/s (process CPU %.1f s)", n, identitySeconds,
                n / identitySeconds, identityCpu);

            // The full pipeline over the same input.
            List<String> outputs = List.of(Topics.ARTICLES_UNIQUE, Topics.ARTICLES_COPIES, Topics.DLQ, Topics.REPORTS, Topics.INCIDENTS);
            try (OutputWatch watch = new OutputWatch(client, outputs, null)) {
                pipe.start(Duration.ofMinutes(2));
                long running = System.nanoTime();
                long cpu0 = processCpuNanos();
                long deadline = running + settings.timeout().toNanos();
                while (watch.count(Topics.ARTICLES_UNIQUE) + watch.count(Topics.ARTICLES_COPIES) + watch.count(Topics.DLQ) < n) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the pipeline did not decide every article within " + settings.timeout());
                    }
                    Thread.sleep(5);
                }
                long articlesDecided = System.nanoTime();
                double pipelineCpu = (processCpuNanos() - cpu0) / 1e9; // until every article is decided: no idle waiting
                pipe.awaitIdle(settings.timeout());
                watch.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(30));
                long articlesOut = Math.max(watch.lastArrival(Topics.ARTICLES_UNIQUE),
                    Math.max(watch.lastArrival(Topics.ARTICLES_COPIES), watch.lastArrival(Topics.DLQ)));
                long end = outputs.stream().mapToLong(watch::lastArrival).max().orElse(running);
                double pipelineSeconds = (end - running) / 1e9;
                double lastIncident = (watch.lastArrival(Topics.INCIDENTS) - running) / 1e9;
                say("pipeline: %d articles in %.2f s = %.0f articles/s (every article decided after %.2f s, last incident version after %.2f s)",
                    n, pipelineSeconds, n / pipelineSeconds, (articlesOut - running) / 1e9, lastIncident);
                say("  process CPU until every article was decided (%.2f s of wall time): %.1f s", (articlesDecided - running) / 1e9, pipelineCpu);
                say("  %d unique, %d copies, %d dead letters, %d reports, %d incident versions", watch.count(Topics.ARTICLES_UNIQUE),
                    watch.count(Topics.ARTICLES_COPIES), watch.count(Topics.DLQ), watch.count(Topics.REPORTS), watch.count(Topics.INCIDENTS));

                // Memory and state, with the pipeline still open.
                KafkaStreams ks = pipe.streams().kafkaStreams();
                long fingerprints = count(store(ks, DedupStage.STORE));
                long incidents = count(store(ks, IncidentStage.STORE));
                long histories = count(store(ks, HistoryStage.STORE));
                long signatures = count(store(ks, NearDuplicateStage.SIGNATURES_STORE));
                long open = 0;
                ReadOnlyKeyValueStore<String, IncidentIndex> index = store(ks, IncidentStage.OPEN_STORE);
                try (KeyValueIterator<String, IncidentIndex> it = index.all()) {
                    while (it.hasNext()) {
                        open += it.next().value.getEntries().stream().filter(r -> !r.getClosed()).count();
                    }
                }
                double heap = heapAfterGcMb();
                Map<String, Long> onDisk = sizesByStore(pipe.config().stateDir());
                double stateMb = onDisk.values().stream().mapToLong(Long::longValue).sum() / 1e6;
                say("memory: heap used after GC %.0f MB (%.0f MB before the streams clients: broker, registry client, JIT); state on disk %.1f MB",
                    heap, heapBaseline, stateMb);
                say("  on disk by store, MB: %s", onDisk.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1e6))
                    .collect(Collectors.joining(", ")));
                say("  reorder buffers, most records held at once (per task): %s", heldMax(ks));
                say("  stores: %d fingerprints and %d near-duplicate signatures (dedup-horizon %s), %d incidents (%d open within incident-quiet-period %s, the others "
                        + "closed within incident-retention %s), %d histories, for %d articles over %.1f days",
                    fingerprints, signatures, pipe.config().pipeline().dedupHorizon(), incidents, open,
                    pipe.config().pipeline().incidentQuietPeriod(), pipe.config().pipeline().incidentRetention(), histories, n,
                    feedDays);
                throughput = new Result(n, publishAps, n / identitySeconds, identitySeconds, identityCpu, pipelineCpu, n / pipelineSeconds, pipelineSeconds,
                    (articlesOut - running) / 1e9, lastIncident, watch.count(Topics.ARTICLES_UNIQUE), watch.count(Topics.ARTICLES_COPIES),
                    watch.count(Topics.DLQ), watch.count(Topics.REPORTS), watch.count(Topics.INCIDENTS), heapBaseline, heap, stateMb,
                    fingerprints, incidents, open, feedDays, List.of(), histories);
            }
        }

        List<Latency> latencies = new ArrayList<>();
        if (settings.latency()) {
            latencies.addAll(latency());
        }
        return new Result(throughput.articles(), throughput.publishAps(), throughput.identityAps(), throughput.identitySeconds(),
            throughput.identityCpuSeconds(), throughput.pipelineCpuSeconds(),
            throughput.pipelineAps(), throughput.pipelineSeconds(), throughput.articlesOutSeconds(), throughput.lastIncidentSeconds(),
            throughput.unique(), throughput.copies(), throughput.deadLetters(), throughput.reports(), throughput.incidentVersions(),
            throughput.heapBaselineMb(), throughput.heapMb(), throughput.stateMb(), throughput.storedFingerprints(),
            throughput.storedIncidents(), throughput.openIncidents(), throughput.feedDays(), latencies,
            throughput.storedHistories());
    }

    private List<Latency> latency() throws IOException, InterruptedException {
        List<Latency> out = new ArrayList<>();
        List<String> graces = new ArrayList<>();
        int phase = 0;
        try (PipelineSession probe = sessions.open("sitrep-bench-probe", Map.of(), Map.of())) {
            graces.add(format(probe.config().pipeline().reorderGrace()));
        }
        if (!graces.get(0).equals("0s")) {
            graces.add("0s");
        }
        for (String grace : graces) {
            phase++;
            try (PipelineSession pipe = sessions.open("sitrep-bench-latency-" + phase, Map.of(), Map.of("reorder-grace", grace))) {
                var client = pipe.config().clientProperties();
                deleteInput(client); // a new application starts at the earliest offset: let it start at the end
                pipe.start(Duration.ofMinutes(2));
                for (int rate : settings.rates()) {
                    out.add(measure(pipe, grace, rate, settings.seed() + phase * 100L + rate));
                }
            }
        }
        return out;
    }

    private Latency measure(PipelineSession pipe, String grace, int rate, long seed) throws InterruptedException {
        int count = (int) Math.max(1, rate * settings.duration().toMillis() / 1000);
        List<Article> articles = new ArticleGenerator(seed, Instant.now()).articles(count);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        var serde = pipe.serdes().incident();
        var client = pipe.config().clientProperties();
        double achieved;
        try (OutputWatch watch = new OutputWatch(client, List.of(Topics.INCIDENTS), (topic, bytes) -> {
                long now = System.nanoTime();
                Incident incident = serde.deserialize(topic, bytes);
                for (String id : incident.getArticles()) {
                    Long sent = sentAt.get(id);
                    if (sent != null && seen.add(id)) {
                        latencies.add(now - sent);
                    }
                }
            });
             ArticlePublisher publisher = new ArticlePublisher(client, pipe.serdes())) {
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                Article a = Article.newBuilder(articles.get(i)).setPublishedAt(Instant.now()).build();
                sentAt.put(a.getId(), System.nanoTime());
                publisher.send(a);
            }
            publisher.flush();
            achieved = count / secondsSince(start);
            pipe.awaitIdle(settings.timeout());
            watch.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Latency l = new Latency(rate, grace, count, sorted.size(), achieved, percentile(sorted, 50), percentile(sorted, 95),
            percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        say("latency at %d articles/s for %s (achieved %.0f/s), reorder-grace %s: %d sent, %d in incidents; p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
            rate, format(settings.duration()), achieved, grace, count, l.matched(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.maxMs());
        return l;
    }

    /** Nearest-rank percentile, in milliseconds; 0 for no data. */
    static double percentile(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.size());
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, rank - 1))) / 1e6;
    }

    private static void deleteInput(Map<String, Object> client) {
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.ARTICLES_RAW)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(Topics.ARTICLES_RAW).partitions()
                .forEach(p -> latest.put(new TopicPartition(Topics.ARTICLES_RAW, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> delete.put(tp, RecordsToDelete.beforeOffset(info.offset())));
            admin.deleteRecords(delete).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot empty " + Topics.ARTICLES_RAW + ": " + e.getMessage(), e);
        }
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    private static long count(ReadOnlyKeyValueStore<String, ?> store) {
        long n = 0;
        try (var it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                throw new IllegalStateException("identity topology not running: " + streams.state());
            }
            Thread.sleep(10);
        }
    }

    /** CPU time of this whole process (broker and registry client included; the registry is a child process). */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() : 0;
    }

    static double heapAfterGcMb() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    /** Bytes of the regular files under {@code dir} (what {@code du --apparent-size} counts). */
    /**
     * Where the throughput feed starts: {@link ArticleGenerator#DEFAULT_START}, or earlier when the feed would
     * otherwise reach past {@code now}. The broker refuses records stamped more than
     * {@code log.message.timestamp.after.max.ms} (one hour by default) ahead of its clock, and at
     * {@value ArticleGenerator#ARTICLES_PER_DAY} articles a day a million articles span more than eleven years.
     */
    static Instant feedStart(int articles, Instant now) {
        Instant latest = now.minus(Duration.ofDays(articles / ArticleGenerator.ARTICLES_PER_DAY + 2))
            .truncatedTo(ChronoUnit.DAYS);
        return latest.isBefore(ArticleGenerator.DEFAULT_START) ? latest : ArticleGenerator.DEFAULT_START;
    }

    /** {@link BufferMetrics#HELD_MAX} of each reorder buffer and task, e.g. {@code dedup-reorder-store 1_0: 37}. */
    static String heldMax(KafkaStreams ks) {
        Map<String, Long> held = new TreeMap<>();
        ks.metrics().forEach((name, metric) -> {
            if (name.group().equals(BufferMetrics.GROUP) && name.name().equals(BufferMetrics.HELD_MAX)
                && metric.metricValue() instanceof Number n) {
                held.put(name.tags().get("buffer") + " " + name.tags().get("task-id"), n.longValue());
            }
        });
        return held.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * Bytes on disk per state store (summed over its tasks: {@code <state-dir>/<application>/<task>/rocksdb/<store>}),
     * largest first; files outside a store (checkpoints, locks) under {@code "other"}.
     */
    static Map<String, Long> sizesByStore(Path dir) {
        Map<String, Long> sizes = new HashMap<>();
        if (!Files.exists(dir)) {
            return sizes;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                Path rel = dir.relativize(p);
                String store = "other";
                for (int i = 0; i + 1 < rel.getNameCount(); i++) {
                    if (rel.getName(i).toString().equals("rocksdb")) {
                        store = rel.getName(i + 1).toString();
                        break;
                    }
                }
                try {
                    sizes.merge(store, Files.size(p), Long::sum);
                } catch (IOException e) {
                    // a RocksDB file removed by a compaction while we walk
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return sizes;
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String format(Duration d) {
        return d.isZero() ? "0s" : d.toMillis() % 60_000 == 0 ? d.toMinutes() + "m" : d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void say(String format, Object... args) {
        log.printf(format + "%n", args);
        log.flush();
    }

    static Duration parse(String s) {
        return ConfigLoader.parseDuration(s);
    }
}
