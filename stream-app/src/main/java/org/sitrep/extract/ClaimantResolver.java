package org.sitrep.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.schema.ClaimantKind;

/**
 * Finds who states a figure: attribution cues in a sentence, each with a claimant kind, a claimant name and a
 * position, so that a figure can take the nearest cue.
 *
 * <p>Kinds:
 * <ul>
 *   <li>anonymous_official: "on condition of anonymity", "asked not to be named", "security source(s)", "military
 *       source", "une source sécuritaire", "sous couvert d'anonymat", unnamed "officers/officials said", "a déclaré un officier". When such a
 *       cue is in a sentence, state cues in it are ignored (the anonymous officer of the army is not the army).</li>
 *   <li>state: army, military, government, ministry, general staff, president(cy), spokesman, authorities, governor,
 *       "army report/statement", l'armée, l'état-major, le gouvernement, communiqué, porte-parole — as the source of
 *       a statement ("according to the army", "the army said/claims", "army report", "..., a annoncé l'armée").</li>
 *   <li>armed_group: claims of responsibility ("claimed responsibility", "revendiqué"), "via SITE"/"authenticated
 *       by SITE", Amaq, "martyrs", a group that says or claims ("the group said", "according to JNIM").</li>
 *   <li>local_source: local officials, mayor, elected officials, residents, witnesses, notables, village chiefs,
 *       medical sources (élu local, habitants, témoins, notable, chef de village).</li>
 *   <li>ngo_un: UN, MINUSMA, OCHA, UNHCR, UNICEF, HRW, Amnesty, ACLED, MSF, ICRC/CICR, Red Cross as a source.</li>
 * </ul>
 * Overlapping cues: the one starting first wins, ties go anonymous &gt; local &gt; ngo/UN &gt; armed group &gt; state.
 */
final class ClaimantResolver {

    /** An attribution cue: kind, claimant name and character span in the sentence. */
    record Cue(ClaimantKind kind, String name, int start, int end) {
        int distanceTo(int pos) {
            if (pos >= start && pos < end) {
                return 0;
            }
            return pos < start ? start - pos : pos - end + 1;
        }
    }

    /** What is known about the article around a sentence, for naming claimants. */
    record Context(String paragraphArmedGroup, String articleArmedGroup, String articleStateActor) {}

    private static final String ACCORDING = "(?:according to|selon|d'apres|citing|quoting|cite par|cites par)";
    private static final String DET = "(?:(?:the|an?|l'|le|la|les|un|une|des|du|de l'|de la|d'|its|their|his|her)\\s*)?";
    private static final String SPEECH = "(?:said|says|say|told|announced|announces|reported|reports|stated|states|"
            + "added|adds|confirmed|confirms|claimed|claims|claim|indicated|declared|explained|tweeted|wrote|insisted|"
            + "gave|gives|put|puts|(?:a|ont) donne|"
            + "(?:a|ont|avait|avaient) (?:annonce|indique|affirme|declare|precise|confirme|rapporte|fait etat|dit|ajoute|"
            + "revendique|explique|assure|souligne|communique)|affirme|affirment|indique|indiquent|annonce|declare|"
            + "precise|rapporte|assure|assurent|dit|disent|ajoute|fait etat)";

    private static final String STATE_ENT = "(?:(?:\\w+ )?(?:army|military|armed forces|government|ministry(?: of \\w+)?|"
            + "minister|general staff|authorities|junta|presidency|president|spokes(?:man|woman|person)|governor|police|"
            + "gendarmerie)|armee(?: \\w+)?|etat-major|etat major|gouvernement|ministere(?: de \\w+)?|ministre|autorites|"
            + "presidence|gouverneur|forces armees(?: \\w+)?|fama|porte-parole)";
    private static final String LOCAL_ENT = "(?:local (?:officials?|sources?|leaders?|authorities|elected officials?|"
            + "residents?|chiefs?|notables?|journalists?|councillors?)|mayors?|maire|elected officials?|elus? locaux|"
            + "elus? locale?|un elu|residents?|witness(?:es)?|eyewitness(?:es)?|temoins?|habitants?|notables?|"
            + "village (?:chief|head)s?|chefs? de village|chefs? coutumiers?|traditional (?:leaders?|chiefs?)|"
            + "community leaders?|sources? locales?|hospital sources?|medical sources?|sources? (?:hospitalieres?|"
            + "medicales?)|(?:a|one) doctor|un medecin|health workers?|civil society|societe civile|youth leaders?|"
            + "religious leaders?|imams?)";
    private static final String NGO_ENT = "(?:united nations|nations unies|onu|minusma|ocha|unhcr|hcr|unicef|hrw|"
            + "human rights watch|amnesty(?: international)?|acled|msf|medecins sans frontieres|doctors without borders|"
            + "icrc|cicr|red cross|croix-rouge|ohchr|humanitarian sources?|sources? humanitaires?)";
    private static final String ARMED_GENERIC = "(?:(?:the |le |l'|this |ce )?(?:jihadist |islamist |armed |extremist |"
            + "terrorist )?(?:group|groupe|jihadists|jihadistes|djihadistes|insurgents|militants)|al-qaeda|al qaeda|"
            + "al-qaida|al qaida|islamic state|etat islamique|daesh|daech)";

