package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sitrep.bench.ArticleGenerator;
import org.sitrep.schema.Article;

/** The literal prefilter of the event-type rules never hides a match of their patterns. */
class EventTypePrefilterTest {

    @Test
    void prefilterAgreesWithThePatternsOnTheSampleFeedAndGeneratedArticles() throws Exception {
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        Path feed = Path.of("..", "data", "sample-feed.jsonl");
        for (String line : Files.readAllLines(feed)) {
            var n = json.readTree(line);
            texts.add(n.get("title").asText());
            texts.addAll(List.of(n.get("body").asText().split("(?<=[.!?])\\s+")));
        }
        for (Article a : new ArticleGenerator(3).articles(400)) {
            texts.add(a.getTitle());
            texts.addAll(List.of(a.getBody().split("(?<=[.!?])\\s+")));
        }
        int matched = 0;
        for (String t : texts) {
            List<org.sitrep.schema.EventType> expected = EventTypeClassifier.typesByPatternOnly(t);
            assertThat(EventTypeClassifier.typesWithPrefilter(t)).as(t).isEqualTo(expected);
            matched += expected.isEmpty() ? 0 : 1;
        }
        assertThat(matched).isGreaterThan(100);
    }

    @Test
    void prefilterAgreesOnEveryKeywordForm() {
        List<String> forms = List.of("suicide bomber", "kamikazes", "car bombs", "VBIEDs", "voitures piégées",
            "véhicule piégé", "attentat suicide", "bombe humaine", "se sont fait exploser", "blew themselves up",
            "ambushed", "embuscades", "army outpost", "barracks", "garrisons", "camps militaires", "base militaire",
            "postes avancés", "poste de douane", "casernes", "garnison", "commissariat", "brigade de gendarmerie",
            "détachement militaire", "stormed the camp", "attaque contre le poste", "air strikes", "airstrike",
            "air raid", "drone attacks", "aerial bombardment", "bombing raids", "frappes de drones",
            "bombardements aériens", "raids aériens", "IEDs", "improvised explosive devices", "roadside bomb",
            "landmines", "a mine", "homemade explosives", "engins explosifs improvisés", "engins piégés",
            "mines artisanales", "bombe artisanale", "sauté sur une mine", "explosion d'une mine", "massacres",
            "villagers were killed", "killed several worshippers", "tués des fidèles", "attacks on a mosque",
            "attaqué le marché", "orpailleurs tués", "miners were executed", "clashes", "fighting", "fought",
            "gunfights", "firefight", "skirmishes", "exchange of fire", "confrontations", "affrontements",
            "combats", "accrochages", "échanges de tirs", "heurts");
        for (String f : forms) {
            String sentence = "Near the town, " + f + " were reported on Monday.";
            List<org.sitrep.schema.EventType> expected = EventTypeClassifier.typesByPatternOnly(sentence);
            assertThat(expected).as(f).isNotEmpty();
            assertThat(EventTypeClassifier.typesWithPrefilter(sentence)).as(f).isEqualTo(expected);
        }
    }
}
