package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ActorDictionaryTest {

    private final ActorDictionary actors = new ActorDictionary();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "The GSIM claimed the attack.|JNIM",
            "Jama'at Nusrat al-Islam wal-Muslimin fighters|JNIM",
            "le Groupe de soutien à l'islam et aux musulmans|JNIM",
            "the Support Group for Islam and Muslims|JNIM",
            "fighters of the ISGS|IS Sahel",
            "l'État islamique au Grand Sahara (EIGS)|IS Sahel",
            "the Islamic State in the Greater Sahara|IS Sahel",
            "ISWAP fighters|ISWAP",
            "Boko Haram's JAS faction|Boko Haram",
            "les shebab somaliens|al-Shabaab",
            "Al-Shabaab militants|al-Shabaab",
            "Russia's Africa Corps|Wagner",
            "the Wagner group|Wagner",
            "l'armée malienne|FAMa",
            "the Malian Armed Forces (FAMa)|FAMa",
            "the Burkinabe army|Burkinabe army",
            "l'armée nigérienne|Niger army",
            "the Nigerian army|Nigerian army",
            "Somali National Army troops|Somali army"})
    void recognisesAliases(String text, String canonical) {
        assertThat(actors.canonicalNames(List.of(text))).containsExactly(canonical);
    }

    @Test
    void listsEachActorOnceInOrderOfFirstMention() {
        assertThat(actors.canonicalNames(List.of("JNIM said Wagner and the Malian army lost men.", "GSIM fighters")))
                .containsExactly("JNIM", "Wagner", "FAMa");
    }

    @Test
    void doesNotMatchInsideWords() {
        assertThat(actors.canonicalNames(List.of("Jasmine met a Wagnerian tenor in Nigeria."))).isEmpty();
    }
}
