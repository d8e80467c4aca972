package org.sitrep.runtime;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.sitrep.config.SitrepConfig;
import org.sitrep.dlq.DeadLetterHandler;
import org.sitrep.extract.Extractor;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.SitrepTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Sitrep Kafka Streams instance: topology, client and lifecycle. */
public final class SitrepStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SitrepStreams.class);

    private final Topology topology;
    private final KafkaStreams streams;
    private final SitrepSerdes serdes;
    private final String applicationId;
    private final java.util.ArrayDeque<Long> failures = new java.util.ArrayDeque<>();
    static final int MAX_FAILURES = 3;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(5);

    public SitrepStreams(SitrepConfig config, SitrepSerdes serdes, Extractor extractor) {
        Properties props = config.streamsProperties();
        // The error handlers reuse this instance's dead-letter serde (and its warm registry cache).
        props.put(DeadLetterHandler.SERDE_CONFIG, serdes.deadLetter());
        this.topology = SitrepTopology.build(config.pipeline(), config.partitions(), serdes, extractor, props);
        this.serdes = serdes;
        this.applicationId = config.applicationId();
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(this::onThreadFailure);
    }

    /**
     * A failed stream thread is replaced, unless threads keep failing ({@value #MAX_FAILURES} times within
     * {@link #FAILURE_WINDOW}): then the client shuts down instead of crash-looping over the same record.
     */
    private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onThreadFailure(Throwable e) {
        long now = System.nanoTime();
        synchronized (failures) {
            failures.addLast(now);
            while (!failures.isEmpty() && now - failures.peekFirst() > FAILURE_WINDOW.toNanos()) {
                failures.removeFirst();
            }
            if (failures.size() >= MAX_FAILURES) {
                LOG.error("stream threads failed {} times within {}; shutting down", failures.size(), FAILURE_WINDOW, e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
        }
        LOG.error("stream thread failed; replacing it", e);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    public Topology topology() {
        return topology;
    }

    public KafkaStreams kafkaStreams() {
        return streams;
    }

    /**
     * Registers every subject the topology writes (public topics, repartition and changelog topics) before any
     * record flows: a registry that is unreachable or refuses a schema fails here, at start-up, rather than inside
     * a transaction on a stream thread.
     */
    public SitrepStreams start() {
        SitrepTopology.valueSerdesByTopic(serdes, applicationId).forEach((topic, serde) -> serde.schemaId(topic));
        streams.start();
        return this;
    }

    /** Blocks until the instance is RUNNING; fails if it errors or {@code timeout} passes. */
    public void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("Kafka Streams stopped in state " + streams.state());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams not running after " + timeout + " (state " + streams.state() + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
