package org.sitrep.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.extract.CasualtyLexicon.Casualty;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Party;
import org.sitrep.schema.Qualifier;

/**
 * What the pass-through reader ({@link PassThroughReader}) knows of one language other than English and French: a
 * small lexicon, not a grammar. Words are stored folded ({@link Text#fold}: lower case, no accents) and matched as
 * whole tokens; an entry of several words is a phrase of consecutive tokens. {@link LanguageProfiles} holds the
 * table; {@link #NONE} is the empty profile of a language without one (places, dates and actors are still read).
 *
 * @param code          ISO 639-1 code
 * @param stopWords     frequent words that tell the language apart ({@link LanguageDetector})
 * @param casualties    killed / injured / missing words and phrases ("muertos", "perdieron la vida", "ums leben")
 * @param parties       person nouns and whose losses they count ("soldados" state_forces, "civiles" civilians)
 * @param others        "others" words that take the party of the figure before ("otros", "weitere")
 * @param foreign       modifiers that make a state-force noun foreign ("franceses", "Wagner")
 * @param armed         modifiers that make a neutral noun militant ("hombres armados")
 * @param auxiliaries   words allowed between a noun and its casualty word ("fueron", "wurden", "sono stati")
 * @param glue          words allowed between a figure and its noun ("de", "di")
 * @param conjunctions  "and" words that coordinate figures
 * @param qualifiers    phrases before a figure that qualify it ("al menos" at_least, "unos" about)
 * @param months        month names to numbers, for dates ("enero" 1)
 * @param attribution   "according to" words after which a claimant is named ("según", "laut")
 * @param claimants     claimant nouns after an attribution word, with the name and kind they give ("ejército" →
 *                      "army", state)
 * @param events        event words and phrases and their type ("emboscada" ambush)
 */