    private static final Pattern ANON = Pattern.compile("\\b(?:on (?:the )?condition of anonymity|anonymity|"
            + "anonymously|anonymous|(?:asked|requested|wished|declined|wishing|asking) (?:not )?to be (?:named|identified)"
            + "|not authori[sz]ed to (?:speak|talk)|security sources?|military sources?|sources? securitaires?|"
            + "sources? militaires?|sous (?:le )?couvert (?:de l')?anonymat|requis l'anonymat|anonymat|"
            + "sans vouloir etre (?:cite|nomme|identifie)e?|une source (?:securitaire|militaire|proche)|"
            + "a source (?:close to|within|in) the|(?:an? |two |three |several |some )?(?:army |military |security |"
            + "government )?(?:officers?|officials?|commanders?|officiers?|responsables?) (?:said|told|say|says)|"
            + "(?:a|ont) (?:declare|indique|affirme|dit|confie|explique|precise|assure) (?:un|des|deux|plusieurs) "
            + "(?:officiers?|responsables?|gradee?s?))\\b");
    private static final Pattern STATE_STANDALONE = Pattern.compile("\\b(?:communique|porte-parole|"
            + "spokes(?:man|woman|person)|general staff|etat-major|official (?:toll|statement|figures?|report)|"
            + "bilan officiel|army (?:report|statement)|government statement)\\b");
    private static final Pattern ARMED_STANDALONE = Pattern.compile("\\b(?:claim(?:ed|s|ing)? (?:of )?"
            + "responsibility|responsibility (?:for|was claimed)|revendiqu\\w*|revendication\\w*|site intelligence|"
            + "amaq|martyrs?|propaganda|claimed by|the group's statement|in its claim|dans sa revendication)\\b");
    private static final Pattern SITE = Pattern.compile("\\bSITE\\b");
    private static final Pattern UN = Pattern.compile("\\bUN\\b");

    private final List<Pattern> statePatterns;
    private final List<Pattern> localPatterns;
    private final List<Pattern> ngoPatterns;
    private final List<Pattern> armedPatterns;
    private final ActorDictionary actors;

    ClaimantResolver(ActorDictionary actors) {
        this.actors = actors;
        statePatterns = templates(STATE_ENT);
        localPatterns = templates(LOCAL_ENT);
        ngoPatterns = templates(NGO_ENT);
        StringBuilder alt = new StringBuilder(ARMED_GENERIC);
        for (ActorDictionary.Actor a : actors.actors()) {
            if (a.kind() == ActorDictionary.Kind.ARMED_GROUP) {
                for (String alias : a.aliases()) {
                    alt.append('|').append(Pattern.quote(Text.fold(alias)));
                }
            }
        }
        armedPatterns = templates("(?:" + alt + ")");
    }

    /** "according to ENT", "ENT [, ... ,] [word] said", "ENT report/statement/...", "..., a annoncé l'armée". */
    private static List<Pattern> templates(String ent) {
        return List.of(
                Pattern.compile("\\b" + ACCORDING + "\\s+" + DET + "(?:[\\w'-]+\\s+){0,4}?" + ent + "\\b"),
                Pattern.compile("\\b" + ent + "(?:\\s*,[^,.;]{1,60},)?\\s+(?:\\w+\\s+)?" + SPEECH + "\\b"),
                Pattern.compile("\\b" + ent + "\\s+(?:report|statement|communique|toll|figures|data|tally|press release|"
                        + "release|sources?|bilan|count)\\b"),
                // an incise after the figures: "..., a annoncé jeudi l'armée", "..., affirme le ministère"
                Pattern.compile("(?:,|\")\\s*" + SPEECH + "\\s+(?:\\w+\\s+){0,2}?" + DET + ent + "\\b"));
    }

