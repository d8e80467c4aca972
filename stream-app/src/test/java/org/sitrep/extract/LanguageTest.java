package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void declaredLanguageWins() {
        assertThat(Language.of("fr", "The army said that the soldiers were killed.")).isEqualTo(Language.FR);
        assertThat(Language.of("en-GB", "")).isEqualTo(Language.EN);
        assertThat(Language.of("ha", "The army said")).isEqualTo(Language.OTHER);
    }

    @Test
    void guessesFromStopWordsWhenMissing() {
        assertThat(Language.of(null, "Au moins douze soldats ont été tués dans le centre du pays, selon des sources."))
                .isEqualTo(Language.FR);
        assertThat(Language.of(null, "At least twelve soldiers were killed in the centre of the country on Tuesday."))
                .isEqualTo(Language.EN);
        assertThat(Language.of(null, "Sojojin Najeriya sun kashe mayaka")).isEqualTo(Language.OTHER);
        assertThat(Language.of(null, null)).isEqualTo(Language.OTHER);
    }
}
