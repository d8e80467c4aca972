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
 * <p>A cue is an entity as the source of a statement: "according to ENT", "ENT [of PLACE] [(ABBR)] [, incise, | who
 * ... | and ... | reached by ...] [auxiliaries, adverbs] said/told/announced/acknowledged/found/estimates/put/a
 * déclaré/a précisé/avance/évoque/fait état...", "ENT report/statement/toll/estimate", an incise after the figures
 * ("..., a annoncé dimanche le Premier ministre", "..., a précisé à l'ASP un élu local"), "le bilan communiqué par
 * ENT", "a appris l'AFP de sources locales". An incise holds no figure and no verb of speech.
 *
 * <p>Kinds:
 * <ul>
 *   <li>anonymous_official: "on condition of anonymity", "asked not to be named", "off the record", "security
 *       source(s)", "military source", "une source sécuritaire", "sous couvert d'anonymat", unnamed officers or
 *       commanders, "an official said", "a security official said", "a déclaré un officier". A state cue in the same
 *       clause as such a cue goes (the anonymous officer of the army is not the army); an unnamed resident, witness,
 *       elder or doctor stays a local source.</li>
 *   <li>state: army, military, government, ministry, (prime) minister, general staff, president(cy), spokesman,
 *       authorities, governor, police, gendarmerie, officials, officers named by rank (captain, colonel...), national
 *       security councils, emergency management agencies, civil protection, security services, "army
 *       report/statement", l'armée, l'état-major, le gouvernement, communiqué, porte-parole; people the article
 *       introduces with such a title, afterwards by surname ("President Idriss Déby" ... "Déby, who..., said").</li>
 *   <li>armed_group: claims of responsibility ("claimed responsibility", "revendiqué"), "via SITE"/"authenticated
 *       by SITE", Amaq, "martyrs", a group, rebels, a rebel alliance or coalition, separatists, or a named armed
 *       group that says or claims ("the group said", "according to JNIM", "the CSP-DPA said"); not a vigilante or
 *       self-defence group.</li>
 *   <li>local_source: local officials, mayor, elected officials, councillors, residents, villagers, witnesses,
 *       survivors, relatives, elders, notables, village and community leaders, community sources, heads and members
 *       of vigilante groups or militias (CJTF), hospital and medical sources, doctors, nurses, health workers (élu
 *       local, habitants, témoins, anciens, chef d'une milice, sources communautaires, source hospitalière).</li>
 *   <li>ngo_un: UN, MINUSMA, OCHA, UNHCR, UNICEF, HRW, Amnesty, ACLED, MSF, ICRC/CICR, Red Cross, humanitarian
 *       coordinators and partners, aid workers, UN estimates and investigations, "sources onusiennes".</li>
 * </ul>
 * Overlapping cues: the one starting first wins, ties go anonymous &gt; local &gt; ngo/UN &gt; armed group &gt; state.
 * Words that refer back to a source named earlier ("he said", "the source said", "selon la même source") give an
 * anaphoric cue that {@link ClaimExtractor} resolves.
 */
final class ClaimantResolver {

    /** An attribution cue: kind, claimant name and character span in the sentence. */
    record Cue(ClaimantKind kind, String name, int start, int end, boolean anaphor) {
        Cue(ClaimantKind kind, String name, int start, int end) {
            this(kind, name, start, end, false);
        }

        int distanceTo(int pos) {
            if (pos >= start && pos < end) {
                return 0;
            }
            return pos < start ? start - pos : pos - end + 1;
        }
    }

    /**
     * What is known about the article around a sentence, for naming claimants: the armed groups and state actor it
     * names, and the people it introduces with a title ({@link #persons}).
     */
    record Context(String paragraphArmedGroup, String articleArmedGroup, String articleStateActor,
            List<Person> persons) {
        Context(String paragraphArmedGroup, String articleArmedGroup, String articleStateActor) {
            this(paragraphArmedGroup, articleArmedGroup, articleStateActor, List.of());
        }
    }

    /** A person an article introduces with a title ("President Idriss Déby"): folded surname, kind, display name. */
    record Person(String surname, ClaimantKind kind, String name) {}

    private static final String ACCORDING = "(?:according to|selon|d'apres|citing|quoting|cite par|cites par)";
    private static final String DET = "(?:(?:the|an?|l'|le|la|les|un|une|des|du|de l'|de la|d'|its|their|his|her)\\s*)?";
    private static final String SPEECH = "(?:said|says|say|told|announced|announces|reported|reports|stated|states|"
            + "added|adds|confirmed|confirms|claimed|claims|claim|indicated|declared|explained|tweeted|wrote|insisted|"
            + "gave|gives|put|puts|acknowledged|acknowledges|admitted|admits|found|finds|estimated|estimates|counted|"
            + "recorded|cited|(?:a|ont) donne|"
            + "(?:a|ont|avait|avaient) (?:annonce|indique|affirme|declare|precise|confirme|rapporte|fait etat|dit|ajoute|"
            + "revendique|explique|assure|souligne|communique|reconnu|evoque|avance|estime|recense|denombre|ecrit|"
            + "comptabilise|compte|parle)|affirme|affirment|indique|indiquent|annonce|declare|"
            + "precise|rapporte|assure|assurent|dit|disent|ajoute|fait etat|fait (?:desormais|aussi|encore|deja) etat|"
            + "font etat|faisaient etat|faisait etat|evoque|evoquent|evoquait|evoquaient|avance|avancent|avancait|estime|"
            + "estiment|recense|recensent|reconnait|parle de|parlent de|parlaient de|parlait de|confirme|confirment)";
    /** An entity's complement and apposition: "mayor of Tondikiwindi", "(SEMA)", "governor of the Sahel region". */
    private static final String POST = "(?:\\s+(?:alliance|coalition|group|groupe|movement|mouvement|spokes(?:man|woman|person)|"
            + "porte-parole|leaders?|chief|commanders?|officials?|officers?|forces|troops|army|militants|fighters))?"
            + "(?:\\s*\\([^)]{1,40}\\))?(?:\\s+(?:of|in|at|for|from|de|du|des|d'|au|aux|en)\\s*"
            + "(?:the |la |le |les |l')?[\\w'-]+(?:\\s+[\\w'-]+){0,3}?)?(?:\\s*\\([^)]{1,40}\\))?";
    /** An incise or relative clause between an entity and its verb. */
    private static final String INCISE_TEXT = "(?:(?!\\b(?:said|says|told|according|selon|killing|tuant)\\b)[^,.;\\d])";
    private static final String INCISE = "(?:\\s*," + INCISE_TEXT + "{1,100},|\\s+(?:qui|who|which|that)\\s"
            + INCISE_TEXT + "{1,80}?|\\s+(?:and|et) (?:the |la |le |les |l')?" + INCISE_TEXT + "{1,50}?|"
            + "\\s+(?:reached|contacted|quoted|interviewed|joints?|jointes?|contacte\\w*|interroge\\w*|cite\\w*) "
            + "(?:by|par) " + INCISE_TEXT + "{1,40}?){0,2}";
    /** Auxiliaries and adverbs before the verb: "had initially said", "avaient jusqu'ici fait état". */
    private static final String GAP = "(?:\\s+(?:[a-z'-]+\\s+){0,3}?|\\s*,\\s*)";

    private static final String STATE_ENT = "(?:(?:\\w+ )?(?:army|military|armed forces|government|ministry(?: of \\w+)?|"
            + "minister|general staff|authorities|junta|presidency|president|spokes(?:man|woman|person)|governor|police|"
            + "gendarmerie|officials?|(?:emergency|disaster)(?: management)? agency|security council)|"
            + "captain|colonel|lieutenant|commander|sergeant|"
            + "armee(?: \\w+)?|etat-major|etat major|gouvernement|ministere(?: de \\w+)?|(?:premier )?ministre|autorites|"
            + "presidence|president|presidente|gouverneur|forces armees(?: \\w+)?|fama|porte-parole|capitaine|commandant|"
            + "chef de l'etat|head of state|conseil (?:national )?de (?:securite|defense)|conseil des ministres|"
            + "(?:security|intelligence) services|services de (?:securite|renseignement)(?: \\w+)?|"
            + "civil (?:protection|defen[cs]e)|protection civile|fire (?:service|brigade)|sapeurs-pompiers|"
            + "agence (?:\\w+ )?de gestion des (?:urgences|catastrophes))";
    private static final String LOCAL_ENT = "(?:local (?:officials?|sources?|leaders?|authorities|elected officials?|"
            + "residents?|chiefs?|notables?|journalists?|councill?ors?)|mayors?|maire|elected officials?|elus? locaux|"
            + "elus? locale?|un elu|elu de la \\w+|residents?|witness(?:es)?|eyewitness(?:es)?|temoins?|habitants?|notables?|"
            + "villagers|villageois|survivors?|survivants?|relatives|proches|elders?|anciens?|sages|"
            + "village (?:chief|head)s?|chefs? de village|chefs? coutumiers?|traditional (?:leaders?|chiefs?)|"
            + "community (?:leaders?|sources?|members?)|(?:sources?|responsables?|chefs?|leaders?) communautaires?|"
            + "sources? locales?|hospital (?:sources?|officials?|staff|director)|medical sources?|sources? (?:hospitalieres?|"
            + "medicales?)|(?:a|one) doctor|doctors|nurses?|un medecin|medecins|infirmi\\w+|health workers?|"
            + "agents? de sante|civil society|societe civile|youth leaders?|religious leaders?|imams?|"
            + "(?:head|leader|chief|commander) of (?:a|the) [\\w' ()-]{0,50}?(?:vigilante|militia|self-defen[cs]e)"
            + "(?: group| force)?|vigilantes?|chefs? d'une milice(?: locale)?|chefs? de (?:la )?milice|"
            + "(?:a |an |one )?members? of (?:the |a )?[\\w' ()-]{0,40}?(?:vigilante|militia|joint task force|self-defen[cs]e)"
            + "(?: group| force)?|civilian joint task force|cjtf|responsables? locaux|responsable local|autorites locales|"
            + "conseillers? municipa(?:l|ux)|municipal councill?ors?|collectif d'habitants)";
    private static final String NGO_ENT = "(?:united nations|nations unies|onu|minusma|ocha|unhcr|hcr|unicef|hrw|"
            + "human rights watch|amnesty(?: international)?|acled|msf|medecins sans frontieres|doctors without borders|"
            + "icrc|cicr|red cross|croix-rouge|ohchr|humanitarian sources?|sources? humanitaires?|sources? onusiennes?|"
            + "(?:health |humanitarian )?partners|partenaires(?: humanitaires)?|humanitarian coordinator|"
            + "coordinat(?:or|eur) humanitaire|human rights division|division des droits de l'homme|aid (?:agencies|groups)|"
            + "(?:aid|humanitarian) workers?|travailleurs? humanitaires?|humanitaires?|an? (?:international )?ngo|ong)";
    private static final String ARMED_GENERIC = "(?:(?:the |le |l'|this |ce )?(?:jihadist |islamist |armed |extremist |"
            + "terrorist |militant )?(?<!(?:vigilante|self-defence|self-defense|autodefense|civilian|hunters|militia) )"
            + "(?:group|groupe|groupes armes|jihadists|jihadistes|djihadistes|insurgents|militants)|"
            + "al-qaeda|al qaeda|al-qaida|al qaida|islamic state|etat islamique|daesh|daech|rebels|rebelles|"
            + "rebel (?:alliance|coalition|groups?|movement)|separatists|separatistes|independantistes|"
            + "(?:the |la |une )?coalition de groupes armes)";

    private static final GuardedPattern ANON = GuardedPattern.compile("\\b(?:on (?:the )?condition of anonymity|anonymity|"
            + "anonymously|anonymous|(?:asked|requested|wished|declined|wishing|asking) (?:not )?to be (?:named|identified)"
            + "|not authori[sz]ed to (?:speak|talk)|security sources?|military sources?|sources? securitaires?|"
            + "sources? militaires?|sous (?:le )?couvert (?:de l')?anonymat|requis l'anonymat|anonymat|"
            + "sans vouloir etre (?:cite|nomme|identifie)e?|une source (?:securitaire|militaire|proche)|"
            + "a source (?:close to|within|in) the|(?:an? |two |three |several |some )?(?:army |military |security )?"
            + "(?:officers?|commanders?|officiers?) (?:said|told|say|says)|(?:an? |two |several |some )?(?:army |military |"
            + "security )(?:officials?|responsables?) (?:said|told|say|says)|(?:an?|one) official (?:said|told)|"
            + "off the record|en off|(?:a|ont) (?:declare|indique|affirme|dit|confie|explique|precise|assure) (?:un|des|deux|"
            + "plusieurs) (?:officiers?|gradee?s?|responsables? (?:militaires?|securitaires?)))\\b");
    /** Words that refer back to a source named earlier: "he said", "the source said", "selon la même source". */
    private static final String ANAPHOR = "(?:he|she|they|il|elle|ils|elles|(?:the|this|that|la|cette) (?:same )?source|"
            + "la meme source|the report|le rapport|the statement|le communique|the text|le texte|the document|"
            + "le document|the mission|la mission|the official|the officer|l'officier|the agency|l'agence|"
            + "the committee|le comite|the spokesman|le porte-parole|one of them|l'un d'eux)";
    private static final GuardedPattern ANAPHORIC = GuardedPattern.compile("(?:\\b" + ANAPHOR + "(?:\\s*,[^,.;\"]{1,80},)?" + GAP
            + SPEECH + "|(?:,|\")\\s*" + SPEECH + "(?:-t)?-?\\s*(?:he|she|il|elle)|(?:according to|selon|d'apres) "
            + "(?:the same source|la meme source|cette source|this source|the report|le rapport|le texte|the statement|"
            + "le communique))\\b");
    private static final GuardedPattern STATE_STANDALONE = GuardedPattern.compile("\\b(?:communique|porte-parole|"
            + "spokes(?:man|woman|person)|general staff|etat-major|official (?:toll|statement|figures?|report)|"
            + "bilan officiel|army (?:report|statement)|government statement)\\b");
    private static final GuardedPattern ARMED_STANDALONE = GuardedPattern.compile("\\b(?:claim(?:ed|s|ing)? (?:of )?"
            + "responsibility|responsibility (?:for|was claimed)|revendiqu\\w*|revendication\\w*|site intelligence|"
            + "amaq|martyrs?|propaganda|claimed by|the group's statement|in its claim|dans sa revendication)\\b");
    private static final GuardedPattern SITE = GuardedPattern.compile("\\bSITE\\b");
    /** Around "UN" (folded): "according to the UN", "UN officials said", "a UN report". Whole-text matches. */
    private static final GuardedPattern UN_ACCORDING = GuardedPattern.compile("(?s).*\\b" + ACCORDING + "\\s+(the\\s+)?un\\b.*");
    private static final GuardedPattern UN_SPEECH = GuardedPattern.compile("(?s).*\\bun\\s+(?:\\w+\\s+)?" + SPEECH + "\\b.*");
    private static final GuardedPattern UN_BODY = GuardedPattern.compile("(?s).*\\bun (report|statement|data|figures|mission|agency|"
            + "office|experts?|estimates?|investigation|inquiry|officials?|investigators|human rights)\\b.*");
    private static final GuardedPattern UN = GuardedPattern.compile("\\bUN\\b");

    private final List<GuardedPattern> statePatterns;
    private final List<GuardedPattern> localPatterns;
    private final List<GuardedPattern> ngoPatterns;
    private final List<GuardedPattern> armedPatterns;
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

    /**
     * "according to ENT", "ENT [of PLACE] [, ... ,| who ...] [aux adverb] said", "ENT report/statement/...", "...,
     * a annoncé dimanche le Premier ministre", "le bilan communiqué par ENT".
     */
    private static List<GuardedPattern> templates(String ent) {
        return List.of(
                GuardedPattern.compile("\\b" + ACCORDING + "\\s+" + DET + "(?:[\\w'-]+\\s+|[\\w]+'){0,6}?" + ent + "\\b"),
                GuardedPattern.compile("\\b" + ent + POST + INCISE + GAP + SPEECH + "\\b"),
                GuardedPattern.compile("\\b" + ent + POST + "\\s+(?:report|statement|communique|toll|figures|data|tally|"
                        + "press release|release|sources?|bilan|count|estimates?|assessment|investigation|inquiry)\\b"),
                // an incise after the figures: "..., a annoncé jeudi l'armée", "..., a précisé à l'ASP un élu local"
                GuardedPattern.compile("(?:,|\")\\s*" + SPEECH + "\\s+(?:[\\w']+\\s+){0,3}?" + DET + ent + "\\b"),
                // "a appris l'AFP de sources locales", "learned from security sources"
                GuardedPattern.compile("\\b(?:appris|apprend|learned|learnt)\\s+(?:[\\w']+\\s+){0,3}?(?:de|d'|from|aupres d[eu]s?)\\s*"
                        + DET + ent + "\\b"),
                GuardedPattern.compile("\\b(?:given|released|issued|provided|announced|published|compiled|communiquee?s?|"
                        + "donnee?s?|annoncee?s?|fournie?s?|publiee?s?|avancee?s?) (?:by|par)\\s+" + DET
                        + "(?:[\\w'-]+\\s+){0,3}?" + ent + "\\b"));
    }

    /** All cues of a sentence, after dropping overlaps and, when an anonymous cue exists, state cues. */
    List<Cue> cues(String sentence, Context ctx) {
        return cues(ArticleText.single(), sentence, ctx);
    }

    /** {@link #cues(String, Context)} of a sentence of an article. */
    List<Cue> cues(ArticleText article, String sentence, Context ctx) {
        String f = article.folded(sentence);
        // the patterns share literal sets (entities, speech verbs): each set is looked for once in the sentence
        GuardedPattern.Probe known = article.probe(f);
        List<Cue> raw = new ArrayList<>();
        GuardedPattern.Scan m = ANON.scan(known);
        while (m.find()) {
            raw.add(new Cue(ClaimantKind.anonymous_official, anonName(f), m.start(), m.end()));
        }
        for (GuardedPattern p : localPatterns) {
            m = p.scan(known);
            while (m.find()) {
                raw.add(new Cue(ClaimantKind.local_source, localName(m.group()), m.start(), m.end()));
            }
        }
        for (GuardedPattern p : ngoPatterns) {
            m = p.scan(known);
            while (m.find()) {
                raw.add(new Cue(ClaimantKind.ngo_un, ngoName(m.group()), m.start(), m.end()));
            }
        }
        m = UN.scan(sentence);
        while (m.find()) {
            String around = f.substring(Math.max(0, m.start() - 30), Math.min(f.length(), m.end() + 40));
            if (UN_ACCORDING.matcher(around).matches() || UN_SPEECH.matcher(around).matches()
                    || UN_BODY.matcher(around).matches()) {
                raw.add(new Cue(ClaimantKind.ngo_un, "UN", m.start(), m.end()));
            }
        }
        for (GuardedPattern p : armedPatterns) {
            m = p.scan(known);
            while (m.find()) {
                raw.add(new Cue(ClaimantKind.armed_group, armedName(article, sentence, ctx), m.start(), m.end()));
            }
        }
        m = ARMED_STANDALONE.scan(known);
        while (m.find()) {
            raw.add(new Cue(ClaimantKind.armed_group, armedName(article, sentence, ctx), m.start(), m.end()));
        }
        m = SITE.scan(sentence);
        while (m.find()) {
            raw.add(new Cue(ClaimantKind.armed_group, armedName(article, sentence, ctx), m.start(), m.end()));
        }
        for (GuardedPattern p : statePatterns) {
            m = p.scan(known);
            while (m.find()) {
                raw.add(new Cue(ClaimantKind.state, stateName(article, sentence, m.group(), ctx), m.start(), m.end()));
            }
        }
        m = STATE_STANDALONE.scan(known);
        while (m.find()) {
            raw.add(new Cue(ClaimantKind.state, stateName(article, sentence, m.group(), ctx), m.start(), m.end()));
        }
        if (ctx != null) {
            for (Person p : ctx.persons()) {
                m = personPattern(p).scan(known);
                while (m.find()) {
                    raw.add(new Cue(p.kind(), p.name(), m.start(), m.end()));
                }
            }
        }
        // the anonymous officer of the army is not the army: a state cue that overlaps an anonymous one, or is in the
        // same clause, goes
        List<Cue> anonymous = raw.stream().filter(c -> c.kind() == ClaimantKind.anonymous_official).toList();
        raw.removeIf(c -> c.kind() == ClaimantKind.state && anonymous.stream().anyMatch(a -> sameClause(f, a, c)));
        // a resident, witness or doctor who speaks without being named is still a local source, not an official
        boolean privatePerson = raw.stream().anyMatch(c -> c.kind() == ClaimantKind.local_source
                && PRIVATE_PERSON.find(f.substring(c.start(), c.end())));
        raw.removeIf(c -> privatePerson && c.kind() == ClaimantKind.anonymous_official
                && GENERIC_ANONYMITY.find(f.substring(c.start(), c.end())));
        m = ANAPHORIC.scan(known);
        while (m.find()) {
            raw.add(new Cue(ClaimantKind.media, "", m.start(), m.end(), true));
        }
        raw.sort(Comparator.comparingInt(Cue::start).thenComparingInt(c -> priority(c)));
        List<Cue> kept = new ArrayList<>();
        for (Cue c : raw) {
            boolean overlaps = kept.stream().anyMatch(k -> c.start() < k.end() && k.start() < c.end()
                    && (k.kind() != c.kind() || k.anaphor() != c.anaphor()));
            if (!overlaps) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static final GuardedPattern PRIVATE_PERSON = GuardedPattern.compile("\\b(?:residents?|witness|eyewitness|temoins?|"
            + "habitants?|villagers|villageois|survivors?|survivants?|relatives|proches|elders?|anciens?|doctors?|nurses?|"
            + "medecins?|infirmi\\w+|health workers?|agents? de sante)\\b");
    private static final GuardedPattern GENERIC_ANONYMITY = GuardedPattern.compile("anonym|named|identified|authori|cite|nomme");

    /** Whether two cues overlap or sit in one clause (no comma, semicolon or quote between them). */
    private static boolean sameClause(String f, Cue a, Cue b) {
        if (a.start() < b.end() && b.start() < a.end()) {
            return true;
        }
        int from = Math.min(a.end(), b.end());
        int to = Math.max(a.start(), b.start());
        if (to - from > 60) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char ch = f.charAt(i);
            if (ch == ',' || ch == ';' || ch == '"') {
                return false;
            }
        }
        return true;
    }

    private final Map<Person, GuardedPattern> personPatterns = new java.util.concurrent.ConcurrentHashMap<>();

    /** "Déby, who travelled to the base, said", "selon Museveni", "..., a déclaré Rafini". */
    private GuardedPattern personPattern(Person p) {
        return personPatterns.computeIfAbsent(p, x -> {
            String n = Pattern.quote(x.surname());
            return GuardedPattern.compileLocal("\\b(?:" + n + INCISE + GAP + SPEECH + "|" + ACCORDING + "\\s+(?:[\\w'-]+\\s+){0,2}?" + n
                    + "|(?:,|\")\\s*" + SPEECH + "\\s+(?:[\\w']+\\s+){0,3}?" + n + ")\\b");
        });
    }

    private static final GuardedPattern NAMES_UN = GuardedPattern.compile("(?s).*\\b(UN|United Nations|ONU|Nations unies)\\b.*");
    private static final GuardedPattern TITLED = GuardedPattern.compile("\\b(President|Prime Minister|Minister|Governor|General|Gen\\.|"
            + "Colonel|Col\\.|Lieutenant|Lt\\.|Captain|Capt\\.|Commander|Major|Sergeant|Mayor|Imam|Chief|Secretary-General|"
            + "[Pp]r[ée]sident|[Pp]remier ministre|[Mm]inistre|[Gg]ouverneur|[Gg][ée]n[ée]ral|[Cc]olonel|[Cc]apitaine|"
            + "[Cc]ommandant|[Ll]ieutenant|[Mm]aire|[Ss]ecr[ée]taire g[ée]n[ée]ral|porte-parole|spokesman|spokeswoman)"
            + "(?:,)?\\s+((?:\\p{Lu}[\\p{L}'-]+\\s+){0,3}\\p{Lu}[\\p{L}'-]+)");

    /**
     * The people an article introduces with a title, each known afterwards by surname: "President Idriss Déby" (state;
     * presidents, ministers, governors, spokesmen and officers), "Mayor X" (local_source), "Secretary-General X"
     * (ngo_un when the UN is named in the same sentence, else state).
     */
    List<Person> persons(List<String> sentences) {
        List<Person> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String s : sentences) {
            GuardedPattern.Scan m = TITLED.scan(s);
            while (m.find()) {
                String title = m.group(1).toLowerCase(Locale.ROOT);
                String[] names = m.group(2).trim().split("\\s+");
                String surname = Text.fold(names[names.length - 1]);
                if (surname.length() < 3 || !seen.add(surname)) {
                    continue;
                }
                ClaimantKind kind = title.startsWith("mayor") || title.startsWith("maire") || title.startsWith("imam")
                        || title.startsWith("chief") ? ClaimantKind.local_source
                        : (title.startsWith("secr") && NAMES_UN.matcher(s).matches())
                                ? ClaimantKind.ngo_un : ClaimantKind.state;
                out.add(new Person(surname, kind, m.group(1) + " " + m.group(2).trim()));
            }
        }
        return out;
    }

    /** The claimant kind of an outlet that is itself a source (a government's or an army's press office), else media. */
    ClaimantKind outletKind(String outlet) {
        if (outlet == null || outlet.isBlank()) {
            return ClaimantKind.media;
        }
        String f = Text.fold(outlet);
        if (OUTLET_STATE.find(f)) {
            return ClaimantKind.state;
        }
        if (OUTLET_NGO.find(f)) {
            return ClaimantKind.ngo_un;
        }
        return ClaimantKind.media;
    }

    private static final GuardedPattern OUTLET_STATE = GuardedPattern.compile("\\b(?:government|gouvernement|ministry|ministere|"
            + "presidency|presidence|armed forces|forces armees|army|armee|etat-major|general staff|republic of|"
            + "republique du|republique de)\\b");
    private static final GuardedPattern OUTLET_NGO = GuardedPattern.compile("\\b(?:united nations|nations unies|ocha|unhcr|unicef|"
            + "minusma|icrc|cicr)\\b");

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

    private static int priority(Cue c) {
        return c.anaphor() ? 6 : priority(c.kind());
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

    private static final GuardedPattern ANON_OFFICERS = GuardedPattern.compile("(?s).*\\b(officers?|commanders?|officiers?|commandants?)\\b.*");
    private static final GuardedPattern ANON_OFFICIALS = GuardedPattern.compile("(?s).*\\b(officials?|responsables?)\\b.*");
    private static final GuardedPattern ANON_MILITARY = GuardedPattern.compile(
            "(?s).*\\b(military sources?|sources? militaires?|une source militaire)\\b.*");
    private static final GuardedPattern ANON_SECURITY = GuardedPattern.compile("(?s).*\\b(security sources?|sources? securitaires?)\\b.*");

    private static String anonName(String f) {
        if (ANON_OFFICERS.matcher(f).matches()) {
            return "anonymous officers";
        }
        if (ANON_OFFICIALS.matcher(f).matches()) {
            return "anonymous officials";
        }
        if (ANON_MILITARY.matcher(f).matches()) {
            return "military source";
        }
        if (ANON_SECURITY.matcher(f).matches()) {
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

    /** Each key of {@link #NGO_NAMES} at the start of a word. */
    private static final Map<String, Pattern> NGO_NAME_STARTS = NGO_NAMES.keySet().stream().collect(
            java.util.stream.Collectors.toUnmodifiableMap(k -> k, k -> Pattern.compile("\\b" + Pattern.quote(k))));

    private static String ngoName(String cue) {
        String best = "UN";
        int at = Integer.MAX_VALUE;
        for (Map.Entry<String, String> e : NGO_NAMES.entrySet()) {
            Matcher m = NGO_NAME_STARTS.get(e.getKey()).matcher(cue);
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

    private String armedName(ArticleText article, String sentence, Context ctx) {
        for (ActorDictionary.Mention m : actors.find(article, sentence)) {
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

    private static final GuardedPattern ARMY_CUE = GuardedPattern.compile("(?s).*\\b(army|military|armed forces|armee|forces armees|"
            + "fama|general staff|etat-major|etat major|communique|army report|army statement)\\b.*");

    private String stateName(ArticleText article, String sentence, String cue, Context ctx) {
        for (ActorDictionary.Mention m : actors.find(article, sentence)) {
            if (m.actor().kind() == ActorDictionary.Kind.STATE) {
                return m.actor().name();
            }
        }
        if (ARMY_CUE.matcher(cue).matches()) {
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
    String firstArmedGroup(ArticleText article, List<String> texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String t : texts) {
            for (ActorDictionary.Mention m : actors.find(article, t)) {
                if (m.actor().kind() == ActorDictionary.Kind.ARMED_GROUP) {
                    names.add(m.actor().name());
                }
            }
        }
        return names.isEmpty() ? null : names.iterator().next();
    }
}
