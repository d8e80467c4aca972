package org.sitrep.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sitrep.bench.BenchRunner;
import org.sitrep.config.ConfigLoader;
import org.sitrep.embedded.EmbeddedStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep bench}: throughput against an identity topology, latency at fixed offered loads, heap and state size,
 * on the embedded broker and registry; the last line printed is one JSON object (see docs/PERFORMANCE.md).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark the pipeline on an embedded broker and registry with generated articles: throughput of the "
        + "full pipeline and of an identity topology, latency at fixed rates, heap and state size.",
        "The last line is one JSON object: pipeline_aps, identity_aps, ratio, p50_ms, p99_ms, heap_mb, state_mb and more."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "10000", paramLabel = "N", description = "Generated articles for the throughput run (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed of the article generator (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate", split = ",", defaultValue = "200,1000", paramLabel = "R", description = "Offered loads for the latency runs, articles/s (default ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(names = "--duration", defaultValue = "20s", paramLabel = "DURATION", description = "How long each latency run offers its load (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--no-latency", description = "Only the throughput and memory runs.")
    boolean noLatency;

    @Option(names = "--timeout", defaultValue = "30m", paramLabel = "DURATION", description = "Longest wait for one run to finish (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--verbose", description = "Show broker, registry and client logs.")
    boolean verbose;

    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbose);
        PrintWriter console = spec.commandLine().getOut();
        if (articles < 1 || rates.stream().anyMatch(r -> r < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--articles and --rate must be positive");
        }
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        var settings = new BenchRunner.Settings(articles, seed, rates, ConfigLoader.parseDuration(duration), !noLatency,
            ConfigLoader.parseDuration(timeout));
        BenchRunner.Result r;
        try (EmbeddedStack stack = EmbeddedStack.start(verbose, ProcessCommand.progress(console))) {
            r = new BenchRunner(settings, (id, defaults, extra) -> pipeline.session(stack, id, defaults, extra), console).run();
        }
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        console.println(json(r, load0, load1));
        console.flush();
        return 0;
    }

    static String json(BenchRunner.Result r, double load0, double load1) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode n = mapper.createObjectNode();
        n.put("pipeline_aps", round(r.pipelineAps()));
        n.put("identity_aps", round(r.identityAps()));
        n.put("ratio", Math.round(r.ratio() * 1000) / 1000.0);
        // Headline latency: the first rate with reorder-grace 0s (live operation without reordering); every run is in "latency".
        BenchRunner.Latency head = r.latencies().stream().filter(l -> l.grace().equals("0s")).findFirst()
            .orElse(r.latencies().isEmpty() ? null : r.latencies().get(0));
        n.put("p50_ms", head == null ? 0 : round(head.p50Ms()));
        n.put("p99_ms", head == null ? 0 : round(head.p99Ms()));
        n.put("heap_mb", round(r.heapMb()));
        n.put("state_mb", Math.round(r.stateMb() * 100) / 100.0);
        n.put("articles", r.articles());
        n.put("latency_rate", head == null ? 0 : head.rate());
        n.put("latency_grace", head == null ? "" : head.grace());
        n.put("pipeline_s", round2(r.pipelineSeconds()));
        n.put("identity_s", round2(r.identitySeconds()));
        n.put("identity_cpu_s", round2(r.identityCpuSeconds()));
        n.put("pipeline_cpu_s", round2(r.pipelineCpuSeconds()));
        n.put("articles_out_s", round2(r.articlesOutSeconds()));
        n.put("last_incident_s", round2(r.lastIncidentSeconds()));
        n.put("publish_aps", round(r.publishAps()));
        n.put("unique", r.unique());
        n.put("copies", r.copies());
        n.put("dead_letters", r.deadLetters());
        n.put("reports", r.reports());
        n.put("incident_versions", r.incidentVersions());
        n.put("heap_baseline_mb", round(r.heapBaselineMb()));
        n.put("stored_fingerprints", r.storedFingerprints());
        n.put("stored_incidents", r.storedIncidents());
        n.put("open_incidents", r.openIncidents());
        n.put("stored_histories", r.storedHistories());
        n.put("feed_days", round2(r.feedDays()));
        n.put("replay_1m_min", r.pipelineAps() == 0 ? 0 : round2(1_000_000 / r.pipelineAps() / 60));
        ArrayNode lat = n.putArray("latency");
        for (BenchRunner.Latency l : r.latencies()) {
            ObjectNode o = lat.addObject();
            o.put("rate", l.rate());
            o.put("grace", l.grace());
            o.put("achieved_aps", round(l.achievedRate()));
            o.put("sent", l.sent());
            o.put("in_incidents", l.matched());
            o.put("p50_ms", round(l.p50Ms()));
            o.put("p95_ms", round(l.p95Ms()));
            o.put("p99_ms", round(l.p99Ms()));
            o.put("max_ms", round(l.maxMs()));
        }
        n.put("load_start", round2(load0));
        n.put("load_end", round2(load1));
        n.put("cpus", Runtime.getRuntime().availableProcessors());
        return n.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
