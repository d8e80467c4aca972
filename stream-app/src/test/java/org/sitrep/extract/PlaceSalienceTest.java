package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceSalienceTest {

    private static final Gazetteer PACKAGED = Gazetteer.fromClasspath();

    /** The salience of the first mention of {@code name} in {@code sentence}. */
    private static double weight(String sentence, String name, boolean event) {
        Gazetteer.Match m = PACKAGED.find(sentence).stream().filter(x -> x.surface().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not found in " + sentence));
        return new PlaceSalience(List.of(event)).of(0, sentence, m);
    }

    @Test
    void referencePointsCountLittle() {
        assertThat(weight("Gunmen attacked a base about 80 km north-east of Mopti on Friday.", "Mopti", true))
                .isEqualTo(PlaceSalience.EVENT_SENTENCE * PlaceSalience.REFERENCE);
        assertThat(weight("Des hommes armés ont attaqué un poste à 60 kilomètres au nord de Dori.", "Dori", true))
                .isEqualTo(PlaceSalience.EVENT_SENTENCE * PlaceSalience.REFERENCE);
        assertThat(weight("The wounded were taken to hospital in Sévaré.", "Sévaré", false)).isEqualTo(PlaceSalience.REFERENCE);
        assertThat(weight("Les blessés ont été évacués vers Ouahigouya.", "Ouahigouya", false)).isEqualTo(PlaceSalience.REFERENCE);
        assertThat(weight("The minister said on Sunday in Niamey that the army would respond.", "Niamey", false))
                .isEqualTo(PlaceSalience.REFERENCE);
        assertThat(weight("Le conseil des ministres, réuni lundi à Niamey, a décrété un deuil national.", "Niamey", false))
                .isEqualTo(PlaceSalience.REFERENCE);
        assertThat(weight("Reinforcements were flown in from Niamey.", "Niamey", false)).isEqualTo(PlaceSalience.REFERENCE);
        assertThat(weight("Un analyste basé à Bamako doute de ces chiffres.", "Bamako", false)).isEqualTo(PlaceSalience.REFERENCE);
    }

    @Test
    void theSceneCountsMore() {
        assertThat(weight("Gunmen killed 12 people in the village of Solhan overnight.", "Solhan", true))
                .isEqualTo(PlaceSalience.EVENT_SENTENCE * PlaceSalience.SCENE);
        assertThat(weight("Douze soldats ont été tués près de Djibo.", "Djibo", true))
                .isEqualTo(PlaceSalience.EVENT_SENTENCE * PlaceSalience.SCENE);
        assertThat(weight("The attack on Djibo lasted three hours.", "Djibo", false)).isEqualTo(PlaceSalience.SCENE);
    }

    @Test
    void anEventBetweenAReportingWordAndThePlaceIsNotAReference() {
        assertThat(weight("Police said a bomb exploded in Mogadishu.", "Mogadishu", true))
                .isEqualTo(PlaceSalience.EVENT_SENTENCE);
        assertThat(weight("Residents fled from Djibo after the attack.", "Djibo", true))
                .isEqualTo(PlaceSalience.EVENT_SENTENCE);
    }
}
