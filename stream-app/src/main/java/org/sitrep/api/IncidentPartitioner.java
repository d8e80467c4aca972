package org.sitrep.api;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where an incident's state lives. The incidents stage runs on {@code reports-by-country}, keyed by country, and its
 * stores ({@code incidents-store}, {@code api-history-store}, {@code alerts-sent-store}) are keyed by incident id in
 * the same tasks: an incident is in the partition of its <em>country</em>, not of its id. Incident ids start with
 * the country ({@code ML-20230110-b00953}), so this partitioner hashes that prefix exactly as the producer's default
 * partitioner hashed the repartition topic's key (murmur2 of the UTF-8 bytes). Kafka Streams'
 * {@code queryMetadataForKey(store, incidentId, new IncidentPartitioner())} then names the instance that owns it.
 */
public final class IncidentPartitioner implements StreamPartitioner<String, Object> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String incidentId, Object value, int numPartitions) {
        return Optional.of(Set.of(partitionOfCountry(country(incidentId), numPartitions)));
    }

    /** The country code an incident id starts with (everything before the first {@code -}). */
    public static String country(String incidentId) {
        int dash = incidentId.indexOf('-');
        return dash < 0 ? incidentId : incidentId.substring(0, dash);
    }

    public static int partitionOfCountry(String country, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(country.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
