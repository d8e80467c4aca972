package org.sitrep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggingTest {
    @Test
    void credentialsInRegistryUrlsAreHidden() {
        assertThat(Logging.redact("https://user:s3cret@registry.example:8081/apis"))
            .isEqualTo("https://***@registry.example:8081/apis").doesNotContain("s3cret");
        assertThat(Logging.redact("http://a:b@r1:8081,http://c:d@r2:8081")).doesNotContain("a:b").doesNotContain("c:d");
        assertThat(Logging.redact("http://localhost:8081")).isEqualTo("http://localhost:8081");
    }
}
