package org.sitrep.extract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sitrep.schema.EventType;

/**
 * Decides what kind of violent event a text describes from English and French keywords.
 *
 * <p>Each type has keyword evidence; within one text, when several types have evidence, the most specific wins, in this order:
 * suicide_bombing ("suicide bomber", "kamikaze", "car bomb", "voiture piégée") &gt; ambush ("ambush", "embuscade")
 * &gt; attack_on_base (an attack on a camp/base/post/barracks, "camp militaire", "poste", "caserne"; not a
 * displaced-people or refugee camp) &gt; airstrike ("airstrike", "drone strike", "frappe aérienne") &gt; ied ("mine",
 * "IED", "explosive device", "engin explosif", "engin piégé") &gt; attack_on_civilians (civilians, villagers, worshippers attacked
 * or killed, "massacre") &gt; armed_clash ("clashes", "fighting", "affrontements", "combats", "accrochage") &gt;
 * other. So an ambush laid with mines is an ambush; a mine alone is an ied. Across the texts of an article
 * {@link #vote} weighs each text's type (title and lead more) so that a passing mention does not set the type.
 * Spanish, Portuguese, Italian and German have shorter lists of the same kinds ("emboscada", "base militar", "Armeeposten", "attentatori suicidi",
 * "Luftangriff", "masacre", "enfrentamientos"), so an article in those languages without a figure still gets a type.
 */
public final class EventTypeClassifier {

    /**
     * A type's pattern and literals of which every match of the pattern contains at least one: a text without any of
     * them cannot match, and {@link String#contains} is far cheaper than running the pattern (the patterns were a
     * third of the extraction time).
     */
    private record Rule(EventType type, Pattern pattern, List<String> literals, GuardedPattern.Literals any,
            GuardedPattern guarded) {
        Rule(EventType type, Pattern pattern, String literals) {
            this(type, pattern, List.of(literals.split("\\|")),
                    GuardedPattern.literals(java.util.Set.of(literals.split("\\|"))),
                    GuardedPattern.compile(pattern.pattern()));
        }

        boolean matches(String folded) {
            for (String l : literals) {
                if (folded.contains(l)) {
                    return pattern.matcher(folded).find();
                }
            }
            return false;
        }

        /** {@link #matches(String)} of a probed folded text. */
        boolean matches(GuardedPattern.Probe folded) {
            return folded.holds(any) && guarded.find(folded);
        }
    }

    private static final String CIVILIANS = "(civilians?|villagers|worshipp?ers|passengers|students|pupils|"
            + "civils|villageois|fideles|passagers|eleves|etudiants|habitants|farmers|herders|orpailleurs|miners)";
    private static final String HARM = "(kill\\w*|massacr\\w*|slaughter\\w*|attack\\w*|execut\\w*|murder\\w*|"
            + "tue[es]*|tuant|massacr\\w*|attaqu\\w*|assassin\\w*|abattu\\w*)";

