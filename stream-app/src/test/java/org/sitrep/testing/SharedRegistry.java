package org.sitrep.testing;

import org.sitrep.embedded.ApicurioHome;
import org.sitrep.embedded.EmbeddedRegistry;

/**
 * One real Apicurio Registry per test JVM, started on first use and stopped when the JVM exits. Integration tests share
 * it: they must not close it, and should use subject names of their own (e.g. with a random suffix), since ids are
 * shared by identical schemas across subjects.
 *
 * <pre>{@code
 * SchemaRegistryClient registry = new HttpSchemaRegistryClient(SharedRegistry.get().url());
 * }</pre>
 *
 * Set {@code -Dsitrep.registry.verbose=true} to see the registry's log in the test output.
 */
public final class SharedRegistry {
    private static EmbeddedRegistry registry;

    private SharedRegistry() {
    }

    /** The shared registry, started now if this is the first call in this JVM (about 4 s). */
    public static synchronized EmbeddedRegistry get() {
        if (registry == null) {
            EmbeddedRegistry started = EmbeddedRegistry.start(ApicurioHome.locate(), Boolean.getBoolean("sitrep.registry.verbose"));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-registry-close"));
            registry = started;
        }
        return registry;
    }
}
