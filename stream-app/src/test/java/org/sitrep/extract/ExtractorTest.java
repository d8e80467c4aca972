package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.schema.Article;
import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Party;
import org.sitrep.schema.Place;
import org.sitrep.schema.Qualifier;

class ExtractorTest {

    /** Thursday 12 January 2023, two days after the model-case ambush. */
    private static final String THURSDAY = "2023-01-12T16:30:00Z";

    private final Extractor extractor = new Extractor(TestArticles.gazetteer(), new ActorDictionary());

    private EventReport single(Article a) {
        List<EventReport> reports = extractor.extract(a);
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    @Test
    void armyTollArticleGivesStateAnonymousAndMilitantClaims() {
        Article a = TestArticles.article("afp-1", "en", THURSDAY, "Mali: 14 soldiers killed in double ambush",
                TestArticles.resource("afp-army-toll-en.txt"));

        EventReport r = single(a);

        assertThat(r.getReportId()).isEqualTo("afp-1#1");
        assertThat(r.getArticleId()).isEqualTo("afp-1");
        assertThat(r.getOutlet()).isEqualTo("Example News");
        assertThat(r.getTitle()).isEqualTo(a.getTitle());
        assertThat(r.getPublishedAt()).isEqualTo(a.getPublishedAt());
        assertThat(r.getEventType()).isEqualTo(EventType.ambush);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(r.getCountry()).isEqualTo("ML");
        assertThat(r.getAdmin1()).isEqualTo("Ségou");
        assertThat(r.getPlaces()).extracting(Place::getName).contains("Macina", "Koumara").doesNotContain("BAMAKO");
        assertThat(r.getActors()).containsExactly("FAMa");
        assertThat(r.getClaims())
                .extracting(Claim::getClaimantKind, Claim::getParty, Claim::getKilled, Claim::getInjured, Claim::getQualifier)
                .containsExactly(
                        tuple(ClaimantKind.state, Party.state_forces, 14, 11, Qualifier.at_least),
                        tuple(ClaimantKind.anonymous_official, Party.state_forces, 12, null, Qualifier.at_least),
                        tuple(ClaimantKind.state, Party.militants, 31, null, Qualifier.exact));
        assertThat(r.getClaims()).allSatisfy(c -> {
            assertThat(c.getArticleId()).isEqualTo("afp-1");
            assertThat(c.getOutlet()).isEqualTo("Example News");
            assertThat(c.getPublishedAt()).isEqualTo(a.getPublishedAt());
            assertThat(c.getPartisan()).isFalse();
        });
        assertThat(r.getClaims().get(0).getClaimant()).isEqualTo("FAMa");
        assertThat(r.getClaims().get(1).getClaimant()).isEqualTo("anonymous officers");
        assertThat(r.getClaims().get(2).getSentence())
                .isEqualTo("The army said it had neutralised 31 terrorists during the fighting.");
    }

    @Test
    void groupClaimViaSiteGivesArmedGroupClaimsForEachParty() {
        Article a = TestArticles.article("site-1", "en", THURSDAY, "Al-Qaeda affiliate claims Mali ambush",
                TestArticles.resource("site-claim-en.txt"));

        EventReport r = single(a);

        assertThat(r.getClaims())
                .extracting(Claim::getClaimant, Claim::getClaimantKind, Claim::getParty, Claim::getKilled, Claim::getInjured)
                .containsExactly(
                        tuple("JNIM", ClaimantKind.armed_group, Party.foreign_forces, 5, null),
                        tuple("JNIM", ClaimantKind.armed_group, Party.state_forces, 7, null),
                        tuple("JNIM", ClaimantKind.armed_group, Party.militants, 5, null));
        assertThat(r.getEventType()).isEqualTo(EventType.ambush);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(r.getActors()).containsExactly("JNIM", "Wagner", "FAMa");
        assertThat(r.getCountry()).isEqualTo("ML");
    }

    @Test
    void backgroundOnlyArticleGivesNoReport() {
        Article a = TestArticles.article("bg-1", "en", THURSDAY, "Analysis: a decade of war in the Sahel",
                TestArticles.resource("background-en.txt"));

        assertThat(extractor.extract(a)).isEmpty();
    }

    @Test
    void frenchArticleWithWordNumbersAndAnonymousSources() {
        Article a = TestArticles.article("fr-1", "fr", THURSDAY, "Mali : au moins douze soldats tués dans une embuscade",
                TestArticles.resource("securite-fr.txt"));

        EventReport r = single(a);

        assertThat(r.getEventType()).isEqualTo(EventType.ambush);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(r.getCountry()).isEqualTo("ML");
        assertThat(r.getClaims())
                .extracting(Claim::getClaimantKind, Claim::getParty, Claim::getKilled, Claim::getInjured, Claim::getQualifier)
                .containsExactly(
                        tuple(ClaimantKind.anonymous_official, Party.state_forces, 12, null, Qualifier.at_least),
                        tuple(ClaimantKind.state, Party.state_forces, 14, 11, Qualifier.exact));
    }

    @Test
    void languageIsGuessedWhenMissing() {
        Article a = TestArticles.article("fr-2", null, THURSDAY, "Mali : embuscade meurtrière",
                "Au moins douze soldats ont été tués mardi dans une embuscade près de Ségou, selon une source sécuritaire.");

        EventReport r = single(a);

        assertThat(r.getLanguage()).isEqualTo("fr"); // the detected language is kept on the report
        assertThat(r.getClaims()).singleElement().satisfies(c -> {
            assertThat(c.getKilled()).isEqualTo(12);
            assertThat(c.getQualifier()).isEqualTo(Qualifier.at_least);
            assertThat(c.getClaimantKind()).isEqualTo(ClaimantKind.anonymous_official);
        });
    }

    @Test
    void aggregatorCopyIgnoresReadAlsoAdsAndComments() {
        Article a = TestArticles.article("agg-1", "en", "2023-01-17T08:00:00Z", "Burkina: villagers massacred",
                TestArticles.resource("aggregator-junk-en.txt"));

        EventReport r = single(a);

        assertThat(r.getEventType()).isEqualTo(EventType.attack_on_civilians);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 15));
        assertThat(r.getCountry()).isEqualTo("BF");
        assertThat(r.getAdmin1()).isEqualTo("Sahel");
        assertThat(r.getPlaces()).extracting(Place::getName).containsExactly("Djibo");
        assertThat(r.getClaims())
                .extracting(Claim::getClaimant, Claim::getClaimantKind, Claim::getParty, Claim::getKilled, Claim::getQualifier)
                .containsExactly(tuple("local official", ClaimantKind.local_source, Party.civilians, 20, Qualifier.at_least));
    }

    @Test
    void unattributedFigureIsTheOutletsOwnClaim() {
        Article a = TestArticles.article("m-1", "en", THURSDAY, "Clashes in Gao",
                "Fighting between the army and jihadists near Gao on Wednesday left nine soldiers dead.");

        EventReport r = single(a);

        assertThat(r.getEventType()).isEqualTo(EventType.armed_clash);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 11));
        assertThat(r.getClaims()).singleElement().satisfies(c -> {
            assertThat(c.getClaimant()).isEqualTo("Example News");
            assertThat(c.getClaimantKind()).isEqualTo(ClaimantKind.media);
            assertThat(c.getParty()).isEqualTo(Party.state_forces);
            assertThat(c.getKilled()).isEqualTo(9);
        });
    }

    @Test
    void rewrittenSeedStyleCopyKeepsTheModelCaseTogether() {
        String body = String.join("\n\n",
                "According to an army report released on Thursday, at least 14 Malian troops were killed and 11 were "
                        + "injured in confrontations with jihadists in the centre of the country on Tuesday, an incident the "
                        + "jihadists also claimed with different figures.",
                "Earlier, commanders who spoke on condition of anonymity put the toll at 12 soldiers killed between Mopti "
                        + "and Ségou after attacks with homemade explosives.",
                "The JNIM group said its fighters used \"a mine\" and \"three explosive devices\" in a \"double ambush\" in "
                        + "which \"five Wagner mercenaries and seven Malian troops were killed\".",
                "Post a Comment",
                "Great article! 100 killed for sure.");
        Article a = TestArticles.article("seed-like", "en", THURSDAY, "Mali: soldiers killed in central Mali", body);

        EventReport r = single(a);

        assertThat(r.getEventType()).isEqualTo(EventType.ambush);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(r.getClaims())
                .extracting(Claim::getClaimantKind, Claim::getParty, Claim::getKilled, Claim::getInjured)
                .containsExactly(
                        tuple(ClaimantKind.state, Party.state_forces, 14, 11),
                        tuple(ClaimantKind.anonymous_official, Party.state_forces, 12, null),
                        tuple(ClaimantKind.armed_group, Party.foreign_forces, 5, null),
                        tuple(ClaimantKind.armed_group, Party.state_forces, 7, null));
    }

    @Test
    void hostileInputNeverThrows() {
        String huge = "Gunmen killed 3 soldiers near Gao on Monday. ".repeat(120_000); // about 5 MB
        StringBuilder junk = new StringBuilder();
        java.util.Random rnd = new java.util.Random(42);
        for (int i = 0; i < 200_000; i++) {
            junk.append((char) rnd.nextInt(0x3000));
        }
        List<Article> hostile = List.of(
                TestArticles.article("e-1", "en", THURSDAY, "", ""),
                TestArticles.article("e-2", null, THURSDAY, "<<<>>>", "<p><div <script>alert(1)</script> &#xFFFFFFF; &#0;"),
                TestArticles.article("e-3", "xx", THURSDAY, junk.substring(0, 500), junk.toString()),
                TestArticles.article("e-4", "en", THURSDAY, "Huge", huge),
                TestArticles.article("e-5", "en", THURSDAY, "Numbers", "99999999999999999999 killed. 123456 soldiers were killed."));

        for (Article a : hostile) {
            long start = System.nanoTime();
            List<EventReport> reports = extractor.extract(a);
            assertThat(reports).isNotNull();
            assertThat((System.nanoTime() - start) / 1_000_000).as("millis for %s", a.getId()).isLessThan(10_000);
        }
        assertThat(extractor.extract(null)).isEmpty();
        assertThat(extractor.extract(hostile.get(4))).allSatisfy(r -> assertThat(r.getClaims()).isEmpty());
        List<EventReport> big = extractor.extract(hostile.get(3));
        assertThat(big).singleElement().satisfies(r -> {
            assertThat(r.getClaims()).singleElement().satisfies(c -> assertThat(c.getKilled()).isEqualTo(3));
            assertThat(r.getCountry()).isEqualTo("ML");
        });
    }

    @Test
    void sameInputGivesSameOutput() {
        Article a = TestArticles.article("afp-1", "en", THURSDAY, "Mali: 14 soldiers killed in double ambush",
                TestArticles.resource("afp-army-toll-en.txt"));

        assertThat(extractor.extract(a)).isEqualTo(extractor.extract(a));
        assertThat(new Extractor(TestArticles.gazetteer(), new ActorDictionary()).extract(a))
                .isEqualTo(extractor.extract(a));
    }

    @Test
    void newEventWithoutAFigureGivesAReportWithNoClaims() {
        Article a = TestArticles.article("nofig-1", "fr", THURSDAY, "Ségou : un convoi militaire visé",
                "Un convoi de l'armée est tombé mardi dans une embuscade près de Macina, selon des habitants. "
                        + "Aucun bilan n'a été communiqué.");

        EventReport r = single(a);

        assertThat(r.getClaims()).isEmpty();
        assertThat(r.getEventType()).isEqualTo(EventType.ambush);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(r.getCountry()).isEqualTo("ML");
        assertThat(r.getAdmin1()).isEqualTo("Ségou");
    }

    @Test
    void eventWordsWithoutAPlaceOrOnlyInBackgroundGiveNoReport() {
        Article noPlace = TestArticles.article("nofig-2", "en", THURSDAY, "Convoy hit",
                "A convoy was ambushed on Tuesday on a remote road. No toll was given.");
        Article onlyBackground = TestArticles.article("nofig-3", "en", THURSDAY, "Roads of fear",
                "In 2019 a convoy was ambushed near Macina. Traders in Mopti say business is slow.");
        Article noEventWords = TestArticles.article("nofig-4", "en", THURSDAY, "Market day",
                "Traders in Mopti said on Tuesday that business is slow.");

        assertThat(extractor.extract(noPlace)).isEmpty();
        assertThat(extractor.extract(onlyBackground)).isEmpty();
        assertThat(extractor.extract(noEventWords)).isEmpty();
    }

    @Test
    void frenchVerbPhraseForDeathGivesAClaim() {
        Article a = TestArticles.article("fr-3", "fr", THURSDAY, "Macina : des soldats tués",
                "Une dizaine de soldats maliens ont trouvé la mort mardi dans l'explosion d'engins piégés près de "
                        + "Macina, selon un élu local.");

        EventReport r = single(a);

        assertThat(r.getEventType()).isEqualTo(EventType.ied);
        assertThat(r.getClaims()).extracting(Claim::getClaimantKind, Claim::getParty, Claim::getKilled, Claim::getQualifier)
                .containsExactly(tuple(ClaimantKind.local_source, Party.state_forces, 10, Qualifier.about));
    }

    @Test
    void referenceDateAfterDepuisIsNotTheEventDate() {
        Article a = TestArticles.article("fr-4", "fr", "2023-08-16T09:00:00Z", "Niger : soldats tués près de Say",
                "Neuf soldats ont été tués mardi près de Say, a annoncé l'armée, la pire perte depuis le coup "
                        + "d'État du 26 juillet.");

        assertThat(single(a).getEventDate()).isEqualTo(LocalDate.of(2023, 8, 15));
    }

    @Test
    void sentenceDescribingTheAttackGivesTheDateBeforeALaterFigureSentence() {
        Article a = TestArticles.article("ng-1", "en", "2018-11-23T09:00:00Z", "Toll of base attack may be higher",
                String.join("\n\n",
                        "Jihadists overran an army base near Maiduguri on Sunday, officers said.",
                        "A militia member said lorries carrying dozens of bodies arrived in Maiduguri on Wednesday."));

        EventReport r = single(a);

        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2018, 11, 18));
        assertThat(r.getEventType()).isEqualTo(EventType.attack_on_base);
    }

    @Test
    void pastEventMarkedBySameYearIsBackground() {
        Article a = TestArticles.article("bg-2", "en", "2023-03-06T08:00:00Z", "Analysis: the long war around Mopti",
                String.join("\n\n",
                        "In March 2019, dozens of herders were killed in a village near Mopti.",
                        "In June of the same year, about 30 people died in an attack on another village near Macina.",
                        "Analysts say the roads around Mopti remain dangerous."));

        assertThat(extractor.extract(a)).isEmpty();
    }

    @Test
    void datelineCityAndDateAreNeitherThePlaceNorTheDateOfTheEvent() {
        // Monday 20 March 2023; "on Saturday" is the 18th, the dateline's "March 20" only the filing date
        Article a = TestArticles.article("dl-1", "en", "2023-03-20T10:00:00Z", "Mali: herders killed",
                "BAMAKO, March 20 (Reuters) - Gunmen killed 16 herders near Tenenkou in central Mali on Saturday, "
                        + "a local official said.");
        Article fr = TestArticles.article("dl-2", "fr", "2023-03-20T10:00:00Z", "Mali : des éleveurs tués",
                "BAMAKO, 20 mars 2023 (AFP) \u2013 Seize éleveurs ont été tués samedi près de Tenenkou, dans le centre "
                        + "du Mali, a indiqué un élu local.");

        for (Article x : List.of(a, fr)) {
            EventReport r = single(x);
            assertThat(r.getEventDate()).as(x.getId()).isEqualTo(LocalDate.of(2023, 3, 18));
            assertThat(r.getAdmin1()).as(x.getId()).isEqualTo("Mopti");
            assertThat(r.getPlaces()).as(x.getId()).extracting(Place::getName).containsExactly("Tenenkou");
        }
    }

    @Test
    void datelineCapitalStillCountsWhenTheStoryNamesIt() {
        Article a = TestArticles.article("dl-3", "en", "2023-03-20T10:00:00Z", "Bomb in the capital",
                "BAMAKO, March 20 (Reuters) - A bomb killed four people at a market in Bamako on Sunday, police said.");

        EventReport r = single(a);

        assertThat(r.getAdmin1()).isEqualTo("Bamako");
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 3, 19));
    }

    /** Wednesday 12 April 2023. */
    private static final String APRIL = "2023-04-12T09:00:00Z";

    @Test
    void followUpNamingTheOldEventExplicitlyGetsItsDateAndFigures() {
        Article en = TestArticles.article("fu-1", "en", APRIL, "UN says strike near Tenenkou killed civilians",
                String.join("\n\n",
                        "An air strike near Tenenkou on 4 February killed 12 civilians at a cattle market, a UN inquiry "
                                + "published on Tuesday found.",
                        "The army has said only militants were hit."));
        Article fr = TestArticles.article("fu-2", "fr", APRIL, "Selon l'ONU, la frappe de Tenenkou a tué des civils",
                "La frappe aérienne menée le 4 février près de Tenenkou a tué douze civils, selon un rapport de l'ONU "
                        + "publié mardi.");

        for (Article a : List.of(en, fr)) {
            EventReport r = single(a);
            assertThat(r.getEventDate()).as(a.getId()).isEqualTo(LocalDate.of(2023, 2, 4));
            assertThat(r.getAdmin1()).as(a.getId()).isEqualTo("Mopti");
            assertThat(r.getClaims()).as(a.getId()).extracting(Claim::getKilled).containsExactly(12);
        }
    }

    @Test
    void followUpNamingOnlyTheMonthTakesTheDayFromALaterSentenceAboutTheSameEvent() {
        Article a = TestArticles.article("fu-3", "en", APRIL, "Inquiry into Tenenkou strike",
                String.join("\n\n",
                        "An air strike near Tenenkou in February killed 12 civilians, a UN inquiry said on Tuesday.",
                        "Investigators found that the strike on Feb. 4 hit a crowded cattle market.",
                        "In January, eight herders were killed in a raid near Macina."));

        EventReport r = single(a);

        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 2, 4));
        assertThat(r.getClaims()).extracting(Claim::getKilled).containsExactly(12);
        assertThat(r.getPlaces()).extracting(Place::getName).containsExactly("Tenenkou");
    }

    @Test
    void anOldEventInTheLeadOfANewEventStaysBackground() {
        Article a = TestArticles.article("fu-4", "en", APRIL, "Gunmen kill villagers near Djibo",
                "Gunmen killed ten villagers near Djibo on Sunday, two months after the attack on 3 February that "
                        + "killed 30 people nearby, officials said on Monday.");

        EventReport r = single(a);

        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 4, 9));
    }

    @Test
    void anniversaryAndAnalysisPiecesGiveNoReport() {
        Article anniversary = TestArticles.article("rt-1", "en", APRIL, "One year after the Tenenkou market strike",
                String.join("\n\n",
                        "One year after an air strike killed 12 people at the Tenenkou cattle market, traders say the "
                                + "market has never recovered.",
                        "The army says the strike hit militants."));
        Article ilYaUnAn = TestArticles.article("rt-2", "fr", APRIL, "Tenenkou, la plaie ouverte",
                "Il y a un an, le 11 avril 2022, une frappe tuait douze personnes sur le marché de Tenenkou. "
                        + "Les familles attendent toujours une enquête.");
        Article analysis = TestArticles.article("rt-3", "en", APRIL, "Analysis: why the army keeps losing posts",
                String.join("\n\n",
                        "In the space of three months, attacks on army posts around Mopti have killed about 60 soldiers.",
                        "The army says it is regrouping its units into larger bases."));

        assertThat(extractor.extract(anniversary)).isEmpty();
        assertThat(extractor.extract(ilYaUnAn)).isEmpty();
        assertThat(extractor.extract(analysis)).isEmpty();
    }

    @Test
    void aNewEventInAnAnalysisPieceStillGivesAReport() {
        Article a = TestArticles.article("rt-4", "en", APRIL, "Analysis: why the army keeps losing posts",
                String.join("\n\n",
                        "Gunmen killed nine soldiers at an army post near Tenenkou on Monday, the latest of a string of "
                                + "attacks that have killed about 60 soldiers in the space of three months.",
                        "The army says it is regrouping its units into larger bases."));

        EventReport r = single(a);

        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 4, 10));
    }

    @Test
    void aRoundupOfAttacksInTwoCountriesGivesTwoReports() {
        Article a = TestArticles.article("ru-1", "en", THURSDAY, "Weekly security review",
                String.join("\n\n",
                        "Our weekly review of security incidents across the region.",
                        "MALI. Gunmen killed 12 villagers near Macina on Tuesday, local officials said. The army sent "
                                + "reinforcements.",
                        "BURKINA FASO. Nine soldiers were killed on Sunday when their convoy hit a mine near Djibo, the "
                                + "army said.",
                        "Aid agencies in Bamako and Niamey called for calm."));

        List<EventReport> reports = extractor.extract(a);

        assertThat(reports).extracting(EventReport::getReportId).containsExactly("ru-1#1", "ru-1#2");
        assertThat(reports).extracting(EventReport::getCountry).containsExactly("ML", "BF");
        assertThat(reports).extracting(EventReport::getEventDate)
                .containsExactly(LocalDate.of(2023, 1, 10), LocalDate.of(2023, 1, 8));
        assertThat(reports).extracting(EventReport::getAdmin1).containsExactly("Ségou", "Sahel");
        assertThat(reports.get(0).getClaims()).extracting(Claim::getKilled).containsExactly(12);
        assertThat(reports.get(1).getClaims()).extracting(Claim::getKilled).containsExactly(9);
        assertThat(reports.get(1).getEventType()).isEqualTo(EventType.ied);
    }

    @Test
    void attacksFarApartInOneCountryOnDifferentDaysGiveTwoReports() {
        Article a = TestArticles.article("ru-2", "en", THURSDAY, "Violence in Mali",
                String.join("\n\n",
                        "Gunmen killed 12 villagers near Macina on Tuesday, local officials said.",
                        "In the far north, four soldiers died on Sunday when their vehicle hit a mine near Tessalit."));

        assertThat(extractor.extract(a)).extracting(EventReport::getAdmin1).containsExactly("Ségou", "Kidal");
    }

    @Test
    void linkedAttacksOnNearbyVillagesStayOneReport() {
        Article a = TestArticles.article("ru-3", "en", THURSDAY, "Two villages attacked",
                String.join("\n\n",
                        "Gunmen killed 12 villagers in Koumara on Tuesday, local officials said.",
                        "The same day, eight people were killed in an attack near Macina, a few kilometres away."));
        Article sameDayFar = TestArticles.article("ru-4", "en", THURSDAY, "Two attacks",
                String.join("\n\n",
                        "Gunmen killed 12 villagers near Macina on Tuesday, local officials said.",
                        "Also on Tuesday, gunmen killed eight villagers near Tessalit."));

        assertThat(single(a).getClaims()).extracting(Claim::getKilled).containsExactly(12, 8);
        assertThat(single(sameDayFar).getClaims()).extracting(Claim::getKilled).containsExactly(12, 8);
    }

    @Test
    void aForeignCountryMentionedWithoutAnEventOfItsOwnDoesNotSplit() {
        Article a = TestArticles.article("ru-5", "en", THURSDAY, "Soldiers killed near Gao",
                String.join("\n\n",
                        "Jihadists killed nine soldiers in an attack on a post near Gao on Tuesday, the army said.",
                        "Niger, which has troops nearby, said its aircraft had flown over the area during the fighting."));

        assertThat(single(a).getCountry()).isEqualTo("ML");
    }

    @Test
    void aNewsLeadThatMentionsRecentMonthsInPassingIsNotALookBack() {
        Article a = TestArticles.article("rt-5", "en", APRIL, "Gunmen kill herders near Tenenkou",
                String.join("\n\n",
                        "Gunmen have killed herders near Tenenkou, the latest in a wave of attacks that have killed "
                                + "hundreds in recent months, security sources said.",
                        "A local official said 23 herders were killed and their cattle stolen."));

        assertThat(single(a).getClaims()).extracting(Claim::getKilled).containsExactly(23);
    }

    @Test
    void aCapitalNamedOnlyWhereTheStatementWasBroadcastGivesNoAdmin1() {
        Article a = TestArticles.article("dl-4", "en", APRIL, "Soldiers killed in Niger",
                "Militants killed 25 soldiers in an attack on an army camp in western Niger on Monday, the defence "
                        + "ministry said in a statement read on state television in Niamey.");

        EventReport r = single(a);

        assertThat(r.getCountry()).isEqualTo("NE");
        assertThat(r.getAdmin1()).isNull();
    }
}
