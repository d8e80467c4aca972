package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.extract.SentenceSplitter.Sentence;
import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.Party;
import org.sitrep.schema.Qualifier;

class ClaimExtractorTest {

    private final ClaimExtractor extractor = new ClaimExtractor(new ActorDictionary());
    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<Claim> claims(Language lang, String... paragraphs) {
        List<ClaimExtractor.Input> in = new ArrayList<>();
        for (Sentence s : splitter.split(List.of(paragraphs))) {
            in.add(new ClaimExtractor.Input(s, false));
        }
        return extractor.extract(in,
                new ClaimExtractor.Source("a1", "Example News", Instant.parse("2023-01-12T10:00:00Z"), lang));
    }

    private List<Claim> claimsIn(String country, Language lang, String... paragraphs) {
        List<ClaimExtractor.Input> in = new ArrayList<>();
        for (Sentence s : splitter.split(List.of(paragraphs))) {
            in.add(new ClaimExtractor.Input(s, false));
        }
        return extractor.extract(in, new ClaimExtractor.Source("a1", "Example News",
                Instant.parse("2023-01-12T10:00:00Z"), lang, null, country));
    }

    @Test
    void killedAndWoundedOfOneSentenceMakeOneClaim() {
        assertThat(claims(Language.EN, "The army said 14 soldiers were killed and 11 wounded."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getInjured, Claim::getQualifier, Claim::getClaimantKind)
                .containsExactly(tuple(Party.state_forces, 14, 11, Qualifier.exact, ClaimantKind.state));
    }

    @Test
    void verbBeforeFigure() {
        assertThat(claims(Language.EN, "Jihadists killed 14 soldiers and wounded 11 others on Tuesday."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getInjured)
                .containsExactly(tuple(Party.state_forces, 14, 11));
    }

    @Test
    void coordinatedPartiesGiveOneClaimEach() {
        assertThat(claims(Language.EN, "Five Wagner mercenaries and seven Malian troops were killed, the group said."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getClaimantKind)
                .containsExactly(tuple(Party.foreign_forces, 5, ClaimantKind.armed_group),
                        tuple(Party.state_forces, 7, ClaimantKind.armed_group));
    }

    @Test
    void tollWordsAndRisingTolls() {
        assertThat(claims(Language.EN, "A local official gave a toll of 14 dead."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(tuple(14, ClaimantKind.local_source));
        assertThat(claims(Language.EN, "The toll rose to 14, up from 12."))
                .extracting(Claim::getKilled, Claim::getParty, Claim::getClaimantKind, Claim::getClaimant)
                .containsExactly(tuple(14, Party.unknown, ClaimantKind.media, "Example News"),
                        tuple(12, Party.unknown, ClaimantKind.media, "Example News"));
    }

    @Test
    void neutralisedTerroristsAreKilledMilitants() {
        assertThat(claims(Language.EN, "The army claims to have neutralised \"31 terrorists\"."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getClaimantKind)
                .containsExactly(tuple(Party.militants, 31, ClaimantKind.state));
        assertThat(claims(Language.FR, "L'état-major a annoncé que 31 terroristes ont été neutralisés."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getClaimantKind)
                .containsExactly(tuple(Party.militants, 31, ClaimantKind.state));
    }

    @Test
    void martyrsAreTheGroupsOwnDead() {
        assertThat(claims(Language.EN, "The JNIM group recognised the murder of five martyrs."))
                .extracting(Claim::getClaimant, Claim::getParty, Claim::getKilled, Claim::getClaimantKind)
                .containsExactly(tuple("JNIM", Party.militants, 5, ClaimantKind.armed_group));
    }

    @Test
    void attributionContinuesWithinAParagraphOnly() {
        List<Claim> c = claims(Language.EN,
                "According to the group, the attack was a success. It said 9 soldiers were killed.",
                "Nine soldiers were killed.");

        assertThat(c).extracting(Claim::getClaimantKind)
                .containsExactly(ClaimantKind.armed_group, ClaimantKind.media);
    }

    @Test
    void claimantKinds() {
        assertThat(claims(Language.EN, "At least 12 soldiers were killed, a security source said."))
                .extracting(Claim::getClaimantKind, Claim::getQualifier)
                .containsExactly(tuple(ClaimantKind.anonymous_official, Qualifier.at_least));
        assertThat(claims(Language.EN, "About 30 civilians were killed, according to MINUSMA."))
                .extracting(Claim::getClaimant, Claim::getClaimantKind, Claim::getParty, Claim::getQualifier)
                .containsExactly(tuple("MINUSMA", ClaimantKind.ngo_un, Party.civilians, Qualifier.about));
        assertThat(claims(Language.EN, "Residents said 20 villagers died."))
                .extracting(Claim::getClaimantKind).containsExactly(ClaimantKind.local_source);
        assertThat(claims(Language.FR, "Une dizaine de civils ont été tués, selon un élu local."))
                .extracting(Claim::getClaimantKind, Claim::getKilled, Claim::getQualifier, Claim::getParty)
                .containsExactly(tuple(ClaimantKind.local_source, 10, Qualifier.about, Party.civilians));
        assertThat(claims(Language.FR, "Au moins douze soldats ont été tués, a indiqué sous couvert d'anonymat un officier de l'armée."))
                .extracting(Claim::getClaimantKind, Claim::getClaimant)
                .containsExactly(tuple(ClaimantKind.anonymous_official, "anonymous officers"));
    }

    @Test
    void partiesFromNouns() {
        assertThat(claims(Language.EN, "Two UN peacekeepers and three French soldiers were killed. Four VDP volunteers "
                + "were wounded. Six worshippers and 2 gunmen died."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getInjured)
                .containsExactly(tuple(Party.foreign_forces, 2, null), tuple(Party.foreign_forces, 3, null),
                        tuple(Party.state_forces, null, 4), tuple(Party.civilians, 6, null), tuple(Party.militants, 2, null));
    }

    @Test
    void figuresThatAreNotCasualtiesAreIgnored() {
        assertThat(claims(Language.EN,
                "An unknown number of soldiers were killed.",
                "The attackers used three explosive devices and 40 motorbikes.",
                "The ambush of 10 January was claimed in 2023 by the group.",
                "No one was killed."))
                .isEmpty();
    }

    @Test
    void missingFiguresJoinTheClaimOfTheirSentence() {
        assertThat(claims(Language.EN, "The army said 71 soldiers were killed, 12 wounded and several missing."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getInjured, Claim::getMissing)
                .containsExactly(tuple(Party.state_forces, 71, 12, null));
        assertThat(claims(Language.EN, "Officials said 14 soldiers were killed and 5 taken prisoner."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getInjured, Claim::getMissing)
                .containsExactly(tuple(Party.state_forces, 14, null, 5));
        assertThat(claims(Language.FR, "Douze soldats ont été tués et huit faits prisonniers, selon l'armée."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getMissing, Claim::getClaimantKind)
                .containsExactly(tuple(Party.state_forces, 12, 8, ClaimantKind.state));
    }

    @Test
    void missingCapturedAndAbductedAreMissing() {
        assertThat(claims(Language.EN, "30 soldiers are missing after the attack."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getMissing, Claim::getQualifier)
                .containsExactly(tuple(Party.state_forces, null, 30, Qualifier.exact));
        assertThat(claims(Language.EN, "The count was not final, because dozens of soldiers were still missing."))
                .extracting(Claim::getParty, Claim::getMissing, Claim::getQualifier)
                .containsExactly(tuple(Party.state_forces, 24, Qualifier.about));
        assertThat(claims(Language.EN, "At least eight soldiers remain unaccounted for."))
                .extracting(Claim::getMissing).containsExactly(8);
        assertThat(claims(Language.EN, "Gunmen kidnapped 30 students from a school in Kaduna."))
                .extracting(Claim::getParty, Claim::getMissing).containsExactly(tuple(Party.civilians, 30));
        assertThat(claims(Language.EN, "The militants captured two soldiers and two towns."))
                .extracting(Claim::getParty, Claim::getMissing).containsExactly(tuple(Party.state_forces, 2));
        assertThat(claims(Language.FR, "Une vingtaine de soldats sont portés disparus, selon une source sécuritaire."))
                .extracting(Claim::getParty, Claim::getMissing, Claim::getQualifier, Claim::getClaimantKind)
                .containsExactly(tuple(Party.state_forces, 20, Qualifier.about, ClaimantKind.anonymous_official));
        assertThat(claims(Language.FR, "Trois humanitaires ont été enlevés et 12 soldats capturés."))
                .extracting(Claim::getParty, Claim::getMissing)
                .contains(tuple(Party.state_forces, 12));
        assertThat(claims(Language.EN, "Several soldiers are missing and many men were taken prisoner.")).isEmpty();
    }

    @Test
    void bodiesAreDeadNotMissing() {
        assertThat(claims(Language.EN, "Five bodies were missing from the morgue."))
                .extracting(Claim::getKilled, Claim::getMissing).containsExactly(tuple(5, null));
    }

    @Test
    void otherLanguagesReadDigitsOnly() {
        assertThat(claims(Language.OTHER, "12 soldiers killed, twelve soldiers killed"))
                .extracting(Claim::getKilled).containsExactly(12);
    }

    @Test
    void duplicatesWithinAnArticleAreKeptOnce() {
        assertThat(claims(Language.EN, "Twelve soldiers were killed.", "12 soldiers were killed.")).hasSize(1);
    }

    @Test
    void verbPhrasesForDeathCountAsKilled() {
        assertThat(claims(Language.FR, "Une dizaine de gendarmes ont trouvé la mort lundi."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getQualifier)
                .containsExactly(tuple(Party.state_forces, 10, Qualifier.about));
        assertThat(claims(Language.FR, "Huit villageois ont perdu la vie dans l'attaque."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.civilians, 8));
        assertThat(claims(Language.FR, "Trois passagers ont péri dans l'explosion."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.civilians, 3));
        assertThat(claims(Language.EN, "Six traders lost their lives when the bus hit a mine."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.civilians, 6));
        assertThat(claims(Language.EN, "Nine herders were left dead after the raid."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.civilians, 9));
        assertThat(claims(Language.FR, "L'embuscade a coûté la vie à onze soldats."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.state_forces, 11));
        assertThat(claims(Language.EN, "The blast claimed the lives of four policemen."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.state_forces, 4));
    }

    @Test
    void aNationalityAdjectiveAfterTheNounKeepsTheFigure() {
        assertThat(claims(Language.FR, "Dix-sept soldats nigériens ont été tués et vingt blessés jeudi."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getInjured)
                .containsExactly(tuple(Party.state_forces, 17, 20));
        assertThat(claims(Language.FR, "Trois militaires des Forces armées maliennes (FAMa) ont été tués samedi."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.state_forces, 3));
    }

    @Test
    void theNounAfterAmongGivesTheParty() {
        assertThat(claims(Language.FR, "L'attaque a fait 9 morts et 4 blessés parmi les gendarmes."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getInjured)
                .containsExactly(tuple(Party.state_forces, 9, 4));
        assertThat(claims(Language.EN, "The raid left 6 dead among the villagers."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.civilians, 6));
        // another clause: no party taken from it
        assertThat(claims(Language.EN, "The raid left 6 dead, while many among the villagers fled."))
                .extracting(Claim::getParty).containsExactly(Party.unknown);
    }

    @Test
    void repeatedPrepositionAfterTheConjunctionKeepsTheVerb() {
        assertThat(claims(Language.FR, "L'attaque a coûté la vie à deux gendarmes et à cinq civils."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.state_forces, 2), tuple(Party.civilians, 5));
    }

    @Test
    void unknownPartyFigureThatRepeatsAKnownPartyClaimIsDropped() {
        assertThat(claims(Language.EN, "The army said 22 soldiers were killed on Sunday.",
                "The army said the figure of 22 dead could still rise."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.state_forces, 22));
        // another claimant's figure, or another figure, is kept
        assertThat(claims(Language.EN, "The army said 22 soldiers were killed on Sunday.",
                "A local official said 22 people had died."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.state_forces, 22), tuple(Party.unknown, 22));
        assertThat(claims(Language.EN, "The army said 22 soldiers were killed on Sunday.",
                "The army said 25 people had died by Monday."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.state_forces, 22), tuple(Party.unknown, 25));
    }

    @Test
    void frenchAttributionAfterTheFiguresNamesTheSpeaker() {
        assertThat(claims(Language.FR,
                "Six soldats ont été tués lundi, a annoncé mardi l'armée, tandis que le GSIM a revendiqué l'attaque."))
                .extracting(Claim::getClaimantKind, Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(ClaimantKind.state, Party.state_forces, 6));
        assertThat(claims(Language.FR, "« Nous avons 9 morts dans nos rangs », a déclaré un officier."))
                .extracting(Claim::getClaimantKind, Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(ClaimantKind.anonymous_official, Party.state_forces, 9));
    }

    @Test
    void aSubsetIsAClaimOnlyWhenItNamesAnotherParty() {
        assertThat(claims(Language.EN, "The raid killed 31 people, 12 of them civilians."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.unknown, 31), tuple(Party.civilians, 12));
        assertThat(claims(Language.FR, "L'explosion a tué 16 personnes, dont 9 civils."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.unknown, 16), tuple(Party.civilians, 9));
        assertThat(claims(Language.EN, "Gunmen killed 18 villagers, including 11 women."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.civilians, 18));
        assertThat(claims(Language.EN, "Militants killed 9 soldiers, including two officers."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.state_forces, 9));
        assertThat(claims(Language.EN, "The toll left out the four attackers, adding that one of them was a woman."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.militants, 4));
    }

    @Test
    void whatTheDeadWereGivesTheirParty() {
        assertThat(claims(Language.EN, "Four of the dead were believed to be members of the armed group."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.militants, 4));
    }

    @Test
    void aFigureInTheShapeOfTheOneBeforeTakesItsMeaning() {
        assertThat(claims(Language.EN, "The mayor said 40 people were killed in Dogo and 15 in Kara."))
                .extracting(Claim::getKilled, Claim::getClaimantKind)
                .containsExactly(tuple(40, ClaimantKind.local_source), tuple(15, ClaimantKind.local_source));
        assertThat(claims(Language.FR, "Le bilan est de 25 morts à Dogo et 9 à Kara."))
                .extracting(Claim::getKilled).containsExactly(25, 9);
        // a figure after "and" in another shape is still not a casualty
        assertThat(claims(Language.EN, "Twelve soldiers died in Dogo and 15 vehicles were burnt."))
                .extracting(Claim::getKilled).containsExactly(12);
    }

    @Test
    void theNumberOfPeopleKilledIsAToll() {
        assertThat(claims(Language.EN, "The number of people killed in the blast has risen to 57."))
                .extracting(Claim::getKilled).containsExactly(57);
        assertThat(claims(Language.FR, "Le nombre de morts est passé à 41 dimanche."))
                .extracting(Claim::getKilled).containsExactly(41);
    }

    @Test
    void aConflictsAggregateIsNotAClaim() {
        assertThat(claims(Language.EN, "The conflict in the region has killed more than 4,000 people and displaced a million."))
                .isEmpty();
        assertThat(claims(Language.FR, "Ces violences, attribuées aux jihadistes, ont fait plus de 2 000 morts.")).isEmpty();
        assertThat(claims(Language.EN, "Officials said 8,000 people had been killed.")).isEmpty();
        // the attack is the subject: a claim
        assertThat(claims(Language.EN, "The attack, the worst since the war began, has killed 27 people."))
                .extracting(Claim::getKilled).containsExactly(27);
    }

    @Test
    void theKillingThatAReprisalAnsweredIsNotAClaim() {
        assertThat(claims(Language.EN, "Residents said the raid was revenge after herders killed three farmers."))
                .isEmpty();
        assertThat(claims(Language.EN, "Troops killed 12 militants in retaliation for an attack on a convoy."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.militants, 12));
    }

    @Test
    void forcesOfAnotherCountryThanTheEventsAreForeign() {
        String s = "Al-Shabaab said it killed 40 Kenyan soldiers.";
        assertThat(claimsIn("SO", Language.EN, s)).extracting(Claim::getParty).containsExactly(Party.foreign_forces);
        assertThat(claimsIn("KE", Language.EN, s)).extracting(Claim::getParty).containsExactly(Party.state_forces);
        String fr = "Douze soldats tchadiens ont été tués.";
        assertThat(claimsIn("NE", Language.FR, fr)).extracting(Claim::getParty).containsExactly(Party.foreign_forces);
        assertThat(claimsIn("TD", Language.FR, fr)).extracting(Claim::getParty).containsExactly(Party.state_forces);
        // country unknown: the region's armies are home forces, others foreign
        assertThat(claimsIn(null, Language.FR, fr)).extracting(Claim::getParty).containsExactly(Party.state_forces);
        assertThat(claimsIn(null, Language.EN, "Three French soldiers died.")).extracting(Claim::getParty)
                .containsExactly(Party.foreign_forces);
        assertThat(claimsIn("ML", Language.EN, "Seven AU troops and two African Union peacekeepers were killed."))
                .extracting(Claim::getParty).containsOnly(Party.foreign_forces);
    }

    @Test
    void fightersOfAForeignForceAreForeignForces() {
        assertThat(claims(Language.EN, "The rebels said they killed 30 fighters of Russia's Wagner group."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.foreign_forces, 30));
        assertThat(claims(Language.EN, "The rebels said 30 Wagner fighters were killed."))
                .extracting(Claim::getParty).containsExactly(Party.foreign_forces);
        assertThat(claims(Language.FR, "Le groupe affirme avoir tué une quarantaine de Russes et 12 combattants de Wagner."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.foreign_forces, 40), tuple(Party.foreign_forces, 12));
        // foreign jihadists are still militants
        assertThat(claims(Language.EN, "The army said 15 foreign fighters were killed."))
                .extracting(Claim::getParty).containsExactly(Party.militants);
    }

    @Test
    void articlesAndRestatedDigitsAreNotFigures() {
        assertThat(claims(Language.FR, "« Un nombre important de terroristes a été neutralisé », selon l'armée.")).isEmpty();
        assertThat(claims(Language.FR, "Le bilan est de trois (03) militaires tués et cinq (05) blessés."))
                .extracting(Claim::getParty, Claim::getKilled, Claim::getInjured)
                .containsExactly(tuple(Party.state_forces, 3, 5));
        assertThat(claims(Language.FR, "Une semaine après, le drame reste une blessure ouverte.")).isEmpty();
    }

    @Test
    void theRanksOfTheArmyAreStateForces() {
        assertThat(claims(Language.FR, "Un officier évoquait au moins 30 morts dans les rangs de l'armée."))
                .extracting(Claim::getParty).containsExactly(Party.state_forces);
    }

    private static org.assertj.core.groups.Tuple kind(int killed, ClaimantKind kind) {
        return tuple(killed, kind);
    }

    @Test
    void officersPoliceAndOfficialsNamedByTheirOfficeAreTheState() {
        assertThat(claims(Language.EN, "At least 9 people were killed, according to Captain Musa Ali, a police officer at the scene."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(9, ClaimantKind.state));
        assertThat(claims(Language.EN, "Gunmen killed 14 people in the town, emergency officials said."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(14, ClaimantKind.state));
        assertThat(claims(Language.EN, "Six soldiers died, a military official said."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(6, ClaimantKind.anonymous_official));
        assertThat(claims(Language.FR, "Le bilan communiqué par l'agence de gestion des urgences de la région (ARGU) est de 12 morts."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(12, ClaimantKind.state));
        assertThat(claims(Language.EN, "The army has acknowledged heavy losses and said it killed about 20 militants."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(20, ClaimantKind.state));
    }

    @Test
    void anAnonymousSourceOnlyOverridesTheStateInItsOwnClause() {
        assertThat(claims(Language.EN, "The ministry said 71 soldiers were killed, more than the 60 dead reported earlier by a security source."))
                .extracting(Claim::getKilled, Claim::getClaimantKind)
                .containsExactly(kind(71, ClaimantKind.state), kind(60, ClaimantKind.anonymous_official));
        // an unnamed resident or doctor is a local source; an unnamed officer an anonymous official
        assertThat(claims(Language.EN, "A resident of the village, speaking on condition of anonymity, said eight soldiers died."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(8, ClaimantKind.local_source));
        assertThat(claims(Language.EN, "A police officer, speaking on condition of anonymity, said eight soldiers died."))
                .extracting(Claim::getKilled, Claim::getClaimantKind)
                .containsExactly(kind(8, ClaimantKind.anonymous_official));
    }

    @Test
    void localSourcesWithTheirPlaceAndAnIncise() {
        assertThat(claims(Language.EN, "The mayor of Dogo, a market town near the border, said 14 people had been killed."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(14, ClaimantKind.local_source));
        assertThat(claims(Language.FR, "« Il y a eu 12 morts », a précisé à l'AFP un élu local."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(12, ClaimantKind.local_source));
        assertThat(claims(Language.FR, "Un ancien du village a déclaré que des dizaines de soldats avaient été tués."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(20, ClaimantKind.local_source));
        assertThat(claims(Language.EN, "The head of the local vigilante group said 11 villagers were killed."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(11, ClaimantKind.local_source));
        // the army inside the relative clause is not the speaker
        assertThat(claims(Language.FR, "Le chef d'une milice locale qui combat aux côtés de l'armée a confirmé le bilan de 12 morts."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(12, ClaimantKind.local_source));
        assertThat(claims(Language.FR, "Des sources communautaires jointes par nos partenaires font état de sept morts."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(7, ClaimantKind.local_source));
    }

    @Test
    void rebelsAndUnSourcesWithTheirVerbs() {
        assertThat(claims(Language.EN, "Separatist rebels said on Sunday they had killed 33 soldiers."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(33, ClaimantKind.armed_group));
        assertThat(claims(Language.FR, "La Minusma, dont les casques bleus ont évacué les blessés vers la ville, avance le chiffre de 57 morts."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(57, ClaimantKind.ngo_un));
        assertThat(claims(Language.FR, "Les estimations, notamment de sources onusiennes, font état d'environ 300 morts."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(300, ClaimantKind.ngo_un));
        assertThat(claims(Language.EN, "Health partners report at least 60 injured people in two hospitals."))
                .extracting(Claim::getInjured, Claim::getClaimantKind).containsExactly(kind(60, ClaimantKind.ngo_un));
    }

    @Test
    void aSourceReferredBackToIsTheLatestNamedOne() {
        List<Claim> c = claims(Language.EN, "Twenty soldiers were killed, a military source said.",
                "\"We have at least 25 dead, and some men are missing,\" the source said.");
        assertThat(c).extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(
                kind(20, ClaimantKind.anonymous_official), kind(25, ClaimantKind.anonymous_official));
        assertThat(claims(Language.FR, "Sept civils ont été tués, selon le gouverneur.", "Quatre autres ont été blessés, selon la même source."))
                .extracting(Claim::getClaimantKind).containsOnly(ClaimantKind.state);
    }

    @Test
    void aQuotationTakesTheAttributionThatClosesIt() {
        assertThat(claims(Language.EN, "\"We buried 40 people this morning. Whole families are gone,\" a village chief said."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(40, ClaimantKind.local_source));
    }

    @Test
    void peopleIntroducedWithATitleAreKnownBySurname() {
        List<Claim> c = claims(Language.EN, "President Amadou Sow visited the camp on Monday.",
                "Sow, who spoke to troops at the camp, said 30 soldiers had been wounded.");
        assertThat(c).extracting(Claim::getInjured, Claim::getClaimantKind).containsExactly(kind(30, ClaimantKind.state));
    }

    @Test
    void anOutletThatIsAGovernmentOfficeIsTheState() {
        List<ClaimExtractor.Input> in = new ArrayList<>();
        for (Sentence s : splitter.split(List.of("The provisional toll on our side is 12 killed and 8 wounded."))) {
            in.add(new ClaimExtractor.Input(s, false));
        }
        List<Claim> c = extractor.extract(in, new ClaimExtractor.Source("a1", "Republic of Nowhere - Government",
                Instant.parse("2023-01-12T10:00:00Z"), Language.EN));
        assertThat(c).extracting(Claim::getParty, Claim::getKilled, Claim::getInjured, Claim::getClaimantKind)
                .containsExactly(tuple(Party.state_forces, 12, 8, ClaimantKind.state));
    }

    @Test
    void aSummaryOfFiguresGivenBeforeIsNotAClaim() {
        List<Claim> c = claims(Language.FR, "Les autorités avaient jusqu'ici fait état de 43 morts. L'ONU a affirmé dimanche qu'au moins 110 civils avaient été tués. Le bilan est ainsi passé de 43 à 110 morts.");
        assertThat(c).extracting(Claim::getKilled, Claim::getClaimantKind)
                .containsExactly(kind(43, ClaimantKind.state), kind(110, ClaimantKind.ngo_un));
    }

    @Test
    void aModifierBetweenTheNounAndItsPassiveVerb() {
        assertThat(claimsIn("SO", Language.EN, "Officials said 12 Kenyan soldiers serving with the African Union force were killed."))
                .extracting(Claim::getParty, Claim::getKilled).containsExactly(tuple(Party.foreign_forces, 12));
    }

    @Test
    void aFigureInAClauseAboutAnotherAttackIsNotAClaim() {
        assertThat(claims(Language.EN, "The attack was deadlier than the assault on the Dogo camp in May, where 40 soldiers died."))
                .isEmpty();
        assertThat(claims(Language.FR, "Elle survient un mois après l'attaque du camp de Dogo, dans la même région, au cours de laquelle 40 soldats avaient été tués."))
                .isEmpty();
        assertThat(claims(Language.EN, "The raid on the camp, where 40 soldiers died, lasted two hours."))
                .extracting(Claim::getKilled).containsExactly(40);
    }

    @Test
    void aFigureComparedWithAnEarlierOneIsTheEarlierReading() {
        assertThat(claims(Language.EN, "Seventy militants were also killed, up from 52 announced previously, the government said."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.militants, 70), tuple(Party.militants, 52));
        assertThat(claims(Language.FR, "Le Conseil indique que 70 terroristes ont été neutralisés, contre 52 selon le premier bilan."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.militants, 70), tuple(Party.militants, 52));
    }

    @Test
    void treatedForWoundsIsInjuredAndASubsetOfTheWoundedIsNoNewFigure() {
        assertThat(claims(Language.EN, "Officials said 11 people were being treated for gunshot wounds."))
                .extracting(Claim::getInjured).containsExactly(11);
        assertThat(claims(Language.EN, "Four of the wounded were in a critical condition, the doctor said.")).isEmpty();
        assertThat(claims(Language.FR, "Trois des blessés sont dans un état grave.")).isEmpty();
    }

    @Test
    void aVigilanteGroupIsNotAnArmedGroupClaimant() {
        assertThat(claims(Language.EN, "A member of the local vigilante group, which patrols with the army, said 15 villagers were killed."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(15, ClaimantKind.local_source));
    }

    @Test
    void aNamedGroupWithItsHeadNounAndAnIncise() {
        assertThat(claims(Language.EN, "The JNIM alliance, which claimed the raid, said it had killed nine soldiers."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(9, ClaimantKind.armed_group));
        // an incise holds no figure: the entity before it is not the speaker of the figure inside it
        assertThat(claims(Language.EN, "Two bombs went off near the finance ministry in the capital on Friday, killing 8 people, police and witnesses said."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(8, ClaimantKind.state));
    }

    @Test
    void unnamedOfficersAreAnonymousOfficials() {
        assertThat(claims(Language.EN, "At least 12 soldiers died on Monday, army and police officers told reporters."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(12, ClaimantKind.anonymous_official));
        assertThat(claims(Language.EN, "Commanders speaking off the record said that nine soldiers had died."))
                .extracting(Claim::getKilled, Claim::getClaimantKind).containsExactly(kind(9, ClaimantKind.anonymous_official));
    }

    @Test
    void whatTheDeadWereIsANounNotAVerb() {
        // "were killed when jihadists attacked": the jihadists are the attackers, not the dead
        assertThat(claims(Language.EN, "At least 100 people were killed when jihadists attacked the town."))
                .extracting(Claim::getParty).containsExactly(Party.unknown);
    }

    @Test
    void officialsOfAnAdministrationAndSourcesTheOutletLearnedFrom() {
        assertThat(claims(Language.EN, "The toll has risen to 52, a regional official told reporters."))
                .extracting(Claim::getClaimantKind).containsExactly(ClaimantKind.state);
        assertThat(claims(Language.EN, "The toll has risen to 52, an official told reporters."))
                .extracting(Claim::getClaimantKind).containsExactly(ClaimantKind.anonymous_official);
        assertThat(claims(Language.FR, "Au moins 15 civils ont été tués dimanche, a appris l'agence de sources locales."))
                .extracting(Claim::getClaimantKind).containsExactly(ClaimantKind.local_source);
    }

    @Test
    void aFigureDatedByItsDistanceToThisEventIsAnotherEvent() {
        assertThat(claims(Language.EN, "The attack comes a week after 20 soldiers were killed in a similar ambush."))
                .isEmpty();
        assertThat(claims(Language.FR, "Elle survient deux mois après la mort de 30 soldats dans la région.")).isEmpty();
        assertThat(claims(Language.EN, "Three days after the ambush the toll rose to 40 dead."))
                .extracting(Claim::getKilled).containsExactly(40);
    }

    @Test
    void complementsAndIncisesBetweenTheNounAndItsVerb() {
        assertThat(claims(Language.FR, "Quinze soldats et vingt Volontaires pour la défense de la patrie (VDP) ont été tués."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.state_forces, 15), tuple(Party.state_forces, 20));
        assertThat(claims(Language.EN, "At least 17 people, including nine soldiers, were killed in the raid."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.unknown, 17), tuple(Party.state_forces, 9));
    }

    @Test
    void anEnglishArticleBeforeAPersonCountsOne() {
        assertThat(claims(Language.EN, "Gunmen killed a soldier and two civilians near the village."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.state_forces, 1), tuple(Party.civilians, 2));
        // the speaker after a toll word is not one dead
        assertThat(claims(Language.FR, "« Le bilan est lourd, nous avons 14 morts », a déclaré un officier."))
                .extracting(Claim::getKilled).containsExactly(14);
        // nor is the one who speaks of the dead
        assertThat(claims(Language.EN, "A soldier said more troops died when a team sent to recover bodies was ambushed."))
                .isEmpty();
        assertThat(claims(Language.EN, "Three soldiers told reporters that 20 civilians were killed in the village."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.civilians, 20));
    }

    @Test
    void theTollPhraseNamesWhoseTollItIs() {
        assertThat(claims(Language.EN, "The number of soldiers killed rose to 40, up from 31."))
                .extracting(Claim::getParty, Claim::getKilled)
                .containsExactly(tuple(Party.state_forces, 40), tuple(Party.state_forces, 31));
        assertThat(claims(Language.EN, "The toll from the attack on the market rose to 31."))
                .extracting(Claim::getParty).containsExactly(Party.unknown);
    }
}
