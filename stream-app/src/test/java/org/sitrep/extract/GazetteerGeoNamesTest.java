package org.sitrep.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sitrep.schema.Place;

/** The packaged gazetteer (GeoNames places + curated supplement) and how it resolves ambiguous names. */
class GazetteerGeoNamesTest {

    private static final Gazetteer PACKAGED = Gazetteer.fromClasspath();

    private static Gazetteer.Location locate(Gazetteer g, String... texts) {
        return g.locate(List.of(texts));
    }

    private static List<String> placeNames(Gazetteer.Location loc) {
        return loc.places().stream().map(Place::getName).toList();
    }

    // --- the packaged data -------------------------------------------------------------------------------------

    @Test
    void packagedGazetteerHoldsGeoNamesAndSupplementAndIsLoadedOnce() {
        assertThat(Gazetteer.fromClasspath()).isSameAs(PACKAGED);
        assertThat(PACKAGED.entries()).hasSizeGreaterThan(5_000);
        assertThat(PACKAGED.entries()).extracting(Gazetteer.Entry::origin)
                .contains(Gazetteer.Origin.SUPPLEMENT, Gazetteer.Origin.GEONAMES);
    }

    @Test
    void everyAdmin1IsTheNameOfARegionOfItsCountry() {
        Set<String> regions = new HashSet<>();
        for (Gazetteer.Entry e : PACKAGED.entries()) {
            if (e.kind().equals("region")) {
                regions.add(e.country() + "/" + e.admin1());
            }
        }
        for (Gazetteer.Entry e : PACKAGED.entries()) {
            if (e.admin1() != null && Gazetteer.CORE_COUNTRIES.contains(e.country())) {
                assertThat(regions).as(e.name()).contains(e.country() + "/" + e.admin1());
            }
        }
    }

    @Test
    void villagesOnlyInTheSupplementResolve() {
        Gazetteer.Location mali = locate(PACKAGED, "Soldiers were killed near Kumara and Boni.");
        assertThat(mali.country()).isEqualTo("ML");
        assertThat(placeNames(mali)).containsExactly("Kumara", "Boni");

        Gazetteer.Location niger = locate(PACKAGED, "The army post at Inates and the town of Banibangou were hit.");
        assertThat(niger.country()).isEqualTo("NE");
        assertThat(niger.admin1()).isEqualTo("Tillabéri");
        assertThat(placeNames(niger)).containsExactly("Inates", "Banibangou");

        assertThat(locate(PACKAGED, "Gunmen raided Solhan overnight.").admin1()).isEqualTo("Sahel");
        assertThat(locate(PACKAGED, "Un kamikaze a frappé Sevare.").country()).isEqualTo("ML");
        for (String village : List.of("Koumara", "Boni", "Inatès", "Solhan", "Banibangou", "Sévaré")) {
            assertThat(PACKAGED.entries()).filteredOn(e -> e.name().equals(village))
                    .extracting(Gazetteer.Entry::origin).containsOnly(Gazetteer.Origin.SUPPLEMENT);
        }
    }

    @Test
    void placesOnlyInGeoNamesResolveWithTheirAdmin1Name() {
        Gazetteer.Location bf = locate(PACKAGED, "Gunmen attacked a checkpoint near Gaoua on Sunday.");
        assertThat(bf.country()).isEqualTo("BF");
        assertThat(bf.admin1()).isEqualTo("Sud-Ouest");
        assertThat(bf.places()).singleElement().satisfies(p -> assertThat(p.getLat()).isBetween(10.0, 10.6));

        Gazetteer.Location ng = locate(PACKAGED, "Insurgents stormed Mubi and shelled the outskirts of Maroua in Cameroon.");
        assertThat(placeNames(ng)).containsExactly("Mubi", "Maroua");
        assertThat(ng.places().get(0).getAdmin1()).isEqualTo("Adamawa");
        assertThat(ng.places().get(1).getAdmin1()).isEqualTo("Far North");
    }

    @Test
    void wordBoundariesAccentsAndCountriesStillHold() {
        assertThat(placeNames(locate(PACKAGED, "An attack in Tessalit."))).containsExactly("Tessalit");
        assertThat(placeNames(locate(PACKAGED, "An attack in Tessit."))).containsExactly("Tessit");
        assertThat(locate(PACKAGED, "Troops from Nigeria.").country()).isEqualTo("NG");
        assertThat(locate(PACKAGED, "Troops from Niger.").country()).isEqualTo("NE");
        assertThat(placeNames(locate(PACKAGED, "Fighting near SEGOU."))).containsExactly("SEGOU");
        assertThat(locate(PACKAGED, "Fighting in Makina.").places()).singleElement()
                .satisfies(p -> assertThat(p.getAdmin1()).isEqualTo("Ségou"));
        assertThat(placeNames(locate(PACKAGED, "l'axe Ténenkou-Ké-Macina"))).containsExactly("Ténenkou", "Ké-Macina");
    }