    private static final List<Rule> RULES = List.of(
            new Rule(EventType.suicide_bombing, Pattern.compile(
                    "\\b(suicide (bomb\\w*|attack\\w*|car)|kamikazes?|(car|truck|lorry|vehicle) bombs?|vbieds?|voitures? piegees?|"
                            + "camions? piege\\w*|(bomb|explosives?)[- ]laden|"
                            + "vehicules? piege\\w*|attentat suicide|bombe humaine|se sont fait exploser|s'est fait exploser|"
                            + "blew (himself|herself|themselves) up)\\b"),
                    "suicide|kamikaze|car bomb|truck bomb|lorry bomb|vehicle bomb|vbied|piege|laden|bombe humaine|fait exploser|blew"),
            // other languages (es, pt, it, de): digits-only figures, but type evidence for a report without a figure
            new Rule(EventType.suicide_bombing, Pattern.compile("\\b(atentad\\w* suicidas?|ataques? suicidas?|"
                    + "bombistas? suicidas?|homens?-bomba|attentat\\w* suicid\\w*|attentatori suicidi|selbstmord\\w*|"
                    + "coche bomba|carro-bomba|autobomba)\\b"), "suicid|bomba|selbstmord"),
            new Rule(EventType.ambush, Pattern.compile("\\b(ambush\\w*|embuscades?|tendu une embuscade)\\b"),
                    "ambush|embuscade"),
            new Rule(EventType.ambush, Pattern.compile("\\b(emboscadas?|imboscat\\w*|hinterhalt\\w*)\\b"),
                    "emboscada|imboscat|hinterhalt"),
            new Rule(EventType.attack_on_base, Pattern.compile(
                    "\\b((military|army|police|gendarmerie) (camp|base|post|outpost|barracks|station|position)s?|"
                            + "barracks|outposts?|garrisons?|camps? militaires?|bases? militaires?|postes? (militaires?|"
                            + "avances?|de (police|gendarmerie|securite|l'armee|douane))|casernes?|garnisons?|commissariats?|"
                            + "brigade de gendarmerie|detachement militaire|"
                            + "(attack\\w*|assault\\w*|overr?an|storm\\w*|raid\\w*|attaqu\\w*|assaut) (on |against |contre |of |de |du |d')?"
                            + "(the |a |an |le |la |un |une |l')?(\\w+ )?(camp|base|poste|post)(?! (de |of |for )?"
                            + "(deplaces|refugies|displaced|refugees|idps?))\\b)\\b"),
                    "camp|base|post|barracks|station|position|garrison|caserne|garnison|commissariat|"
                            + "brigade de gendarmerie|detachement militaire"),
            new Rule(EventType.attack_on_base, Pattern.compile("\\b(bases? militar(es)?|campamentos? militar(es)?|"
                    + "puestos? militar(es)?|postos? militar(es)?|cuarteles?|quarteis|basi militari|base militare|"
                    + "caserm\\w*|armeeposten|militar(lager|stutzpunkt|basis|posten|camp)|kasernen?|stutzpunkt\\w*)\\b"),
                    "militar|cuartel|quarte|caserm|armeeposten|kaserne|stutzpunkt"),
            new Rule(EventType.airstrike, Pattern.compile(
                    "\\b(air ?strikes?|air raids?|drones?|aerial (bombardment|strike)s?|bombing raids?|warplanes?|"
                            + "frappes? (aeriennes?|de drones?|par drones?)|bombardements? aeriens?|raids? aeriens?)\\b"),
                    "airstrike|air strike|air raid|drone|aerial|bombing raid|warplane|frappe|bombardement|aerien"),
            new Rule(EventType.airstrike, Pattern.compile("\\b(ataques? aereos?|bombardeos? aereos?|bombardeios? aereos?|"
                    + "raid aere\\w*|attacc\\w* aere\\w*|luftangriff\\w*|drohnenangriff\\w*|ataques? (con|de) drones?|"
                    + "attacc\\w* (con|di) dron[ei])\\b"), "aere|luftangriff|drohnen|dron"),
            new Rule(EventType.ied, Pattern.compile(
                    "\\b(ieds?|improvised explosive( devices?)?|explosive devices?|roadside bombs?|landmines?|(?<!gold )mines?(?! d.or)|"
                            + "homemade explosives?|engins? explosifs?( improvises?)?|engins? pieges?|mines? artisanales?|bombe artisanale|"
                            + "sautee? sur une mine|explosion d'une mine|(hit|hits|struck|strikes|ran over|drove over) (a |an )?(bomb|explosive))\\b"),
                    "ied|improvised|explosive|roadside|mine|engin|bombe artisanale|bomb"),
            new Rule(EventType.ied, Pattern.compile("\\b(artefactos? explosivos?|artefatos? explosivos?|engenhos? explosivos?|"
                    + "ordign\\w*|sprengsatz\\w*|sprengfalle\\w*|minas? terrestres?)\\b"), "explosiv|ordign|spreng|terrestre"),
            new Rule(EventType.attack_on_civilians, Pattern.compile(
                    "\\b(massacres?|" + CIVILIANS + "\\W+(\\w+\\W+){0,4}?" + HARM + "|" + HARM + "\\W+(\\w+\\W+){0,5}?"
                            + CIVILIANS + "|attack\\w* (on|against) (a |the )?(village|mosque|market|church|school)|"
                            + "attaqu\\w* (contre |d'|de |du )?(le |un |la |une )?(village|mosquee|marche|eglise|ecole))\\b"),
                    "massacre|civil|village|worship|passenger|student|pupil|fideles|passager|eleves|etudiant|habitant|"
                            + "farmer|herder|orpailleur|miner|attack|attaqu"),
            new Rule(EventType.attack_on_civilians, Pattern.compile("\\b(masacres?|matanzas?|massacr\\w*|massaker\\w*|strage|"
                    + "(civiles|civis|civili|zivilisten|aldeanos|moradores|abitanti|dorfbewohner|agricultores|agricoltori|"
                    + "bauern|fieles|fieis|fedeli)\\W+(\\w+\\W+){0,4}?(muert\\w*|mort[oia]s?|asesinad\\w*|uccis\\w*|"
                    + "getotet\\w*|ermordet\\w*|atacad\\w*|attaccat\\w*|angegriffen)|(ataques?|attacc\\w*|angriff\\w*) "
                    + "(contra|contro|auf) (\\w+ ){0,2}(aldeas?|aldeias?|villaggi\\w*|dorf|civiles|civis|civili|zivilisten|"
                    + "agricultores|agricoltori|bauern|pueblos?|mercados?|mezquitas?|mesquitas?|moschee?a?))\\b"),
                    "masacre|matanza|massacr|massaker|strage|civil|civis|zivil|aldean|morador|abitant|dorfbewohner|agricult|"
                            + "agricolt|bauern|fiel|fiei|fedel|ataque|attacc|angriff"),
            new Rule(EventType.armed_clash, Pattern.compile(
                    "\\b(clash\\w*|fighting|fought|gunfights?|firefights?|skirmish\\w*|exchange of fire|confrontations?|"
                            + "affrontements?|combats?|accrochages?|echanges? de tirs|heurts)\\b"),
                    "clash|fighting|fought|gunfight|firefight|skirmish|exchange of fire|confrontation|affrontement|"
                            + "combat|accrochage|de tirs|heurts"),
            new Rule(EventType.armed_clash, Pattern.compile("\\b(enfrentamientos?|combates?|confrontos?|scontri|"
                    + "kampfe\\w*|gefecht\\w*|tiroteos?|tiroteios?)\\b"),
                    "enfrent|combate|confront|scontri|kampf|gefecht|tiroteo|tiroteio"));

