package org.sitrep.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sitrep.testing.DriverHarness;

/**
 * The topology's {@code describe()} is a golden file: a diff means stored state, internal topics or processor names
 * changed, which breaks a running deployment. Regenerate deliberately with {@code -Dsitrep.updateGolden=true}.
 */
class TopologyGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/topology.golden.txt");

    @Test
    void describeMatchesTheGoldenFile() throws Exception {
        String actual;
        try (DriverHarness h = new DriverHarness()) {
            actual = h.topology.describe().toString();
        }
        if (Boolean.getBoolean("sitrep.updateGolden")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void everyStoreAndInternalTopicIsNamed() {
        try (DriverHarness h = new DriverHarness()) {
            String d = h.topology.describe().toString();
            assertThat(d).contains("dedup-seen-store", "incidents-store", "incidents-open-store",
                "articles-by-fingerprint-repartition", "reports-by-country-repartition",
                "dedup-near-reorder-store", "dedup-bands-store", "dedup-signatures-store",
                "articles-for-near-dup-repartition", "unique-articles-by-id-repartition");
            assertThat(d).doesNotContain("KSTREAM-", "KTABLE-", "KSTREAM-SOURCE");
        }
    }
}