    // --- common words ------------------------------------------------------------------------------------------

    @Test
    void commonWordsAreNotPlaces() {
        assertThat(locate(PACKAGED, "A man was killed in the centre of the town; officials say the toll may rise.")
                .places()).isEmpty();
        assertThat(locate(PACKAGED, "Jihadists are spreading across the Sahel, from the Nord to the Est.").places())
                .isEmpty();
        assertThat(locate(PACKAGED, "Share this story. An international NGO said the Lagos Ledger lied.").places())
                .isEmpty();
        assertThat(locate(PACKAGED, "Les engins posés sur les pistes du complexe.").places()).isEmpty();
        assertThat(locate(PACKAGED, "Fighting in Mali's central region.").places()).isEmpty();
    }

    @Test
    void mali_IsTheCountryAndNigerStateNeedsItsQualifier() {
        Gazetteer.Location mali = locate(PACKAGED, "Violence is rising in Mali.");
        assertThat(mali.country()).isEqualTo("ML");
        assertThat(mali.places()).isEmpty();

        assertThat(locate(PACKAGED, "Bandits attacked villages in Niger State.").country()).isEqualTo("NG");
        assertThat(locate(PACKAGED, "Bandits attacked villages in Niger.").country()).isEqualTo("NE");
    }

    @Test
    void commonWordPlacesNeedTheirCountryInTheText() {
        assertThat(placeNames(locate(PACKAGED, "Gunmen attacked Man, the largest town of western Côte d'Ivoire.")))
                .containsExactly("Man");
        assertThat(locate(PACKAGED, "Gunmen attacked Man on Sunday.").places()).isEmpty();
        assertThat(placeNames(locate(PACKAGED, "Jihadists attacked Say, 50 km from Niamey, in Niger.")))
                .contains("Say");
        assertThat(placeNames(locate(PACKAGED, "Fighting in Burkina's Sahel region."))).containsExactly("Sahel region");
    }

    // --- ambiguity ---------------------------------------------------------------------------------------------

    private static final String SUPPLEMENT = """
            name,aliases,country,admin1,lat,lon,kind,source
            Boni,,ML,Mopti,15.07,-2.25,village,test
            Mali,,ML,,17.57,-3.99,country,test
            Mopti,,ML,Mopti,14.6,-3.4,region,test
            """;
    private static final String GEONAMES = String.join("\n",
            "# test", "name\tascii\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\tflags",
            "Boni\t\tBF\tHauts-Bassins\t11.5\t-4.3\t\ttown\t",
            "Bobo-Dioulasso\t\tBF\tHauts-Bassins\t11.18\t-4.29\t\ttown\t",
            "Kolo\t\tNE\tDosso\t13.3\t2.3\t800\ttown\t",
            "Kolo\t\tNG\tKebbi\t11.9\t4.2\t5000\ttown\t",
            "Kolo\t\tCI\tSavanes\t9.4\t-5.6\t90000\ttown\t",
            "Koumbala\t\tCI\tSavanes\t9.5\t-5.7\t\ttown\t",
            "Tahoua\t\tNE\tTahoua\t14.89\t5.26\t\ttown\t",
            "Tahoua\t\tNE\tTahoua\t15.6\t5.1\t\tregion\t",
            "Pô\tPo\tBF\tCentre-Sud\t11.17\t-1.15\t\ttown\tcommon", "");

    private static Gazetteer test() throws IOException {
        return Gazetteer.load(new StringReader(SUPPLEMENT), new StringReader(GEONAMES));
    }

    @Test
    void supplementRowsWinWithoutContext() throws IOException {
        Gazetteer.Location loc = locate(test(), "Gunmen attacked Boni on Tuesday.");
        assertThat(loc.country()).isEqualTo("ML");
        assertThat(loc.places()).singleElement().satisfies(p -> assertThat(p.getAdmin1()).isEqualTo("Mopti"));
    }

