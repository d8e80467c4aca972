package org.sitrep.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.extract.Text.Token;
import org.sitrep.schema.Party;

/**
 * Words that carry casualty meaning, in folded form (lower case, no accents), English and French together.
 *
 * <p>Party nouns: state forces (soldiers, troops, gendarmes, militaires, soldats, VDP, volunteers, police...),
 * foreign forces (mercenaries, peacekeepers, casques bleus; state-force nouns with a foreign modifier such as
 * Wagner, Russian, French, UN, MINUSMA, AMISOM/ATMIS), militants (terrorists, jihadists, assailants, fighters,
 * martyrs...), civilians (civilians, villagers, worshippers, passengers, students, habitants...), unknown (people,
 * personnes, victims, bodies).
 */
final class CasualtyLexicon {

    /** What a figure counts: the dead, the injured, or the missing (missing, captured, abducted, taken prisoner). */
    enum Casualty { KILLED, INJURED, MISSING }

    private CasualtyLexicon() {}

    private static final Map<String, Party> NOUNS = new HashMap<>();

    static {
        for (String w : List.of("soldier", "soldiers", "troops", "troop", "servicemen", "serviceman", "soldat", "soldats",
                "militaire", "militaires", "gendarme", "gendarmes", "policemen", "policeman", "policiers", "policier",
                "police", "guards", "guard", "gardes", "garde", "vdp", "volunteers", "volunteer", "volontaires", "volontaire",
                "officers", "officer", "officiers", "officier", "personnel", "recruits", "commandos", "fama", "fds",
                "instructors", "instructeurs", "paratroopers", "militiamen", "douaniers", "customs", "rangers",
                "sous-officiers", "agents", "forces", "militia", "militias", "milice", "milices", "vigilantes",
                "miliciens")) {
            NOUNS.put(w, Party.state_forces);
        }
        for (String w : List.of("mercenaries", "mercenary", "mercenaires", "mercenaire", "peacekeepers", "peacekeeper",
                "casques", "helmets", "legionnaires", "paramilitaries", "russians", "russes", "wagner")) {
            NOUNS.put(w, Party.foreign_forces);
        }
        for (String w : List.of("terrorists", "terrorist", "terroristes", "terroriste", "jihadists", "jihadist",
                "jihadistes", "jihadiste", "djihadistes", "djihadiste", "militants", "militant", "insurgents", "insurgent",
                "insurges", "assailants", "assailant", "assaillants", "assaillant", "attackers", "attacker", "gunmen",
                "gunman", "fighters", "fighter", "combattants", "combattant", "islamists", "islamistes", "extremists",
                "extremistes", "bandits", "rebels", "rebelles", "martyrs", "martyr", "elements", "kamikazes", "bombers",
                "shabaab", "gunmen")) {
            NOUNS.put(w, Party.militants);
        }
        for (String w : List.of("civilians", "civilian", "civils", "civil", "villagers", "villager", "villageois",
                "worshippers", "worshipers", "fideles", "passengers", "passagers", "students", "etudiants", "eleves",
                "pupils", "schoolchildren", "schoolgirls", "habitants", "residents", "women", "femmes", "children",
                "enfants", "farmers", "agriculteurs", "cultivateurs", "herders", "eleveurs", "traders", "commercants",
                "miners", "orpailleurs", "displaced", "deplaces", "refugees", "refugies", "teachers", "enseignants",
                "guests", "mourners", "fishermen", "pecheurs", "girls", "boys", "shoppers", "drivers", "chauffeurs",
                "motorists", "travellers", "travelers", "voyageurs", "pilgrims", "pelerins", "invites", "spectators",
                "spectateurs", "fans", "supporters", "vendors", "vendeurs", "hawkers", "commuters", "customers",
                "clients", "patients", "elderly", "vieillards", "hostages", "otages", "villageoises", "christians",
                "chretiens", "muslims", "musulmans", "child", "woman", "student",
                "worshipper", "farmer", "trader", "teacher", "journalist", "girl", "boy", "passenger", "herder",
                "pilgrim", "resident", "guest")) {
            NOUNS.put(w, Party.civilians);
        }
        for (String w : List.of("people", "persons", "personnes", "personne", "person", "individuals", "individus",
                "victims", "victimes", "bodies", "corps", "cadavres", "men", "hommes")) {
            NOUNS.put(w, Party.unknown);
        }
    }

