package org.sitrep.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.sitrep.config.SitrepConfig;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.TopicAdmin;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sitrep topics}: creates Sitrep's topics with their partitions, compaction and retention. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Create Sitrep's topics (existing ones are left alone). Set partitions and replication-factor with --set.")
public final class TopicsCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--verbose", description = "Show client logs.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Logging.configure(verbose);
        SitrepConfig config = options.load();
        // Serdes are only needed for the topic specs; a mock registry keeps this command registry-free.
        Topics topics = new Topics(new SitrepSerdes(SchemaRegistryClients.create("mock://topics", java.util.Map.of())));
        try (Admin admin = Admin.create(config.clientProperties())) {
            List<TopicAdmin.Result> results = TopicAdmin.createTopics(admin, topics.all(), config.partitions(),
                config.replicationFactor());
            print(results);
        }
        return 0;
    }

    private void print(List<TopicAdmin.Result> results) {
        var out = spec.commandLine().getOut();
        out.printf("%-22s %-8s %-10s %-3s %s%n", "TOPIC", "STATUS", "PARTITIONS", "RF", "CONFIG");
        for (TopicAdmin.Result r : results) {
            out.printf("%-22s %-8s %-10d %-3d %s%n", r.topic(), r.created() ? "created" : "exists", r.partitions(),
                r.replicationFactor(), r.configs());
        }
        out.flush();
    }
}
