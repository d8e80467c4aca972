package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.schema.Article;
import org.sitrep.schema.Claim;
import org.sitrep.schema.EventReport;

/** Each claim's span_start/span_end locate its sentence in the original body, through whatever cleaning did. */
class SentenceSpansTest {

    private static final String THURSDAY = "2023-01-12T16:30:00Z";
    private static final String SENTENCE = "At least 12 soldiers were killed on Tuesday near Macina, the army said.";

    private final Extractor extractor = new Extractor(TestArticles.gazetteer(), new ActorDictionary());

    private List<Claim> claims(String body) {
        Article a = TestArticles.article("s-1", "en", THURSDAY, "Mali: soldiers killed", body);
        List<EventReport> reports = extractor.extract(a);
        assertThat(reports).hasSize(1);
        return reports.get(0).getClaims();
    }

    /** The one claim of {@code body}, whose span must cut exactly {@code published} out of the body. */
    private Claim spanned(String body, String published) {
        Claim c = claims(body).get(0);
        assertThat(c.getSpanStart()).as("span of %s", c.getSentence()).isNotNull();
        assertThat(body.substring(c.getSpanStart(), c.getSpanEnd())).isEqualTo(published);
        return c;
    }

    static String withoutSpace(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void plainTextSpanIsTheSentence() {
        String body = "BAMAKO (AFP) - " + SENTENCE + " Residents fled.";
        Claim c = spanned(body, SENTENCE);
        assertThat(c.getSentence()).isEqualTo(SENTENCE);
        assertThat(c.getSpanStart()).isEqualTo("BAMAKO (AFP) - ".length());
    }

    @Test
    void doubledSpacesAndCrlfAndHardWrapsStayInTheSpan() {
        String published = "At least  12 soldiers were\r\nkilled on Tuesday   near Macina, the army said.";
        String body = "Mali ambush\r\n\r\nThe attack was the deadliest this month. " + published + "\r\n\r\nResidents fled.\r\n";
        Claim c = spanned(body, published);
        assertThat(c.getSentence()).isEqualTo(SENTENCE);
    }

    @Test
    void readAlsoLineBeforeTheSentenceIsSkipped() {
        String body = "Read also: Army says 50 jihadists killed in Mopti\n" + SENTENCE + "\nResidents fled.";
        spanned(body, SENTENCE);
    }

    @Test
    void nonBmpCharactersBeforeTheSentenceCountAsTwoUtf16Units() {
        String lead = "\uD83D\uDEA8\uD83D\uDCA5 Breaking \uD83D\uDE22: the toll is not final.\n\n";
        String body = lead + SENTENCE;
        Claim c = spanned(body, SENTENCE);
        assertThat(c.getSpanStart()).isEqualTo(lead.length());
        assertThat(body.codePointCount(0, c.getSpanStart())).isLessThan(c.getSpanStart());
    }

    @Test
    void htmlEntitiesAndInlineTagsAreInsideTheSpan() {
        String published = "At least 12 soldiers were <b>killed</b> on Tuesday near S&eacute;gou, the army&#8217;s "
                + "spokesman said &amp; residents confirmed.";
        String body = "<html><head><script>var toll = '40 soldiers were killed.';</script></head><body>"
                + "<h1>Mali</h1><p>Gunmen&nbsp;attacked a convoy. " + published + "</p><p>Residents fled.</p></body></html>";
        Claim c = spanned(body, published);
        assertThat(c.getSentence()).isEqualTo(
                "At least 12 soldiers were killed on Tuesday near Ségou, the army\u2019s spokesman said & residents confirmed.");
        assertThat(TextCleaner.readsAs(body.substring(c.getSpanStart(), c.getSpanEnd()), c.getSentence())).isTrue();
    }

    @Test
    void decomposedAccentsAreNormalisedButSpannedInTheBody() {
        String published = "At least 12 soldiers were killed on Tuesday near Se\u0301gou, the army said.";
        Claim c = spanned("Gunmen attacked a convoy. " + published, published);
        assertThat(c.getSentence()).contains("Ségou");
    }

    @Test
    void aSentenceJoinedAcrossADroppedLineHasNoSpan() {
        // The boilerplate line is dropped and the hard-wrapped halves joined: no stretch of the body reads as the
        // sentence, so the span stays null rather than include the "Read also" line.
        String body = "At least 12 soldiers were\nRead also: Army says 50 jihadists killed\nkilled on Tuesday near Macina, "
                + "the army said.";
        Claim c = claims(body).get(0);
        assertThat(c.getSentence()).isEqualTo(SENTENCE);
        assertThat(c.getSpanStart()).isNull();
        assertThat(c.getSpanEnd()).isNull();
    }

    @Test
    void everyClaimOfAnArticleIsSpanned() {
        String body = "Gunmen attacked a convoy near Macina on Tuesday.\n\n"
                + "At least 12 soldiers were killed, anonymous officers said.\n\n"
                + "The army said 14 soldiers were killed and 11 wounded. It said 31 terrorists were neutralised.";
        List<Claim> claims = claims(body);
        assertThat(claims).hasSize(3);
        for (Claim c : claims) {
            assertThat(c.getSpanStart()).isNotNull();
            assertThat(withoutSpace(body.substring(c.getSpanStart(), c.getSpanEnd()))).isEqualTo(withoutSpace(c.getSentence()));
        }
    }

    @Test
    void mappedParagraphsTraceEveryCharacterBack() {
        String raw = "<p>A &amp; B\r\n  c&eacute;</p>";
        List<MappedText> p = new TextCleaner().mappedParagraphs(raw);
        assertThat(p).hasSize(1);
        MappedText t = p.get(0);
        assertThat(t.toString()).isEqualTo("A & B cé");
        assertThat(raw.substring(t.sourceStart(2), t.sourceEnd(3))).isEqualTo("&amp;");
        assertThat(raw.substring(t.sourceStart(0), t.sourceEnd(t.length()))).isEqualTo("A &amp; B\r\n  c&eacute;");
    }
}
