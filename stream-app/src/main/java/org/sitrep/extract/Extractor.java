package org.sitrep.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sitrep.extract.SentenceSplitter.Sentence;
import org.sitrep.schema.Article;
import org.sitrep.schema.Claim;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.EventType;
import org.sitrep.schema.Place;

/**
 * Turns one news article into the violent events it reports, with their casualty claims.
 *
 * <p>Build it once and share it: it is immutable and thread-safe, and {@link #extract(Article)} is a pure function
 * of the article (same input, same output). It never throws: odd input gives an empty list or a partial report.
 *
 * <h2>What is read</h2>
 * <ul>
 *   <li><b>Text</b>: the body is cleaned by {@link TextCleaner} (HTML removed; "Read also"/"Lire aussi", ads,
 *       share prompts, copyright lines dropped; everything from a comment/disclaimer footer such as "Post a Comment"
 *       on dropped). Only the first {@value TextCleaner#RAW_CAP} raw characters are cleaned and only the first
 *       {@value TextCleaner#TEXT_CAP} cleaned characters are scanned; a sentence is read up to
 *       {@value #SENTENCE_CAP} characters. The title is used for the event type, places and actors, never for
 *       figures (it repeats the body). The cleaner keeps an offset map back to the raw body, so each claim carries
 *       the span of its sentence in the body ({@link SentenceSpans}).</li>
 *   <li><b>Dateline</b>: the wire dateline opening the body ("NIAMEY, Dec 11 (Reuters) -", "BAMAKO, 25 mars 2019
 *       (AFP) –", "Mogadishu (AFP) -", "OUAGADOUGOU —"; see {@link Dateline}) is removed: its city is where the
 *       copy was filed and its date the filing date, so neither is a place or a date of the event (the city still
 *       counts where the story itself names it).</li>
 *   <li><b>Language</b>: the article's language field ("en", "fr-FR", "es"...); when null, {@link LanguageDetector}:
 *       stop words of English, French, Spanish, Portuguese, German and Italian, or the script of non-Latin text
 *       (Arabic "ar"; "und" for a script several languages share). The report's {@code language} is the declared
 *       field as given, else the detected code (null when nothing is evident). English and French are read fully;
 *       every other language is passed through ({@link PassThroughReader}, see below).</li>
 *   <li><b>Background</b>: sentences about the past or aggregates (a year before the publication year, "since 2012",
 *       "last year", "earlier this month", "the same year", "at the time", "à l'époque", "thousands", "in a separate
 *       attack", an explicit date more than 30 days before publication, a month named alone two months back or more,
 *       "In May"; see {@link BackgroundFilter}) give no figures, places, dates or event type, except in a follow-up
 *       (below).</li>
 * </ul>
 *
 * <h2>New event, look-back or follow-up</h2> See {@link Retrospect}. A <em>fresh anchor</em> is a non-background
 * sentence with event words or a figure dated within 7 days of publication.
 * <ul>
 *   <li>With none, an article whose title or first sentence looks back (an anniversary: "a year after", "six years
 *       on", "il y a un an", "jour pour jour"; a year summed up: "ends 2024", "le bilan de 2020"; a first sentence
 *       opening on a period: "In the space of seven months", "En six mois"; a title labelled "Analysis:",
 *       "Analyse –", "Tribune") gives <b>no report</b>: its figures are retrospective.</li>
 *   <li>With none and no such marker, a <b>follow-up</b> (a UN report in March on a January strike, a committee
 *       revising a toll months later): the first paragraph names the event with an old date tied to it ("the August
 *       24 attack", "la frappe menée le 3 janvier", or a month: "a strike in January") and reports it now ("said on
 *       Tuesday", "publié mardi", "this week"). The event date is that date (for a month alone, the first date tied
 *       to event words within it in a later sentence: "the strike on Jan. 3"); the first paragraph's time-only
 *       background sentences, and later ones dated to that day, are read as current. Other background (another
 *       attack, aggregates) stays background.</li>
 * </ul>
 *
 * <h2>Reports</h2> Zero or more per article:
 * <ul>
 *   <li>an article with at least one casualty claim gives a report;</li>
 *   <li>an article with no claim gives one report <em>with zero claims</em> when it has event-type evidence (see
 *       below) in its title or in a non-background sentence <em>and</em> a place resolves to a country: a new violent
 *       event reported without a figure still groups into its incident and gives place and date;</li>
 *   <li>a look-back piece (above), a pure background article, or event words with no place, give none;</li>
 *   <li>an article in another language is never dropped for want of words: it gives one report when it has a
 *       claim or when a place resolves to a country (with zero claims then);</li>
 *   <li><b>several reports</b> when the non-background paragraphs with event words or figures form clearly
 *       separate groups: another country (placed by towns and regions, not by country names), or places more than
 *       300 km apart together with dates more than a day apart or different event types; a new group needs an event
 *       of its own (a figure, or a named place and a date). A weekly roundup of an attack in Niger and an airstrike
 *       in Mali gives two reports, each with its own places, date, type, actors and the claims of its sentences;
 *       two villages attacked the same day a few kilometres apart stay one report. Paragraphs without event words
 *       join the latest group unless they name another country. With fewer than two such groups, one report from
 *       the whole article.</li>
 * </ul> {@code report_id} is {@code <article id>#<n>} (n from 1, in text order); article id, outlet, language,
 * publication time and title are copied from the article. Articles without id or publication time give no report.
 * Downstream, an incident never holds two reports of one article ({@link org.sitrep.incidents.IncidentMatcher}).
 *
 * <h2>Event type</h2> See {@link EventTypeClassifier}: suicide_bombing &gt; ambush &gt; attack_on_base &gt; airstrike
 * &gt; ied &gt; attack_on_civilians &gt; armed_clash &gt; other, each from EN/FR keywords (shorter es/pt/it/de lists);
 * "ambush" beats "mine".
 *
 * <h2>Event date</h2> See {@link DateResolver}. Dates are UTC calendar dates: the publication date is
 * {@code published_at} in UTC. Explicit dates as written ("Tuesday 10 December" is the 10th); weekdays ("on
 * Tuesday", "mardi soir", "dans la nuit de lundi à mardi" = Monday) are the latest such weekday on or before
 * publication (same weekday = publication day); "yesterday"/"hier" = publication − 1; "overnight"/"last
 * night"/"dans la nuit" without a weekday = publication − 1; "the day before"/"la veille" only one day before another
 * date in the same sentence. Dates right after reporting words ("released on Thursday", "acknowledged on Saturday",
 * "a reconnu samedi", "claimed responsibility on Friday") are ignored, and so are explicit dates that anchor a
 * comparison ("depuis le coup d'État du 26 juillet", "since 2 March"); an explicit date more than 7 days before
 * publication does not beat a weekday in the same sentence. A date <em>tied</em> to event words in its clause
 * ("killed ... on Saturday", "Sunday's attack", "the strike, late on Sunday") beats an untied one, in the sentence
 * and across the article. Sentences are looked at in this order: those with a figure and event words, then those with
 * event words, then those with a figure, then the rest and the title (so "bodies reached Maiduguri on Wednesday" or
 * "the chief of staff visited the village on Tuesday" does not beat "overran a base on Sunday"). A follow-up's date
 * is the old event's (above). Default: the publication date.
 *
 * <h2>Other languages (pass-through)</h2> See {@link PassThroughReader} and the lexicon table
 * {@link LanguageProfiles} (Spanish, Portuguese, German, Italian; any other language reads with an empty lexicon).
 * Read as in English and French: places, country, admin1 and actors (names are names in any language), background
 * sentences (earlier years; explicit dates more than 30 days old). Read with the lexicon: digit figures next to its
 * killed / injured / missing words and person nouns, with its qualifiers ("al menos", "mindestens"); the event type
 * from a few event words (else other); the event date from an explicit date (ISO, day-first digits such as
 * "10/12/2019", or a month name: "10 de enero", "13. Januar"), else the publication date. The claimant is the outlet
 * ({@code media}) unless an "according to" word names a claimant noun of the lexicon or a known actor ("según el
 * ejército" → "army", state; "nach Angaben von Sicherheitskreisen" → "security sources", anonymous_official).
 * <h2>Places</h2> See {@link Gazetteer} and {@link PlaceSalience}: accent- and case-insensitive whole-word names,
 * longest first, not inside actor names, from the title and non-background sentences. Each mention is weighed by
 * where it stands: in a sentence with event words or a figure (or the title) it counts double; as the scene ("the
 * village of X", "near X", "attack on X", "près de X") 1.5 times; as a reference point 0.2 (a distance or bearing:
 * "120 km south-west of X", "au nord de X"; a destination or origin: "taken to hospital in X", "évacués vers X",
 * "from X"; where something was said or broadcast or someone is based: "said on Sunday in X", "réuni lundi à X",
 * "read on state television in X", "basé à X"). Country: the country of the towns with the highest total, else
 * regions, else country names, else nationality adjectives. Admin1: the highest total over the chosen country's
 * towns and regions together ("in the Lower Shabelle region" states it), none under 0.5 (a capital named only as a
 * venue gives the country but no admin1).
 *
 * <h2>Actors</h2> See {@link ActorDictionary}: canonical names (JNIM, IS Sahel, ISWAP, Boko Haram, AQIM, al-Shabaab,
 * CSP-DPA, FLA, CMA, Wagner, ATMIS, MINUSMA, Barkhane, FAMa, Burkinabe army, Niger army, Nigerian army, Somali
 * army...) in order of first mention.
 *
 * <h2>Claims</h2> See {@link ClaimExtractor}, {@link ClaimantResolver}, {@link NumberParser},
 * {@link CasualtyLexicon}, then the second pass {@link ClaimExtractor#review} ({@link ClaimParties},
 * {@link ClaimFigures}) over the report's claims, with its title, sentences and country.
 * <ul>
 *   <li>Figures: digits ("1,200", "1 400") or EN/FR words; "a dozen" 12, "dozens" 24, "a score" 20, "scores" 40, "a
 *       hundred"/"une centaine" 100, "hundreds"/"des centaines" 200, "une dizaine" 10, "une trentaine" 30, "des
 *       dizaines" 20 (all {@code about}); "a soldier" 1; "quatre (04)" one figure; "thousands", "un nombre important"
 *       and "an unknown number" are not figures.</li>
 *   <li>Qualifier: {@code at_least} for at least / more than / over / au moins / plus de; {@code about} for about /
 *       around / some / nearly / approximately / environ / près de and the approximate words above; else
 *       {@code exact}.</li>
 *   <li>Killed: killed, dead, died, slain, buried, lost their lives, were left dead, claimed the lives of,
 *       neutralised (militants), tués, morts, ont péri, ont trouvé la mort, ont perdu la vie, a coûté la vie à,
 *       neutralisés, inhumés; injured: wounded, injured, treated for wounds, hospitalised, blessés; missing: missing,
 *       unaccounted for, captured, taken prisoner, abducted, kidnapped, portés disparus, disparus, enlevés, faits
 *       prisonniers, capturés (a figure of bodies is killed whatever the verb). "14 soldiers were killed and 11
 *       wounded" is one claim, and so is "71 soldiers were killed, 12 wounded and 30 missing" ("several missing"
 *       gives no figure); a toll update ("the toll rose to 14, up from 12", "le bilan est passé de 134 à 157 morts",
 *       "77 terroristes neutralisés, contre 63") two; "five Wagner mercenaries and seven Malian troops were killed"
 *       two (foreign_forces 5, state_forces 7); "70 were killed in A and 30 in B" two; "22 people were killed, 19 of
 *       them civilians" two (unknown 22, civilians 19), but "two of them were women" adds none.</li>
 *   <li>Not claims: a conflict's aggregate ("the insurgency has killed more than 30,000 people"), any killed figure
 *       above 3,000, the killing a reprisal answered, a figure about another attack the sentence compares this one
 *       with or dates it by ("deadlier than the December assault, where 71 soldiers died", "a week after 20 soldiers
 *       were killed"), and a summary that repeats, without a source of its own, a figure a named source gave.</li>
 *   <li>Party: state_forces (soldiers, troops, gendarmes, militaires, VDP, militias), foreign_forces (Wagner/Russian
 *       mercenaries and fighters, peacekeepers, AU/ATMIS/MINUSMA troops, and any force of another nationality than the
 *       event's country: "54 Ugandan soldiers" in Somalia, "soldats tchadiens" in Niger), militants (terrorists,
 *       jihadists, assailants, fighters, martyrs, bombers), civilians (civilians, villagers, worshippers, passengers,
 *       students, habitants, guests), else the noun after "among"/"parmi"/"dans les rangs de", the noun of the toll
 *       phrase, or what the dead "were"; else unknown, and then the second pass: a sentence that says civilians
 *       ("most of them civilians", "including women and children") or tells of a civilian scene (village, market,
 *       mosque, wedding, gathering, bus... and no military target) gives civilians; a total broken down into
 *       parties stays unknown; otherwise the only victim party of the report's other claims (militants and an armed
 *       group's own figures left out: "We have at least 60 dead" beside "60 soldiers killed" is state_forces); else
 *       civilians when the report is an attack on civilians or a bombing; else unknown. In a scene held by foreign
 *       forces (the first body sentence naming a force names only foreign ones: "an AU base held by Ugandan troops")
 *       soldiers are foreign_forces unless the sentence names the home country's.</li>
 *   <li>Claimant kind: state (army, ministry, government, general staff, president, prime minister, governor,
 *       police, officials, officers by rank, security council, emergency agency, spokesman, army report,
 *       communiqué), armed_group (claim of responsibility, revendiqué, the group or rebels said, via SITE, martyrs),
 *       anonymous_official (on condition of anonymity, security source, sous couvert d'anonymat, unnamed officers;
 *       overrides state cues in its own clause), local_source (local official, mayor, residents, witnesses, elders,
 *       community sources, militia heads, doctors and nurses, élu local, notable; an unnamed resident stays one),
 *       ngo_un (UN, MINUSMA, OCHA, UNHCR, HRW, Amnesty, ACLED, MSF, ICRC, humanitarian partners, sources onusiennes);
 *       the nearest cue in the sentence ("he said", "the source said", "selon la même source" refer back to the
 *       latest named source), else the attribution closing a quotation the sentence opens, else the cue of an
 *       earlier sentence of the same paragraph, else the outlet: media, or state/ngo_un when the outlet is a
 *       government or UN office. {@code partisan} is always false here (reconciliation sets it).</li>
 *   <li>Repeats: one claim per figure and kind of source (the lead and a quote, "the government said 134" and "a
 *       spokesman gave the toll of 134"), merging their figures ("71 killed" and "71 killed and 12 wounded"); the
 *       outlet restating an attributed figure is not a claim of its own.</li>
 *   <li>Span: {@code span_start}/{@code span_end}, UTF-16 indexes of the claim's sentence in the article's original
 *       body ({@code body.substring(span_start, span_end)} is the sentence as published, inline markup and entities
 *       included); null when the stretch of body does not read back as the sentence (its HTML stripped, entities
 *       decoded, white space aside), as when a dropped boilerplate line sits inside a joined paragraph.</li>
 * </ul>
 */
