package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.Party;
import org.sitrep.schema.Qualifier;

/** The second pass over a report's claims: parties inferred, repeats merged. Sentences written for these tests. */
class ClaimPartiesTest {

    private static Claim claim(Party party, Integer killed, Integer injured, ClaimantKind kind, String sentence) {
        return Claim.newBuilder().setClaimant(kind == ClaimantKind.media ? "Example News" : kind.name())
                .setClaimantKind(kind).setParty(party).setKilled(killed).setInjured(injured).setMissing(null)
                .setQualifier(Qualifier.exact).setArticleId("a1").setOutlet("Example News")
                .setPublishedAt(Instant.parse("2023-01-12T10:00:00Z")).setSentence(sentence).setPartisan(false).build();
    }

    private static final ClaimParties.Scene CIVILIAN_ATTACK = new ClaimParties.Scene(true, false, null);

    @Test
    void peopleKilledAtACivilianSceneAreCivilians() {
        List<Claim> out = ClaimParties.resolve(List.of(
                claim(Party.unknown, 48, null, ClaimantKind.state, "Gunmen killed 48 people at a cattle market.")),
                ClaimParties.Scene.NONE);
        assertThat(out).extracting(Claim::getParty).containsExactly(Party.civilians);
        // a military target in the same sentence: the scene does not decide
        assertThat(ClaimParties.resolve(List.of(claim(Party.unknown, 12, null, ClaimantKind.state,
                "The attack on the market and the army post killed 12 people.")), ClaimParties.Scene.NONE))
                .extracting(Claim::getParty).containsExactly(Party.unknown);
        assertThat(ClaimParties.resolve(List.of(claim(Party.unknown, 35, null, ClaimantKind.state,
                "Le bilan est de 35 morts, en majorité des civils.")), ClaimParties.Scene.NONE))
                .extracting(Claim::getParty).containsExactly(Party.civilians);
    }

    @Test
    void aBareTollTakesTheOnlyVictimPartyOfTheOtherClaims() {
        List<Claim> out = ClaimParties.resolve(List.of(
                claim(Party.state_forces, 33, null, ClaimantKind.state, "The army said 33 soldiers were killed."),
                claim(Party.militants, 20, null, ClaimantKind.state, "It said 20 assailants were neutralised."),
                claim(Party.unknown, 40, null, ClaimantKind.anonymous_official, "\"We have 40 dead,\" an officer said.")),
                ClaimParties.Scene.NONE);
        assertThat(out).extracting(Claim::getParty, Claim::getKilled).containsExactly(
                tuple(Party.state_forces, 33), tuple(Party.militants, 20), tuple(Party.state_forces, 40));
    }

    @Test
    void twoVictimPartiesLeaveABareTollUnknown() {
        List<Claim> out = ClaimParties.resolve(List.of(
                claim(Party.state_forces, 5, null, ClaimantKind.state, "Five soldiers died."),
                claim(Party.civilians, 9, null, ClaimantKind.state, "Nine civilians died."),
                claim(Party.unknown, 14, null, ClaimantKind.media, "The toll rose to 14.")), CIVILIAN_ATTACK);
        assertThat(out.get(2).getParty()).isEqualTo(Party.unknown);
    }

    @Test
    void anArmedGroupsClaimIsNoEvidenceOfTheVictims() {
        // the group says it killed militiamen; the toll of an attack on civilians is civilians
        List<Claim> out = ClaimParties.resolve(List.of(
                claim(Party.state_forces, 150, null, ClaimantKind.armed_group, "The group said it killed 150 militiamen."),
                claim(Party.unknown, 210, null, ClaimantKind.local_source, "Residents put the toll at 210.")),
                CIVILIAN_ATTACK);
        assertThat(out.get(1).getParty()).isEqualTo(Party.civilians);
        // without an attack on civilians it stays unknown
        assertThat(ClaimParties.resolve(List.of(out.get(0), claim(Party.unknown, 210, null, ClaimantKind.local_source,
                "Residents put the toll at 210.")), ClaimParties.Scene.NONE).get(1).getParty()).isEqualTo(Party.unknown);
    }

