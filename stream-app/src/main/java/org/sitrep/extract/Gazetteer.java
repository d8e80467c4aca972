package org.sitrep.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitrep.schema.Place;

/**
 * Place names of the Sahel, Lake Chad and Somalia, read from a CSV file with the columns
 * {@code name,aliases,country,admin1,lat,lon,kind} (aliases separated by {@code |}, kind one of
 * city/town/village/region/country, UTF-8, one header line).
 *
 * <p>Names match on whole words, ignoring case and accents ("Segou" = "Ségou"; "Tessit" never matches "Tessalit",
 * "Niger" never matches "Nigeria"), longest name first. Short single-word names (four letters or less) match only
 * when written with a capital, so "say" is not the town of Say. Country names of the region are built in as a
 * fallback when the file lacks them, and so are the nationality adjectives ("Malian", "malien") used as the last
 * resort for the country.
 */
public final class Gazetteer {

    /** The classpath resource the application loads. */
    public static final String RESOURCE = "/org/sitrep/extract/gazetteer.csv";

    /** One gazetteer row. {@code lat}/{@code lon} may be null. */
    public record Entry(String name, List<String> aliases, String country, String admin1, Double lat, Double lon,
            String kind) {

        int specificity() {
            return switch (kind) {
                case "city", "town", "village" -> 3;
                case "region" -> 2;
                case "country" -> 1;
                default -> 2;
            };
        }

        boolean isLocality() {
            return specificity() == 3;
        }
    }

    /** What the places in a text amount to. */
    public record Location(List<Place> places, String country, String admin1) {
        public static final Location NONE = new Location(List.of(), null, null);
    }

    private static final Map<String, String> BUILT_IN_COUNTRIES = new LinkedHashMap<>();
    private static final Map<String, String> DEMONYMS = new HashMap<>();

    static {
        String[][] countries = {
                {"ML", "Mali"}, {"BF", "Burkina Faso", "Burkina"}, {"NE", "Niger"}, {"NG", "Nigeria", "Nigéria"},
                {"TD", "Chad", "Tchad"}, {"CM", "Cameroon", "Cameroun"}, {"SO", "Somalia", "Somalie"}, {"KE", "Kenya"},
                {"MR", "Mauritania", "Mauritanie"}, {"BJ", "Benin", "Bénin"}, {"TG", "Togo"}, {"GH", "Ghana"},
                {"SN", "Senegal", "Sénégal"}, {"DZ", "Algeria", "Algérie"}, {"LY", "Libya", "Libye"},
                {"ET", "Ethiopia", "Éthiopie"}, {"CI", "Ivory Coast", "Côte d'Ivoire"}, {"SD", "Sudan", "Soudan"},
                {"CF", "Central African Republic", "Centrafrique"}};
        for (String[] c : countries) {
            for (int i = 1; i < c.length; i++) {
                BUILT_IN_COUNTRIES.put(c[i], c[0]);
            }
        }
        String[][] demonyms = {
                {"ML", "malian", "malians", "malien", "malienne", "maliens", "maliennes"},
                {"BF", "burkinabe", "burkinabes", "burkinais"},
                {"NE", "nigerien", "nigeriens", "nigerienne", "nigeriennes"},
                {"NG", "nigerian", "nigerians", "nigeriane", "nigerianes"},
                {"TD", "chadian", "chadians", "tchadien", "tchadienne", "tchadiens"},
                {"CM", "cameroonian", "cameroonians", "camerounais", "camerounaise"},
                {"SO", "somali", "somalis", "somalien", "somalienne", "somaliens"},
                {"KE", "kenyan", "kenyans", "kenyan"}};
        for (String[] d : demonyms) {
            for (int i = 1; i < d.length; i++) {
                DEMONYMS.put(d[i], d[0]);
            }
        }
    }

    private final List<Entry> entries;
    private final PhraseIndex<Entry> index = new PhraseIndex<>();

    private Gazetteer(List<Entry> entries) {
        List<Entry> all = new ArrayList<>(entries);
        PhraseIndex<Entry> fileIndex = new PhraseIndex<>();
        for (Entry e : entries) {
            fileIndex.add(e.name(), e);
            e.aliases().forEach(a -> fileIndex.add(a, e));
        }
        for (Map.Entry<String, String> c : BUILT_IN_COUNTRIES.entrySet()) {
            boolean known = fileIndex.lookup(c.getKey()).stream().anyMatch(e -> e.kind().equals("country"));
            if (!known) {
                all.add(new Entry(c.getKey(), List.of(), c.getValue(), null, null, null, "country"));
            }
        }
        this.entries = List.copyOf(all);
        for (Entry e : this.entries) {
            index.add(e.name(), e);
            for (String a : e.aliases()) {
                index.add(a, e);
            }
        }
    }

