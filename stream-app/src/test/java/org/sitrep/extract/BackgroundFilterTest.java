package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackgroundFilterTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2023, 1, 12);

    private final BackgroundFilter filter = new BackgroundFilter();

    @ParameterizedTest
    @ValueSource(strings = {
            "Since 2012, Mali has been plagued by jihadist violence.",
            "In May of the same year, some 20 herders died in a raid on their camp.",
            "That month, 12 gendarmes were killed near the border.",
            "Later that year, a bomb killed six passengers.",
            "At the time, the army said 30 soldiers had died.",
            "La même année, une trentaine de civils avaient péri.",
            "Cette année-là, huit soldats avaient été tués.",
            "À l'époque, l'armée avait fait état de 15 morts.",
            "In 2021, 40 soldiers were killed in a similar ambush.",
            "Security continued to deteriorate between June and December 2022.",
            "Last year, 30 soldiers were killed near Boni.",
            "Earlier this month, 11 gendarmes died in an attack.",
            "Thousands of people have been killed since.",
            "In a separate attack, five civilians were killed.",
            "L'an dernier, 20 soldats avaient été tués.",
            "Depuis 2015, des milliers de civils ont péri.",
            "The attack on 2 October killed 20 soldiers.",
            ""})
    void isBackground(String sentence) {
        assertThat(filter.isBackground(sentence, PUBLISHED)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "At least 14 soldiers were killed on Tuesday.",
            "The toll rose to 14, up from 12.",
            "Au moins douze soldats ont été tués mardi.",
            "The ambush took place on 10 January 2023.",
            "The attack on 28 December killed five."})
    void isCurrent(String sentence) {
        assertThat(filter.isBackground(sentence, PUBLISHED)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "In October, gunmen killed 20 herders near Mopti.",
            "Fin octobre, une vingtaine d'éleveurs ont été tués près de Mopti.",
            "A drone strike in early November killed eight people."})
    void aMonthNamedAloneTwoMonthsBackIsThePast(String sentence) {
        assertThat(filter.kind(sentence, PUBLISHED)).isEqualTo(BackgroundFilter.Kind.PAST);
        assertThat(filter.pastMonth(sentence, PUBLISHED)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "In January, gunmen killed 20 herders near Mopti.",
            "In December, gunmen killed 20 herders near Mopti.",
            "The attack on 28 December killed five.",
            "The army may send more troops."})
    void theCurrentOrLastMonthNamedAloneIsNotBackground(String sentence) {
        assertThat(filter.kind(sentence, PUBLISHED)).isEqualTo(BackgroundFilter.Kind.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Since 2012, Mali has been plagued by jihadist violence.",
            "Last year, 30 soldiers were killed near Boni.",
            "The attack on 2 October killed 20 soldiers.",
            "À l'époque, l'armée avait fait état de 15 morts."})
    void timeOnlyIsPast(String sentence) {
        assertThat(filter.kind(sentence, PUBLISHED)).isEqualTo(BackgroundFilter.Kind.PAST);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Thousands of people have been killed since the start of the insurgency.",
            "In a separate attack, five civilians were killed.",
            "Des milliers de civils ont péri ces dernières années."})
    void aggregatesAndOtherAttacksAreOther(String sentence) {
        assertThat(filter.kind(sentence, PUBLISHED)).isEqualTo(BackgroundFilter.Kind.OTHER);
    }
}
