package org.sitrep.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.sitrep.extract.CasualtyLexicon.Casualty;
import org.sitrep.extract.NumberParser.NumberMention;
import org.sitrep.extract.SentenceSplitter.Sentence;
import org.sitrep.extract.Text.Token;
import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Party;
import org.sitrep.schema.Qualifier;

/**
 * Reads casualty claims (killed, injured and/or missing, whose losses, who says so, how precisely) from sentences.
 *
 * <p>A figure counts when it is tied to a casualty word: a verb or noun right before it ("killed 14 soldiers",
 * "the murder of five martyrs", "neutralised 31 terrorists"), after it ("14 soldiers were killed", "a toll of 14
 * dead", "five Wagner mercenaries and seven Malian troops were killed"), after a complement or an incise of its noun
 * ("54 Ugandan soldiers serving with the AU mission were killed", "vingt Volontaires pour la défense de la patrie
 * (VDP) ont été tués", "17 people, including nine soldiers, were killed"), a noun that means death ("five martyrs",
 * "43 bodies"), or a toll earlier in the sentence ("the toll rose to 14, up from 12" and "the number of people killed
 * has risen to 231" give figures; "le bilan est passé de 134 à 157 morts" two). A figure followed by a word that is not
 * a person ("three explosive devices", "10 January", "20 gun trucks") does not count. A figure that repeats the shape
 * of the one before ("70 were killed in A and 30 in B"), or gives its earlier reading ("77, up from 63", "contre 63"),
 * takes its meaning. A subset ("22 people, 19 of them civilians", "dont 19 civils", "three of the dead were members
 * of an armed group") is a claim only when it names another party than its total; "two of them were women" or "six of
 * the wounded were in a serious condition" are not.
 *
 * <p>Not about this event: a conflict's aggregate ("the insurgency has killed more than 30,000 people", "ces
 * violences ont fait plus de 1 400 morts") and any killed figure above {@value #MAX_INCIDENT_KILLED}; the killing a
 * reprisal answered ("revenge after villagers killed two jihadists"); a figure in a clause about another attack the
 * sentence compares this one with or dates it by ("deadlier than the December assault, where 71 soldiers died", "une
 * semaine après l'attaque de Dioura, au cours de laquelle...", "a week after 20 soldiers were killed").
 *
 * <p>Whose losses: the person noun after the figure (soldiers, mercenaries, terrorists, civilians... see
 * {@link CasualtyLexicon}); a force of another nationality than the event's country ({@link Source#country}) is
 * foreign ("54 Ugandan soldiers" in Somalia, "soldats tchadiens" in Niger; with the country unknown, forces of
 * countries outside the region); fighters, men or members of a foreign force are foreign ("84 fighters of Russia's
 * Wagner group", "une cinquantaine de Russes"); what the dead were, after "were" ("were presumed to be members of an
 * armed group"); the noun of the toll phrase ("the number of soldiers killed rose to 40"); "others" takes the party of
 * the earlier figures when they agree (else unknown); a bare figure takes the party of the previous figure in the
 * sentence ("14 soldiers were killed and 11 wounded"); the noun after "among"/"parmi"/"dans les rangs de" ("de
 * l'armée"); the claimant's own ranks ("dans nos rangs", "on our side"); otherwise unknown, left to the second pass
 * ({@link #review}, {@link ClaimParties}).
 *
 * <p>Killed, injured and missing figures of the same party, claimant and sentence make one claim when their
 * qualifiers agree or the later one is unqualified (it then takes the first one's qualifier): "71 soldiers were
 * killed, 12 wounded and 30 missing" is one claim. Missing means missing, unaccounted for, captured, taken prisoner,
 * abducted, kidnapped, portés disparus, disparus, enlevés, faits prisonniers, capturés; a figure of bodies is killed
 * whatever the verb; "treated for wounds" and "hospitalised" are injured.
 *
 * <p>Who: the nearest attribution cue in the sentence ({@link ClaimantResolver}); a cue that refers back ("he said",
 * "the source said", "selon la même source", "the report said") is the latest named source before it, in the
 * sentence or anywhere earlier in the article; with no cue, the attribution that closes a quotation the sentence
 * opens ("\"We have 60 dead." ... the source said."), else the cue of the nearest earlier sentence of the same
 * paragraph that has one (a continued quotation: "According to the group..." then "It said..."); otherwise the outlet,
 * as media, or as state or ngo_un when the outlet is itself a government or UN office. A claim whose claimant is not
 * named in its own sentence and whose figure a named source already gave is a summary, not a claim ("le bilan est
 * ainsi passé de 43 à 110 morts"). Identical claims within an article are kept once.
 */
public final class ClaimExtractor {

    /**
     * The article a sentence list comes from: {@code title} (may be null) helps tell the scene of the event, and
     * {@code country} (ISO code of the event's country, null when unknown) tells home forces from foreign ones.
     */
    public record Source(String articleId, String outlet, Instant publishedAt, Language language, String title,
            String country) {
        public Source(String articleId, String outlet, Instant publishedAt, Language language) {
            this(articleId, outlet, publishedAt, language, null, null);
        }
    }

    /** A sentence to read, with whether it is background (background sentences give no figures). */
    public record Input(Sentence sentence, boolean background) {}

    private static final GuardedPattern OWN_RANKS = GuardedPattern.compile(
            "\\b(dans (ses|leurs|nos) rangs|on our side|de notre cote|in (its|their|our) (own )?ranks|among (its|their|our) (own )?(ranks|troops|men|"
                    + "fighters)|of (its|their) (own )?(men|troops|soldiers|fighters))\\b");
    private static final Set<String> CONJUNCTIONS = Set.of("and", "et", ",", "as", "ainsi", "plus", "or", "ou");
    private static final Set<String> PHRASE_GLUE = Set.of("of", "de", "d", "des", "du", "the", "les", "la", "le",
            "them", "eux", "their", "leurs", "its", "ses", "our", "nos", "whom", "dont");
    private static final Set<String> PHRASE_STOP = Set.of("in", "on", "at", "between", "during", "near", "dans", "en",
            "a", "pres", "lors", "pendant", "from", "by", "par", "with", "avec", "after", "apres", "when", "while",
            "including", "y", "since", "depuis", "for", "pour", "to", "into", "against", "contre", "but", "mais", "which",
            "who", "that", "qui", "que", "is", "was", "were", "are", "have", "has", "had", "ont", "sont", "ete", "etaient",
            "been", "be", "according", "selon", "not", "no", "up", "down", "over", "about", "around",
            // time words right after a figure end its phrase: "passé à 41 dimanche", "rose to 57 yesterday"
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd", "yesterday",
            "today", "overnight", "last", "this", "ce", "cette", "mi", "fin", "debut", "desormais", "now",
            // a figure's source or time right after it: "up from 100 announced earlier", "contre 63 selon le bilan"
            "announced", "reported", "given", "earlier", "previously", "initially", "cited", "recorded", "annonce",
            "annonces", "avance", "avances", "donne", "donnes", "precedemment", "initialement", "auparavant",
            // a speech verb after the noun makes the figure its speaker: "a soldier said more troops died"
            "said", "says", "told", "tells", "added", "explained", "recalled", "recounted", "stated");
    private static final Set<String> MONTH_WORDS = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december", "janvier", "fevrier", "mars", "avril",
            "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "jan", "feb", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    /** Words that end the clause of a figure when looking for "among the soldiers" after it. */
    private static final Set<String> CLAUSE_END = Set.of(",", ".", ";", ":", "while", "whereas", "but", "tandis",
            "alors", "mais", "according", "selon");
    private static final Set<String> MILITANT_CONTEXT = Set.of("group", "groupe", "jnim", "gsim", "isgs", "eigs",
            "iswap", "shabaab", "shebab", "boko", "jihadist", "jihadiste", "jihadistes", "terrorist", "terroriste");

