package org.sitrep.bench;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.sitrep.config.SitrepConfig;
import org.sitrep.dlq.DeadLetterHandler;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/**
 * The baseline of the benchmark: read {@code news.articles.raw} as bytes and write every record unchanged to
 * {@link #OUTPUT}, with the pipeline's own Kafka Streams settings (exactly-once v2, producer batch, linger and
 * compression, consumer settings). What the broker, the transactions and the client cost without any Sitrep work.
 */
public final class IdentityTopology {
    public static final String OUTPUT = "bench.identity.out";

    private IdentityTopology() {
    }

    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ARTICLES_RAW, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("identity-read-raw"))
            .to(OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("identity-write-out"));
        return builder.build();
    }

    /** A client of {@link #build()} with {@code config}'s streams properties under another application id and state dir. */
    public static KafkaStreams streams(SitrepConfig config, SitrepSerdes serdes, String applicationId, Path stateDir) {
        Properties props = config.streamsProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(DeadLetterHandler.SERDE_CONFIG, serdes.deadLetter());
        return new KafkaStreams(build(), props);
    }
}