    /** Nouns of age or sex: civilians when counted alone, a mere description in a subset ("two of them were women"). */
    private static final Set<String> DEMOGRAPHIC = Set.of("women", "woman", "children", "child", "girls", "boys",
            "femmes", "femme", "enfants", "enfant", "filles", "garcons", "minors", "mineurs", "elderly", "vieillards",
            "babies", "infants", "bebes");

    /** Nouns for armed men of any side, whose party comes from the force named with them ("84 Wagner fighters"). */
    private static final Set<String> FIGHTER_NOUNS = Set.of("fighters", "fighter", "combattants", "combattant",
            "elements", "men", "hommes", "members", "membres", "paramilitaries");

    /** Names of foreign forces that make a neutral fighter noun foreign ("84 combattants de Wagner"). */
    private static final Set<String> FOREIGN_FORCE_WORDS = Set.of("wagner", "russia", "russie", "russian", "russians",
            "russes", "russe", "barkhane", "takuba", "minusma", "amisom", "atmis", "africa", "mercenaries", "mercenaires");

    /** Nouns of injuries rather than injured people: "une blessure", "a wound". */
    private static final Set<String> INJURY_NOUNS = Set.of("blessure", "wound", "injury");

    /** Modifiers that make a state-force noun (soldiers, troops, instructors) foreign. */
    private static final Set<String> FOREIGN_MODIFIERS = Set.of(
            "wagner", "barkhane", "takuba", "european", "europeens", "minusma", "minusca", "amisom", "atmis", "onu",
            "foreign", "etrangers", "peacekeeping", "africa", "african", "africaine", "multinational", "multinationale");

    /**
     * Nationality adjectives (and "Country's") of armed forces, by ISO country code: a force of another country than
     * the event's is foreign ("54 Ugandan soldiers" in Somalia, "soldats tchadiens" in Niger).
     */
    private static final Map<String, String> NATIONALITY = new HashMap<>();

    static {
        String[][] table = {
                {"ML", "malian", "malien", "maliens", "malienne", "maliennes", "mali"},
                {"BF", "burkinabe", "burkinabes", "burkinais", "burkina"},
                {"NE", "nigerien", "nigeriens", "nigerienne", "nigeriennes", "niger"},
                {"NG", "nigerian", "nigerians", "nigerian", "nigerians", "nigeriane", "nigerianes", "nigeria"},
                {"TD", "chadian", "tchadien", "tchadiens", "tchadienne", "tchadiennes", "chad", "tchad"},
                {"CM", "cameroonian", "camerounais", "camerounaise", "camerounaises", "cameroon", "cameroun"},
                {"SO", "somali", "somalien", "somaliens", "somalienne", "somaliennes", "somalia", "somalie"},
                {"MR", "mauritanian", "mauritanien", "mauritaniens", "mauritania", "mauritanie"},
                {"BJ", "beninese", "beninois", "benin"}, {"TG", "togolese", "togolais", "togo"},
                {"GH", "ghanaian", "ghaneen", "ghaneens", "ghana"},
                {"SN", "senegalese", "senegalais", "senegal"}, {"CI", "ivorian", "ivoirien", "ivoiriens"},
                {"GN", "guinean", "guineen", "guineens"},
                {"UG", "ugandan", "ougandais", "ougandaise", "uganda", "ouganda", "updf"}, {"ML", "fama"}, {"SO", "sna"},
                {"KE", "kenyan", "kenyans", "kenyan", "kenyane", "kenya", "kdf"},
                {"BI", "burundian", "burundais", "burundi"}, {"ET", "ethiopian", "ethiopien", "ethiopiens", "ethiopia"},
                {"DJ", "djiboutian", "djiboutien", "djiboutiens"}, {"RW", "rwandan", "rwandais"},
                {"EG", "egyptian", "egyptien", "egyptiens"},
                {"FR", "french", "francais", "francaise", "francaises", "france"},
                {"RU", "russian", "russe", "russes", "russia", "russie"},
                {"US", "american", "americain", "americains", "americaine"},
                {"GB", "british", "britannique", "britanniques"}, {"DE", "german", "allemand", "allemands"},
                {"IT", "italian", "italien", "italiens"}, {"TR", "turkish", "turc", "turcs"},
                {"CN", "chinese", "chinois"}, {"UA", "ukrainian", "ukrainien", "ukrainiens"}};
        for (String[] row : table) {
            for (int i = 1; i < row.length; i++) {
                NATIONALITY.put(row[i], row[0]);
            }
        }
    }

    /** Countries whose own army is the state force of events in them and presumed so when the event's is unknown. */
    private static final Set<String> REGIONAL = Set.of("ML", "BF", "NE", "NG", "TD", "CM", "SO", "MR", "BJ", "TG");