    public EventTypeClassifier() {}

    /** The event type the texts (title and event sentences) give; {@link EventType#other} without evidence. */
    public EventType classify(List<String> texts) {
        return evidence(texts).orElse(EventType.other);
    }

    /**
     * Each text's own evidence (its highest-ranked type), in the order given; {@link #best(List)} of the result is
     * {@link #evidence(List)} of the same texts, so a caller that needs both classifies every text only once.
     */
    public List<Optional<EventType>> evidenceEach(List<String> texts) {
        return evidenceEach(ArticleText.single(), texts);
    }

    /** A text's own evidence ({@link #evidence(List)} of it alone), once per text of the article. */
    private static final ArticleText.Key OWN = new ArticleText.Key("event type evidence");

    /** {@link #evidenceEach(List)} over texts of an article, each classified once however often it is asked for. */
    List<Optional<EventType>> evidenceEach(ArticleText article, List<String> texts) {
        List<Optional<EventType>> out = new java.util.ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(t == null ? Optional.empty()
                    : article.get(t, OWN, x -> evidenceOfProbe(article.probe(article.folded(x)))));
        }
        return out;
    }

    /** The highest-ranked of several texts' evidence. */
    public static Optional<EventType> best(List<Optional<EventType>> each) {
        Optional<EventType> best = Optional.empty();
        int bestRank = Integer.MAX_VALUE;
        for (Optional<EventType> e : each) {
            if (e.isPresent()) {
                int rank = rank(e.get());
                if (rank < bestRank) {
                    bestRank = rank;
                    best = e;
                }
            }
        }
        return best;
    }

    /** Types whose evidence is part of the story of another: an ambush laid with mines, a base stormed after a fight. */
    private static final java.util.Map<EventType, java.util.Set<EventType>> ABSORBS = java.util.Map.of(
            EventType.suicide_bombing, java.util.Set.of(EventType.ied, EventType.attack_on_civilians),
            EventType.ambush, java.util.Set.of(EventType.ied, EventType.armed_clash),
            EventType.attack_on_base, java.util.Set.of(EventType.armed_clash, EventType.suicide_bombing),
            EventType.airstrike, java.util.Set.of(EventType.attack_on_civilians),
            EventType.ied, java.util.Set.of(EventType.attack_on_civilians),
            EventType.attack_on_civilians, java.util.Set.of(EventType.armed_clash));

    /**
     * The type a whole article describes, from each text's own evidence ({@link #evidenceEach}): the first text is
     * the title and weighs 3, the second (the lead) 2, every other text 1. A type scores its own weight plus half that
     * of the types it absorbs ({@link #ABSORBS}: an ambush sprung with mines is an ambush; a car bomb, a mine or
     * an air strike that kills civilians is a bombing, an ied or an airstrike); the highest score wins, ties go to the more specific type. So a story told as an
     * armed clash is one even if a later paragraph says an ambush started it, while a single specific word in the
     * title still outweighs generic words in two later sentences.
     */
    public static Optional<EventType> vote(List<Optional<EventType>> each) {
        java.util.EnumMap<EventType, Integer> own = new java.util.EnumMap<>(EventType.class);
        for (int i = 0; i < each.size(); i++) {
            if (each.get(i).isPresent()) {
                own.merge(each.get(i).get(), i == 0 ? 3 : i == 1 ? 2 : 1, Integer::sum);
            }
        }
        Optional<EventType> best = Optional.empty();
        int bestScore = 0;
        for (EventType t : own.keySet()) {
            int score = 2 * own.get(t); // doubled, so that half weights stay whole
            for (EventType absorbed : ABSORBS.getOrDefault(t, java.util.Set.of())) {
                score += own.getOrDefault(absorbed, 0);
            }
            if (score > bestScore || (score == bestScore && best.isPresent() && rank(t) < rank(best.get()))) {
                bestScore = score;
                best = Optional.of(t);
            }
        }
        return best;
    }

    private static int rank(EventType type) {
        for (int i = 0; i < RULES.size(); i++) {
            if (RULES.get(i).type() == type) {
                return i;
            }
        }
        return RULES.size();
    }

    /** For tests: every type whose pattern alone (without the literal prefilter) matches the text. */
    static List<EventType> typesByPatternOnly(String text) {
        String f = Text.fold(text);
        return RULES.stream().filter(r -> r.pattern().matcher(f).find()).map(Rule::type).toList();
    }

    /** For tests: every type whose prefilter and pattern match the text. */
    static List<EventType> typesWithPrefilter(String text) {
        String f = Text.fold(text);
        return RULES.stream().filter(r -> r.matches(f)).map(Rule::type).toList();
    }

    /** The highest-ranked type with evidence, or empty when no keyword matched. */
    public Optional<EventType> evidence(List<String> texts) {
        if (texts == null) {
            return Optional.empty();
        }
        // Fold each text once, not once per rule: folding is a large share of the cost of this method.
        List<String> folded = new java.util.ArrayList<>(texts.size());
        for (String t : texts) {
            if (t != null) {
                folded.add(Text.fold(t));
            }
        }
        return evidenceOfFolded(folded);
    }

    /** Every rule's literals together: a text without any has no evidence. */
    private static final GuardedPattern.Literals ANY_RULE = GuardedPattern.literals(RULES.stream()
            .flatMap(r -> r.literals().stream()).collect(java.util.stream.Collectors.toSet()));

    private static Optional<EventType> evidenceOfProbe(GuardedPattern.Probe folded) {
        if (!folded.holds(ANY_RULE)) {
            return Optional.empty();
        }
        for (Rule r : RULES) {
            if (r.matches(folded)) {
                return Optional.of(r.type());
            }
        }
        return Optional.empty();
    }

    private static Optional<EventType> evidenceOfFolded(List<String> folded) {
        for (Rule r : RULES) {
            for (String f : folded) {
                if (r.matches(f)) {
                    return Optional.of(r.type());
                }
            }
        }
        return Optional.empty();
    }
}
