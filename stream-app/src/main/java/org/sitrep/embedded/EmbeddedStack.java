package org.sitrep.embedded;

import java.util.function.Consumer;

/**
 * The embedded default: a real Kafka broker (KRaft) in this JVM and a real Confluent-compatible registry (Apicurio)
 * as a child process. Closing stops both.
 */
public final class EmbeddedStack implements AutoCloseable {
    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;

    private EmbeddedStack(EmbeddedKafka kafka, EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Starts the registry (in the background, it is the slower one) and the broker; {@code progress} hears each step. */
    public static EmbeddedStack start(boolean verbose, Consumer<String> progress) {
        long t0 = System.nanoTime();
        progress.accept("starting schema registry (Apicurio, Confluent API) and Kafka broker (KRaft) ...");
        var registryFuture = java.util.concurrent.CompletableFuture.supplyAsync(
            () -> EmbeddedRegistry.start(ApicurioHome.locate(), verbose));
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start();
        } catch (RuntimeException e) {
            registryFuture.thenAccept(EmbeddedRegistry::close);
            throw e;
        }
        progress.accept(String.format("kafka broker ready at %s (%.1f s)", kafka.bootstrapServers(), seconds(t0)));
        EmbeddedRegistry registry;
        try {
            registry = registryFuture.join();
        } catch (RuntimeException e) {
            kafka.close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
        progress.accept(String.format("schema registry ready at %s (%.1f s)", registry.url(), seconds(t0)));
        return new EmbeddedStack(kafka, registry);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            kafka.close();
        }
    }
}
