package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.extract.SentenceSplitter.Sentence;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splitsOnSentenceEndsButNotAbbreviationsOrNumbers() {
        List<String> s = splitter.splitParagraph(
                "Col. Souleymane Dembélé said 1.5 tonnes were seized. The U.S. embassy condemned the attack! Was it JNIM? "
                        + "Gen. Traoré did not say.");

        assertThat(s).containsExactly(
                "Col. Souleymane Dembélé said 1.5 tonnes were seized.",
                "The U.S. embassy condemned the attack!",
                "Was it JNIM?",
                "Gen. Traoré did not say.");
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        assertThat(splitter.splitParagraph("\"Five soldiers were killed.\" The group said nothing else."))
                .containsExactly("\"Five soldiers were killed.\"", "The group said nothing else.");
        assertThat(splitter.splitParagraph("« Douze soldats sont morts. » Il a ajouté que l'armée ripostait."))
                .containsExactly("« Douze soldats sont morts. »", "Il a ajouté que l'armée ripostait.");
    }

    @Test
    void numbersSentencesWithinParagraphs() {
        List<Sentence> s = splitter.split(List.of("One. Two.", "Three."));

        assertThat(s).containsExactly(new Sentence("One.", 0, 0), new Sentence("Two.", 0, 1), new Sentence("Three.", 1, 0));
    }

    @Test
    void lowerCaseAfterFullStopDoesNotSplit() {
        assertThat(splitter.splitParagraph("It happened at 5 a.m. local time near Gao.")).hasSize(1);
    }
}
