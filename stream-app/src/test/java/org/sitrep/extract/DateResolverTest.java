package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DateResolverTest {

    /** A Thursday. */
    private static final LocalDate PUBLISHED = LocalDate.of(2023, 1, 12);

    private final DateResolver resolver = new DateResolver();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Twelve soldiers were killed on Tuesday.|2023-01-10",
            "The attack took place Tuesday night near Gao.|2023-01-10",
            "Tuesday's ambush killed 12 soldiers.|2023-01-10",
            "The attack happened on Thursday morning.|2023-01-12",
            "An attack on Friday killed 3 soldiers.|2023-01-06",
            "Douze soldats ont été tués mardi.|2023-01-10",
            "L'attaque a eu lieu mardi soir.|2023-01-10",
            "L'attaque a eu lieu dans la nuit de lundi à mardi.|2023-01-09",
            "Gunmen attacked the village yesterday.|2023-01-11",
            "Des hommes armés ont attaqué hier le village.|2023-01-11",
            "Jihadists attacked the camp overnight.|2023-01-11",
            "L'attaque a eu lieu dans la nuit.|2023-01-11",
            "The ambush took place on 10 January.|2023-01-10",
            "The ambush took place on January 10, 2023.|2023-01-10",
            "L'embuscade a eu lieu le 10 janvier 2023.|2023-01-10",
            "The attack on 28 December killed five.|2022-12-28",
            "Dans la nuit du 9 au 10 janvier, le camp a été attaqué.|2023-01-09",
            "The army said on Wednesday that 14 soldiers were killed the day before.|2023-01-10",
            "According to an army report released on Thursday, 14 soldiers were killed on Tuesday.|2023-01-10",
            "Six soldats ont été tués mardi, l'attaque la plus grave depuis le coup d'État du 26 juillet.|2023-01-10",
            "Six soldiers died on Tuesday, the worst loss since the vote of 20 December.|2023-01-10",
            "The ambush on Tuesday came after the talks of 30 December.|2023-01-10",
            "Two weeks after the ambush of 28 December, the roads are still closed.|2022-12-28",
            "The army said last Thursday that the ambush took place on Tuesday.|2023-01-10"})
    void resolvesDates(String sentence, LocalDate expected) {
        assertThat(resolver.inSentence(sentence, PUBLISHED)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "At least 12 soldiers were killed the day before.",
            "The army report was released on Thursday.",
            "Gunmen killed 12 soldiers."})
    void findsNoEventDate(String sentence) {
        assertThat(resolver.inSentence(sentence, PUBLISHED)).isEmpty();
    }

    @Test
    void prefersSentencesWithFiguresThenFallsBackToPublication() {
        assertThat(resolver.resolve(List.of("Five soldiers were killed on Monday."), List.of("Talks resume on Wednesday."),
                PUBLISHED)).isEqualTo(LocalDate.of(2023, 1, 9));
        assertThat(resolver.resolve(List.of("Five soldiers were killed."), List.of("Talks resumed on Wednesday."),
                PUBLISHED)).isEqualTo(LocalDate.of(2023, 1, 11));
        assertThat(resolver.resolve(List.of("Five soldiers were killed."), List.of(), PUBLISHED)).isEqualTo(PUBLISHED);
    }

    @Test
    void anExplicitDateMoreThanAWeekOldDoesNotBeatAWeekday() {
        // no anchor word: the weekday still wins because 30 December is 13 days before publication
        assertThat(resolver.inSentence("On Tuesday, the convoy that had left on 30 December was hit.", PUBLISHED))
                .contains(LocalDate.of(2023, 1, 10));
        // a recent explicit date still beats a weekday
        assertThat(resolver.inSentence("On Tuesday, officers said the convoy was hit on 9 January.", PUBLISHED))
                .contains(LocalDate.of(2023, 1, 9));
        // alone, an old explicit date is still a date
        assertThat(resolver.inSentence("The convoy was hit on 30 December.", PUBLISHED))
                .contains(LocalDate.of(2022, 12, 30));
    }

    @Test
    void theFirstGroupWithADateWins() {
        assertThat(resolver.resolve(List.of(List.of("Nine soldiers were killed."),
                List.of("Jihadists overran the base on Sunday."), List.of("Bodies arrived in town on Tuesday.")),
                PUBLISHED)).isEqualTo(LocalDate.of(2023, 1, 8));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "The president acknowledged on Wednesday that 30 soldiers died in the attack on 2 January.|2023-01-02",
            "Le président a reconnu mercredi la mort de 30 soldats lors de l'attaque du 2 janvier.|2023-01-02",
            "The group claimed responsibility on Wednesday for Monday's raid.|2023-01-09",
            "Le groupe a revendiqué mercredi l'embuscade de lundi.|2023-01-09",
            "Officials visited the town on Wednesday, where gunmen killed eight people on Monday.|2023-01-09",
    })
    void theDateTiedToTheEventBeatsAnotherInTheSameSentence(String sentence, String expected) {
        assertThat(resolver.inSentence(sentence, PUBLISHED)).contains(LocalDate.parse(expected));
    }

    @Test
    void aDateTiedToTheEventInALaterSentenceBeatsAnUntiedDateInAnEarlierOne() {
        List<String> others = List.of(
                "The governor toured the area on Wednesday and promised help.",
                "Residents said the raid, late on Sunday, lasted two hours.");

        assertThat(resolver.resolve(List.of(List.of(), others), PUBLISHED)).isEqualTo(LocalDate.of(2023, 1, 8));
        assertThat(resolver.dated(others.get(0), PUBLISHED)).hasValueSatisfying(d -> assertThat(d.attached()).isFalse());
        assertThat(resolver.dated(others.get(1), PUBLISHED)).hasValueSatisfying(d -> assertThat(d.attached()).isTrue());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Hombres armados mataron a diez soldados el martes.|2023-01-10",
            "El ataque se produjo el sábado 7 de enero de 2023.|2023-01-07",
            "Dez soldados foram mortos na terça-feira.|2023-01-10",
            "O ataque ocorreu em 9 de janeiro.|2023-01-09",
            "Dieci soldati sono stati uccisi martedì sera.|2023-01-10",
            "Bei dem Angriff am Dienstag wurden zehn Soldaten getötet.|2023-01-10",
            "Der Angriff ereignete sich am 9. Januar.|2023-01-09",
            "Los yihadistas atacaron ayer el cuartel.|2023-01-11",
            "On Tuesday 3 January, gunmen killed ten soldiers.|2023-01-03",
            "Le mardi 3 janvier, des hommes armés ont tué dix soldats.|2023-01-03",
    })
    void otherLanguagesAndWeekdaysThatNameAnExplicitDate(String sentence, String expected) {
        assertThat(resolver.inSentence(sentence, PUBLISHED)).contains(LocalDate.parse(expected));
    }
}
