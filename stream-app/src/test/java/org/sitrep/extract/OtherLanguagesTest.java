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

/**
 * Articles in Spanish, Portuguese, German, Italian and Arabic are passed through with what can be read: places,
 * country and admin1, explicit dates, digit figures next to the words of the language's lexicon. The articles are
 * short texts written by the project for these tests (not copied from any outlet).
 */
class OtherLanguagesTest {

    private final Extractor extractor = new Extractor(TestArticles.gazetteer(), new ActorDictionary());

    /** The extractor without its safety net: a bug throws here instead of giving an empty list. */
    private List<EventReport> extract(String id, String lang, String published, String title, String body) {
        return extractor.doExtract(TestArticles.article(id, lang, published, title, body));
    }

    private EventReport single(String id, String lang, String published, String title, String body) {
        List<EventReport> reports = extract(id, lang, published, title, body);
        assertThat(reports).hasSize(1);
        EventReport r = reports.get(0);
        for (Claim c : r.getClaims()) {
            assertThat(c.getSpanStart()).as("span of %s", c.getSentence()).isNotNull();
            assertThat(body.substring(c.getSpanStart(), c.getSpanEnd()).replaceAll("\\s+", ""))
                    .isEqualTo(c.getSentence().replaceAll("\\s+", ""));
        }
        return r;
    }

    @Test
    void spanishArticleWithoutDeclaredLanguage() {
        // Written by the project for this test.
        String body = "BAMAKO (EFE) - Al menos 14 soldados malienses murieron y otros 11 resultaron heridos el martes "
                + "10/01/2023 en una emboscada cerca de Macina, en la región de Ségou, según el ejército.\n\n"
                + "Los atacantes, presuntos yihadistas, huyeron en motocicletas. Según una fuente de seguridad, 5 "
                + "militares están desaparecidos.\n\n"
                + "En 2019, otro ataque en la zona dejó 30 muertos.";
        EventReport r = single("es-1", null, "2023-01-12T10:00:00Z", "Malí: soldados muertos en una emboscada", body);

        assertThat(r.getLanguage()).isEqualTo("es");
        assertThat(r.getCountry()).isEqualTo("ML");
        assertThat(r.getAdmin1()).isEqualTo("Ségou");
        assertThat(r.getPlaces()).extracting(Place::getName).contains("Macina");
        assertThat(r.getEventType()).isEqualTo(EventType.ambush);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(r.getClaims())
                .extracting(Claim::getClaimant, Claim::getClaimantKind, Claim::getParty, Claim::getKilled,
                        Claim::getInjured, Claim::getMissing, Claim::getQualifier)
                .containsExactly(
                        tuple("army", ClaimantKind.state, Party.state_forces, 14, 11, null, Qualifier.at_least),
                        tuple("security sources", ClaimantKind.anonymous_official, Party.state_forces, null, null, 5,
                                Qualifier.exact));
    }

