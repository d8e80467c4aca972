package org.sitrep.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.sitrep.config.ConfigLoader;
import org.sitrep.config.SitrepConfig;
import org.sitrep.extract.Extractor;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.topology.SitrepSerdes;

/** Builds a {@link PipelineSession} against a given broker and registry, with a fresh state directory. */
public final class ClusterSession {
    private ClusterSession() {
    }

    public static PipelineSession create(String bootstrap, String registryUrl, String applicationId,
                                         Map<String, String> settings) {
        try {
            Map<String, String> flags = new HashMap<>(settings);
            flags.put("bootstrap-servers", bootstrap);
            flags.put("schema-registry-url", registryUrl);
            flags.put("application-id", applicationId);
            flags.put("state-dir", Files.createTempDirectory("sitrep-it-").toString());
            flags.putIfAbsent("partitions", "2");
            flags.putIfAbsent("reorder-flush-after", "1s");
            SitrepConfig config = ConfigLoader.load(null, Map.of(), flags);
            return new PipelineSession(config, new SitrepSerdes(SchemaRegistryClients.create(registryUrl, Map.of())),
                new Extractor()).deleteStateOnClose();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path repoFile(String relative) {
        Path p = Path.of("..").resolve(relative);
        return Files.exists(p) ? p : Path.of(relative);
    }
}