    @Test
    void countryContextBeatsTheSupplement() throws IOException {
        Gazetteer.Location loc = locate(test(), "Gunmen attacked Boni, a village west of Bobo-Dioulasso.");
        assertThat(loc.country()).isEqualTo("BF");
        assertThat(loc.places()).extracting(Place::getAdmin1).containsOnly("Hauts-Bassins");

        // both countries named: the supplement row wins
        assertThat(locate(test(), "Gunmen from Bobo-Dioulasso attacked Boni in Mali.").places())
                .filteredOn(p -> p.getName().equals("Boni")).singleElement()
                .satisfies(p -> assertThat(p.getCountry()).isEqualTo("ML"));
    }

    @Test
    void contextThenPopulationAmongGeoNamesPlaces() throws IOException {
        // no context: the covered countries' rows (NE, NG), the larger population first (NG); CI is a neighbour
        assertThat(locate(test(), "Gunmen attacked Kolo.").country()).isEqualTo("NG");
        // a place of Niger named elsewhere decides
        assertThat(locate(test(), "Gunmen attacked Kolo, then Tahoua.").places())
                .extracting(Place::getCountry).containsExactly("NE", "NE");
    }

    @Test
    void neighbourPlacesNeedTheirCountryInTheText() throws IOException {
        assertThat(locate(test(), "Gunmen attacked Koumbala.").places()).isEmpty();
        assertThat(locate(test(), "Gunmen attacked Koumbala, in Côte d'Ivoire.").country()).isEqualTo("CI");
    }

    @Test
    void sentenceInitialAndCommonGeoNamesNamesNeedContext() throws IOException {
        assertThat(locate(test(), "Kolo was attacked.").places()).isEmpty();
        assertThat(locate(test(), "Kolo was attacked. Troops came from Tahoua.").places())
                .extracting(Place::getName).containsExactly("Kolo", "Tahoua");
        assertThat(locate(test(), "Troops left Pô.").places()).isEmpty();
        assertThat(locate(test(), "Troops left Pô for Boni, near Bobo-Dioulasso.").places())
                .extracting(Place::getName).containsExactly("Pô", "Boni", "Bobo-Dioulasso");
    }

    @Test
    void regionsMatchInQualifiedForms() throws IOException {
        assertThat(locate(test(), "Clashes in the Tahoua region.").places()).singleElement()
                .satisfies(p -> assertThat(p.getName()).isEqualTo("Tahoua region"));
        assertThat(placeNames(locate(test(), "Attaque dans la région de Tahoua."))).containsExactly("région de Tahoua");
    }

    @Test
    void sharedAcrossThreads() throws Exception {
        String text = "Soldiers were killed between Macina and Koumara, in the Ségou region of Mali.";
        Gazetteer.Location expected = PACKAGED.locate(List.of(text));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Gazetteer.Location>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> Gazetteer.fromClasspath().locate(List.of(text))));
            }
            for (Future<Gazetteer.Location> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRegionNamedInTheStoryBeatsACityNamedAsAReferencePoint() {
        List<String> texts = List.of(
                "Militants overran a base at a village about 100 km south-west of Mogadishu on Friday.",
                "The village lies in the Lower Shabelle region.");
        Gazetteer.Location loc = PACKAGED.locate(texts, new PlaceSalience(List.of(true, false)));

        assertThat(loc.country()).isEqualTo("SO");
        assertThat(loc.admin1()).isEqualTo("Lower Shabelle");
        assertThat(PACKAGED.locate(List.of("Les shebab ont attaqué une base dans la région du Bas-Shabelle.")).admin1())
                .isEqualTo("Lower Shabelle");
    }

    @Test
    void aPlaceNamedOnlyAsAReferencePointGivesTheCountryButNoAdmin1() {
        Gazetteer.Location loc = PACKAGED.locate(List.of("Fighting raged near the border, an analyst based in Bamako said."),
                new PlaceSalience(List.of(true)));

        assertThat(loc.country()).isEqualTo("ML");
        assertThat(loc.admin1()).isNull();
    }

    @Test
    void compassWordsInLowerCaseAreBearingsNotRegions() {
        assertThat(PACKAGED.find("une base à 120 kilomètres au sud-ouest de la ville"))
                .noneMatch(m -> m.surface().equalsIgnoreCase("sud-ouest"));
        assertThat(locate(PACKAGED, "Des hommes armés ont attaqué un village du Sud-Ouest, au Burkina Faso.").admin1())
                .isEqualTo("Sud-Ouest");
    }
}
