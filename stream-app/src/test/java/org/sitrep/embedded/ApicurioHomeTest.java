package org.sitrep.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioHomeTest {
    private static final String JAR = "apicurio-registry-app-2.6.13.Final-runner.jar";

    @TempDir
    Path dir;

    private static Path apicurio(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.createFile(dir.resolve(JAR));
        return dir;
    }

    @Test
    void systemPropertyComesFirst() throws IOException {
        Path named = apicurio(dir.resolve("named"));
        Path env = apicurio(dir.resolve("env"));

        Path found = ApicurioHome.locate(Map.of(ApicurioHome.PROPERTY, named.toString())::get,
                Map.of(ApicurioHome.ENV, env.toString())::get, Optional.empty(), dir);

        assertThat(found).isEqualTo(named);
    }

    @Test
    void environmentVariableComesNext() throws IOException {
        Path env = apicurio(dir.resolve("env"));
        apicurio(dir.resolve("stream-app/target/apicurio"));

        assertThat(ApicurioHome.locate(k -> null, Map.of(ApicurioHome.ENV, env.toString())::get, Optional.empty(), dir))
                .isEqualTo(env);
    }

    @Test
    void aNamedDirectoryWithoutApicurioIsAnErrorNotAFallback() throws IOException {
        apicurio(dir.resolve("stream-app/target/apicurio"));
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> ApicurioHome.locate(Map.of(ApicurioHome.PROPERTY, empty.toString())::get, k -> null,
                Optional.empty(), dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ApicurioHome.PROPERTY).hasMessageContaining(empty.toString());
    }

    @Test
    void besideTheRunningJarOrClassesDirectory() throws IOException {
        Path target = dir.resolve("stream-app/target");
        Path home = apicurio(target.resolve("apicurio"));

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        assertThat(ApicurioHome.locate(k -> null, k -> null, Optional.of(target.resolve("sitrep.jar")), elsewhere))
                .isEqualTo(home);
        assertThat(ApicurioHome.locate(k -> null, k -> null, Optional.of(target.resolve("classes")), elsewhere))
                .isEqualTo(home);
    }

    @Test
    void underTheWorkingDirectoryLast() throws IOException {
        Path home = apicurio(dir.resolve("stream-app/target/apicurio"));

        assertThat(ApicurioHome.locate(k -> null, k -> null, Optional.of(dir.resolve("lib/other.jar")), dir))
                .isEqualTo(home);
    }

    @Test
    void missingEverywhereTellsHowToBuildIt() {
        assertThatThrownBy(() -> ApicurioHome.locate(k -> null, k -> null, Optional.empty(), dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./mvnw -q package -DskipTests")
                .hasMessageContaining(ApicurioHome.ENV)
                .hasMessageContaining(dir.resolve("stream-app/target/apicurio").toString());
    }
}
