package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    @Test
    void stripsHtmlAndDecodesEntities() {
        List<String> p = cleaner.paragraphs(
                "<html><script>var x = '<p>no</p>';</script><p>Soldiers &amp; gendarmes were killed in S&eacute;gou.</p>"
                        + "<p>Residents said &quot;it was terrible&quot;.</p></html>");

        assertThat(p).containsExactly("Soldiers & gendarmes were killed in Ségou.", "Residents said \"it was terrible\".");
    }

    @Test
    void carriageReturnsBreakLinesAndRunsOfWhiteSpaceBecomeOneSpace() {
        String body = "Gunmen killed five villagers on Sunday,\r\nresidents said.\r\rThe attack \u000b happened  near\tthe"
            + " border.\rRead also: Army says 50 jihadists killed\r\nThe army\u2003sent\u0085reinforcements.";

        assertThat(cleaner.paragraphs(body)).containsExactly(
            "Gunmen killed five villagers on Sunday, residents said.",
            "The attack happened near the border.",
            "The army sent reinforcements.");
    }

    @Test
    void dropsBoilerplateLinesAndCutsTheCommentFooter() {
        String body = String.join("\n",
                "Gunmen killed five villagers on Sunday, residents said.",
                "Read also: Army says 50 jihadists killed",
                "Lire aussi : Au Mali, la junte prolonge la transition",
                "ADVERTISEMENT",
                "The attack happened near the border.",
                "Post a Comment",
                "This is a comment saying 300 people died.");

        assertThat(cleaner.paragraphs(body))
                .containsExactly("Gunmen killed five villagers on Sunday, residents said.", "The attack happened near the border.");
    }

    @Test
    void removesDatelineAndHeadlineRepeats() {
        String body = "Gunmen kill five in Mali\n\nBAMAKO (AFP) - Gunmen killed five villagers on Sunday in central Mali.";

        assertThat(cleaner.paragraphs(body)).containsExactly("Gunmen killed five villagers on Sunday in central Mali.");
    }

    @Test
    void removesDatedDatelines() {
        assertThat(cleaner.paragraphs("NIAMEY, Nov 2 (Reuters) - Gunmen killed five villagers on Sunday."))
                .containsExactly("Gunmen killed five villagers on Sunday.");
        assertThat(cleaner.paragraphs("NIAMEY, 2 nov. 2021 (AFP) \u2013 Cinq villageois ont été tués dimanche."))
                .containsExactly("Cinq villageois ont été tués dimanche.");
    }

    @Test
    void joinsHardWrappedLines() {
        assertThat(cleaner.paragraphs("At least 12 soldiers were\nkilled on Tuesday.\n\nA second paragraph."))
                .containsExactly("At least 12 soldiers were killed on Tuesday.", "A second paragraph.");
    }

    @Test
    void capsTheScannedText() {
        String body = ("word ".repeat(19) + "end.\n").repeat(50_000);

        List<String> p = cleaner.paragraphs(body);

        assertThat(p.stream().mapToInt(String::length).sum()).isLessThanOrEqualTo(TextCleaner.TEXT_CAP);
        assertThat(p).isNotEmpty();
    }

    @Test
    void toleratesEmptyAndBrokenInput() {
        assertThat(cleaner.paragraphs(null)).isEmpty();
        assertThat(cleaner.paragraphs("")).isEmpty();
        assertThat(cleaner.paragraphs("<<<<div <p &#99999999; &bogus; ---")).allSatisfy(s -> assertThat(s).isNotBlank());
        assertThat(cleaner.line(" <b>Mali:</b>\n attack ")).isEqualTo("Mali: attack");
    }
}