    /** All cues of a sentence, after dropping overlaps and, when an anonymous cue exists, state cues. */
    List<Cue> cues(String sentence, Context ctx) {
        String f = Text.fold(sentence);
        List<Cue> raw = new ArrayList<>();
        Matcher m = ANON.matcher(f);
        while (m.find()) {
            raw.add(new Cue(ClaimantKind.anonymous_official, anonName(f), m.start(), m.end()));
        }
        for (Pattern p : localPatterns) {
            m = p.matcher(f);
            while (m.find()) {
                raw.add(new Cue(ClaimantKind.local_source, localName(m.group()), m.start(), m.end()));
            }
        }
        for (Pattern p : ngoPatterns) {
            m = p.matcher(f);
            while (m.find()) {
                raw.add(new Cue(ClaimantKind.ngo_un, ngoName(m.group()), m.start(), m.end()));
            }
        }
        m = UN.matcher(sentence);
        while (m.find()) {
            String around = f.substring(Math.max(0, m.start() - 30), Math.min(f.length(), m.end() + 40));
            if (around.matches("(?s).*\\b" + ACCORDING + "\\s+(the\\s+)?un\\b.*")
                    || around.matches("(?s).*\\bun\\s+(?:\\w+\\s+)?" + SPEECH + "\\b.*")
                    || around.matches("(?s).*\\bun (report|statement|data|figures|mission|agency|office|experts?)\\b.*")) {
                raw.add(new Cue(ClaimantKind.ngo_un, "UN", m.start(), m.end()));
            }
        }
        for (Pattern p : armedPatterns) {
            m = p.matcher(f);
            while (m.find()) {
                raw.add(new Cue(ClaimantKind.armed_group, armedName(sentence, ctx), m.start(), m.end()));
            }
        }
        m = ARMED_STANDALONE.matcher(f);
        while (m.find()) {
            raw.add(new Cue(ClaimantKind.armed_group, armedName(sentence, ctx), m.start(), m.end()));
        }
        m = SITE.matcher(sentence);
        while (m.find()) {
            raw.add(new Cue(ClaimantKind.armed_group, armedName(sentence, ctx), m.start(), m.end()));
        }
        for (Pattern p : statePatterns) {
            m = p.matcher(f);
            while (m.find()) {
                raw.add(new Cue(ClaimantKind.state, stateName(sentence, m.group(), ctx), m.start(), m.end()));
            }
        }
        m = STATE_STANDALONE.matcher(f);
        while (m.find()) {
            raw.add(new Cue(ClaimantKind.state, stateName(sentence, m.group(), ctx), m.start(), m.end()));
        }
        boolean anonymous = raw.stream().anyMatch(c -> c.kind() == ClaimantKind.anonymous_official);
        raw.removeIf(c -> anonymous && c.kind() == ClaimantKind.state);
        raw.sort(Comparator.comparingInt(Cue::start).thenComparingInt(c -> priority(c.kind())));
        List<Cue> kept = new ArrayList<>();
        for (Cue c : raw) {
            boolean overlaps = kept.stream().anyMatch(k -> c.start() < k.end() && k.start() < c.end()
                    && k.kind() != c.kind());
            if (!overlaps) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** The cue nearest to a character position (ties: the earlier cue), or null when there is none. */
    static Cue nearest(List<Cue> cues, int pos) {
        Cue best = null;
        for (Cue c : cues) {
            if (best == null || c.distanceTo(pos) < best.distanceTo(pos)) {
                best = c;
            }
        }
        return best;
    }

    private static int priority(ClaimantKind k) {
        return switch (k) {
            case anonymous_official -> 0;
            case local_source -> 1;
            case ngo_un -> 2;
            case armed_group -> 3;
            case state -> 4;
            default -> 5;
        };
    }

    private static String anonName(String f) {
        if (f.matches("(?s).*\\b(officers?|commanders?|officiers?|commandants?)\\b.*")) {
            return "anonymous officers";
        }
        if (f.matches("(?s).*\\b(officials?|responsables?)\\b.*")) {
            return "anonymous officials";
        }
        if (f.matches("(?s).*\\b(military sources?|sources? militaires?|une source militaire)\\b.*")) {
            return "military source";
        }
        if (f.matches("(?s).*\\b(security sources?|sources? securitaires?)\\b.*")) {
            return "security source";
        }
        return "anonymous source";
    }

    private static final Map<String, String> NGO_NAMES = Map.ofEntries(
            Map.entry("united nations", "UN"), Map.entry("nations unies", "UN"), Map.entry("onu", "UN"),
            Map.entry("minusma", "MINUSMA"), Map.entry("ocha", "OCHA"), Map.entry("unhcr", "UNHCR"),
            Map.entry("hcr", "UNHCR"), Map.entry("unicef", "UNICEF"), Map.entry("hrw", "HRW"),
            Map.entry("human rights watch", "HRW"), Map.entry("amnesty", "Amnesty International"),
            Map.entry("acled", "ACLED"), Map.entry("msf", "MSF"), Map.entry("medecins sans frontieres", "MSF"),
            Map.entry("doctors without borders", "MSF"), Map.entry("icrc", "ICRC"), Map.entry("cicr", "ICRC"),
            Map.entry("red cross", "ICRC"), Map.entry("croix-rouge", "ICRC"), Map.entry("ohchr", "OHCHR"),
            Map.entry("humanitarian source", "humanitarian sources"), Map.entry("sources humanitaire", "humanitarian sources"),
            Map.entry("source humanitaire", "humanitarian sources"));

    private static String ngoName(String cue) {
        String best = "UN";
        int at = Integer.MAX_VALUE;
        for (Map.Entry<String, String> e : NGO_NAMES.entrySet()) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(e.getKey())).matcher(cue);
            if (m.find() && (m.start() < at || (m.start() == at && e.getKey().length() > 3))) {
                at = m.start();
                best = e.getValue();
            }
        }
        return best;
    }

