package org.sitrep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sitrep.config.ConfigLoader;
import org.sitrep.config.SitrepConfig;
import org.sitrep.embedded.EmbeddedStack;
import org.sitrep.extract.Extractor;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.topology.SitrepSerdes;
import picocli.CommandLine.Option;

/** Pipeline settings for the commands that bring their own embedded broker and registry ({@code demo}, {@code process}). */
final class PipelineOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with pipeline settings.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A pipeline setting, e.g. --set match-window-days=2.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** Settings without cluster endpoints (those come from the embedded stack). */
    SitrepConfig load() {
        return ConfigLoader.load(configFile, System.getenv(), settings);
    }

    /**
     * Defaults of {@code demo}: it replays a finished feed (the sample feed spans five years) and shows all of it on
     * its incident map, so every incident stays queryable ({@code incident-retention=forever}) unless a config file,
     * the environment or {@code --set} says otherwise.
     */
    static final Map<String, String> SHOW_EVERYTHING = Map.of("incident-retention", "forever");

    /** {@code reorder-flush-after} of a bounded run on one partition: the tail is released after a second of quiet. */
    static final String FLUSH_AFTER_ONE_PARTITION = "1s";
    /**
     * {@code reorder-flush-after} of a bounded run on several partitions. A buffer cannot tell an input that has ended
     * from upstream tasks whose output it cannot see yet: under exactly-once that output appears only when its task
     * commits, after its thread has finished what it was doing, which can take seconds under load. With one upstream
     * task an early release is harmless, since what comes next is later anyway. With several, the buffer has records
     * from the task that ran ahead, and the other task's older ones then arrive late. With two partitions and 1 s, a
     * 10,000-article `bench` had at least 1,000 records reach a buffer late. With 30 s it had none, and the same
     * results as one partition (docs/REPLAY.md). The price is a longer tail: about three times this after the input ends.
     */
    static final String FLUSH_AFTER_SEVERAL_PARTITIONS = "30s";

    /**
     * The settings of a bounded run: one partition and a short {@code reorder-flush-after} unless told otherwise, with
     * {@code defaults} of the command's own on top, under the config file, the environment and the flags; with
     * several partitions, {@link #FLUSH_AFTER_SEVERAL_PARTITIONS} unless that is set too.
     */
    static SitrepConfig load(Map<String, String> defaults, Path configFile, Map<String, String> env,
                             Map<String, String> flags) {
        Map<String, String> commandDefaults = new LinkedHashMap<>(
            Map.of("partitions", "1", "reorder-flush-after", FLUSH_AFTER_ONE_PARTITION));
        commandDefaults.putAll(defaults);
        SitrepConfig config = ConfigLoader.load(commandDefaults, configFile, env, flags);
        if (config.partitions() > 1) {
            commandDefaults.put("reorder-flush-after", FLUSH_AFTER_SEVERAL_PARTITIONS);
            config = ConfigLoader.load(commandDefaults, configFile, env, flags);
        }
        return config;
    }

    PipelineSession session(EmbeddedStack stack, String applicationId) throws IOException {
        return session(stack, applicationId, Map.of());
    }

    /** As above, with settings of the command's own ({@code advertised-http-url} of {@code demo}'s API) on top. */
    PipelineSession session(EmbeddedStack stack, String applicationId, Map<String, String> extra) throws IOException {
        return session(stack, applicationId, Map.of(), extra);
    }

    /** As above, with {@code defaults} of the command's own under the config file, the environment and flags. */
    PipelineSession session(EmbeddedStack stack, String applicationId, Map<String, String> defaults,
                            Map<String, String> extra) throws IOException {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        flags.putAll(extra);
        flags.put("bootstrap-servers", stack.bootstrapServers());
        flags.put("schema-registry-url", stack.registryUrl());
        flags.put("application-id", applicationId);
        flags.put("state-dir", Files.createTempDirectory("sitrep-state-").toString());
        SitrepConfig config = load(defaults, configFile, System.getenv(), flags);
        var registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), config.registry());
        return new PipelineSession(config, new SitrepSerdes(registry), new Extractor()).deleteStateOnClose();
    }
}
