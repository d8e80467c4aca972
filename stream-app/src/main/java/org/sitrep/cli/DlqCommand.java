package org.sitrep.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sitrep.config.SitrepConfig;
import org.sitrep.dlq.DeadLetterQueue;
import org.sitrep.dlq.DeadLetterQueue.Entry;
import org.sitrep.dlq.DeadLetterQueue.Filter;
import org.sitrep.dlq.DeadLetterQueue.Outcome;
import org.sitrep.registry.AvroSerde;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.schema.DeadLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sitrep dlq list|redrive}: inspect dead letters on {@code news.dlq} and send them back after a fix. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
    description = "List dead letters on news.dlq, or re-drive their original bytes to their source topic.",
    subcommands = {DlqCommand.ListCommand.class, DlqCommand.RedriveCommand.class})
public final class DlqCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** Which dead letters a subcommand works on. */
    static final class Selection {
        @Option(names = "--stage", paramLabel = "STAGE", description = "Only this stage (deserialize, ingest, dedup, extract, incidents).")
        String stage;

        @Option(names = "--source-topic", paramLabel = "TOPIC", description = "Only dead letters from this topic.")
        String sourceTopic;

        @Option(names = "--partition", paramLabel = "N", description = "Only this source partition.")
        Integer partition;

        @Option(names = "--from-offset", paramLabel = "N", description = "Only source offsets >= N.")
        Long fromOffset;

        @Option(names = "--to-offset", paramLabel = "N", description = "Only source offsets <= N.")
        Long toOffset;

        Filter filter() {
            return new Filter(stage, sourceTopic, partition, fromOffset, toOffset);
        }
    }

    static DeadLetterQueue queue(ConfigOptions options) {
        SitrepConfig config = options.load();
        var registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), config.registry());
        return new DeadLetterQueue(config.clientProperties(), AvroSerde.forValues(registry, DeadLetter.getClassSchema()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List dead letters (a table, or --json lines).")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Mixin
        Selection selection;

        @Option(names = "--json", description = "One JSON object per dead letter instead of a table.")
        boolean json;

        @Option(names = "--verbose", description = "Show Kafka client logs.")
        boolean verbose;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Logging.configure(verbose);
            PrintWriter out = spec.commandLine().getOut();
            List<Entry> entries = queue(options).list(selection.filter());
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                for (Entry e : entries) {
                    out.println(toJson(mapper, e));
                }
            } else {
                out.printf("%-11s %-52s %-11s %9s  %-24s %s%n", "DLQ", "SOURCE", "STAGE", "BYTES", "KEY", "REASON");
                for (Entry e : entries) {
                    out.printf("%-11s %-52s %-11s %9d  %-24s %s%n", e.dlqPartition() + "@" + e.dlqOffset(),
                        cut(e.source(), 52), e.letter().getStage(), e.size(), cut(String.valueOf(e.key()), 24),
                        cut(e.letter().getReason(), 160));
                }
                out.printf("%d dead letter(s)%n", entries.size());
            }
            out.flush();
            return 0;
        }

        static String toJson(ObjectMapper mapper, Entry e) {
            DeadLetter d = e.letter();
            ObjectNode n = mapper.createObjectNode();
            n.put("dlq_partition", e.dlqPartition());
            n.put("dlq_offset", e.dlqOffset());
            n.put("source_topic", d.getSourceTopic());
            n.put("partition", d.getPartition());
            n.put("offset", d.getOffset());
            n.put("stage", d.getStage());
            n.put("reason", d.getReason());
            n.put("error_class", d.getErrorClass());
            n.put("key", e.key());
            n.put("size", e.size());
            n.put("failed_at", d.getFailedAt() == null ? null : d.getFailedAt().toString());
            n.put("redrivable", e.redrivable());
            return n.toString();
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
        description = "Re-publish the original bytes of the selected dead letters to their source topic "
            + "(idempotent producer) and print what was done. Select with the filters; without any, all are re-driven.")
    static final class RedriveCommand implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Mixin
        Selection selection;

        @Option(names = "--dry-run", description = "Print what would be re-driven, send nothing.")
        boolean dryRun;

        @Option(names = "--verbose", description = "Show Kafka client logs.")
        boolean verbose;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Logging.configure(verbose);
            PrintWriter out = spec.commandLine().getOut();
            List<Outcome> outcomes = queue(options).redrive(selection.filter(), dryRun);
            int sent = 0;
            int skipped = 0;
            for (Outcome o : outcomes) {
                Entry e = o.entry();
                if (o.sent()) {
                    sent++;
                    out.printf("re-driven   %s -> %s (dlq %d@%d, stage %s, key %s, %d bytes)%n", e.source(), o.target(),
                        e.dlqPartition(), e.dlqOffset(), e.letter().getStage(), e.key(), e.size());
                } else {
                    skipped++;
                    out.printf("%-11s %s (dlq %d@%d, stage %s, key %s): %s%n", dryRun && o.target() != null ? "would send"
                        : "skipped", e.source(), e.dlqPartition(), e.dlqOffset(), e.letter().getStage(), e.key(), o.detail());
                }
            }
            out.printf("%d re-driven, %d %s%n", sent, skipped, dryRun ? "not sent (dry run)" : "skipped");
            out.flush();
            return outcomes.stream().anyMatch(o -> o.detail().startsWith("refused")) ? 1 : 0;
        }
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "-";
        }
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }
}