    private static String localName(String cue) {
        String[][] names = {
                {"local official", "local official"}, {"local elected", "local elected official"}, {"mayor", "mayor"},
                {"maire", "mayor"}, {"elected", "local elected official"}, {"elu", "local elected official"},
                {"resident", "residents"}, {"habitant", "residents"}, {"witness", "witnesses"}, {"temoin", "witnesses"},
                {"notable", "notables"}, {"chief", "village chief"}, {"chef", "village chief"}, {"hospital", "medical source"},
                {"medical", "medical source"}, {"medic", "medical source"}, {"doctor", "medical source"},
                {"health", "medical source"}, {"civil society", "civil society"}, {"societe civile", "civil society"},
                {"leader", "local leader"}, {"imam", "local leader"}};
        for (String[] n : names) {
            if (cue.contains(n[0])) {
                return n[1];
            }
        }
        return "local sources";
    }

    private String armedName(String sentence, Context ctx) {
        for (ActorDictionary.Mention m : actors.find(sentence)) {
            if (m.actor().kind() == ActorDictionary.Kind.ARMED_GROUP) {
                return m.actor().name();
            }
        }
        if (ctx != null && ctx.paragraphArmedGroup() != null) {
            return ctx.paragraphArmedGroup();
        }
        if (ctx != null && ctx.articleArmedGroup() != null) {
            return ctx.articleArmedGroup();
        }
        return "armed group";
    }

    private String stateName(String sentence, String cue, Context ctx) {
        for (ActorDictionary.Mention m : actors.find(sentence)) {
            if (m.actor().kind() == ActorDictionary.Kind.STATE) {
                return m.actor().name();
            }
        }
        if (cue.matches("(?s).*\\b(army|military|armed forces|armee|forces armees|fama|general staff|etat-major|"
                + "etat major|communique|army report|army statement)\\b.*")) {
            if (ctx != null && ctx.articleStateActor() != null) {
                return ctx.articleStateActor();
            }
        }
        String[][] labels = {
                {"general staff", "general staff"}, {"etat-major", "general staff"}, {"etat major", "general staff"},
                {"army", "army"}, {"armee", "army"}, {"military", "army"}, {"armed forces", "army"},
                {"forces armees", "army"}, {"fama", "FAMa"}, {"ministry", "ministry"}, {"ministere", "ministry"},
                {"minister", "minister"}, {"ministre", "minister"}, {"government", "government"},
                {"gouvernement", "government"}, {"presiden", "president"}, {"spokes", "spokesman"},
                {"porte-parole", "spokesman"}, {"governor", "governor"}, {"gouverneur", "governor"},
                {"police", "police"}, {"gendarmerie", "gendarmerie"}, {"authorities", "authorities"},
                {"autorites", "authorities"}, {"junta", "government"}, {"communique", "government"},
                {"official", "government"}, {"bilan officiel", "government"}};
        String c = cue.toLowerCase(Locale.ROOT);
        for (String[] l : labels) {
            if (c.contains(l[0])) {
                return l[1];
            }
        }
        return "government";
    }

    /** Armed groups named in a text, canonical names in order (for paragraph context). */
    String firstArmedGroup(List<String> texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String t : texts) {
            for (ActorDictionary.Mention m : actors.find(t)) {
                if (m.actor().kind() == ActorDictionary.Kind.ARMED_GROUP) {
                    names.add(m.actor().name());
                }
            }
        }
        return names.isEmpty() ? null : names.iterator().next();
    }
}