    private final NumberParser numbers = new NumberParser();
    private final EventTypeClassifier classifier = new EventTypeClassifier();
    private final ClaimantResolver claimants;
    private final ActorDictionary actors;

    public ClaimExtractor(ActorDictionary actors) {
        this.actors = actors;
        this.claimants = new ClaimantResolver(actors);
    }

    /** One figure in a sentence, once analysed. */
    private record Figure(NumberMention number, int phraseEnd, int tailEnd, Party party, boolean others,
            boolean bare, Casualty casualty, boolean viaBefore, boolean demographic, boolean partitive) {
        Figure withParty(Party p) {
            return new Figure(number, phraseEnd, tailEnd, p, others, bare, casualty, viaBefore, demographic, partitive);
        }

        Figure typed(Casualty c, boolean before, boolean isPartitive) {
            return new Figure(number, phraseEnd, tailEnd, party, others, bare, c, before, demographic, isPartitive);
        }
    }

    /** Claims of all non-background sentences, in sentence order, without duplicates. */
    public List<Claim> extract(List<Input> inputs, Source src) {
        return extract(ArticleText.single(), inputs, src);
    }

    /** {@link #extract(List, Source)} over sentences of an article, each read once. */
    List<Claim> extract(ArticleText article, List<Input> inputs, Source src) {
        List<Claim> out = new ArrayList<>();
        if (inputs == null || inputs.isEmpty() || src == null) {
            return out;
        }
        String articleArmed = mostMentioned(article, inputs, ActorDictionary.Kind.ARMED_GROUP);
        String articleState = mostMentioned(article, inputs, ActorDictionary.Kind.STATE);
        Lazy<List<ClaimantResolver.Person>> persons = new Lazy<>(
                () -> claimants.persons(inputs.stream().map(in -> in.sentence().text()).toList()));
        ClaimantKind outletKind = claimants.outletKind(src.outlet());
        Map<String, Claim> unique = new LinkedHashMap<>();
        // claims whose claimant is not named in their own sentence (carried, referred back to, or the outlet)
        Set<Claim> borrowed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        // Cues of every sentence, each computed only when asked for: most sentences have no figure, and the claimant
        // patterns are the most expensive part of extraction.
        List<Lazy<List<ClaimantResolver.Cue>>> cues = new ArrayList<>(inputs.size());
        List<String> paragraphSoFar = new ArrayList<>();
        int paragraph = -1;
        for (Input in : inputs) {
            Sentence s = in.sentence();
            if (s.paragraph() != paragraph) {
                paragraph = s.paragraph();
                paragraphSoFar.clear();
            }
            paragraphSoFar.add(s.text());
            List<String> soFar = List.copyOf(paragraphSoFar);
            cues.add(new Lazy<>(() -> claimants.cues(article, s.text(), new ClaimantResolver.Context(
                    claimants.firstArmedGroup(article, soFar), articleArmed, articleState, persons.get()))));
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).background()) {
                continue;
            }
            int at = i;
            boolean[] ownCue = new boolean[1];
            CueResolver resolve = (cue) -> {
                ownCue[0] = cue != null && !cue.anaphor();
                return resolveCue(article, cue, at, inputs, cues);
            };
            List<Claim> sentenceClaims = claims(article, inputs.get(i).sentence().text(), cues.get(i), resolve, src,
                    outletKind);
            for (Claim c : sentenceClaims) {
                if (unique.putIfAbsent(ClaimFigures.key(c), c) == null && !ownCue[0]) {
                    borrowed.add(c);
                }
            }
        }
        List<Claim> found = ClaimFigures.withoutUnknownDuplicates(unique.values());
        out.addAll(ClaimFigures.withoutRestatements(found, borrowed));
        return out;
    }

    /** Turns the cue nearest a figure (null when its sentence has none) into the cue that names its claimant. */
    @FunctionalInterface
    private interface CueResolver {
        ClaimantResolver.Cue resolve(ClaimantResolver.Cue nearest);
    }

    /**
     * The claimant cue of a figure of sentence {@code i}: the nearest cue of its sentence; when there is none, the
     * attribution that closes a quotation the sentence opens (\"We have 60 dead.\" / \"...,\" the source said.), else
     * the first cue of the latest earlier sentence of the paragraph that has one (a continued quotation: "According to
     * the group..." then "It said..."). A cue that refers back ("he said", "the source said", "selon la même source",
     * "the report said") is the latest named source before the sentence, anywhere in the article. Null: the outlet.
     */
    private static ClaimantResolver.Cue resolveCue(ArticleText article, ClaimantResolver.Cue nearest, int i,
            List<Input> inputs, List<Lazy<List<ClaimantResolver.Cue>>> cues) {
        ClaimantResolver.Cue cue = nearest;
        int paragraph = inputs.get(i).sentence().paragraph();
        if (cue == null && openQuote(article, inputs.get(i).sentence().text())) {
            for (int j = i + 1; j < inputs.size() && j <= i + 3 && inputs.get(j).sentence().paragraph() == paragraph; j++) {
                String t = inputs.get(j).sentence().text();
                if (openQuote(article, t)) {
                    int close = article.folded(t).indexOf('"');
                    List<ClaimantResolver.Cue> later = cues.get(j).get();
                    for (ClaimantResolver.Cue c : later) {
                        if (c.start() >= close) {
                            cue = c;
                            break;
                        }
                    }
                    break;
                }
            }
        }
        if (cue == null) {
            for (int k = i - 1; k >= 0 && inputs.get(k).sentence().paragraph() == paragraph; k--) {
                List<ClaimantResolver.Cue> c = cues.get(k).get();
                if (!c.isEmpty()) {
                    cue = c.get(0);
                    break;
                }
            }
        }
        if (cue != null && cue.anaphor()) {
            // "local sources said that they had counted 160": the source named earlier in the same sentence, else
            // the latest one before it
            ClaimantResolver.Cue anaphor = cue;
            cue = null;
            if (anaphor == nearest) {
                for (ClaimantResolver.Cue c : cues.get(i).get()) {
                    if (!c.anaphor() && c.end() <= anaphor.start()) {
                        cue = c;
                    }
                }
            }
            for (int k = i - 1; k >= 0 && cue == null; k--) {
                List<ClaimantResolver.Cue> c = cues.get(k).get();
                for (int q = c.size() - 1; q >= 0; q--) {
                    if (!c.get(q).anaphor()) {
                        cue = c.get(q);
                        break;
                    }
                }
            }
        }
        return cue;
    }

    /** A sentence with an odd number of quotation marks opens (or closes) a quotation that spans sentences. */
    private static boolean openQuote(ArticleText article, String sentence) {
        String f = article.folded(sentence);
        int n = 0;
        for (int k = 0; k < f.length(); k++) {
            if (f.charAt(k) == '"') {
                n++;
            }
        }
        return n % 2 == 1;
    }

    /**
     * The second pass over the claims of one report ({@link ClaimParties}, then {@link ClaimFigures#withoutRepeats}):
     * parties inferred from the scene and the other claims, then one claim per figure and source. {@code texts} are
     * the report's title (may be empty) then its non-background sentences; {@code country} its country (may be null).
     */
    public List<Claim> review(List<Claim> claims, List<String> texts, String country) {
        return review(ArticleText.single(), claims, texts, country);
    }

    /** {@link #review(List, List, String)} of a report of an article, its texts read once. */
    List<Claim> review(ArticleText article, List<Claim> claims, List<String> texts, String country) {
        if (claims == null || claims.isEmpty()) {
            return claims;
        }
        return ClaimFigures.withoutRepeats(ClaimParties.resolve(claims, scene(article, texts, country)));
    }

    /** What the report's texts (title first) say of its event as a whole, for {@link ClaimParties}. */
    ClaimParties.Scene scene(List<String> texts, String country) {
        return scene(ArticleText.single(), texts, country);
    }

    private ClaimParties.Scene scene(ArticleText article, List<String> texts, String country) {
        Optional<EventType> type = EventTypeClassifier.vote(classifier.evidenceEach(article, texts));
        boolean civilianTarget = type.isPresent()
                && (type.get() == EventType.attack_on_civilians || type.get() == EventType.suicide_bombing);
        int foreign = 0;
        int home = 0;
        Boolean leadForeign = null;
        for (int k = 0; k < texts.size(); k++) {
            int[] counts = forceMentions(article, texts.get(k), country);
            if (k > 0 && leadForeign == null && counts[0] + counts[1] > 0) {
                leadForeign = counts[0] > 0 && counts[1] == 0; // the first sentence of the body that names a force
            }
            foreign += counts[0];
            home += counts[1];
        }
        boolean foreignHeld = Boolean.TRUE.equals(leadForeign) && 2 * home <= foreign;
        java.util.regex.Pattern homeForces = null;
        if (foreignHeld && country != null) {
            homeForces = java.util.regex.Pattern.compile(CasualtyLexicon.nationalityPattern(country));
        }
        return new ClaimParties.Scene(civilianTarget, foreignHeld, homeForces);
    }

    /**
     * Mentions of foreign and of home forces in a text: {foreign, home}. Foreign: the foreign forces of the actor
     * dictionary (Wagner, ATMIS, MINUSMA, Barkhane...), the African Union, AU, peacekeepers, mercenaries, or a foreign
     * nationality next to a force word ("Ugandan troops"); home: the state forces of the actor dictionary and the
     * event country's nationality next to a force word ("Somali forces", "armée malienne").
     */
    private int[] forceMentions(ArticleText article, String text, String home) {
        int foreign = 0;
        int homeCount = 0;
        List<ActorDictionary.Mention> named = actors.find(article, text);
        for (ActorDictionary.Mention m : named) {
            if (m.actor().kind() == ActorDictionary.Kind.FOREIGN_FORCE) {
                foreign++;
            } else if (m.actor().kind() == ActorDictionary.Kind.STATE) {
                homeCount++;
            }
        }
        List<Token> toks = article.tokens(text);
        for (int k = 0; k < toks.size(); k++) {
            Token t = toks.get(k);
            String w = t.text();
            if (within(named, t)) {
                continue; // counted as an actor
            }
            Party p = CasualtyLexicon.nounParty(w);
            boolean africanUnion = (w.equals("african") && at(toks, k + 1).equals("union"))
                    || (w.equals("union") && at(toks, k + 1).equals("africaine"));
            if ((p == Party.foreign_forces && !w.equals("wagner")) || africanUnion || (w.equals("au") && t.allCaps())
                    || (CasualtyLexicon.isForeignModifier(t) && !w.equals("foreign") && !w.equals("etrangers")
                            && !w.equals("african") && !w.equals("au") && nearForceWord(toks, k))) {
                foreign++;
                continue;
            }
            String nat = CasualtyLexicon.nationality(w);
            if (nat != null && nearForceWord(toks, k)) {
                if (CasualtyLexicon.foreignTo(nat, home)) {
                    foreign++;
                } else if (home == null || nat.equalsIgnoreCase(home)) {
                    homeCount++;
                }
            }
        }
        return new int[] {foreign, homeCount};
    }

    private static boolean within(List<ActorDictionary.Mention> mentions, Token t) {
        for (ActorDictionary.Mention m : mentions) {
            if (m.start() <= t.start() && t.end() <= m.end()) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> FORCE_NAME_WORDS = Set.of("'", "s", "people", "national", "armed", "defence",
            "defense", "special", "elite", "armees", "nationales", "speciales");

    /**
     * Whether the word at {@code k} qualifies a force: a force word follows across names and "'s" ("Ugandan troops",
     * "Uganda People's Defence Forces") or precedes it ("soldats ougandais", "forces armées maliennes").
     */
    private static boolean nearForceWord(List<Token> toks, int k) {
        for (int q = k + 1; q < toks.size() && q <= k + 3; q++) {
            Token t = toks.get(q);
            if (CasualtyLexicon.isForceWord(t.text())) {
                return true;
            }
            if (!FORCE_NAME_WORDS.contains(t.text()) && !t.capitalised()) {
                break;
            }
        }
        return (k >= 1 && CasualtyLexicon.isForceWord(toks.get(k - 1).text()))
                || (k >= 2 && CasualtyLexicon.isForceWord(toks.get(k - 2).text())
                        && FORCE_NAME_WORDS.contains(toks.get(k - 1).text()));
    }

    private String mostMentioned(ArticleText article, List<Input> inputs, ActorDictionary.Kind kind) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Input in : inputs) {
            if (in.background()) {
                continue;
            }
            for (ActorDictionary.Mention m : actors.find(article, in.sentence().text())) {
                if (m.actor().kind() == kind) {
                    counts.merge(m.actor().name(), 1, Integer::sum);
                }
            }
        }
        String best = null;
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }

    /** Claims of one sentence; the cues are only asked for when the sentence has a casualty figure. */
    private List<Claim> claims(ArticleText article, String sentence, Supplier<List<ClaimantResolver.Cue>> cueSource,
            CueResolver resolver, Source src, ClaimantKind outletKind) {
        List<Token> toks = article.tokens(sentence);
        List<Figure> figures = figures(toks, src.language(), src.country());
        if (figures.isEmpty()) {
            return new ArrayList<>();
        }
        List<ClaimantResolver.Cue> cues = cueSource.get();
        List<Claim> out = new ArrayList<>();
        // open claims of this sentence, to attach injured to killed (and back)
        List<Claim.Builder> open = new ArrayList<>();
        List<Qualifier> openQualifiers = new ArrayList<>();
        for (Figure f : figures) {
            int pos = toks.get(f.number().numberStart()).start();
            ClaimantResolver.Cue cue = resolver.resolve(ClaimantResolver.nearest(cues, pos));
            String claimant = cue == null ? src.outlet() : cue.name();
            ClaimantKind kind = cue == null ? outletKind : cue.kind();
            if (f.party() == Party.unknown && OWN_RANKS.find(article.probe(article.folded(sentence)))) {
                // "fait état de 14 morts dans ses rangs": the claimant's own losses (an anonymous officer's are the
                // army's)
                if (kind == ClaimantKind.state || kind == ClaimantKind.anonymous_official) {
                    f = f.withParty(Party.state_forces);
                } else if (kind == ClaimantKind.armed_group) {
                    f = f.withParty(Party.militants);
                }
            }
            boolean merged = false;
            for (int k = open.size() - 1; k >= 0 && !merged; k--) {
                Claim.Builder b = open.get(k);
                boolean sameSource = b.getClaimant().equals(claimant) && b.getClaimantKind() == kind
                        && b.getParty() == f.party();
                boolean compatible = openQualifiers.get(k) == f.number().qualifier() || f.number().qualifier() == Qualifier.exact;
                if (!sameSource || !compatible) {
                    continue;
                }
                merged = ClaimFigures.merge(b, f.casualty(), f.number().value());
            }
            if (merged) {
                continue;
            }
            Claim.Builder b = Claim.newBuilder()
                    .setClaimant(claimant == null ? "" : claimant)
                    .setClaimantKind(kind)
                    .setParty(f.party())
                    .setKilled(f.casualty() == Casualty.KILLED ? f.number().value() : null)
                    .setInjured(f.casualty() == Casualty.INJURED ? f.number().value() : null)
                    .setMissing(f.casualty() == Casualty.MISSING ? f.number().value() : null)
                    .setQualifier(f.number().qualifier())
                    .setArticleId(src.articleId())
                    .setOutlet(src.outlet())
                    .setPublishedAt(src.publishedAt())
                    .setSentence(sentence)
                    .setPartisan(false);
            open.add(b);
            openQualifiers.add(f.number().qualifier());
        }
        for (Claim.Builder b : open) {
            out.add(b.build());
        }
        return out;
    }

    /** Casualty figures of a tokenised sentence, with party and meaning. */
    List<Figure> figures(List<Token> toks, Language lang, String home) {
        List<Figure> raw = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            Optional<NumberMention> m = numbers.at(toks, i, lang);
            if (m.isEmpty()) {
                i++;
                continue;
            }
            NumberMention n = m.get();
            Figure f = phrase(toks, n, lang, home);
            if (f != null) {
                raw.add(f);
            }
            i = Math.max(n.end(), i + 1);
        }
        // casualty meaning
        List<Figure> typed = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            Figure f = raw.get(k);
            Casualty c = casualtyBefore(toks, f.number().start());
            boolean before = c != null;
            if (c == null) {
                c = casualtyAfter(toks, raw, k);
            }
            if (c == null && k > 0 && !typed.isEmpty()) {
                Figure prev = typed.get(typed.size() - 1);
                if (prev.viaBefore() && raw.get(k - 1) == findRaw(raw, prev) && (joined(toks, prev.phraseEnd(),
                        f.number().start()) || joined(toks, prev.tailEnd(), f.number().start()))) {
                    c = prev.casualty();
                    before = true;
                }
            }
            boolean partitive = partitiveBefore(toks, f.number().start()) || partitiveAfter(toks, f.number().end());
            if (c == null && !typed.isEmpty() && raw.get(k - 1) == findRaw(raw, typed.get(typed.size() - 1))
                    && (partitive || parallel(toks, typed.get(typed.size() - 1), f)
                            || comparedBefore(toks, f.number().start()))) {
                // "22 people were killed, 19 of them civilians"; "70 were killed in A and 30 in B"
                c = typed.get(typed.size() - 1).casualty();
                before = true;
            }
            if ((c == null || c == Casualty.MISSING) && impliesDeath(toks, f)) {
                c = Casualty.KILLED; // "five bodies were taken away" are dead, not missing
            }
            boolean article = f.number().value() == 1 && !toks.get(f.number().numberStart()).isNumber();
            if (c == null && !article && tollBefore(toks, f.number().start())) {
                c = Casualty.KILLED; // ("un officier" after "le bilan" is the speaker, not one dead)
            }
            if (c == null || notThisEvent(toks, f, c)) {
                continue;
            }
            typed.add(f.typed(c, before, partitive));
        }
        // party of "others" and of bare figures
        List<Figure> out = new ArrayList<>();
        for (Figure f : typed) {
            Party p = f.party();
            if (f.others() && p == null) {
                Party uniform = null;
                boolean agree = !out.isEmpty();
                for (Figure prev : out) {
                    if (uniform == null) {
                        uniform = prev.party();
                    } else if (uniform != prev.party()) {
                        agree = false;
                    }
                }
                p = agree && uniform != null ? uniform : Party.unknown;
            } else if (p == null) {
                p = out.isEmpty() ? Party.unknown : out.get(out.size() - 1).party();
            }
            if (p == Party.unknown && !f.others()) {
                p = partyAfter(toks, f.number().end(), home);
            }
            if (p == Party.unknown && f.bare() && !f.others()) {
                p = tollParty(toks, f.number().start(), home); // "the number of soldiers killed rose to 40"
            }
            if (p == Party.unknown && !f.others()) {
                Party predicate = predicateParty(toks, f.phraseEnd());
                if (predicate != null) {
                    p = predicate; // "three of the dead were presumed to be members of an armed group"
                }
            }
            out.add(f.withParty(p));
        }
        // A subset of the figure before it ("22 people were killed, 19 of them civilians", "dont 19 civils") is a
        // claim of its own only when it names another party; "two of them were women" or "including three officers"
        // (after "14 soldiers") only describe the dead already counted.
        List<Figure> kept = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            Figure f = out.get(k);
            boolean demographic = f.demographic() || demographicPredicate(toks, f.phraseEnd());
            // a subset of the dead or wounded counted in another sentence ("six of the wounded were in a serious
            // condition") is no new figure unless it says whose they were ("three of the dead were militants")
            boolean subsetOfEarlier = k == 0 && f.party() == Party.unknown;
            if (f.partitive() && (demographic || subsetOfEarlier || (k > 0 && out.get(k - 1).party() == f.party()))) {
                continue;
            }
            kept.add(f);
        }
        return kept;
    }

    private static Figure findRaw(List<Figure> raw, Figure typed) {
        for (Figure r : raw) {
            if (r.number().equals(typed.number())) {
                return r;
            }
        }
        return null;
    }

    /** Reads the words after a figure: its person noun and party, or rejects the figure (null). */
    private Figure phrase(List<Token> toks, NumberMention n, Language lang, String home) {
        int v = n.value();
        if (isDate(toks, n)) {
            return null;
        }
        Party party = null;
        boolean others = false;
        int lastNoun = -1;
        boolean modifiers = false;
        boolean foreign = false;
        boolean foreignForce = false;
        boolean militant = false;
        boolean demographic = false;
        boolean fighterNoun = false;
        int stop = toks.size();
        int words = 0;
        int[] len = new int[1];
        int j = n.end();
        for (; j < toks.size() && words < 7; j++) {
            Token t = toks.get(j);
            String w = t.text();
            if (w.equals("\"") || w.equals("'") || w.equals("-")) {
                continue;
            }
            if (!t.isWord() || CasualtyLexicon.casualtyAt(toks, j, len) != null || numbers.startsNumber(toks, j, lang)) {
                stop = j;
                break;
            }
            words++;
            if ((w.equals("and") || w.equals("et") || w.equals("or") || w.equals("ou"))) {
                if (j + 1 < toks.size() && numbers.at(toks, j + 1, lang).isPresent()) {
                    stop = j;
                    break;
                }
                continue;
            }
            String nationality = CasualtyLexicon.nationality(w);
            if (CasualtyLexicon.isForeignModifier(t) || CasualtyLexicon.foreignTo(nationality, home)) {
                foreign = true;
            }
            if (CasualtyLexicon.isForeignForceWord(w)) {
                foreignForce = true;
            }
            if (CasualtyLexicon.isMilitantModifier(w) || MILITANT_CONTEXT.contains(w)) {
                militant = true;
            }
            Party p = CasualtyLexicon.nounParty(w);
            if (p != null) {
                if (party == null || party == Party.unknown) {
                    party = p;
                    demographic = CasualtyLexicon.isDemographic(w);
                    fighterNoun = CasualtyLexicon.isFighterNoun(w);
                }
                lastNoun = j;
                continue;
            }
            if (CasualtyLexicon.OTHERS.contains(w)) {
                others = true;
                lastNoun = j;
                continue;
            }
            if (PHRASE_GLUE.contains(w)) {
                continue;
            }
            if (PHRASE_STOP.contains(w) || CasualtyLexicon.isAux(w)) {
                stop = j;
                break;
            }
            if (foreign || militant || foreignForce || nationality != null || CasualtyLexicon.isForeignModifier(t)) {
                continue; // "Wagner", "Russian", "Nigerien", "armed" are modifiers
            }
            if (lastNoun < 0) {
                modifiers = modifiers || !t.capitalised();
            }
        }
        boolean hasNoun = lastNoun >= 0;
        boolean bare = !hasNoun;
        if (!hasNoun && modifiers) {
            return null; // "three explosive devices"
        }
        if (!hasNoun && v >= 1900 && v <= 2100) {
            return null; // a year
        }
        if (party == Party.state_forces && foreign) {
            party = Party.foreign_forces;
        }
        if (fighterNoun && foreignForce) {
            party = Party.foreign_forces; // "84 fighters of Russia's Wagner group", "84 combattants de Wagner"
        }
        if ((party == Party.unknown || party == null) && militant && hasNoun && !others) {
            party = Party.militants;
        }
        if (party == null && foreign && hasNoun && !others) {
            party = Party.foreign_forces;
        }
        if (v == 1 && !toks.get(n.numberStart()).isNumber() && CasualtyLexicon.isInjuryNoun(at(toks, n.end()))) {
            return null; // "une blessure ouverte": a wound, not one wounded person
        }
        int end = hasNoun ? lastNoun + 1 : Math.max(n.end(), Math.min(stop, toks.size()));
        int tail = Math.max(end, Math.min(j, toks.size()));
        return new Figure(n, end, tail, others && party == null ? null : party, others && party == null, bare, null,
                false, demographic && !others, false);
    }

    private static boolean isDate(List<Token> toks, NumberMention n) {
        String next = n.end() < toks.size() ? toks.get(n.end()).text() : "";
        String prev = n.numberStart() > 0 ? toks.get(n.numberStart() - 1).text() : "";
        if (n.end() < toks.size() && toks.get(n.end()).text().equals("er")) {
            next = n.end() + 1 < toks.size() ? toks.get(n.end() + 1).text() : "";
        }
        return MONTH_WORDS.contains(next) || (MONTH_WORDS.contains(prev) && toks.get(n.numberStart()).isNumber()
                && n.value() <= 31);
    }

    /** A casualty word just before the figure: "killed 14", "the death of 14", "neutralised \"31". */
    private static Casualty casualtyBefore(List<Token> toks, int start) {
        int k = start - 1;
        int[] len = new int[1];
        while (k >= 0) {
            String w = toks.get(k).text();
            if (w.equals("\"") || w.equals("'") || w.equals("of") || w.equals("de") || w.equals("d") || w.equals(":")
                    || w.equals("des") || w.equals("du")) {
                k--;
                continue;
            }
            break;
        }
        if (k < 0) {
            return null;
        }
        Casualty c = CasualtyLexicon.casualtyAt(toks, k, len);
        if (c != null) {
            return c;
        }
        // "a coûté la vie à 17 soldats", "claimed the lives of 17 soldiers" (the "of" is skipped above)
        int v = at(toks, k).equals("a") ? k - 1 : k;
        if ((at(toks, v).equals("vie") && at(toks, v - 1).equals("la") && at(toks, v - 2).startsWith("cout"))
                || ((at(toks, v).equals("lives") || at(toks, v).equals("life")) && at(toks, v - 1).equals("the")
                        && (at(toks, v - 2).startsWith("claim") || at(toks, v - 2).equals("cost")))) {
            return Casualty.KILLED;
        }
        return null;
    }

    /** A casualty word after the figure's phrase, across auxiliaries and coordinated figures. */
    private static Casualty casualtyAfter(List<Token> toks, List<Figure> raw, int index) {
        int j = raw.get(index).phraseEnd();
        int next = index + 1;
        int[] len = new int[1];
        int guard = 0;
        if (CasualtyLexicon.casualtyAt(toks, j, len) == null && !CasualtyLexicon.isAux(at(toks, j))
                && !CONJUNCTIONS.contains(at(toks, j))) {
            // words the phrase read as modifiers after its noun: "militaires maliens", "soldats des Forces armées
            // maliennes (FAMa)"
            j = skipParenthesis(toks, raw.get(index).tailEnd());
        }
        Casualty ahead = passiveAhead(toks, raw.get(index).phraseEnd());
        if (ahead != null) {
            return ahead;
        }
        while (j < toks.size() && guard++ < 40) {
            String w = toks.get(j).text();
            Casualty c = CasualtyLexicon.casualtyAt(toks, j, len);
            if (c != null) {
                return c;
            }
            if (w.equals(",") && INCISE_OPENERS.contains(at(toks, j + 1))) {
                // "17 people, including nine soldiers, were killed": past the incise to its closing comma
                int close = -1;
                for (int k = j + 2; k < toks.size() && k <= j + 12; k++) {
                    if (at(toks, k).equals(",")) {
                        close = k;
                        break;
                    }
                }
                if (close > 0) {
                    j = close + 1;
                    continue;
                }
            }
            if (CasualtyLexicon.isAux(w)) {
                j++;
                continue;
            }
            if (CONJUNCTIONS.contains(w) && next < raw.size()) {
                int k = j + 1;
                while (k < toks.size() && (CONJUNCTIONS.contains(toks.get(k).text()) || toks.get(k).text().equals("well")
                        || toks.get(k).text().equals("que") || toks.get(k).text().equals("\""))) {
                    k++;
                }
                if (raw.get(next).number().start() == k) {
                    j = raw.get(next).phraseEnd();
                    next++;
                    Casualty later = passiveAhead(toks, j);
                    if (later != null) {
                        return later;
                    }
                    continue;
                }
            }
            return null;
        }
        return null;
    }

    /** Words that open an incise after a figure's noun: "17 people, including nine soldiers, were killed". */
    private static final Set<String> INCISE_OPENERS = Set.of("including", "among", "dont", "notamment", "parmi", "y",
            "mostly", "most", "many", "en", "pour", "selon", "according");

    /** Words that open a complement between a figure's noun and its passive verb. */
    private static final Set<String> COMPLEMENT_OPENERS = Set.of("of", "for", "from", "with", "pour", "de", "du", "des",
            "d", "avec", "(");

    /**
     * The passive verb after a complement of the figure's noun: "54 Ugandan soldiers serving with the African Union
     * mission in Somalia were killed", "vingt Volontaires pour la défense de la patrie (VDP) ont été tués". Only an
     * auxiliary right before the casualty word counts, within twelve words and before any comma or other figure.
     */
    private static Casualty passiveAhead(List<Token> toks, int j) {
        String first = at(toks, j);
        if (!POST_MODIFIERS.contains(first) && !COMPLEMENT_OPENERS.contains(first)) {
            return null;
        }
        int[] len = new int[1];
        for (int k = j + 1; k < toks.size() && k <= j + 12; k++) {
            String w = toks.get(k).text();
            if (w.equals(",") || w.equals(";") || w.equals(".") || w.equals(":") || toks.get(k).isNumber()) {
                return null;
            }
            Casualty c = CasualtyLexicon.casualtyAt(toks, k, len);
            if (c != null) {
                return CasualtyLexicon.isAux(at(toks, k - 1)) && !at(toks, k - 1).equals("'") ? c : null;
            }
        }
        return null;
    }

    /** Words that open a modifier between a figure's noun and its passive verb. */
    private static final Set<String> POST_MODIFIERS = Set.of("serving", "stationed", "based", "deployed", "posted",
            "assigned", "attached", "belonging", "travelling", "traveling", "bases", "deployes", "stationnes",
            "affectes", "appartenant", "engages");

    /** Skips one parenthesised group of at most eight tokens starting at {@code j}: "(FAMa)". */
    private static int skipParenthesis(List<Token> toks, int j) {
        if (!at(toks, j).equals("(")) {
            return j;
        }
        for (int k = j + 1; k < toks.size() && k <= j + 8; k++) {
            if (at(toks, k).equals(")")) {
                return k + 1;
            }
        }
        return j;
    }

    private static String at(List<Token> toks, int i) {
        return i >= 0 && i < toks.size() ? toks.get(i).text() : "";
    }

    /**
     * The party named after a figure that has none, in "among the soldiers" / "parmi les militaires" / "dans les rangs
     * des forces armées" within the same clause: "17 morts et 20 blessés parmi les soldats". Unknown when there is
     * none.
     */
    private static Party partyAfter(List<Token> toks, int from, String home) {
        for (int k = from; k < toks.size() && k < from + 12; k++) {
            String w = toks.get(k).text();
            if (CLAUSE_END.contains(w)) {
                break;
            }
            if (!w.equals("among") && !w.equals("parmi") && !w.equals("rangs") && !w.equals("ranks")) {
                continue;
            }
            int m = k + 1;
            while (m < toks.size() && m < k + 4 && PHRASE_GLUE.contains(at(toks, m))) {
                m++;
            }
            boolean foreign = false;
            for (int q = m; q < toks.size() && q < m + 3; q++) {
                Token t = toks.get(q);
                if (CasualtyLexicon.isForeignModifier(t) || CasualtyLexicon.foreignTo(CasualtyLexicon.nationality(t.text()), home)) {
                    foreign = true;
                }
                Party p = ARMY_WORDS.contains(t.text()) ? Party.state_forces : CasualtyLexicon.nounParty(t.text());
                if (p != null) {
                    // "dans les rangs de l'armée", "among the French troops"
                    boolean foreignAfter = q + 1 < toks.size() && (CasualtyLexicon.isForeignModifier(toks.get(q + 1))
                            || CasualtyLexicon.foreignTo(CasualtyLexicon.nationality(toks.get(q + 1).text()), home));
                    return p == Party.state_forces && (foreign || foreignAfter) ? Party.foreign_forces : p;
                }
            }
            break;
        }
        return Party.unknown;
    }

    /** Words for an army as a whole, which name state forces after "among"/"dans les rangs de". */
    private static final Set<String> ARMY_WORDS = Set.of("army", "armee", "military", "armees", "gendarmerie");

    /**
     * The party of a figure's predicate: "three of the dead were presumed to be members of an armed group", "cinq
     * des victimes étaient des soldats". Null when the words after the figure's phrase do not say.
     */
    private static Party predicateParty(List<Token> toks, int from) {
        int k = from;
        int[] len = new int[1];
        if (CasualtyLexicon.casualtyAt(toks, k, len) != null) {
            k += len[0]; // "of the dead"
        }
        String w = at(toks, k);
        if (!(w.equals("were") || w.equals("was") || w.equals("are") || w.equals("etaient") || w.equals("sont")
                || w.equals("etait"))) {
            return null;
        }
        for (int q = k + 1; q < toks.size() && q <= k + 10; q++) {
            Token t = toks.get(q);
            String x = t.text();
            Party p = CasualtyLexicon.nounParty(x);
            if (p != null && p != Party.unknown) {
                return p;
            }
            if (x.equals("group") || x.equals("groupe") || x.equals("katiba") || MILITANT_CONTEXT.contains(x)) {
                return Party.militants; // "members of an armed group", "membres présumés de la katiba"
            }
            if (!PREDICATE_FILLER.contains(x) && !t.capitalised()) {
                return null; // "were killed when jihadists attacked": a verb, not what the dead were
            }
        }
        return null;
    }

    /** Words allowed between "were" and the noun that says what the dead were. */
    private static final Set<String> PREDICATE_FILLER = Set.of("presumed", "believed", "said", "reported", "thought",
            "suspected", "apparently", "to", "be", "all", "also", "mostly", "mainly", "members", "member", "membres",
            "membre", "elements", "of", "the", "a", "an", "des", "de", "d", "la", "le", "les", "l", "du", "presentes",
            "presente", "comme", "presumes", "soupconnes", "tous", "toutes", "'", "\"", "armed", "armes", "alleged");

    private static boolean joined(List<Token> toks, int from, int to) {
        if (from > to) {
            return false;
        }
        for (int k = from; k < to; k++) {
            String w = toks.get(k).text();
            // "à cinq mercenaires de Wagner et à sept soldats": the preposition repeated after the conjunction
            boolean repeatedPreposition = (w.equals("a") || w.equals("to")) && k > 0
                    && CONJUNCTIONS.contains(toks.get(k - 1).text());
            if (!CONJUNCTIONS.contains(w) && !w.equals("\"") && !w.equals("well") && !repeatedPreposition) {
                return false;
            }
        }
        return to > from;
    }

    private static boolean impliesDeath(List<Token> toks, Figure f) {
        for (int k = f.number().end(); k < f.phraseEnd() && k < toks.size(); k++) {
            if (CasualtyLexicon.impliesDeath(toks.get(k).text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A toll word earlier in the sentence: "toll", "bilan", "tally", or "number"/"nombre" followed by a word of death
     * ("the number of people killed has risen to 231", "le nombre de morts est passé à 40").
     */
    private static boolean tollBefore(List<Token> toks, int start) {
        int[] len = new int[1];
        for (int k = 0; k < start; k++) {
            String w = toks.get(k).text();
            if (CasualtyLexicon.isToll(w)) {
                return true;
            }
            if (w.equals("number") || w.equals("nombre")) {
                for (int q = k + 1; q < start && q <= k + 4; q++) {
                    if (CasualtyLexicon.casualtyAt(toks, q, len) == Casualty.KILLED || at(toks, q).startsWith("victim")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Words right before a figure that make it another reading of the figure before: "77 militants were killed, up
     * from 63", "77 terroristes neutralisés, contre 63 selon le premier bilan", "92, compared with 47".
     */
    private static boolean comparedBefore(List<Token> toks, int start) {
        String w1 = at(toks, start - 1);
        String w2 = at(toks, start - 2);
        return ((w1.equals("from") && (w2.equals("up") || w2.equals("down"))) || w1.equals("contre")
                || w1.equals("versus") || w1.equals("vs") || (w1.equals("with") && w2.equals("compared"))
                || (w1.equals("de") && w2.equals("lieu")) || (w1.equals("of") && w2.equals("instead")));
    }

    /**
     * The party named in the toll phrase before a bare figure: "the number of soldiers killed has risen to 40", "le
     * bilan des militaires tués est passé à 40"; unknown when the phrase names none or several.
     */
    private static Party tollParty(List<Token> toks, int start, String home) {
        int toll = -1;
        for (int k = 0; k < start; k++) {
            String w = toks.get(k).text();
            if (CasualtyLexicon.isToll(w) || w.equals("number") || w.equals("nombre")) {
                toll = k;
            }
        }
        if (toll < 0) {
            return Party.unknown;
        }
        Party found = null;
        boolean foreign = false;
        for (int k = toll + 1; k < start && k <= toll + 8; k++) {
            Token t = toks.get(k);
            if (CLAUSE_END.contains(t.text()) || toks.get(k).isNumber()) {
                break;
            }
            foreign = foreign || CasualtyLexicon.isForeignModifier(t)
                    || CasualtyLexicon.foreignTo(CasualtyLexicon.nationality(t.text()), home);
            Party p = CasualtyLexicon.nounParty(t.text());
            if (p != null && p != Party.unknown) {
                if (found != null && found != p) {
                    return Party.unknown;
                }
                found = p;
            }
        }
        if (found == null) {
            return Party.unknown;
        }
        return found == Party.state_forces && foreign ? Party.foreign_forces : found;
    }

    /** Words right before a figure that make it a subset of the figure before: "dont 19 civils", "including 3". */
    private static boolean partitiveBefore(List<Token> toks, int start) {
        String w1 = at(toks, start - 1);
        String w2 = at(toks, start - 2);
        return w1.equals("dont") || w1.equals("including") || w1.equals("notamment")
                || (w1.equals("them") && w2.equals("among")) || (w1.equals("whom") && w2.equals("of"))
                || w1.equals("lesquels") || w1.equals("lesquelles") || (w1.equals("eux") && w2.equals("parmi"));
    }

    /** Words right after a figure that make it a subset: "19 of them", "deux d'entre eux", "three of the dead". */
    private static boolean partitiveAfter(List<Token> toks, int end) {
        String w1 = at(toks, end);
        String w2 = at(toks, end + 1);
        String w3 = at(toks, end + 2);
        if (w1.equals("of") && (w2.equals("them") || w2.equals("whom") || (w2.equals("the") && (w3.equals("dead")
                || w3.startsWith("victim") || w3.equals("bodies") || w3.equals("wounded") || w3.equals("injured"))))) {
            return true;
        }
        if (w1.equals("des") && (w2.equals("morts") || w2.equals("blesses") || w2.startsWith("victime")
                || w2.equals("tues") || w2.equals("corps"))) {
            return true; // "six des blessés sont dans un état grave"
        }
        // "d'entre eux": d ' entre eux
        int k = end;
        if (at(toks, k).equals("d")) {
            k++;
        }
        if (at(toks, k).equals("'")) {
            k++;
        }
        return at(toks, k).equals("entre") && (at(toks, k + 1).equals("eux") || at(toks, k + 1).equals("elles"));
    }

    /** "...were women", "étaient des enfants": a subset described by age or sex, not by party. */
    private static boolean demographicPredicate(List<Token> toks, int from) {
        for (int k = from; k < toks.size() && k < from + 3; k++) {
            String w = toks.get(k).text();
            if (w.equals("were") || w.equals("was") || w.equals("are") || w.equals("etaient") || w.equals("sont")) {
                for (int q = k + 1; q < toks.size() && q <= k + 3; q++) {
                    if (CasualtyLexicon.isDemographic(toks.get(q).text())) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "a", "au", "aux", "en", "dans", "near");

    /**
     * A figure that repeats the shape of the figure before it with another place: "70 people were killed in Tchoma
     * and 30 in Bangou", "70 morts à A et 30 à B" (the second takes the first one's meaning and party).
     */
    private static boolean parallel(List<Token> toks, Figure prev, Figure f) {
        int start = f.number().start();
        String before = at(toks, start - 1);
        if (!(before.equals("and") || before.equals("et") || before.equals(","))) {
            return false;
        }
        if (!PLACE_PREPOSITIONS.contains(at(toks, f.number().end())) || f.number().end() + 1 >= toks.size()
                || !toks.get(f.number().end() + 1).capitalised()) {
            return false;
        }
        for (int q = prev.number().end(); q < start - 1; q++) {
            if (PLACE_PREPOSITIONS.contains(at(toks, q)) && toks.get(q + 1).capitalised()) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> TIME_UNITS = Set.of("day", "days", "week", "weeks", "month", "months", "year",
            "years", "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "annee", "annees");
    private static final Set<String> RELATIVES = Set.of("where", "when", "which", "ou", "laquelle", "lequel",
            "lesquelles", "lesquels");
    private static final Set<String> ANCHORS = Set.of("than", "after", "since", "before", "like", "apres", "avant",
            "depuis", "comme", "que", "qu");
    private static final Set<String> ATTACK_NOUNS = Set.of("attack", "attacks", "assault", "raid", "ambush",
            "massacre", "bombing", "attaque", "attaques", "assaut", "embuscade", "attentat", "tuerie", "celle", "celui");

    /**
     * A figure in a relative clause about another attack that the sentence compares this one with or dates it by:
     * "deadlier than the December assault on the camp, where 71 soldiers died", "une semaine après l'attaque de
     * Dioura, au cours de laquelle une vingtaine de soldats avaient été tués", "un mois après celle d'Inatès, où 71
     * militaires avaient été tués".
     */
    private static boolean anchoredElsewhere(List<Token> toks, int start) {
        // "the attack comes a week after 20 soldiers were killed in a similar ambush", "deux mois après la mort de
        // 30 soldats": a figure dated by its distance to this event
        for (int k = start - 1; k >= 1 && k >= start - 5; k--) {
            String w = toks.get(k).text();
            if ((w.equals("after") || w.equals("apres") || w.equals("before") || w.equals("avant"))
                    && (TIME_UNITS.contains(at(toks, k - 1)) || TIME_UNITS.contains(at(toks, k - 2)))) {
                return true;
            }
            if (w.equals(",") || w.equals(";")) {
                break;
            }
        }
        int rel = -1;
        for (int k = start - 1; k >= 0 && k >= start - 4; k--) {
            if (RELATIVES.contains(toks.get(k).text())) {
                rel = k;
                break;
            }
        }
        if (rel < 0) {
            return false;
        }
        for (int k = rel - 1; k >= 0 && k >= rel - 24; k--) {
            if (ATTACK_NOUNS.contains(toks.get(k).text())) {
                for (int q = k - 1; q >= 0 && q >= k - 5; q--) {
                    if (ANCHORS.contains(toks.get(q).text())) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** Killed figures above this are aggregates (a conflict's toll), never one incident's. */
    static final int MAX_INCIDENT_KILLED = 3_000;

    private static final Set<String> REPRISAL = Set.of("revenge", "reprisal", "reprisals", "retaliation", "represailles",
            "vengeance", "retribution");
    private static final GuardedPattern INCIDENT_NOUN = GuardedPattern.compile(
            "\\b(attacks?|attaques?|bombings?|blasts?|explosions?|raids?|strikes?|frappes?|ambush|embuscades?|"
                    + "attentats?|assaults?|assauts?|massacres?)\\b");
    private static final GuardedPattern AGGREGATE = GuardedPattern.compile(
            "\\b(insurgenc\\w*|conflicts?|violences?|war|crisis|insurrection|rebellion|conflits?|guerre|crise|"
                    + "jihadism|djihadisme|jihadisme|unrest)\\b[^.;]{0,120}?\\b(has|have|had|a|ont|avait|avaient)"
                    + "(\\s+[\\w']+){0,2}?\\s+(killed|claimed|left|caused|cost|fait|coute|tue|cause)\\b");

    /**
     * Figures that are not about the event: a conflict's aggregate ("the insurgency has killed more than 30,000
     * people", "ces violences ont fait plus de 1 400 morts", or any killed figure above {@value #MAX_INCIDENT_KILLED}),
     * and the earlier killing that a reprisal answered ("an act of revenge after villagers killed two jihadists").
     */
    private static boolean notThisEvent(List<Token> toks, Figure f, Casualty c) {
        if (c == Casualty.KILLED && f.number().value() > MAX_INCIDENT_KILLED) {
            return true;
        }
        int start = f.number().start();
        boolean reprisal = false;
        for (int k = 0; k < start; k++) {
            String w = toks.get(k).text();
            if (REPRISAL.contains(w)) {
                reprisal = true;
            } else if (reprisal && (w.equals("after") || w.equals("apres") || w.equals("for") || w.equals("pour"))) {
                return true;
            }
        }
        if (anchoredElsewhere(toks, start)) {
            return true;
        }
        if (start > 0) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < start; k++) {
                b.append(toks.get(k).text()).append(' ');
            }
            GuardedPattern.Scan m = AGGREGATE.scan(b);
            // the conflict is the subject, not a word in a clause about the attack ("the attack, the worst since the
            // war began, has killed 30")
            return m.find() && !INCIDENT_NOUN.find(b.substring(0, m.start()));
        }
        return false;
    }

    /** A value computed on first use, then kept. */
    private static final class Lazy<T> implements Supplier<T> {
        private Supplier<T> compute;
        private T value;

        Lazy(Supplier<T> compute) {
            this.compute = compute;
        }

        @Override
        public T get() {
            if (compute != null) {
                value = compute.get();
                compute = null;
            }
            return value;
        }
    }
}
