package org.sitrep.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.registry.HttpSchemaRegistryClient;
import org.sitrep.registry.SchemaRegistryClient;

/** Starts its own registry (not the shared one) since it stops it. */
class EmbeddedRegistryIT {

    @Test
    void startsAnswersWithBackwardAndStopsOnClose() {
        EmbeddedRegistry registry = EmbeddedRegistry.start(ApicurioHome.locate(), false);
        try {
            SchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());

            assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port() + "/apis/ccompat/v7");
            assertThat(client.subjects()).isEmpty();
            assertThat(client.globalCompatibility()).isEqualTo("BACKWARD");
            assertThat(registry.isRunning()).isTrue();
            assertThat(EmbeddedRegistry.accepting(registry.port())).isTrue();
            assertThat(registry.logFile()).isRegularFile();
            assertThat(registry.startupTime()).isPositive().isLessThan(Duration.ofSeconds(90));
            System.out.printf("Apicurio started in %d ms, %d MB resident%n", registry.startupTime().toMillis(),
                    EmbeddedRegistry.residentMegabytes(registry.pid()));
        } finally {
            registry.close();
        }

        assertThat(registry.isRunning()).isFalse();
        assertThat(EmbeddedRegistry.accepting(registry.port())).isFalse();
        registry.close();
        assertThat(registry.isRunning()).isFalse();
    }

    @Test
    void aBrokenInstallationFailsWithTheEndOfItsLog(@TempDir Path home) throws IOException {
        // A "runner jar" that is not a jar: the JVM exits at once with an error, which must reach the message.
        Files.writeString(home.resolve("apicurio-registry-app-0-runner.jar"), "not a jar");

        assertThatThrownBy(() -> EmbeddedRegistry.start(home, false, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("Invalid or corrupt jarfile");
    }
}
