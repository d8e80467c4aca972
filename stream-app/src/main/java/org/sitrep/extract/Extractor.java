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
 *   <li><b>Language</b>: the article's language field ("en", "fr-FR", "es"...); when null, {@link LanguageDetector}:
 *       stop words of English, French, Spanish, Portuguese, German and Italian, or the script of non-Latin text
 *       (Arabic "ar"; "und" for a script several languages share). The report's {@code language} is the declared
 *       field as given, else the detected code (null when nothing is evident). English and French are read fully;
 *       every other language is passed through ({@link PassThroughReader}, see below).</li>
 *   <li><b>Background</b>: sentences about the past or aggregates (a year before the publication year, "since 2012",
 *       "last year", "earlier this month", "the same year", "at the time", "à l'époque", "thousands", "in a separate
 *       attack", an explicit date more than 30 days before publication; see {@link BackgroundFilter}) give no figures, places, dates or event type.</li>
 * </ul>
 *
 * <h2>Reports</h2>
 * This version gives at most one report per article:
 * <ul>
 *   <li>an article with at least one casualty claim gives one report;</li>
 *   <li>an article with no claim gives one report <em>with zero claims</em> when it has event-type evidence (see
 *       below) in its title or in a non-background sentence <em>and</em> a place resolves to a country: a new violent
 *       event reported without a figure still groups into its incident and gives place and date;</li>
 *   <li>otherwise none: a pure background or analysis article, or event words with no place, give no report.</li>
 *   <li>An article in another language is never dropped for want of words: it gives one report when it has a
 *       claim or when a place resolves to a country (with zero claims then).</li>
 * </ul> {@code report_id} is {@code <article id>#1}; article id, outlet, language, publication time and title are
 * copied from the article. Articles without id or publication time give no report.
 *
 * <h2>Event type</h2> See {@link EventTypeClassifier}: suicide_bombing &gt; ambush &gt; attack_on_base &gt; airstrike
 * &gt; ied &gt; attack_on_civilians &gt; armed_clash &gt; other, each from EN/FR keywords; "ambush" beats "mine".
 *
 * <h2>Event date</h2> See {@link DateResolver}. Dates are UTC calendar dates: the publication date is
 * {@code published_at} in UTC. Explicit dates as written; weekdays ("on Tuesday", "mardi soir", "dans la nuit de
 * lundi à mardi" = Monday) are the latest such weekday on or before publication (same weekday = publication day);
 * "yesterday"/"hier" = publication − 1; "overnight"/"last night"/"dans la nuit" without a weekday = publication − 1;
 * "the day before"/"la veille" only one day before another date in the same sentence. Dates right after reporting
 * words ("released on Thursday") are ignored, and so are explicit dates that anchor a comparison ("depuis le coup
 * d'État du 26 juillet", "since 2 March"); an explicit date more than 7 days before publication does not beat a
 * weekday in the same sentence. Sentences are looked at in this order: those with a figure and event words, then
 * those with event words, then those with a figure, then the rest and the title (so "bodies reached Maiduguri on
 * Wednesday" does not beat "overran a base on Sunday"). Default: the publication date.
 *
 * <h2>Places</h2> See {@link Gazetteer}: accent- and case-insensitive whole-word names, longest first, not inside
 * actor names, from the title and non-background sentences. Country: the country of the most named towns, else
 * regions, else country names, else nationality adjectives; admin1 likewise.
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
 */
public final class Extractor {

    /** Characters of one sentence that are analysed. */
    public static final int SENTENCE_CAP = 1_500;

    private final TextCleaner cleaner = new TextCleaner();
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final BackgroundFilter background = new BackgroundFilter();
    private final DateResolver dates = new DateResolver();
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

    /** The events the article reports: usually zero or one. Never null, never throws. */
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
        LanguageProfile profile = lang == Language.OTHER ? LanguageProfiles.of(code) : LanguageProfile.NONE;

        List<ClaimExtractor.Input> inputs = new ArrayList<>();
        List<String> current = new ArrayList<>(); // non-background sentences
        List<SentenceSplitter.Located> located = splitter.locate(paragraphs);
        for (SentenceSplitter.Located l : located) {
            Sentence s = l.sentence();
            String text = s.text().length() > SENTENCE_CAP ? s.text().substring(0, SENTENCE_CAP) : s.text();
            Sentence capped = new Sentence(text, s.paragraph(), s.indexInParagraph());
            boolean bg = background.isBackground(text, published)
                    || (lang == Language.OTHER && passThrough.hasStaleDate(text, published, profile));
            inputs.add(new ClaimExtractor.Input(capped, bg));
            if (!bg) {
                current.add(text);
            }
        }
        List<String> typed = new ArrayList<>();
        typed.add(title);
        typed.addAll(current);
        List<String> placeTexts = new ArrayList<>();
        for (String t : typed) {
            placeTexts.add(maskActors(t));
        }
        Gazetteer.Location where = gazetteer.locate(placeTexts);
        ClaimExtractor.Source source = new ClaimExtractor.Source(article.getId(), outlet, publishedAt, lang, title,
                where.country());

        Read read = lang == Language.OTHER
                ? readPassThrough(inputs, source, profile, title, typed, current, where, published)
                : readFully(inputs, source, title, typed, current, where, published);
        if (read == null) {
            return List.of();
        }
        List<Claim> found = SentenceSpans.withSpans(read.claims(), located, mapped, article.getBody(), SENTENCE_CAP);

        EventReport report = EventReport.newBuilder()
                .setReportId(article.getId() + "#1")
                .setArticleId(article.getId())
                .setOutlet(outlet)
                .setLanguage(declared != null ? article.getLanguage() : code)
                .setPublishedAt(publishedAt)
                .setTitle(article.getTitle() == null ? "" : article.getTitle())
                .setEventType(read.type())
                .setEventDate(read.date())
                .setCountry(where.country())
                .setAdmin1(where.admin1())
                .setPlaces(new ArrayList<>(where.places()))
                .setActors(actors.canonicalNames(typed))
                .setClaims(new ArrayList<>(found))
                .build();
        return List.of(report);
    }

    /** What one way of reading gives for a report. */
    private record Read(List<Claim> claims, EventType type, LocalDate date) {}

    /** English and French: null when the article gives no report (no claim, and no event evidence or no country). */
    private Read readFully(List<ClaimExtractor.Input> inputs, ClaimExtractor.Source source, String title,
            List<String> typed, List<String> current, Gazetteer.Location where, LocalDate published) {
        List<Claim> found = claims.review(claims.extract(inputs, source), typed, where.country());
        // Each text classified once: the per-sentence evidence below is needed for the event date anyway.
        List<java.util.Optional<EventType>> evidenceOf = classifier.evidenceEach(typed);
        var evidence = EventTypeClassifier.vote(evidenceOf);
        if (found.isEmpty() && (evidence.isEmpty() || where.country() == null)) {
            return null;
        }
        EventType type = evidence.orElse(EventType.other);

        Set<String> claimSentences = new HashSet<>();
        found.forEach(c -> claimSentences.add(c.getSentence()));
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
        LocalDate eventDate = dates.resolve(List.of(claimAndEvent, eventOnly, claimOnly, others), published);
        return new Read(found, type, eventDate);
    }

    /**
     * Any other language, passed through with what can be read ({@link PassThroughReader}): never dropped when a place
     * resolves to a country, even without a claim or an event word; null when it has neither a claim nor a country.
     */
    private Read readPassThrough(List<ClaimExtractor.Input> inputs, ClaimExtractor.Source source,
            LanguageProfile profile, String title, List<String> typed, List<String> current, Gazetteer.Location where,
            LocalDate published) {
        List<Claim> found = claims.review(passThrough.claims(inputs, source, profile), typed, where.country());
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
        return new Read(found, type, date);
    }

    /** Blanks armed-group names so that "Islamic State in the Greater Sahara" does not yield a place. */
    private String maskActors(String text) {
        List<ActorDictionary.Mention> mentions = actors.find(text);
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
