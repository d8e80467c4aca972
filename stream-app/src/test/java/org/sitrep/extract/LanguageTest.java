package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** Sentences written by the project for this test. */
    @Test
    void detectsTheLanguagesOfTheTable() {
        assertThat(LanguageDetector.detect("Al menos 14 soldados murieron el martes en una emboscada en el centro del "
                + "país, según los militares y las autoridades.")).isEqualTo("es");
        assertThat(LanguageDetector.detect("Pelo menos 20 civis foram mortos no domingo em um ataque ao norte do país, "
                + "disse uma fonte.")).isEqualTo("pt");
        assertThat(LanguageDetector.detect("Bei dem Angriff auf ein Lager im Norden des Landes wurden mindestens vier "
                + "Soldaten getötet, sagte die Armee.")).isEqualTo("de");
        assertThat(LanguageDetector.detect("Almeno dodici soldati sono stati uccisi nella regione, secondo fonti della "
                + "sicurezza, anche dopo gli scontri di ieri.")).isEqualTo("it");
        assertThat(LanguageDetector.detect("Au moins douze soldats ont été tués dans le centre du pays, selon des "
                + "sources.")).isEqualTo("fr");
        assertThat(LanguageDetector.detect("At least twelve soldiers were killed in the centre of the country.")).isEqualTo("en");
    }

    @Test
    void nonLatinScriptsGiveTheirLanguageOrUndetermined() {
        assertThat(LanguageDetector.detect("قتل ١٢ جنديا في هجوم قرب مدينة غاو")).isEqualTo("ar");
        assertThat(LanguageDetector.detect("Погибли 12 военнослужащих")).isEqualTo("und");
        assertThat(LanguageDetector.detect("ቢያንስ 12 ወታደሮች ተገድለዋል")).isEqualTo("und");
        // a few words of another script in a Latin text do not decide
        assertThat(LanguageDetector.detect("The army said 12 soldiers were killed near Gao (غاو) on Tuesday.")).isEqualTo("en");
        assertThat(LanguageDetector.detect("12 / 14 -- !!")).isNull();
    }

    @Test
    void declaredTagsAreNormalised() {
        assertThat(LanguageDetector.normalise("pt_BR")).isEqualTo("pt");
        assertThat(LanguageDetector.normalise(" EN-gb ")).isEqualTo("en");
        assertThat(LanguageDetector.normalise(" ")).isNull();
        assertThat(LanguageProfiles.of("es-ES").code()).isEqualTo("es");
        assertThat(LanguageProfiles.of("ar")).isSameAs(LanguageProfile.NONE);
    }

    @Test
    void stopWordListsDoNotOverlap() {
        List<Set<String>> lists = new ArrayList<>(List.of(Language.EN_WORDS, Language.FR_WORDS));
        LanguageProfiles.all().forEach(p -> lists.add(p.stopWords()));
        Set<String> seen = new HashSet<>();
        for (Set<String> list : lists) {
            for (String w : list) {
                assertThat(seen.add(w)).as("stop word %s in two lists", w).isTrue();
            }
        }
    }

    @Test
    void everyProfileHasTheWordsOfEachKind() {
        for (LanguageProfile p : LanguageProfiles.all()) {
            assertThat(p.casualties().values()).as(p.code()).contains(CasualtyLexicon.Casualty.values());
            assertThat(p.parties()).as(p.code()).isNotEmpty();
            assertThat(p.months()).as(p.code()).hasSizeGreaterThanOrEqualTo(12);
            assertThat(p.attribution()).as(p.code()).isNotEmpty();
            assertThat(p.claimants()).as(p.code()).isNotEmpty();
            p.parties().keySet().forEach(w -> assertThat(w).isEqualTo(Text.fold(w)));
        }
    }
}
