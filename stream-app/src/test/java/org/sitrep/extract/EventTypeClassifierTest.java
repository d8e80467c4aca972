package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitrep.schema.EventType;

class EventTypeClassifierTest {

    private final EventTypeClassifier classifier = new EventTypeClassifier();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Twelve soldiers died in an ambush laid with a mine and explosive devices.|ambush",
            "Douze soldats tués dans une embuscade.|ambush",
            "A convoy hit a mine near Boni.|ied",
            "Un véhicule a sauté sur un engin explosif improvisé.|ied",
            "Des militaires tués par des engins piégés.|ied",
            "Jihadists attacked a military camp in Djibo.|attack_on_base",
            "Les assaillants ont attaqué le poste militaire de Boulkessi.|attack_on_base",
            "Gunmen attacked the base at dawn.|attack_on_base",
            "A suicide bomber drove a car bomb into the camp.|suicide_bombing",
            "Un kamikaze s'est fait exploser devant la caserne.|suicide_bombing",
            "An airstrike killed 20 militants.|airstrike",
            "Une frappe aérienne a visé des terroristes.|airstrike",
            "Clashes erupted between the army and jihadists.|armed_clash",
            "De violents affrontements ont opposé l'armée aux jihadistes.|armed_clash",
            "Gunmen killed 30 villagers.|attack_on_civilians",
            "Des hommes armés ont massacré des villageois.|attack_on_civilians",
            "A truck bomb tore through a busy junction in the capital.|suicide_bombing",
            "Un camion piégé a explosé près du marché central.|suicide_bombing",
            "An explosives-laden vehicle blew up at the checkpoint gate.|suicide_bombing",
            "A military drone hit a crowd gathered for a festival.|airstrike",
            "Warplanes pounded positions held by the insurgents.|airstrike",
            "A minibus struck a bomb on the road to the market town.|ied",
            "Les assaillants ont mené l'attaque d'un village de pêcheurs.|attack_on_civilians",
            "Ils ont revendiqué l'attaque de la base de la force africaine.|attack_on_base",
            "The president met his counterpart.|other"})
    void classifies(String text, EventType expected) {
        assertThat(classifier.classify(List.of(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Gunmen attacked a gold mine.",
            "Jihadists attacked the camp for displaced people."})
    void doesNotMistakeLookalikes(String text) {
        assertThat(classifier.classify(List.of(text))).isNotIn(EventType.ied, EventType.attack_on_base);
    }

    @org.junit.jupiter.api.Test
    void anAmbushWordAnywhereBeatsExplosives() {
        assertThat(classifier.classify(List.of("Soldiers killed in attacks with homemade explosives",
                "The convoys hit mines on two roads.", "The group said it had laid a double ambush.")))
                .isEqualTo(EventType.ambush);
        assertThat(classifier.classify(List.of("Embuscade près de Macina", "Le convoi a sauté sur une mine.")))
                .isEqualTo(EventType.ambush);
        assertThat(classifier.classify(List.of("Soldiers killed in attacks with homemade explosives",
                "The convoys hit mines on two roads."))).isEqualTo(EventType.ied);
    }

    private static List<java.util.Optional<EventType>> each(EventType... types) {
        List<java.util.Optional<EventType>> out = new java.util.ArrayList<>();
        for (EventType t : types) {
            out.add(java.util.Optional.ofNullable(t));
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void aPassingMentionDoesNotSetTheArticlesType() {
        // title and two sentences about a battle, one sentence saying an ambush began it
        assertThat(EventTypeClassifier.vote(each(EventType.armed_clash, EventType.armed_clash, null, EventType.ambush, EventType.armed_clash)))
            .contains(EventType.armed_clash);
        // the old rule, the most specific anywhere, would have said ambush
        assertThat(EventTypeClassifier.best(each(EventType.armed_clash, EventType.armed_clash, null, EventType.ambush, EventType.armed_clash)))
            .contains(EventType.ambush);
    }

    @org.junit.jupiter.api.Test
    void anAmbushLaidWithMinesIsStillAnAmbush() {
        assertThat(EventTypeClassifier.vote(each(EventType.ambush, EventType.ied, EventType.ied, EventType.ied)))
            .contains(EventType.ambush);
        assertThat(EventTypeClassifier.vote(each(null, EventType.ied, EventType.ambush))).contains(EventType.ambush);
    }

    @org.junit.jupiter.api.Test
    void anAirStrikeThatKillsCiviliansIsAnAirstrike() {
        assertThat(EventTypeClassifier.vote(each(EventType.attack_on_civilians, EventType.airstrike, EventType.attack_on_civilians)))
            .contains(EventType.airstrike);
    }

    @org.junit.jupiter.api.Test
    void aBaseStormedAfterACarBombIsAnAttackOnTheBase() {
        assertThat(EventTypeClassifier.vote(each(EventType.attack_on_base, EventType.suicide_bombing, EventType.attack_on_base)))
            .contains(EventType.attack_on_base);
        assertThat(EventTypeClassifier.vote(each(null, null))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Hombres armados tendieron una emboscada a un convoy del ejército.|ambush",
            "Yihadistas atacaron una base militar cerca de la frontera.|attack_on_base",
            "Bewaffnete griffen einen Armeeposten im Westen des Landes an.|attack_on_base",
            "Islamisten überfielen einen Militärstützpunkt.|attack_on_base",
            "Due attentatori suicidi si sono fatti esplodere in un mercato.|suicide_bombing",
            "Un ataque suicida dejó diez muertos.|suicide_bombing",
            "Ein Luftangriff tötete zwölf Menschen.|airstrike",
            "Um ataque aéreo atingiu uma aldeia.|airstrike",
            "Un ordigno esplosivo ha colpito un convoglio.|ied",
            "Hombres armados mataron a 20 civiles en una aldea: 20 civiles fueron asesinados.|attack_on_civilians",
            "Pelo menos 40 civis foram mortos num ataque contra agricultores.|attack_on_civilians",
            "Bei einem Massaker im Dorf starben 30 Menschen.|attack_on_civilians",
            "Violentos enfrentamientos entre el ejército y los yihadistas.|armed_clash",
            "Heftige Gefechte zwischen Armee und Rebellen.|armed_clash",
            "El presidente se reunió con su homólogo.|other"})
    void classifiesSpanishPortugueseItalianAndGerman(String text, EventType expected) {
        assertThat(classifier.classify(List.of(text))).isEqualTo(expected);
        assertThat(EventTypeClassifier.typesWithPrefilter(text)).isEqualTo(EventTypeClassifier.typesByPatternOnly(text));
    }
}
