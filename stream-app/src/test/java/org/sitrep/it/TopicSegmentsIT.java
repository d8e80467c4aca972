package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.TopicAdmin;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/**
 * A replay writes months of record time in seconds. A broker rolls a segment once the records it takes span more than
 * {@code segment.ms} (7 days by default) of record time, and on a compacted topic a closed segment of old records is
 * cleanable at once ({@code min.compaction.lag.ms} is measured in record time too): an incident's earlier versions
 * could be compacted away before a subscriber, or a test, has read them. {@code news.incidents} rolls by size only; a
 * compacted topic created with the broker's defaults, on the same broker, shows what happens otherwise.
 */
class TopicSegmentsIT {
    static final int BATCHES = 12;

    @Test
    void aReplayDoesNotCloseASegmentPerWeekOfFeedTime() throws Exception {
        Path logDir = Files.createTempDirectory("sitrep-segments-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, true, Map.of());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicAdmin.createTopics(admin, new Topics(new SitrepSerdes(SchemaRegistryClients.create("mock://segments", Map.of()))).all(),
                1, (short) 1);
            admin.createTopics(List.of(new NewTopic("plain", 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();

            long replayed = Instant.parse("2023-01-10T18:00:00Z").toEpochMilli();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < BATCHES; i++) {
                    for (String topic : List.of(Topics.INCIDENTS, "plain")) {
                        producer.send(new ProducerRecord<>(topic, null, replayed + i * Duration.ofDays(8).toMillis(), "ML-1", "v" + i)).get();
                    }
                }
            }

            assertThat(segments(logDir, "plain")).as("segments of a compacted topic with the broker's defaults")
                .isGreaterThan(BATCHES / 2);
            assertThat(segments(logDir, Topics.INCIDENTS)).as("segments of news.incidents").isEqualTo(1);
        }
    }

    static long segments(Path logDir, String topic) throws IOException {
        try (Stream<Path> files = Files.list(logDir.resolve(topic + "-0"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).count();
        }
    }
}
