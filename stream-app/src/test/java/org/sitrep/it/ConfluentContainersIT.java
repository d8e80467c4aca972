package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.Fixtures;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same pipeline against Confluent's own images: cp-kafka (KRaft) and cp-schema-registry. Runs wherever Docker is
 * available; reported as skipped where it is not (this project's CI machine has no Docker engine, so the same path
 * runs there on the in-JVM broker and Apicurio: see StreamingIT and ProcessIT).
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentContainersIT {
    static final String CONFLUENT_VERSION = "7.9.0";
    static final Network NETWORK = Network.newNetwork();

    @Container
    static final ConfluentKafkaContainer KAFKA = new ConfluentKafkaContainer(
        DockerImageName.parse("confluentinc/cp-kafka:" + CONFLUENT_VERSION))
        .withNetwork(NETWORK)
        .withNetworkAliases("kafka")
        .withListener("kafka:19092")
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>(
        DockerImageName.parse("confluentinc/cp-schema-registry:" + CONFLUENT_VERSION))
        .withNetwork(NETWORK)
        .dependsOn(KAFKA)
        .withExposedPorts(8081)
        .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
        .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
        .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
        .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));

    @Test
    void articlesBecomeIncidentsOnConfluentImages() {
        String registryUrl = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
        try (PipelineSession session = ClusterSession.create(KAFKA.getBootstrapServers(), registryUrl,
            "sitrep-it-confluent", Map.of("replication-factor", "1"))) {
            session.createTopics();
            session.start(Duration.ofMinutes(2));
            var first = Fixtures.article("c1", "2023-01-12T09:00:00Z",
                "The Malian army said on Thursday that 14 soldiers were killed and 11 wounded in an ambush near Macina on Tuesday.");
            var copy = Fixtures.article("c2", "2023-01-12T10:00:00Z", first.getBody());
            session.publish(List.of(first, copy));
            session.awaitIdle(Duration.ofMinutes(2));
            RunOutputs out = session.collect();
            assertThat(out.uniqueIds()).containsExactly("c1");
            assertThat(out.copies()).singleElement().satisfies(c -> assertThat(c.getCopyOf()).isEqualTo("c1"));
            assertThat(out.finalIncidents()).singleElement().satisfies(i -> assertThat(i.getCountry()).isEqualTo("ML"));
        }
    }
}
