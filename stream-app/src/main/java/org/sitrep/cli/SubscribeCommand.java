package org.sitrep.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.sitrep.api.IncidentFilter;
import org.sitrep.api.TimeParam;
import org.sitrep.config.SitrepConfig;
import org.sitrep.output.IncidentTable;
import org.sitrep.output.JsonOutput;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.IncidentSubscription;
import org.sitrep.schema.Incident;
import org.sitrep.topology.SitrepSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep subscribe}: follows {@code news.incidents} and prints the versions that match the filters, one line
 * each (or one JSON object per line with {@code --json}), until Ctrl-C or {@code --limit}.
 */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
    description = "Follow news.incidents from now, the beginning or a time, and print matching incident versions.")
public final class SubscribeCommand implements Callable<Integer> {
    @Option(names = "--from-beginning", description = "Start at the beginning of the topic (the latest versions that compaction kept, then everything newer).")
    boolean fromBeginning;

    @Option(names = "--since", paramLabel = "TIME", description = "Start at the first version made by a report at or after TIME (ISO-8601: 2023-01-10 or 2023-01-10T06:00:00Z).")
    String since;

    @Option(names = "--country", paramLabel = "CC", split = ",", description = "Only these countries (ISO alpha-2; repeat or comma-separate).")
    List<String> countries = new ArrayList<>();

    @Option(names = "--admin1", paramLabel = "REGION", description = "Only this first-level region (e.g. Borno).")
    String admin1;

    @Option(names = "--type", paramLabel = "TYPE", split = ",", description = "Only these event types (ambush, ied, attack_on_base, armed_clash, attack_on_civilians, suicide_bombing, airstrike, other).")
    List<String> types = new ArrayList<>();

    @Option(names = "--min-killed", paramLabel = "N", description = "Only incidents whose best killed estimate, summed over parties, is at least N.")
    Integer minKilled;

    @Option(names = "--actor", paramLabel = "TEXT", description = "Only incidents with an actor containing TEXT (case-insensitive).")
    String actor;

    @Option(names = "--json", description = "Print JSON Lines (the incidents.jsonl form of `process`) instead of readable lines.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N matching versions.")
    Integer limit;

    @Option(names = "--verbose", description = "Show Kafka client logs.")
    boolean verbose;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Logging.configure(verbose);
        if (fromBeginning && since != null) {
            throw new ParameterException(spec.commandLine(), "--from-beginning and --since exclude each other");
        }
        if (limit != null && limit <= 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be positive");
        }
        IncidentFilter filter;
        IncidentSubscription.Start start;
        try {
            Set<String> typeSet = IncidentFilter.checkTypes(new LinkedHashSet<>(types));
            filter = new IncidentFilter(new LinkedHashSet<>(countries), admin1, typeSet, minKilled, actor, null);
            start = fromBeginning ? IncidentSubscription.Start.beginning()
                : since != null ? IncidentSubscription.Start.since(parseSince()) : IncidentSubscription.Start.now();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        SitrepConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        var serdes = new SitrepSerdes(SchemaRegistryClients.create(config.schemaRegistryUrl(), config.registry()));
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger printed = new AtomicInteger();
        Thread hook = new Thread(done::countDown, "sitrep-subscribe-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (IncidentSubscription subscription = IncidentSubscription.start(config.clientProperties(), start,
            serdes.incident(), incident -> {
                if (done.getCount() == 0 || !filter.matches(incident)) {
                    return;
                }
                synchronized (out) {
                    out.println(render(incident));
                    out.flush();
                }
                if (limit != null && printed.incrementAndGet() >= limit) {
                    done.countDown();
                }
            })) {
            // Wake up now and then to notice a subscription that died (e.g. the cluster went away for good).
            while (!done.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                if (!subscription.isRunning()) {
                    spec.commandLine().getErr().println("subscribe: the subscription stopped (see the log)");
                    return 1;
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook has run
            }
        }
        return 0;
    }

    private Instant parseSince() {
        return TimeParam.parse(since);
    }

    private String render(Incident incident) {
        return json ? JsonOutput.line(JsonOutput.incident(incident)) : IncidentTable.versionLine(incident);
    }
}
