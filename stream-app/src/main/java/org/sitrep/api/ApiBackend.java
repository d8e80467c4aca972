package org.sitrep.api;

import org.apache.kafka.streams.KafkaStreams;

/**
 * What the HTTP API asks of the running application. {@link StreamsBackend} answers from Kafka Streams' state stores
 * (asking the owning instance where needed); tests may answer from memory.
 */
public interface ApiBackend {
    KafkaStreams.State state();

    /** {@code Topology#describe()} as text. */
    String topology();

    /** Metrics in the Prometheus text format. */
    String metrics();

    /** The incident's current version as JSON ({@code JsonOutput.incident}). {@code local}: do not forward. */
    ApiResult incident(String id, boolean local);

    /** The incidents matching {@code filter}, newest update first, at most {@code limit}. */
    ApiResult incidents(IncidentFilter filter, int limit, boolean local);

    /** The incident's versions, oldest first. */
    ApiResult history(String id, boolean local);
}
