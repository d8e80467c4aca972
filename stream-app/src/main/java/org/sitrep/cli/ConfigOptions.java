package org.sitrep.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sitrep.config.ConfigLoader;
import org.sitrep.config.SitrepConfig;
import picocli.CommandLine.Option;

/** Options shared by the commands that talk to a cluster; every one has an env and config-file equivalent. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (keys = long option names).")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS", description = "Kafka bootstrap servers (env SITREP_BOOTSTRAP_SERVERS; default localhost:9092).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Confluent-compatible schema registry URL (env SITREP_SCHEMA_REGISTRY_URL; default http://localhost:8081).")
    String schemaRegistryUrl;

    @Option(names = "--application-id", paramLabel = "ID", description = "Kafka Streams application id (env SITREP_APPLICATION_ID; default sitrep).")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Local state directory (env SITREP_STATE_DIR).")
    Path stateDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other setting, e.g. --set dedup-horizon=3d or --set kafka.security.protocol=SSL.")
    Map<String, String> settings = new LinkedHashMap<>();

    Map<String, String> flags() {
        Map<String, String> f = new LinkedHashMap<>(settings);
        put(f, "bootstrap-servers", bootstrapServers);
        put(f, "schema-registry-url", schemaRegistryUrl);
        put(f, "application-id", applicationId);
        put(f, "state-dir", stateDir == null ? null : stateDir.toString());
        return f;
    }

    SitrepConfig load() {
        return ConfigLoader.load(configFile, System.getenv(), flags());
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