    @Test
    void portugueseArticleWithResidentsAsSource() {
        // Written by the project for this test.
        String body = "Pelo menos 20 civis foram mortos e 7 ficaram feridos no domingo perto de Djibo, no norte do "
                + "país, segundo moradores.\n\nO massacre não foi reivindicado.";
        EventReport r = single("pt-1", "pt", "2023-01-16T08:00:00Z", "Burkina Faso: massacre de civis", body);

        assertThat(r.getLanguage()).isEqualTo("pt");
        assertThat(r.getCountry()).isEqualTo("BF");
        assertThat(r.getEventType()).isEqualTo(EventType.attack_on_civilians);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 16)); // weekdays are not read: publication date
        assertThat(r.getClaims())
                .extracting(Claim::getClaimant, Claim::getClaimantKind, Claim::getParty, Claim::getKilled,
                        Claim::getInjured, Claim::getQualifier)
                .containsExactly(tuple("residents", ClaimantKind.local_source, Party.civilians, 20, 7, Qualifier.at_least));
    }

    @Test
    void germanArticleWithArmyAndAnonymousSources() {
        // Written by the project for this test.
        String body = "Laut der Armee sind am 13.01.2023 bei einem Angriff auf ein Militärlager in der Nähe von Gao "
                + "mindestens 4 Soldaten ums Leben gekommen und 6 Angreifer getötet worden. 3 Soldaten werden nach "
                + "Angaben von Sicherheitskreisen vermisst.";
        EventReport r = single("de-1", "de", "2023-01-14T12:00:00Z", "Mali: Angriff auf Militärlager", body);

        assertThat(r.getCountry()).isEqualTo("ML");
        assertThat(r.getAdmin1()).isEqualTo("Gao");
        assertThat(r.getEventType()).isEqualTo(EventType.attack_on_base);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 13));
        assertThat(r.getClaims())
                .extracting(Claim::getClaimant, Claim::getClaimantKind, Claim::getParty, Claim::getKilled,
                        Claim::getMissing, Claim::getQualifier)
                .containsExactly(
                        tuple("army", ClaimantKind.state, Party.state_forces, 4, null, Qualifier.at_least),
                        tuple("army", ClaimantKind.state, Party.militants, 6, null, Qualifier.exact),
                        tuple("security sources", ClaimantKind.anonymous_official, Party.state_forces, null, 3,
                                Qualifier.exact));
    }

    @Test
    void germanArticleWithoutFiguresStillGivesAReportForItsPlace() {
        // Written by the project for this test.
        String body = "Nach Angaben von Anwohnern kam es am Sonntag in Djibo zu heftigen Gefechten. Über Opfer wurde "
                + "zunächst nichts bekannt.";
        EventReport r = single("de-2", "de", "2023-01-16T08:00:00Z", "Burkina Faso: Gefechte im Norden", body);

        assertThat(r.getClaims()).isEmpty();
        assertThat(r.getCountry()).isEqualTo("BF");
        assertThat(r.getEventType()).isEqualTo(EventType.armed_clash);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 16));
    }

    @Test
    void italianArticleWithMediaClaimAndMonthName() {
        // Written by the project for this test.
        String body = "Almeno 12 persone sono morte e 30 sono rimaste ferite il 29 ottobre nell'esplosione di "
                + "un'autobomba a Mogadiscio. Tra le vittime ci sono anche 3 soldati.";
        EventReport r = single("it-1", "it", "2022-10-30T09:00:00Z", "Somalia, autobomba a Mogadiscio", body);

        assertThat(r.getCountry()).isEqualTo("SO");
        assertThat(r.getEventType()).isEqualTo(EventType.suicide_bombing);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2022, 10, 29));
        assertThat(r.getClaims())
                .extracting(Claim::getClaimant, Claim::getClaimantKind, Claim::getParty, Claim::getKilled,
                        Claim::getInjured, Claim::getQualifier)
                // the claims' second pass: people killed by a car bomb are civilians (ClaimParties)
                .containsExactly(tuple("Example News", ClaimantKind.media, Party.civilians, 12, 30, Qualifier.at_least));
    }

    @Test
    void arabicScriptArticleIsDetectedAndGivesNoReportWhenNoPlaceResolves() {
        // Written by the project for this test; Arabic-Indic digits.
        String body = "قُتل ١٢ جنديًا في هجوم قرب مدينة غاو في شمال مالي يوم الثلاثاء، بحسب مصادر أمنية.";
        Article a = TestArticles.article("ar-1", null, "2023-01-12T10:00:00Z", "هجوم في مالي", body);

        assertThat(LanguageDetector.detect(a.getTitle() + "\n" + body)).isEqualTo("ar");
        assertThat(extractor.doExtract(a)).isEmpty();
        assertThat(extractor.extract(a)).isEmpty();
    }

    @Test
    void arabicScriptArticleNamingAPlaceInLatinScriptGivesAReport() {
        // Written by the project for this test.
        String body = "قُتل ١٢ جنديًا في هجوم قرب مدينة Gao في شمال مالي يوم الثلاثاء.";
        EventReport r = single("ar-2", "ar", "2023-01-12T10:00:00Z", "هجوم", body);

        assertThat(r.getLanguage()).isEqualTo("ar");
        assertThat(r.getCountry()).isEqualTo("ML");
        assertThat(r.getClaims()).isEmpty();
        assertThat(r.getEventType()).isEqualTo(EventType.other);
    }

    @Test
    void declaredLanguageIsKeptAsDeclared() {
        String body = "Al menos 14 soldados murieron cerca de Macina, según el ejército.";
        assertThat(single("es-2", "es-ES", "2023-01-12T10:00:00Z", "Malí", body).getLanguage()).isEqualTo("es-ES");
    }

    @Test
    void staleDatesMakeBackgroundAndDatesAfterPublicationAreIgnored() {
        // Written by the project for this test.
        String body = "El 3 de marzo de 2022, 40 soldados murieron cerca de Macina. Al menos 9 civiles murieron el "
                + "20/01/2023 cerca de Macina.";
        EventReport r = single("es-3", "es", "2023-01-12T10:00:00Z", "Malí", body);

        assertThat(r.getClaims()).extracting(Claim::getKilled).containsExactly(9);
        assertThat(r.getEventDate()).isEqualTo(LocalDate.of(2023, 1, 12));
    }

    @Test
    void figuresThatAreNotCasualtiesAreIgnored() {
        // Written by the project for this test.
        String body = "Los 40 vehículos llegaron a las 14:30 a Macina, a 120 km de Ségou. En 2023 murieron soldados.";
        EventReport r = single("es-4", "es", "2023-01-12T10:00:00Z", "Malí", body);
        assertThat(r.getClaims()).isEmpty();
    }

    @Test
    void anUndeterminedArticleWithAPlaceIsNotDropped() {
        // Hausa, written by the project: no lexicon, but the place is read.
        String body = "Sojojin Najeriya sun kashe mayaka 20 a kusa da Maiduguri ranar Talata.";
        EventReport r = single("ha-1", "ha", "2023-01-12T10:00:00Z", "Hari a Borno", body);

        assertThat(r.getLanguage()).isEqualTo("ha");
        assertThat(r.getCountry()).isEqualTo("NG");
        assertThat(r.getClaims()).isEmpty();
    }
}
