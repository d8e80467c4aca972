package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatelineTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "GAO, Oct 3 (Reuters) - Gunmen burned a market.",
            "GAO, October 3 (Reuters) - Gunmen burned a market.",
            "GAO, Oct. 3, 2022 (AP) — Gunmen burned a market.",
            "DIFFA, 3 oct. 2022 (AFP) – Des hommes armés ont incendié un marché.",
            "DIFFA, 3 octobre (AFP) - Des hommes armés ont incendié un marché.",
            "DIFFA, le 3 octobre 2022 (AFP) - Des hommes armés ont incendié un marché.",
            "DIFFA, 3. Oktober (dpa) - Bewaffnete haben einen Markt angezündet.",
            "DIFFA, 3 ott (ANSA) - Uomini armati hanno incendiato un mercato.",
            "N'DJAMENA, Oct 3 (Reuters) - Gunmen burned a market.",
            "N\u2019DJAMENA, 3 oct. 2022 (AFP) \u2013 Des hommes armés ont incendié un marché.",
            "DAR ES SALAAM, Oct 3 (Reuters) - Gunmen burned a market.",
            "MAIDUGURI/ABUJA, Oct 3 (Reuters) - Gunmen burned a market.",
            "LAGOS, Nigeria, Oct 3 (Reuters) - Gunmen burned a market.",
            "GAO, Mali (AP) — Gunmen burned a market.",
            "GAO — Gunmen burned a market.",
            "GAO—Gunmen burned a market.",
            "GAO - Gunmen burned a market.",
            "GAO, 03/10/2022 (APS) - Gunmen burned a market.",
            "DOSSO, Oct 3 (Xinhua) -- Gunmen burned a market.",
            "Gao (AFP) - Gunmen burned a market.",
            "Gao, Mali (AFP) - Gunmen burned a market.",
            "Gao, 3 octobre 2022 - Des hommes armés ont incendié un marché.",
            "Gao, 3 octobre 2022 (AIB)-Des hommes armés ont incendié un marché.",
            "N'Djamena (AFP) - Gunmen burned a market.",
            "Dar es Salaam (AFP) - Gunmen burned a market.",
            "Gao, Mali — Gunmen burned a market.",
            "(Sahel Info) \u2013 Des hommes armés ont incendié un marché.",
            "GAO, Oct 3 (Reuters) \"We fled,\" said a trader after gunmen burned the market.",
    })
    void recognisesDatelines(String paragraph) {
        int end = Dateline.end(paragraph);

        assertThat(end).as(paragraph).isPositive();
        String rest = paragraph.substring(end);
        assertThat(rest).as(paragraph).matches("(Gunmen|Des hommes|Bewaffnete|Uomini|\"We fled).*");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Gunmen burned a market in Gao on Monday.",
            "Gunmen - armed with rifles - burned a market.",
            "Boko Haram — the jihadist group — claimed the attack.",
            "A truck bomb exploded in Mogadishu.",
            "AL-SHABAAB fighters attacked a base.",
            "UN - peacekeepers were attacked.",
            "At least 12 soldiers were killed on Tuesday, the army said.",
            "Le 3 octobre, des hommes armés ont incendié un marché.",
            "Mardi 3 octobre - des hommes armés ont incendié un marché.",
            "GAO, Oct 3 (Reuters) -",
            "",
    })
    void leavesOrdinaryOpeningsAlone(String paragraph) {
        assertThat(Dateline.end(paragraph)).as(paragraph).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "KIDAL, Oct 3 (Reuters) - Soldiers were killed near Tessalit.",
    })
    void stripLeavesTheStory(String paragraph) {
        assertThat(Dateline.strip(paragraph)).isEqualTo("Soldiers were killed near Tessalit.");
    }
}
