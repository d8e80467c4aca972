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
                "sous-officiers", "agents", "forces")) {
            NOUNS.put(w, Party.state_forces);
        }
        for (String w : List.of("mercenaries", "mercenary", "mercenaires", "mercenaire", "peacekeepers", "peacekeeper",
                "casques", "helmets", "legionnaires", "paramilitaries")) {
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
                "motorists", "travellers", "travelers", "voyageurs", "pilgrims", "pelerins")) {
            NOUNS.put(w, Party.civilians);
        }
        for (String w : List.of("people", "persons", "personnes", "personne", "person", "individuals", "individus",
                "victims", "victimes", "bodies", "corps", "cadavres", "men", "hommes")) {
            NOUNS.put(w, Party.unknown);
        }
    }

    /** Modifiers that make a state-force noun (soldiers, troops, instructors) foreign. */
    private static final Set<String> FOREIGN_MODIFIERS = Set.of(
            "wagner", "russian", "russians", "russes", "russe", "french", "francais", "barkhane", "european",
            "americain", "american", "americains", "minusma", "minusca", "amisom", "atmis", "onu", "ugandan", "kenyan",
            "burundian", "foreign", "etrangers", "peacekeeping", "africa");

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
                "neutralisees", "abattus", "abattu", "massacres", "executes", "assassines", "assassinated", "decapites")) {
            CASUALTY_WORDS.put(w, Casualty.KILLED);
        }
        for (String w : List.of("wounded", "wounding", "injured", "injuring", "injuries", "injury", "hurt", "blesses",
                "blesse", "blessees", "blessee", "blessant", "blessure", "blessures")) {
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
        return FOREIGN_MODIFIERS.contains(t.text());
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
