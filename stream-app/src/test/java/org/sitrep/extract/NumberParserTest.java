package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitrep.extract.NumberParser.NumberMention;
import org.sitrep.schema.Qualifier;

class NumberParserTest {

    private final NumberParser parser = new NumberParser();

    @ParameterizedTest(name = "{0} ({1}) = {2} {3}")
    @CsvSource({
            "14, EN, 14, exact",
            "١٢, OTHER, 12, exact",
            "३०, OTHER, 30, exact",
            "'1,200', EN, 1200, exact",
            "twelve, EN, 12, exact",
            "twenty-one, EN, 21, exact",
            "one hundred and twenty, EN, 120, exact",
            "at least 12, EN, 12, at_least",
            "more than thirty, EN, 30, at_least",
            "some 40, EN, 40, about",
            "nearly 50, EN, 50, about",
            "a dozen, EN, 12, about",
            "dozens, EN, 24, about",
            "scores, EN, 40, about",
            "a hundred, EN, 100, about",
            "hundreds, EN, 200, about",
            "12 or more, EN, 12, at_least",
            "douze, FR, 12, exact",
            "quatorze, FR, 14, exact",
            "dix-sept, FR, 17, exact",
            "vingt et un, FR, 21, exact",
            "soixante-dix, FR, 70, exact",
            "quatre-vingt-dix, FR, 90, exact",
            "deux cents, FR, 200, exact",
            "au moins douze, FR, 12, at_least",
            "plus d'une dizaine, FR, 10, at_least",
            "une dizaine, FR, 10, about",
            "une trentaine, FR, 30, about",
            "une centaine, FR, 100, about",
            "des dizaines, FR, 20, about",
            "près de 40, FR, 40, about",
            "environ 25, FR, 25, about",
            "7, OTHER, 7, exact",
            "plus de 2 300, FR, 2300, at_least",
            "12 500, EN, 12500, exact",
            "cinq (05), FR, 5, exact",
            "seven (7), EN, 7, exact"})
    void readsFigures(String text, Language lang, int value, Qualifier qualifier) {
        NumberMention m = parser.parse(text, lang).orElseThrow();

        assertThat(m.value()).isEqualTo(value);
        assertThat(m.qualifier()).isEqualTo(qualifier);
    }

    @ParameterizedTest(name = "{0} ({1}) is not a figure")
    @CsvSource({
            "thousands, EN",
            "several, EN",
            "an unknown number, EN",
            "200000, EN",
            "99999999999999, EN",
            "twelve, OTHER",
            "UN, FR",
            "a, EN",
            "des milliers, FR",
            "un nombre, FR",
            "un grand nombre, FR"})
    void rejects(String text, Language lang) {
        assertThat(parser.parse(text, lang)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"no one, EN", "quelque, FR"})
    void pronounsAndBareQualifiersAreNotFigures(String text, Language lang) {
        var toks = Text.tokenize(text);
        for (int i = 0; i < toks.size(); i++) {
            assertThat(parser.at(toks, i, lang)).as("token %d of %s", i, text).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void digitsInParenthesesThatDifferAreNotPartOfTheFigure() {
        var toks = Text.tokenize("trois (4) blessés");
        assertThat(parser.at(toks, 0, Language.FR).orElseThrow().end()).isEqualTo(1);
        // two figures side by side, not one: "in 2019 150 people"
        assertThat(parser.parse("2019 150", Language.EN)).isEmpty();
    }
}