record LanguageProfile(String code, Set<String> stopWords, Map<List<String>, Casualty> casualties,
        Map<String, Party> parties, Set<String> others, Set<String> foreign, Set<String> armed, Set<String> auxiliaries,
        Set<String> glue, Set<String> conjunctions, Map<List<String>, Qualifier> qualifiers, Map<String, Integer> months,
        Set<List<String>> attribution, Map<List<String>, Claimant> claimants, Map<List<String>, EventType> events) {

    /** A claimant a noun stands for: its name in claims and its kind. */
    record Claimant(String name, ClaimantKind kind) {}

    /** The profile of a language the table does not have: no words at all. */
    static final LanguageProfile NONE = builder("und").build();

    /** The longest phrase of {@code table} that starts at token {@code i}, or null; {@code len[0]} gets its length. */
    static <V> V phraseAt(Map<List<String>, V> table, List<Text.Token> toks, int i, int[] len) {
        for (int n = Math.min(4, toks.size() - i); n >= 1; n--) {
            List<String> key = new ArrayList<>(n);
            for (int k = i; k < i + n; k++) {
                key.add(toks.get(k).text());
            }
            V v = table.get(key);
            if (v != null) {
                len[0] = n;
                return v;
            }
        }
        return null;
    }

    /** The phrase of {@code table} that ends right before token {@code end}, or null; {@code len[0]} gets its length. */
    static <V> V phraseBefore(Map<List<String>, V> table, List<Text.Token> toks, int end, int[] len) {
        for (int n = Math.min(4, end); n >= 1; n--) {
            List<String> key = new ArrayList<>(n);
            for (int k = end - n; k < end; k++) {
                key.add(toks.get(k).text());
            }
            V v = table.get(key);
            if (v != null) {
                len[0] = n;
                return v;
            }
        }
        return null;
    }

    static Builder builder(String code) {
        return new Builder(code);
    }

    /**
     * Builds a profile from space-separated word lists, written as in the language (accents and capitals are folded
     * here); a phrase of several words is written with underscores between them: {@code "perdieron_la_vida"}.
     */
    static final class Builder {
        private final String code;
        private final Set<String> stopWords = new HashSet<>();
        private final Map<List<String>, Casualty> casualties = new HashMap<>();
        private final Map<String, Party> parties = new HashMap<>();
        private final Set<String> others = new HashSet<>();
        private final Set<String> foreign = new HashSet<>();
        private final Set<String> armed = new HashSet<>();
        private final Set<String> auxiliaries = new HashSet<>();
        private final Set<String> glue = new HashSet<>();
        private final Set<String> conjunctions = new HashSet<>();
        private final Map<List<String>, Qualifier> qualifiers = new HashMap<>();
        private final Map<String, Integer> months = new HashMap<>();
        private final Set<List<String>> attribution = new HashSet<>();
        private final Map<List<String>, Claimant> claimants = new HashMap<>();
        private final Map<List<String>, EventType> events = new HashMap<>();

        private Builder(String code) {
            this.code = code;
        }

        private static List<String> words(String list) {
            List<String> out = new ArrayList<>();
            for (String w : list.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
            return out;
        }

        /** A phrase as folded tokens: "ums_Leben" → [ums, leben]; "l'esercito" → [l, ', esercito]. */
        private static List<String> phrase(String w) {
            List<String> out = new ArrayList<>();
            for (Text.Token t : Text.tokenize(w.replace('_', ' '))) {
                out.add(t.text());
            }
            return List.copyOf(out);
        }

        private static String word(String w) {
            return Text.fold(w);
        }

        Builder stopWords(String list) {
            words(list).forEach(w -> stopWords.add(word(w)));
            return this;
        }

        Builder killed(String list) {
            words(list).forEach(w -> casualties.put(phrase(w), Casualty.KILLED));
            return this;
        }

        Builder injured(String list) {
            words(list).forEach(w -> casualties.put(phrase(w), Casualty.INJURED));
            return this;
        }

        Builder missing(String list) {
            words(list).forEach(w -> casualties.put(phrase(w), Casualty.MISSING));
            return this;
        }

        Builder party(Party party, String list) {
            words(list).forEach(w -> parties.put(word(w), party));
            return this;
        }

        Builder others(String list) {
            words(list).forEach(w -> others.add(word(w)));
            return this;
        }

        Builder foreign(String list) {
            words(list).forEach(w -> foreign.add(word(w)));
            return this;
        }

        Builder armed(String list) {
            words(list).forEach(w -> armed.add(word(w)));
            return this;
        }

        Builder auxiliaries(String list) {
            words(list).forEach(w -> auxiliaries.add(word(w)));
            return this;
        }

        Builder glue(String list) {
            words(list).forEach(w -> glue.add(word(w)));
            return this;
        }

        Builder conjunctions(String list) {
            words(list).forEach(w -> conjunctions.add(word(w)));
            return this;
        }

        Builder atLeast(String list) {
            words(list).forEach(w -> qualifiers.put(phrase(w), Qualifier.at_least));
            return this;
        }

        Builder about(String list) {
            words(list).forEach(w -> qualifiers.put(phrase(w), Qualifier.about));
            return this;
        }

        /** The twelve month names in order (several spellings of one month joined with "|"). */
        Builder months(String list) {
            List<String> names = words(list);
            if (names.size() != 12) {
                throw new IllegalArgumentException("12 months expected: " + list);
            }
            for (int m = 0; m < 12; m++) {
                for (String name : names.get(m).split("\\|")) {
                    months.put(word(name), m + 1);
                }
            }
            return this;
        }

        Builder attribution(String list) {
            words(list).forEach(w -> attribution.add(phrase(w)));
            return this;
        }

        Builder claimant(String name, ClaimantKind kind, String list) {
            Claimant c = new Claimant(name, kind);
            words(list).forEach(w -> claimants.put(phrase(w), c));
            return this;
        }

        Builder event(EventType type, String list) {
            words(list).forEach(w -> events.put(phrase(w), type));
            return this;
        }

        LanguageProfile build() {
            return new LanguageProfile(code, Set.copyOf(stopWords), Map.copyOf(casualties), Map.copyOf(parties),
                    Set.copyOf(others), Set.copyOf(foreign), Set.copyOf(armed), Set.copyOf(auxiliaries), Set.copyOf(glue),
                    Set.copyOf(conjunctions), Map.copyOf(qualifiers), Map.copyOf(months), Set.copyOf(attribution),
                    Map.copyOf(claimants), Map.copyOf(events));
        }
    }
}
