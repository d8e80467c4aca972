package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.schema.ClaimantKind;

class ClaimantResolverTest {

    private final ClaimantResolver resolver = new ClaimantResolver(new ActorDictionary());
    private final ClaimantResolver.Context none = new ClaimantResolver.Context(null, null, null);

    @Test
    void anonymousCueOverridesTheArmyItSpeaksFor() {
        List<ClaimantResolver.Cue> cues = resolver.cues(
                "According to commanders of the army who spoke on condition of anonymity, 12 soldiers died.", none);

        assertThat(cues).extracting(ClaimantResolver.Cue::kind).containsOnly(ClaimantKind.anonymous_official);
    }

    @Test
    void nearestCueWinsWhenTwoSourcesShareASentence() {
        String s = "According to an army report, 14 soldiers were killed in an attack later claimed by JNIM.";
        List<ClaimantResolver.Cue> cues = resolver.cues(s, none);

        assertThat(cues).extracting(ClaimantResolver.Cue::kind)
                .contains(ClaimantKind.state, ClaimantKind.armed_group);
        ClaimantResolver.Cue nearest = ClaimantResolver.nearest(cues, s.indexOf("14"));
        assertThat(nearest.kind()).isEqualTo(ClaimantKind.state);
        assertThat(ClaimantResolver.nearest(cues, s.indexOf("JNIM")).kind()).isEqualTo(ClaimantKind.armed_group);
    }

    @Test
    void armedGroupNamedFromSentenceThenContext() {
        assertThat(resolver.cues("The ISGS claimed responsibility.", none))
                .extracting(ClaimantResolver.Cue::name).containsOnly("IS Sahel");
        assertThat(resolver.cues("The group said it lost two men.", new ClaimantResolver.Context(null, "ISWAP", null)))
                .extracting(ClaimantResolver.Cue::name).containsOnly("ISWAP");
        assertThat(resolver.cues("A statement authenticated by SITE said so.", none))
                .extracting(ClaimantResolver.Cue::kind, ClaimantResolver.Cue::name)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(ClaimantKind.armed_group, "armed group"));
    }

    @Test
    void siteAsACommonWordIsNotACue() {
        assertThat(resolver.cues("Soldiers found the site of the attack deserted.", none)).isEmpty();
    }

    @Test
    void stateCuesAreNamedAfterTheStateActor() {
        assertThat(resolver.cues("L'armée malienne a annoncé un bilan, selon un communiqué.", none))
                .extracting(ClaimantResolver.Cue::kind, ClaimantResolver.Cue::name)
                .contains(org.assertj.core.groups.Tuple.tuple(ClaimantKind.state, "FAMa"));
        assertThat(resolver.cues("The government said five died.", none))
                .extracting(ClaimantResolver.Cue::name).containsOnly("government");
    }

    @Test
    void unUpperCaseIsTheUnitedNationsButFrenchUnIsNot() {
        assertThat(resolver.cues("The UN said 30 civilians died.", none))
                .extracting(ClaimantResolver.Cue::kind, ClaimantResolver.Cue::name)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(ClaimantKind.ngo_un, "UN"));
        assertThat(resolver.cues("Un soldat a dit qu'il avait peur.", none))
                .extracting(ClaimantResolver.Cue::kind).doesNotContain(ClaimantKind.ngo_un);
    }
}
