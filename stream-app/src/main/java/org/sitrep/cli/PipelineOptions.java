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
        // One partition is plenty for a local run, and a bounded run publishes its whole input at once, so the reorder
        // buffers may release their tail after a second of quiet; a config file, the environment or --set may still
        // change either.
        Map<String, String> commandDefaults = new LinkedHashMap<>(Map.of("partitions", "1", "reorder-flush-after", "1s"));
        commandDefaults.putAll(defaults);
        SitrepConfig config = ConfigLoader.load(commandDefaults, configFile, System.getenv(), flags);
        var registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), config.registry());
        return new PipelineSession(config, new SitrepSerdes(registry), new Extractor()).deleteStateOnClose();
    }
}