    /** Modifiers that make a neutral noun (men, hommes, individuals) militant: "armed men", "hommes armés". */
    private static final Set<String> MILITANT_MODIFIERS = Set.of("armed", "armes", "jihadist", "jihadistes",
            "djihadistes", "terrorist", "terroristes", "islamist", "islamistes", "suspected", "presumed", "presumes",
            "enemy", "ennemis");

    /** Nouns that by themselves mean the people are dead. */
    private static final Set<String> DEATH_NOUNS = Set.of("martyrs", "martyr", "bodies", "corps", "cadavres",
            "dead", "morts", "fatalities");

    /** Words for "others" that take the party of the previous figure. */
    static final Set<String> OTHERS = Set.of("others", "other", "autres", "more", "additional", "supplementaires");

    /** Auxiliaries and adverbs allowed between a figure and its verb ("14 soldiers were reportedly killed"). */
    private static final Set<String> AUX = Set.of("were", "was", "have", "has", "had", "been", "being", "are", "is",
            "be", "all", "also", "reportedly", "allegedly", "later", "subsequently", "both", "who", "that", "got",
            "ont", "a", "ete", "sont", "etaient", "furent", "avaient", "avait", "egalement", "aussi", "tous", "toutes",
            "se", "qui", "reported", "confirmed", "feared", "presumed", "believed", "sustained", "suffered", "received",
            "left", "among", "them", "eux", "lost", "still", "toujours", "seriously", "critically", "slightly", "gravement",
            "grievement", "legerement", "y", "compris", "including", "dont", "d", "'", "\"");

    private static final Map<String, Casualty> CASUALTY_WORDS = new HashMap<>();

    static {
        for (String w : List.of("killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "slain",
                "slaughtered", "massacred", "executed", "murdered", "murder", "neutralised", "neutralized", "neutralising",
                "neutralizing", "fatalities", "deaths", "death", "perished", "beheaded", "tues", "tue", "tuee", "tuees",
                "tuant", "morts", "mort", "mortes", "peri", "perirent", "neutralises", "neutralise", "neutralisant",
                "neutralisees", "abattus", "abattu", "massacres", "executes", "assassines", "assassinated", "decapites",
                "buried", "enterre", "enterres", "enterrees", "inhume", "inhumes", "inhumees")) {
            CASUALTY_WORDS.put(w, Casualty.KILLED);
        }
        for (String w : List.of("wounded", "wounding", "injured", "injuring", "injuries", "injury", "hurt", "blesses",
                "blesse", "blessees", "blessee", "blessant", "blessure", "blessures", "hospitalised", "hospitalized",
                "hospitalises", "hospitalisees")) {
            CASUALTY_WORDS.put(w, Casualty.INJURED);
        }
        for (String w : List.of("missing", "unaccounted", "captured", "abducted", "kidnapped", "disparus", "disparu",
                "disparues", "disparue", "enleves", "enlevees", "enleve", "captures", "capturees", "capture",
                "kidnappes", "kidnappees")) {
            CASUALTY_WORDS.put(w, Casualty.MISSING);
        }
    }

    private static final Set<String> TOLL_WORDS = Set.of("toll", "bilan", "tally");

    static Party nounParty(String folded) {
        return NOUNS.get(folded);
    }

    static boolean isForeignModifier(Token t) {
        if (t.text().equals("un") && t.allCaps()) {
            return true; // UN
        }
        if (t.text().equals("us") && t.allCaps()) {
            return true; // US
        }
        if (t.text().equals("au") && t.allCaps()) {
            return true; // AU (African Union)
        }
        return FOREIGN_MODIFIERS.contains(t.text());
    }

    /** A regular expression over folded text for the words of one country's nationality ("somali|somalien|..."). */
    static String nationalityPattern(String country) {
        StringBuilder b = new StringBuilder("\\b(");
        boolean first = true;
        for (Map.Entry<String, String> e : NATIONALITY.entrySet()) {
            if (e.getValue().equalsIgnoreCase(country)) {
                b.append(first ? "" : "|").append(java.util.regex.Pattern.quote(e.getKey()));
                first = false;
            }
        }
        return first ? "(?!)" : b.append(")\\b").toString();
    }

    /** The country of a nationality adjective ("ugandan" → UG), or null. */
    static String nationality(String folded) {
        return NATIONALITY.get(folded);
    }

