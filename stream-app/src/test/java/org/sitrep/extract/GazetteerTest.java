package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.schema.Place;

class GazetteerTest {

    private final Gazetteer gazetteer = TestArticles.gazetteer();

    private List<String> names(String text) {
        return gazetteer.find(text).stream().map(Gazetteer.Match::surface).toList();
    }

    @Test
    void matchesIgnoringAccentsAndCase() {
        assertThat(names("Fighting near Segou and in SÉGOU, then in ségou.")).containsExactly("Segou", "SÉGOU", "ségou");
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(names("An attack in Tessalit.")).containsExactly("Tessalit");
        assertThat(names("An attack in Tessit.")).containsExactly("Tessit");
        assertThat(names("Troops from Nigeria.")).containsExactly("Nigeria");
        assertThat(names("Troops from Niger.")).containsExactly("Niger");
        assertThat(names("Gaoua and Djibouti are elsewhere.")).isEmpty();
    }

    @Test
    void prefersTheLongestName() {
        assertThat(gazetteer.find("Fighting in the Ségou region")).singleElement()
                .satisfies(m -> assertThat(m.surface()).isEqualTo("Ségou region"));
        assertThat(names("Fighting in Burkina Faso.")).containsExactly("Burkina Faso");
    }

    @Test
    void shortNamesNeedACapital() {
        assertThat(names("Officials say the toll may rise.")).isEmpty();
        assertThat(names("Jihadists attacked Say on Monday.")).containsExactly("Say");
    }

    @Test
    void locatesCountryAndAdmin1FromTheMostSpecificPlaces() {
        Gazetteer.Location loc = gazetteer.locate(List.of(
                "Soldiers were killed between Macina and Koumara, in Mali.", "The convoy had left Tenenkou."));

        assertThat(loc.country()).isEqualTo("ML");
        assertThat(loc.admin1()).isEqualTo("Ségou");
        assertThat(loc.places()).extracting(Place::getName).containsExactly("Macina", "Koumara", "Tenenkou");
        assertThat(loc.places().get(0).getLat()).isEqualTo(13.96);
    }

    @Test
    void townsOutweighCountryMentions() {
        Gazetteer.Location loc = gazetteer.locate(List.of("Near the border with Niger, gunmen attacked Djibo."));

        assertThat(loc.country()).isEqualTo("BF");
        assertThat(loc.places()).extracting(Place::getName).containsExactly("Djibo");
    }

    @Test
    void fallsBackToCountryNamesThenNationalityAdjectives() {
        assertThat(gazetteer.locate(List.of("Violence is rising in Somalia.")).country()).isEqualTo("SO");
        assertThat(gazetteer.locate(List.of("Nigerien troops were ambushed.")).country()).isEqualTo("NE");
        assertThat(gazetteer.locate(List.of("Nothing here.")).country()).isNull();
    }

    @Test
    void regionContextPicksTheRegionRow() {
        Gazetteer.Location loc = gazetteer.locate(List.of("An ambush in the region of Mopti."));

        assertThat(loc.places()).singleElement().satisfies(p -> assertThat(p.getLat()).isEqualTo(14.60));
    }

    @Test
    void loadsFromReaderAndPathSkippingMalformedRows(@TempDir Path dir) throws IOException {
        String csv = "name,aliases,country,admin1,lat,lon,kind\n"
                + "\"Ouaga, the capital\",Ouagadougou|Ouaga,BF,Centre,12.37,-1.53,city\n"
                + "broken,row\n"
                + "Menaka,Ménaka,ML,Ménaka,not-a-number,2.4,town\n";
        Gazetteer fromReader = Gazetteer.load(new StringReader(csv));
        Path file = dir.resolve("g.csv");
        Files.writeString(file, csv);
        Gazetteer fromPath = Gazetteer.load(file);

        for (Gazetteer g : List.of(fromReader, fromPath)) {
            Gazetteer.Location loc = g.locate(List.of("Attacks in Ouagadougou and Ménaka."));
            assertThat(loc.places()).extracting(Place::getName).containsExactly("Ouagadougou", "Ménaka");
            assertThat(loc.places().get(1).getLat()).isNull();
            assertThat(g.entries()).extracting(Gazetteer.Entry::name).contains("Ouaga, the capital", "Menaka")
                    .doesNotContain("broken");
        }
    }

    @Test
    void classpathGazetteerLoadsWithoutFailing() {
        assertThat(Gazetteer.fromClasspath().locate(List.of("Fighting in Mali.")).country()).isEqualTo("ML");
    }
}