    @Test
    void aTotalBrokenDownIntoPartiesStaysUnknown() {
        String s = "The strike killed 22 people at a wedding, 19 of them civilians.";
        List<Claim> out = ClaimParties.resolve(List.of(claim(Party.unknown, 22, null, ClaimantKind.ngo_un, s),
                claim(Party.civilians, 19, null, ClaimantKind.ngo_un, s)), CIVILIAN_ATTACK);
        assertThat(out).extracting(Claim::getParty).containsExactly(Party.unknown, Party.civilians);
    }

    @Test
    void inAForeignHeldSceneSoldiersAreForeignUnlessTheSentenceNamesHomeForces() {
        ClaimParties.Scene foreign = new ClaimParties.Scene(false, true,
                java.util.regex.Pattern.compile(CasualtyLexicon.nationalityPattern("SO")));
        List<Claim> out = ClaimParties.resolve(List.of(
                claim(Party.state_forces, 60, null, ClaimantKind.armed_group, "The group said it killed 60 soldiers."),
                claim(Party.state_forces, 4, null, ClaimantKind.state, "Four Somali soldiers also died.")), foreign);
        assertThat(out).extracting(Claim::getParty).containsExactly(Party.foreign_forces, Party.state_forces);
    }

    @Test
    void theSceneOfAReport() {
        ClaimExtractor x = new ClaimExtractor(new ActorDictionary());
        ClaimParties.Scene s = x.scene(List.of("Militants overrun African Union base",
                "Al-Shabaab fighters stormed a base held by Burundian troops on Friday.",
                "Somali forces later retook the town, and AU troops sent reinforcements."), "SO");
        assertThat(s.foreignHeld()).isTrue();
        ClaimParties.Scene home = x.scene(List.of("Jihadists attack army camp",
                "Jihadists attacked a camp of the Nigerien army near Wagner instructors.", "Nigerien troops fled."), "NE");
        assertThat(home.foreignHeld()).isFalse();
        assertThat(x.scene(List.of("Massacre in a village", "Gunmen massacred villagers."), "ML").civilianTarget())
                .isTrue();
        assertThat(x.scene(List.of("Suicide bomber strikes market", "A suicide bomber blew himself up."), "NG")
                .civilianTarget()).isTrue();
        assertThat(x.scene(List.of("Army camp attacked", "Militants attacked an army camp."), "NE").civilianTarget())
                .isFalse();
    }

    @Test
    void theSameFigureFromTheSameKindOfSourceIsOneClaim() {
        List<Claim> out = ClaimFigures.withoutRepeats(List.of(
                claim(Party.state_forces, 71, null, ClaimantKind.state, "The government says 71 soldiers died."),
                claim(Party.state_forces, 71, 12, ClaimantKind.state, "The ministry said 71 soldiers were killed and 12 wounded."),
                claim(Party.state_forces, 71, null, ClaimantKind.local_source, "Residents also counted 71 dead soldiers.")));
        assertThat(out).extracting(Claim::getClaimantKind, Claim::getKilled, Claim::getInjured).containsExactly(
                tuple(ClaimantKind.state, 71, 12), tuple(ClaimantKind.local_source, 71, null));
    }

    @Test
    void theOutletRestatingAnAttributedFigureIsNotAClaimOfItsOwn() {
        List<Claim> out = ClaimFigures.withoutRepeats(List.of(
                claim(Party.civilians, 20, 30, ClaimantKind.media, "Twenty civilians were killed and 30 wounded."),
                claim(Party.civilians, 20, null, ClaimantKind.local_source, "The mayor said 20 civilians died."),
                claim(Party.civilians, 25, null, ClaimantKind.media, "The toll rose to 25.")));
        assertThat(out).extracting(Claim::getClaimantKind, Claim::getKilled, Claim::getInjured).containsExactly(
                tuple(ClaimantKind.local_source, 20, 30), tuple(ClaimantKind.media, 25, null));
    }

    @Test
    void womenAndChildrenAmongTheDeadMakeThemCivilians() {
        assertThat(ClaimParties.resolve(List.of(claim(Party.unknown, 20, null, ClaimantKind.media,
                "Twenty people, including women and children, were killed.")), ClaimParties.Scene.NONE))
                .extracting(Claim::getParty).containsExactly(Party.civilians);
    }
}