    /**
     * Whether a force of that nationality is foreign in an event of {@code home} (ISO code, null when unknown): any
     * other country than home; with home unknown, any country outside the region ({@link #REGIONAL}).
     */
    static boolean foreignTo(String nationality, String home) {
        if (nationality == null) {
            return false;
        }
        return home != null ? !nationality.equalsIgnoreCase(home) : !REGIONAL.contains(nationality);
    }

    /** Words that name an armed force or its post, for telling whose forces a text speaks of. */
    private static final Set<String> FORCE_WORDS = Set.of("troops", "troop", "soldiers", "soldier", "forces", "force",
            "army", "military", "soldats", "soldat", "militaires", "troupes", "armee", "contingent", "contingents",
            "battalion", "bataillon", "defence", "defense", "peacekeepers", "mission");

    static boolean isForceWord(String folded) {
        return FORCE_WORDS.contains(folded);
    }

    static boolean isDemographic(String folded) {
        return DEMOGRAPHIC.contains(folded);
    }

    static boolean isFighterNoun(String folded) {
        return FIGHTER_NOUNS.contains(folded);
    }

    static boolean isForeignForceWord(String folded) {
        return FOREIGN_FORCE_WORDS.contains(folded);
    }

    static boolean isInjuryNoun(String folded) {
        return INJURY_NOUNS.contains(folded);
    }

    static boolean isMilitantModifier(String folded) {
        return MILITANT_MODIFIERS.contains(folded);
    }

    static boolean impliesDeath(String folded) {
        return DEATH_NOUNS.contains(folded);
    }

    static boolean isAux(String folded) {
        return AUX.contains(folded);
    }

    static boolean isToll(String folded) {
        return TOLL_WORDS.contains(folded);
    }

    /**
     * The casualty meaning of the word(s) at {@code i}: single words, plus "lost their lives", "perdre/perdu la vie",
     * "trouver/trouvé la mort" (killed) and "taken prisoner", "faits prisonniers", "portés disparus" (missing). Returns null when none;
     * {@code len[0]} receives the token length.
     */
    static Casualty casualtyAt(List<Token> toks, int i, int[] len) {
        if (i < 0 || i >= toks.size()) {
            return null;
        }
        String w = toks.get(i).text();
        if ((w.equals("taken") || w.equals("took") || w.equals("take")) && CAPTIVE.contains(at(toks, i + 1))
                || (MADE_FR.contains(w) && at(toks, i + 1).startsWith("prisonni"))
                || (w.startsWith("porte") && w.length() <= 7 && at(toks, i + 1).startsWith("disparu"))) {
            len[0] = 2;
            return Casualty.MISSING; // "taken prisoner", "faits prisonniers", "portés disparus"
        }
        if (((w.equals("lost") || w.equals("lose") || w.equals("losing"))
                        && (at(toks, i + 2).equals("lives") || at(toks, i + 2).equals("life")))
                || (LOSE_FR.contains(w) && at(toks, i + 1).equals("la") && at(toks, i + 2).equals("vie"))
                || (FIND_FR.contains(w) && at(toks, i + 1).equals("la") && at(toks, i + 2).equals("mort"))) {
            len[0] = 3;
            return Casualty.KILLED;
        }
        if (w.equals("treated") || w.equals("soignes") || w.equals("soignees")) {
            // "six people were being treated for wounds", "soignés pour des blessures par balle"
            for (int k = i + 1; k < toks.size() && k <= i + 4; k++) {
                String x = toks.get(k).text();
                if (x.equals("wounds") || x.equals("injuries") || x.equals("burns") || x.equals("blessures")) {
                    len[0] = k - i + 1;
                    return Casualty.INJURED;
                }
            }
        }
        Casualty c = CASUALTY_WORDS.get(w);
        if (c != null) {
            len[0] = 1;
        }
        return c;
    }

    /** What "taken" is in "taken prisoner". */
    private static final Set<String> CAPTIVE = Set.of("prisoner", "prisoners", "captive", "captives");
    /** Forms of "faire" in "faits prisonniers". */
    private static final Set<String> MADE_FR = Set.of("fait", "faits", "faite", "faites", "firent");
    /** Forms of "perdre" in "perdre la vie" and of "trouver" in "trouver la mort". */
    private static final Set<String> LOSE_FR = Set.of("perdu", "perdre", "perd", "perdent", "perdait", "perdaient",
            "perdirent", "perdant");
    private static final Set<String> FIND_FR = Set.of("trouve", "trouver", "trouvent", "trouvait", "trouvaient",
            "trouverent", "trouvant");

    private static String at(List<Token> toks, int i) {
        return i >= 0 && i < toks.size() ? toks.get(i).text() : "";
    }
}
