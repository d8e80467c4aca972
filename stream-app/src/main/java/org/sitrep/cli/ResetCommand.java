package org.sitrep.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.Topology;
import org.sitrep.config.SitrepConfig;
import org.sitrep.extract.Extractor;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.AppReset;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.SitrepTopology;
import org.sitrep.topology.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sitrep reset}: makes the streams application start over from the beginning of {@code news.articles.raw} on
 * its next start. Says exactly what it will delete and asks for confirmation unless {@code --yes}. See {@link AppReset}.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = {"Reset the streams application so that history is reprocessed from scratch: input offsets to the "
        + "beginning, internal topics deleted, local state wiped; optionally empty the output topics.",
        "Stop every instance of the application first."})
public final class ResetCommand implements Callable<Integer> {
    /** Topics the application writes, emptied with --include-outputs (news.dlq is kept: it also holds replay rejections). */
    static final List<String> OUTPUTS = List.of(Topics.ARTICLES_UNIQUE, Topics.ARTICLES_COPIES, Topics.REPORTS, Topics.INCIDENTS);

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--include-outputs", description = "Also delete every record of " + "news.articles.unique, "
        + "news.articles.copies, news.reports and news.incidents (news.dlq is kept).")
    boolean includeOutputs;

    @Option(names = "--verbose", description = "Show Kafka client logs.")
    boolean verbose;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    private BufferedReader answers = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    /** Where the answer to the prompt comes from (standard input unless replaced, e.g. by a test). */
    public void answersFrom(BufferedReader reader) {
        this.answers = reader;
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbose);
        SitrepConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        Topology topology = topologyOf(config);
        try (Admin admin = Admin.create(config.clientProperties())) {
            AppReset.Plan plan = AppReset.plan(admin, config.applicationId(), topology, config.stateDir(),
                List.of(Topics.ARTICLES_RAW), includeOutputs ? OUTPUTS : List.of());
            if (plan.applicationRunning()) {
                spec.commandLine().getErr().printf("application '%s' is running (%d members: %s); stop every instance first "
                    + "(a stopped instance stays listed until its session times out, 45 s by default)%n",
                    config.applicationId(), plan.activeMembers().size(), plan.activeMembers());
                spec.commandLine().getErr().flush();
                return 2;
            }
            out.print(plan.describe());
            if (!yes) {
                out.print("Type 'yes' to go ahead: ");
                out.flush();
                String answer = answers.readLine();
                if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                    out.println("aborted; nothing was changed");
                    out.flush();
                    return 1;
                }
            }
            AppReset.execute(admin, plan);
            out.printf("reset '%s': %d internal topics deleted, offsets of %s at the beginning, local state wiped%s%n",
                config.applicationId(), plan.internalTopics().size(), String.join(", ", plan.inputTopics()),
                plan.outputRecords().isEmpty() ? "" : ", " + plan.outputRecords().size() + " output topics emptied");
            out.flush();
        }
        return 0;
    }

    /** The topology, built only for its names: an in-memory registry, never contacted. */
    static Topology topologyOf(SitrepConfig config) {
        String scope = "sitrep-reset-" + UUID.randomUUID();
        try {
            var serdes = new SitrepSerdes(SchemaRegistryClients.create("mock://" + scope, Map.of()));
            return SitrepTopology.build(config.pipeline(), config.partitions(), serdes, new Extractor(), config.streamsProperties());
        } finally {
            SchemaRegistryClients.dropMockScope(scope);
        }
    }
}
