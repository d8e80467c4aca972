package org.sitrep.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two incidents; w1 reports I1 with two figures, w2 copies w1, f1 reports I1 in French, r1 reports both, b1 none. */
    private static final String LABELS = """
        {"incidents": {"I1": {"event_type": "ambush", "event_date": "2023-01-10", "country": "ML", "admin1": "Ségou",
                              "admin1_alternatives": ["Mopti"]},
                       "I2": {"event_type": "ied", "event_date": "2023-01-13", "event_date_end": "2023-01-14", "country": "ML", "admin1": "Gao"}},
         "articles": {
           "w1": {"language": "en", "reports": [{"incident": "I1", "claims": [
                   {"party": "state_forces", "killed": 14, "injured": 11, "claimant": "army", "claimant_kind": "state", "qualifier": "exact"},
                   {"party": "militants", "killed": 31, "claimant": "army", "claimant_kind": "state", "qualifier": "exact"}]}]},
           "w2": {"copy_of": "w1"},
           "f1": {"reports": [{"incident": "I1", "claims": [
                   {"party": "state_forces", "killed": 12, "claimant": "sources sécuritaires", "claimant_kind": "anonymous_official", "qualifier": "at_least"}]}]},
           "r1": {"language": "en", "reports": [
                   {"incident": "I1", "claims": [{"party": "state_forces", "killed": 14, "claimant_kind": "state"}]},
                   {"incident": "I2", "claims": [{"party": "state_forces", "killed": 4, "claimant_kind": "state"}]}]},
           "b1": {"language": "en", "reports": []}
         }}
        """;

    private static Labels labels() throws IOException {
        return Labels.parse(LABELS);
    }

    private static final Map<String, String> INPUT_LANGUAGES = Map.of("f1", "fr-FR", "w2", "en");

    private static Predictions predictions(String... lines) throws IOException {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String l : lines) {
            nodes.add(JSON.readTree(l));
        }
        return Predictions.of(nodes);
    }

    private static String report(String type, String date, String country, String admin1, String claims) {
        return "{\"event_type\": \"" + type + "\", \"event_date\": \"" + date + "\", \"country\": \"" + country
            + "\", \"admin1\": \"" + admin1 + "\", \"claims\": [" + claims + "]}";
    }

    private static String claim(String party, Integer killed, Integer injured, String kind, String qualifier) {
        return "{\"party\": \"" + party + "\", \"killed\": " + killed + ", \"injured\": " + injured
            + ", \"claimant_kind\": \"" + kind + "\", \"qualifier\": \"" + qualifier + "\"}";
    }

    private static String article(String id, String status, String copyOf, String incidents, String... reports) {
        return "{\"id\": \"" + id + "\", \"status\": \"" + status + "\", \"copy_of\": " + (copyOf == null ? "null" : "\"" + copyOf + "\"")
            + ", \"incident_ids\": [" + incidents + "], \"reports\": [" + String.join(",", reports) + "]}";
    }

    /** What a perfect pipeline would write for {@link #LABELS}. */
    private static Predictions perfect() throws IOException {
        return predictions(
            article("w1", "unique", null, "\"ML-1\"", report("ambush", "2023-01-10", "ML", "Segou",
                claim("state_forces", 14, 11, "state", "exact") + "," + claim("militants", 31, null, "state", "exact"))),
            article("w2", "copy", "w1", "\"ML-1\""),
            article("f1", "unique", null, "\"ML-1\"", report("ambush", "2023-01-11", "ML", "Mopti",
                claim("state_forces", 12, null, "anonymous_official", "at_least"))),
            article("r1", "unique", null, "\"ML-1\",\"ML-2\"",
                report("ied", "2023-01-15", "ML", "Gao", claim("state_forces", 4, null, "state", "exact")),
                report("ambush", "2023-01-10", "ML", "Ségou", claim("state_forces", 14, null, "state", "exact"))),
            article("b1", "unique", null, ""));
    }

    @Test
    void aPerfectOutputScoresOneEverywhere() throws IOException {
        Scorer.Result r = Scorer.score(labels(), perfect(), INPUT_LANGUAGES);

        assertThat(r.overall().articles()).isEqualTo(4);
        assertThat(r.overall().claims().tp()).isEqualTo(5);
        assertThat(r.overall().claims().f1()).isEqualTo(1.0);
        assertThat(r.overall().injuredClaims().tp()).isEqualTo(1);
        assertThat(r.overall().reports().f1()).isEqualTo(1.0);
        assertThat(r.overall().claimantKind().value()).isEqualTo(1.0);
        assertThat(r.overall().country().value()).isEqualTo(1.0);
        assertThat(r.overall().admin1().value()).as("accents folded; an alternative admin1 is right").isEqualTo(1.0);
        assertThat(r.overall().date().value()).as("a day off, and a day after a range, are within one day").isEqualTo(1.0);
        assertThat(r.overall().eventType().value()).isEqualTo(1.0);
        assertThat(r.groupingPairwise().f1()).isEqualTo(1.0);
        assertThat(r.groupingBcubed().f1()).isEqualTo(1.0);
        assertThat(r.copiesPairwise().f1()).isEqualTo(1.0);
        assertThat(r.byLanguage()).containsOnlyKeys("en", "fr");
        assertThat(r.byLanguage().get("fr").articles()).isEqualTo(1);
        assertThat(r.mistakes()).isEmpty();
        assertThat(r.labelledIncidents()).isEqualTo(2);
        assertThat(r.predictedIncidents()).isEqualTo(2);
    }

    @Test
    void aFigureCountsOnlyWithItsPartyAndInItsOwnReport() throws IOException {
        Predictions p = predictions(
            // 31 read as soldiers, not militants; 14 right but its claimant kind wrong.
            article("w1", "unique", null, "\"ML-1\"", report("ambush", "2023-01-10", "ML", "Ségou",
                claim("state_forces", 14, 11, "media", "exact") + "," + claim("state_forces", 31, null, "state", "exact"))),
            article("w2", "copy", "w1", "\"ML-1\""),
            // the French article's report is missed altogether
            article("f1", "unique", null, ""),
            // r1: both figures land in one report; the second report is missed
            article("r1", "unique", null, "\"ML-1\"",
                report("ambush", "2023-01-10", "ML", "Ségou", claim("state_forces", 14, null, "state", "exact") + ","
                    + claim("state_forces", 4, null, "state", "exact"))),
            article("b1", "unique", null, ""));
        Scorer.Result r = Scorer.score(labels(), p, INPUT_LANGUAGES);

        Prf claims = r.overall().claims();
        assertThat(claims.tp()).as("w1 14, r1 14").isEqualTo(2);
        assertThat(claims.fp()).as("w1 soldiers 31, r1's 4 in the I1 report").isEqualTo(2);
        assertThat(claims.fn()).as("w1 militants 31, f1 12, r1 I2's 4").isEqualTo(3);
        assertThat(r.overall().claimantKind().correct()).isEqualTo(1);
        assertThat(r.overall().claimantKind().total()).isEqualTo(2);
        assertThat(r.overall().reports().fn()).isEqualTo(2);
        assertThat(r.byLanguage().get("fr").claims().recall()).isZero();
        assertThat(r.mistakes()).anySatisfy(m -> assertThat(m).contains("f1 [I1]: report missed"));
        assertThat(r.mistakes()).anySatisfy(m -> assertThat(m).contains("w1 [I1]: missed killed militants 31"));
    }

    @Test
    void countryAdmin1AndDateAreJudgedOnAlignedReports() throws IOException {
        Predictions p = predictions(
            article("w1", "unique", null, "", report("ambush", "2023-01-12", "BF", "Sahel", "")),
            article("w2", "copy", "w1", ""),
            article("f1", "unique", null, "", report("armed_clash", "2023-01-10", "ML", "Gao", "")),
            article("r1", "unique", null, ""),
            article("b1", "unique", null, "", report("other", "2023-01-10", "ML", "Mopti", "")));
        Scorer.Result r = Scorer.score(labels(), p, INPUT_LANGUAGES);

        assertThat(r.overall().country()).isEqualTo(new Accuracy(1, 2));
        assertThat(r.overall().admin1()).isEqualTo(new Accuracy(0, 2));
        assertThat(r.overall().date()).as("two days off is wrong").isEqualTo(new Accuracy(1, 2));
        assertThat(r.overall().eventType()).isEqualTo(new Accuracy(1, 2));
        assertThat(r.overall().reports().fp()).as("b1 reports no new event").isEqualTo(1);
        assertThat(r.overall().reports().fn()).as("r1's two reports").isEqualTo(2);
    }

    @Test
    void aLabelledCopyIsScoredForCopyDetectionNotForItsClaims() throws IOException {
        Predictions p = predictions(
            article("w1", "unique", null, "\"ML-1\"", report("ambush", "2023-01-10", "ML", "Ségou",
                claim("state_forces", 14, 11, "state", "exact") + "," + claim("militants", 31, null, "state", "exact"))),
            // the copy is missed: it is read again, but its claims neither help nor hurt extraction scores
            article("w2", "unique", null, "\"ML-1\"", report("ambush", "2023-01-10", "ML", "Ségou",
                claim("civilians", 99, null, "media", "exact"))),
            // and f1 is wrongly taken for a copy of b1
            article("f1", "copy", "b1", ""),
            article("r1", "unique", null, ""),
            article("b1", "unique", null, ""));
        Scorer.Result r = Scorer.score(labels(), p, INPUT_LANGUAGES);

        assertThat(r.overall().claims().fp()).isZero();
        assertThat(r.copiesPairwise().tp()).isZero();
        assertThat(r.copiesPairwise().fp()).isEqualTo(1);
        assertThat(r.copiesPairwise().fn()).isEqualTo(1);
        assertThat(r.copiesPairwise().f1()).isZero();
        assertThat(r.mistakes()).anySatisfy(m -> assertThat(m).isEqualTo("f1: copy of b1, so its reports were not read"));
    }

    @Test
    void groupingLinksCopiesThroughTheirOriginal() throws IOException {
        // Everything in one predicted incident: I2's only article r1 also reports I1, so all pairs are linked in truth
        // except b1, which reports nothing and stays out of both clusterings.
        Predictions p = predictions(
            article("w1", "unique", null, "\"X\""), article("w2", "copy", "w1", "\"X\""),
            article("f1", "unique", null, "\"Y\""), article("r1", "unique", null, "\"X\""), article("b1", "unique", null, ""));
        Scorer.Result r = Scorer.score(labels(), p, INPUT_LANGUAGES);
        // truth pairs: w1-w2, w1-f1, w1-r1, w2-f1, w2-r1, f1-r1 = 6; predicted: w1-w2, w1-r1, w2-r1 = 3, all right.
        assertThat(r.groupingPairwise().tp()).isEqualTo(3);
        assertThat(r.groupingPairwise().fp()).isZero();
        assertThat(r.groupingPairwise().fn()).isEqualTo(3);
    }

    @Test
    void badLabelsAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> Labels.parse("{\"articles\": {\"a\": {\"reports\": [{\"incident\": \"I\", \"event_date\": \"2023-01-01\","
            + " \"claims\": [{\"party\": \"soldiers\", \"killed\": 3}]}]}}}"))
            .hasMessageContaining("a report 1 claim 1: party \"soldiers\" is not one of");
        assertThatThrownBy(() -> Labels.parse("{\"articles\": {\"a\": {\"copy_of\": \"zz\"}}}"))
            .hasMessageContaining("copy_of zz is not a labelled article");
        assertThatThrownBy(() -> Labels.parse("{\"articles\": {\"a\": {\"reports\": [{\"incident\": \"I\"}]}}}"))
            .hasMessageContaining("no event_date");
        assertThatThrownBy(() -> Labels.parse("{\"articles\": {\"a\": {}}}"))
            .hasMessageContaining("needs \"reports\"");
        assertThatThrownBy(() -> Labels.parse("[]")).hasMessageContaining("\"articles\"");
    }
}