public final class Extractor {

    /** Characters of one sentence that are analysed. */
    public static final int SENTENCE_CAP = 1_500;

    private final TextCleaner cleaner = new TextCleaner();
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final BackgroundFilter background = new BackgroundFilter();
    private final DateResolver dates = new DateResolver();
    private final Retrospect retrospect = new Retrospect(dates, background);
    private final EventTypeClassifier classifier = new EventTypeClassifier();
    private final Gazetteer gazetteer;
    private final ActorDictionary actors;
    private final ClaimExtractor claims;
    private final PassThroughReader passThrough;

    /** An extractor over the packaged gazetteer and the built-in actors. */
    public Extractor() {
        this(Gazetteer.fromClasspath(), new ActorDictionary());
    }

    /** An extractor over the given gazetteer and actors. */
    public Extractor(Gazetteer gazetteer, ActorDictionary actors) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.actors = Objects.requireNonNull(actors, "actors");
        this.claims = new ClaimExtractor(actors);
        this.passThrough = new PassThroughReader(actors);
    }

    /** The events the article reports: usually zero or one, several for a roundup. Never null, never throws. */
    public List<EventReport> extract(Article article) {
        try {
            return doExtract(article);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    /** {@link #extract} without the safety net: throws what a bug would throw (for tests). */
    List<EventReport> doExtract(Article article) {
        if (article == null || article.getId() == null || article.getPublishedAt() == null) {
            return List.of();
        }
        Instant publishedAt = article.getPublishedAt();
        LocalDate published = LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
        String outlet = article.getOutlet() == null ? "" : article.getOutlet();
        String title = cleaner.line(article.getTitle());
        List<MappedText> mapped = cleaner.mappedParagraphs(article.getBody());
        List<String> paragraphs = new ArrayList<>(mapped.size());
        mapped.forEach(p -> paragraphs.add(p.toString()));
        String declared = LanguageDetector.normalise(article.getLanguage());
        String code = declared != null ? declared : LanguageDetector.detect(
                title + "\n" + String.join("\n", paragraphs.subList(0, Math.min(paragraphs.size(), 5))));
        Language lang = Language.ofCode(code);
        List<SentenceSplitter.Located> located = splitter.locate(paragraphs);
        Meta meta = new Meta(article, declared != null ? article.getLanguage() : code,
                claims -> SentenceSpans.withSpans(claims, located, mapped, article.getBody(), SENTENCE_CAP),
                new ArticleText());
        if (lang == Language.OTHER) {
            EventReport r = passThrough(meta, title, located, published, LanguageProfiles.of(code));
            return r == null ? List.of() : List.of(r);
        }

        ArticleText at = meta.text();
        List<Sentence> sentences = new ArrayList<>();
        List<BackgroundFilter.Kind> kinds = new ArrayList<>();
        for (SentenceSplitter.Located l : located) {
            Sentence s = l.sentence();
            String text = s.text().length() > SENTENCE_CAP ? s.text().substring(0, SENTENCE_CAP) : s.text();
            sentences.add(new Sentence(text, s.paragraph(), s.indexInParagraph()));
            kinds.add(background.kind(at, text, published));
        }
        boolean[] bg = new boolean[sentences.size()];
        for (int i = 0; i < bg.length; i++) {
            bg[i] = kinds.get(i) != BackgroundFilter.Kind.NONE;
        }
        // The country of the whole article (title and non-background sentences): claims need it to tell a foreign
        // force from the state's own before the article is split into reports.
        List<String> wholeTexts = new ArrayList<>();
        wholeTexts.add(maskActors(at, title));
        for (int i = 0; i < sentences.size(); i++) {
            if (!bg[i]) {
                wholeTexts.add(maskActors(at, sentences.get(i).text()));
            }
        }
        String articleCountry = gazetteer.locate(at, wholeTexts).country();
        ClaimExtractor.Source source = new ClaimExtractor.Source(article.getId(), outlet, publishedAt, lang, title,
                articleCountry);
        List<Claim> found = claims.extract(at, inputs(sentences, bg), source);

        // Does the article report a new event, look back only, or follow up an earlier one?
        List<Boolean> eventish = new ArrayList<>();
        Set<String> firstClaims = new HashSet<>();
        found.forEach(c -> firstClaims.add(c.getSentence()));
        List<java.util.Optional<EventType>> sentenceEvidence = classifier.evidenceEach(at,
                sentences.stream().map(Sentence::text).toList());
        for (int i = 0; i < sentences.size(); i++) {
            String t = sentences.get(i).text();
            eventish.add(sentenceEvidence.get(i).isPresent() || firstClaims.contains(t)
                    || DateResolver.hasEventWord(at, t));
        }
        Retrospect.Decision decision = retrospect.decide(at, title, sentences, kinds, eventish, published);
        if (decision.mode() == Retrospect.Mode.RETROSPECTIVE) {
            return List.of();
        }
        LocalDate followedDate = null;
        if (decision.mode() == Retrospect.Mode.FOLLOW_UP) {
            boolean[] again = bg.clone();
            decision.foreground().forEach(i -> again[i] = false);
            List<Claim> more = claims.extract(at, inputs(sentences, again), source);
            int lead = sentences.get(0).paragraph();
            Set<String> leadTexts = new HashSet<>();
            sentences.stream().filter(s -> s.paragraph() == lead).forEach(s -> leadTexts.add(s.text()));
            if (more.stream().anyMatch(c -> leadTexts.contains(c.getSentence()))) {
                bg = again;
                found = more;
                followedDate = decision.eventDate();
            }
        }
        List<String> current = new ArrayList<>(); // non-background sentences
        for (int i = 0; i < sentences.size(); i++) {
            if (!bg[i]) {
                current.add(sentences.get(i).text());
            }
        }

        // Several reports when the event sentences form clearly separate groups (a roundup of two attacks).
        List<List<String>> groups = followedDate == null
                ? groups(at, sentences, bg, sentenceEvidence, found, published) : List.of();
        if (groups.size() > 1) {
            List<EventReport> reports = new ArrayList<>();
            for (List<String> group : groups) {
                Set<String> mine = new HashSet<>(group);
                List<Claim> own = found.stream().filter(c -> mine.contains(c.getSentence())).toList();
                EventReport r = report(meta, reports.size() + 1, "", group, own, null, published);
                if (r != null) {
                    reports.add(r);
                }
            }
            if (reports.size() > 1) {
                return reports;
            }
        }
        EventReport r = report(meta, 1, title, current, found, followedDate, published);
        return r == null ? List.of() : List.of(r);
    }

    /**
     * One report from the given sentences (non-background, in order) and their claims; the title, when not empty,
     * counts for type, places and actors. Null when there is no claim and no event type with a place.
     */
    private EventReport report(Meta meta, int n, String title, List<String> current, List<Claim> found,
            LocalDate followedDate, LocalDate published) {
        Article article = meta.article();
        ArticleText at = meta.text();
        String outlet = article.getOutlet() == null ? "" : article.getOutlet();
        List<String> typed = new ArrayList<>();
        typed.add(title);
        typed.addAll(current);
        // Each text classified once: the per-sentence evidence below is needed for the event date anyway.
        List<java.util.Optional<EventType>> evidenceOf = classifier.evidenceEach(at, typed);
        var evidence = EventTypeClassifier.vote(evidenceOf);
        Set<String> claimSentences = new HashSet<>();
        found.forEach(c -> claimSentences.add(c.getSentence()));
        List<String> placeTexts = new ArrayList<>();
        List<Boolean> eventTexts = new ArrayList<>();
        for (int k = 0; k < typed.size(); k++) {
            placeTexts.add(maskActors(at, typed.get(k)));
            eventTexts.add(k == 0 || evidenceOf.get(k).isPresent() || claimSentences.contains(typed.get(k)));
        }
        Gazetteer.Location where = gazetteer.locate(at, placeTexts, new PlaceSalience(eventTexts, at));
        found = claims.review(at, found, typed, where.country());
        if (found.isEmpty() && (evidence.isEmpty() || where.country() == null)) {
            return null;
        }
        EventType type = evidence.orElse(EventType.other);

        List<String> claimAndEvent = new ArrayList<>();
        List<String> eventOnly = new ArrayList<>();
        List<String> claimOnly = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int k = 0; k < current.size(); k++) {
            String s = current.get(k);
            boolean event = evidenceOf.get(k + 1).isPresent(); // typed = title, then current
            if (claimSentences.contains(s)) {
                (event ? claimAndEvent : claimOnly).add(s);
            } else {
                (event ? eventOnly : others).add(s);
            }
        }
        others.add(title);
        LocalDate eventDate = followedDate != null ? followedDate
                : dates.resolve(at, List.of(claimAndEvent, eventOnly, claimOnly, others), published);

        return build(meta, n, outlet, type, eventDate, where, typed, found);
    }

    /** What every report of one article shares: the article, its language code, and how claims get their spans. */
    private record Meta(Article article, String language, java.util.function.UnaryOperator<List<Claim>> spans,
            ArticleText text) {}

    /**
     * Any other language, passed through with what can be read ({@link PassThroughReader}): one report, never dropped
     * when a place resolves to a country, even without a claim or an event word; null when it has neither a claim nor
     * a country.
     */
    private EventReport passThrough(Meta meta, String title, List<SentenceSplitter.Located> located, LocalDate published,
            LanguageProfile profile) {
        Article article = meta.article();
        ArticleText at = meta.text();
        String outlet = article.getOutlet() == null ? "" : article.getOutlet();
        List<ClaimExtractor.Input> inputs = new ArrayList<>();
        List<String> current = new ArrayList<>(); // non-background sentences
        for (SentenceSplitter.Located l : located) {
            Sentence s = l.sentence();
            String text = s.text().length() > SENTENCE_CAP ? s.text().substring(0, SENTENCE_CAP) : s.text();
            boolean bg = background.isBackground(at, text, published)
                    || passThrough.hasStaleDate(text, published, profile);
            inputs.add(new ClaimExtractor.Input(new Sentence(text, s.paragraph(), s.indexInParagraph()), bg));
            if (!bg) {
                current.add(text);
            }
        }
        List<String> typed = new ArrayList<>();
        typed.add(title);
        typed.addAll(current);
        List<String> placeTexts = new ArrayList<>();
        for (String t : typed) {
            placeTexts.add(maskActors(at, t));
        }
        Gazetteer.Location where = gazetteer.locate(at, placeTexts);
        ClaimExtractor.Source source = new ClaimExtractor.Source(article.getId(), outlet, article.getPublishedAt(),
                Language.OTHER, title, where.country());
        List<Claim> found = claims.review(at, passThrough.claims(inputs, source, profile), typed, where.country());
        if (found.isEmpty() && where.country() == null) {
            return null;
        }
        EventType type = passThrough.eventType(typed, profile).orElse(EventType.other);
        Set<String> claimSentences = new HashSet<>();
        found.forEach(c -> claimSentences.add(c.getSentence()));
        List<String> withClaims = new ArrayList<>();
        List<String> withEvents = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String s : current) {
            if (claimSentences.contains(s)) {
                withClaims.add(s);
            } else if (passThrough.eventType(List.of(s), profile).isPresent()) {
                withEvents.add(s);
            } else {
                others.add(s);
            }
        }
        others.add(title);
        LocalDate date = passThrough.eventDate(List.of(withClaims, withEvents, others), published, profile);
        return build(meta, 1, outlet, type, date, where, typed, found);
    }

    /** The report {@code #n} of the article, its claims given their spans in the body. */
    private EventReport build(Meta meta, int n, String outlet, EventType type, LocalDate eventDate,
            Gazetteer.Location where, List<String> typed, List<Claim> found) {
        Article article = meta.article();
        return EventReport.newBuilder()
                .setReportId(article.getId() + "#" + n)
                .setArticleId(article.getId())
                .setOutlet(outlet)
                .setLanguage(meta.language())
                .setPublishedAt(article.getPublishedAt())
                .setTitle(article.getTitle() == null ? "" : article.getTitle())
                .setEventType(type)
                .setEventDate(eventDate)
                .setCountry(where.country())
                .setAdmin1(where.admin1())
                .setPlaces(new ArrayList<>(where.places()))
                .setActors(actors.canonicalNames(meta.text(), typed))
                .setClaims(new ArrayList<>(meta.spans().apply(found)))
                .build();
    }

    /** Distance beyond which two groups of places in one country may be two events (with distinct dates or types). */
    static final double SPLIT_KM = 300;

    /** One paragraph's (or several paragraphs') event evidence, for splitting. */
    private static final class Unit {
        final List<String> texts = new ArrayList<>();
        final List<Place> places = new ArrayList<>();
        String country;
        LocalDate date;
        EventType type;
    }

    /**
     * The non-background sentences split into groups of paragraphs that report separate events; one group (or none)
     * in the common case. A paragraph with event words or a figure joins the latest group it is not clearly separate
     * from, else starts a group; separate means another country, or places more than {@value #SPLIT_KM} km apart
     * together with dates more than a day apart or different event types. A paragraph's country here comes from its
     * towns and regions only ("near the border with Burkina Faso" places nothing). A new group also needs an event of its own
     * (a casualty figure, or a named town or region and a date): "France said its aircraft flew over the area
     * during the fighting" starts none. A paragraph without a country joins the latest group; a paragraph without
     * event words, or separate but without an event of its own, joins the latest group when it names no other
     * country, else it is left out.
     */
    private List<List<String>> groups(ArticleText at, List<Sentence> sentences, boolean[] bg,
            List<java.util.Optional<EventType>> evidence, List<Claim> found, LocalDate published) {
        Set<String> claimSentences = new HashSet<>();
        found.forEach(c -> claimSentences.add(c.getSentence()));
        java.util.Map<Integer, List<Integer>> byParagraph = new java.util.LinkedHashMap<>();
        Set<Integer> eventParagraphs = new HashSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (!bg[i]) {
                byParagraph.computeIfAbsent(sentences.get(i).paragraph(), k -> new ArrayList<>()).add(i);
                if (evidence.get(i).isPresent() || claimSentences.contains(sentences.get(i).text())) {
                    eventParagraphs.add(sentences.get(i).paragraph());
                }
            }
        }
        if (eventParagraphs.size() < 2) {
            return List.of(); // the common case: nothing to split, and no place lookups per paragraph
        }
        List<Unit> groups = new ArrayList<>();
        for (List<Integer> indexes : byParagraph.values()) {
            List<String> texts = new ArrayList<>(indexes.size());
            List<java.util.Optional<EventType>> ev = new ArrayList<>(indexes.size());
            for (int i : indexes) {
                texts.add(sentences.get(i).text());
                ev.add(evidence.get(i));
            }
            List<String> masked = new ArrayList<>();
            List<Boolean> eventTexts = new ArrayList<>();
            List<String> eventSentences = new ArrayList<>();
            for (int k = 0; k < texts.size(); k++) {
                masked.add(maskActors(at, texts.get(k)));
                boolean e = ev.get(k).isPresent() || claimSentences.contains(texts.get(k));
                eventTexts.add(e);
                if (e) {
                    eventSentences.add(texts.get(k));
                }
            }
            Gazetteer.Location where = gazetteer.locate(at, masked, new PlaceSalience(eventTexts, at));
            Unit p = new Unit();
            p.texts.addAll(texts);
            p.places.addAll(where.places());
            // only towns and regions place a paragraph: "near the border with Burkina Faso" names no scene
            p.country = where.places().stream().anyMatch(x -> x.getCountry() != null
                    && x.getCountry().equals(where.country())) ? where.country() : null;
            boolean event = !eventSentences.isEmpty();
            if (event) {
                p.type = EventTypeClassifier.best(ev).orElse(null);
                for (String t : eventSentences) {
                    java.util.Optional<DateResolver.Dated> d = dates.dated(at, t, published);
                    if (d.isPresent()) {
                        p.date = d.get().date();
                        break;
                    }
                }
            }
            Unit home = null;
            for (int g = groups.size() - 1; g >= 0 && home == null; g--) {
                if (!separate(groups.get(g), p)) {
                    home = groups.get(g);
                }
            }
            // a new group needs an event of its own: a figure, or a named place and a date
            boolean strong = eventSentences.stream().anyMatch(claimSentences::contains)
                    || (!p.places.isEmpty() && p.date != null);
            if (!event || (home == null && !groups.isEmpty() && !strong)) {
                Unit last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                if (last != null && (p.country == null || p.country.equals(last.country))) {
                    last.texts.addAll(p.texts);
                }
                continue;
            }
            if (home == null) {
                groups.add(p);
                continue;
            }
            home.texts.addAll(p.texts);
            home.places.addAll(p.places);
            if (home.country == null) {
                home.country = p.country;
            }
            if (home.date == null) {
                home.date = p.date;
            }
            if (home.type == null) {
                home.type = p.type;
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (Unit g : groups) {
            if (g.country != null) {
                out.add(g.texts);
            }
        }
        return out.size() > 1 ? out : List.of();
    }

    private static boolean separate(Unit g, Unit p) {
        if (g.country == null || p.country == null) {
            return false;
        }
        if (!g.country.equals(p.country)) {
            return true;
        }
        boolean distinctDates = g.date != null && p.date != null
                && Math.abs(java.time.temporal.ChronoUnit.DAYS.between(g.date, p.date)) > 1;
        boolean distinctTypes = g.type != null && p.type != null && g.type != p.type;
        return (distinctDates || distinctTypes) && nearestKm(g.places, p.places) > SPLIT_KM;
    }

    /** The smallest distance between a located place of one list and one of the other; 0 when either has none. */
    private static double nearestKm(List<Place> a, List<Place> b) {
        double min = Double.POSITIVE_INFINITY;
        for (Place x : a) {
            for (Place y : b) {
                if (x.getLat() != null && x.getLon() != null && y.getLat() != null && y.getLon() != null) {
                    min = Math.min(min, haversineKm(x.getLat(), x.getLon(), y.getLat(), y.getLon()));
                }
            }
        }
        return Double.isInfinite(min) ? 0 : min;
    }

    private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static List<ClaimExtractor.Input> inputs(List<Sentence> sentences, boolean[] background) {
        List<ClaimExtractor.Input> inputs = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            inputs.add(new ClaimExtractor.Input(sentences.get(i), background[i]));
        }
        return inputs;
    }

    /** What {@link #maskActors} makes of a text of an article, once per text. */
    private final ArticleText.Key maskedKey = new ArticleText.Key(this, "masked");

    /** Blanks armed-group names so that "Islamic State in the Greater Sahara" does not yield a place. */
    private String maskActors(ArticleText at, String text) {
        return at.get(text, maskedKey, t -> maskActors(t, actors.find(at, t)));
    }

    private static String maskActors(String text, List<ActorDictionary.Mention> mentions) {
        if (mentions.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (ActorDictionary.Mention m : mentions) {
            if (m.actor().kind() == ActorDictionary.Kind.STATE) {
                continue; // "Niger army" still names Niger
            }
            for (int i = m.start(); i < m.end(); i++) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }
}