    /** The gazetteer packaged with the application; only the built-in country names when the resource is absent. */
    public static Gazetteer fromClasspath() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new Gazetteer(List.of());
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads a gazetteer CSV file. */
    public static Gazetteer load(Path path) throws IOException {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return load(r);
        }
    }

    /** Reads gazetteer CSV text; malformed rows (fewer than 7 columns, no name) are skipped. */
    public static Gazetteer load(Reader reader) throws IOException {
        List<Entry> out = new ArrayList<>();
        BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        boolean first = true;
        while ((line = br.readLine()) != null) {
            if (first) {
                first = false;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.toLowerCase(Locale.ROOT).startsWith("name,")) {
                    continue;
                }
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cols = csv(line);
            if (cols.size() < 7 || cols.get(0).isBlank()) {
                continue;
            }
            List<String> aliases = new ArrayList<>();
            for (String a : cols.get(1).split("\\|")) {
                if (!a.isBlank()) {
                    aliases.add(a.strip());
                }
            }
            out.add(new Entry(cols.get(0).strip(), List.copyOf(aliases), blankToNull(cols.get(2)),
                    blankToNull(cols.get(3)), number(cols.get(4)), number(cols.get(5)),
                    cols.get(6).strip().toLowerCase(Locale.ROOT)));
        }
        return new Gazetteer(out);
    }

    /** All entries, file rows first, then built-in countries. */
    public List<Entry> entries() {
        return entries;
    }

    /** A mention of a gazetteer name: the candidate entries, character offsets and the text as written. */
    public record Match(List<Entry> candidates, int start, int end, String surface) {}

    /** Every gazetteer name in the text, left to right, longest first. */
    public List<Match> find(String text) {
        List<Match> out = new ArrayList<>();
        for (PhraseIndex.Match<List<Entry>> m : index.findAll(text)) {
            String surface = m.surface();
            boolean shortWord = surface.length() <= 4 && Text.words(surface).size() == 1;
            if (shortWord && !Character.isUpperCase(surface.charAt(0))) {
                continue;
            }
            out.add(new Match(m.value(), m.start(), m.end(), surface));
        }
        return out;
    }

    /**
     * Resolves the places named in the texts: each ambiguous name goes to the country most named elsewhere, then
     * to the most specific kind (a region when the text says "region"), then to the first row. The country is the
     * one most named by towns/cities/villages, else by regions, else by country names, else by nationality
     * adjectives; admin1 is the most named admin1 among the chosen country's places. Country rows are not listed as
     * places, and a name is listed once (its first reading).
     */
    public Location locate(List<String> texts) {
        record Hit(Match match, boolean regionContext) {}
        List<Hit> hits = new ArrayList<>();
        Map<String, Integer> demonymVotes = new LinkedHashMap<>();
        for (String t : texts) {
            if (t == null || t.isEmpty()) {
                continue;
            }
            String folded = Text.fold(t);
            for (Match m : find(t)) {
                String before = folded.substring(Math.max(0, m.start() - 14), m.start());
                String after = folded.substring(m.end(), Math.min(folded.length(), m.end() + 9));
                boolean region = before.matches(".*(region|province|state) (de |of |d')?$") || after.startsWith(" region");
                hits.add(new Hit(m, region));
            }
            for (String w : Text.words(t)) {
                String c = DEMONYMS.get(w);
                if (c != null) {
                    demonymVotes.merge(c, 1, Integer::sum);
                }
            }
        }
        // votes from unambiguous names
        Map<String, Integer> votes = new HashMap<>();
        for (Hit h : hits) {
            Set<String> cs = new java.util.HashSet<>();
            h.match().candidates().forEach(e -> cs.add(String.valueOf(e.country())));
            if (cs.size() == 1) {
                votes.merge(cs.iterator().next(), 1, Integer::sum);
            }
        }
        List<Map.Entry<Entry, String>> resolved = new ArrayList<>();
        for (Hit h : hits) {
            Entry best = null;
            int bestScore = Integer.MIN_VALUE;
            for (Entry e : h.match().candidates()) {
                int kindScore = h.regionContext() && e.kind().equals("region") ? 4 : e.specificity();
                int score = votes.getOrDefault(String.valueOf(e.country()), 0) * 10 + kindScore;
                if (score > bestScore) {
                    best = e;
                    bestScore = score;
                }
            }
            if (best != null) {
                resolved.add(Map.entry(best, h.match().surface()));
            }
        }
        String country = mostFrequent(resolved, 3, null);
        if (country == null) {
            country = mostFrequent(resolved, 2, null);
        }
        if (country == null) {
            country = mostFrequent(resolved, 1, null);
        }
        if (country == null && !demonymVotes.isEmpty()) {
            country = top(demonymVotes);
        }
        String admin1 = null;
        if (country != null) {
            Map<String, Integer> a1 = new LinkedHashMap<>();
            for (int spec = 3; spec >= 2 && a1.isEmpty(); spec--) {
                for (Map.Entry<Entry, String> r : resolved) {
                    Entry e = r.getKey();
                    if (e.specificity() == spec && country.equals(e.country()) && e.admin1() != null) {
                        a1.merge(e.admin1(), 1, Integer::sum);
                    }
                }
            }
            admin1 = a1.isEmpty() ? null : top(a1);
        }
        Map<Entry, String> distinct = new IdentityHashMap<>();
        Set<String> names = new java.util.HashSet<>();
        List<Place> places = new ArrayList<>();
        for (Map.Entry<Entry, String> r : resolved) {
            Entry e = r.getKey();
            String key = Text.fold(r.getValue());
            if (e.kind().equals("country") || distinct.containsKey(e) || names.contains(key)) {
                continue;
            }
            distinct.put(e, r.getValue());
            names.add(key);
            places.add(Place.newBuilder().setName(r.getValue()).setCountry(e.country()).setAdmin1(e.admin1())
                    .setLat(e.lat()).setLon(e.lon()).build());
        }
        return new Location(List.copyOf(places), country, admin1);
    }

    private static String mostFrequent(List<Map.Entry<Entry, String>> resolved, int specificity, String none) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<Entry, String> r : resolved) {
            Entry e = r.getKey();
            if (e.specificity() == specificity && e.country() != null) {
                counts.merge(e.country(), 1, Integer::sum);
            }
        }
        return counts.isEmpty() ? none : top(counts);
    }

    /** Highest count; on a tie the first inserted (first mentioned). */
    private static String top(Map<String, Integer> counts) {
        String best = null;
        int n = -1;
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            if (c.getValue() > n) {
                best = c.getKey();
                n = c.getValue();
            }
        }
        return best;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Splits one CSV line; double quotes enclose fields and {@code ""} escapes a quote. */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
