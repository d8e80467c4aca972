package org.sitrep.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sitrep.extract.SentenceSplitter.Sentence;

/**
 * Decides, for a whole article, whether it reports a new event, looks back only, or follows up an earlier event.
 *
 * <ul>
 *   <li><b>Fresh anchor</b>: a non-background sentence with event words or a casualty figure whose event date (see
 *       {@link DateResolver#dated}) is within {@value #FRESH_DAYS} days of publication. An article with one is
 *       {@link Mode#NORMAL}, whatever else it says.</li>
 *   <li><b>Retrospective</b> ({@link Mode#RETROSPECTIVE}, no report): no fresh anchor, and the title or the first
 *       sentence looks back: an anniversary ("a year after", "six years on", "anniversary", "il y a un an", "un an
 *       après", "jour pour jour"), a year summed up ("ends 2024", "le bilan de 2020"), the first sentence opens on
 *       a period ("In the space of seven months, ...", "En six mois, ...", "In recent months, ..."), or the title is labelled as
 *       analysis or opinion ("Analysis:", "Analyse –", "Décryptage", "Tribune", "Editorial"). Weeks are not a
 *       retrospective ("a week after the attack" is still news about it).</li>
 *   <li><b>Follow-up</b> ({@link Mode#FOLLOW_UP}): no fresh anchor and no such marker, the first paragraph has a
 *       sentence that is background only because of its time ({@link BackgroundFilter.Kind#PAST}) and names an
 *       event (event words) with an old date tied to it ("the August 24 attack", "la frappe menée le 3 janvier",
 *       "on 14 October last year ... killed") or an old month ("a strike in January"), and the first paragraph
 *       reports it now (a reporting word and a recent time: "said on Tuesday", "publié mardi", "cited this week",
 *       "cette semaine"). The event date is that old date; for a month alone, the first date tied to event words
 *       within that month in a later sentence ("the strike on Jan. 3"). The first paragraph's PAST sentences and
 *       later PAST sentences whose tied date is that event date (±1 day) are read as current: their figures,
 *       places and type count. Other background (an earlier attack on another day, aggregates) stays
 *       background.</li>
 * </ul>
 */
final class Retrospect {

    /** A dated event sentence this close to publication is a new event. */
    static final int FRESH_DAYS = 7;

    enum Mode { NORMAL, RETROSPECTIVE, FOLLOW_UP }

    /** What the article is; for a follow-up, the event date and the sentences (indexes) read as current. */
    record Decision(Mode mode, LocalDate eventDate, Set<Integer> foreground) {
        static final Decision NORMAL = new Decision(Mode.NORMAL, null, Set.of());
    }

    private static final String NUM = "(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "twenty|thirty|fifty|hundred|\\d+)";
    private static final String NOMBRE = "(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt|"
            + "trente|cinquante|cent|\\d+)";
    /** Folded text that looks back over years: an anniversary. */
    private static final GuardedPattern LOOKS_BACK = GuardedPattern.compile("\\b(?:anniversary|anniversaire|commemorat\\w*|"
            + "jour pour jour|" + NUM + " years? (?:after|on|later|ago|since)|year on|" + NOMBRE
            + " ans? (?:apres|plus tard)|il y a " + NOMBRE + " ans?|ends (?:19|20)\\d\\d|"
            + "(?:bilan|year|annee) (?:de |of )?(?:19|20)\\d\\d|(?:19|20)\\d\\d in review)\\b");
    /** A first sentence that opens on a period: "In the space of seven months, ...", "En six mois, ...". */
    private static final GuardedPattern OPENS_ON_A_PERIOD = GuardedPattern.compile("^\\W*(?:in the space of (?:\\w+ ){1,2}(?:months|years)|"
            + "(?:in|over) (?:the (?:past|last) )?" + NUM + " (?:months|years)|in recent (?:months|years)|"
            + "en (?:l'espace de )?" + NOMBRE + " (?:mois|ans)|ces derniers mois|ces dernieres annees|"
            + "depuis le debut de l'annee|since the start of the year)\\b");
    /** A title labelled as analysis or opinion. */
    private static final GuardedPattern GENRE = GuardedPattern.compile("^\\s*(?:analysis|analyse|decryptage|explainer|opinion|"
            + "tribune|editorial|chronique|commentary|comment|point de vue|perspective)\\s*[:\\-|]");
    /** A reporting word: the first paragraph says something new about the event. */
    private static final GuardedPattern REPORTS = GuardedPattern.compile("\\b(?:said|says|told|announced|published|released|cited|"
            + "reported|found|according to|stated|revealed|acknowledged|estimated|indique|annonce|publie|publiee|"
            + "selon|fait etat|evoque|estime|affirme|revele|reconnu|declare|rapporte|d'apres)\\b");
    /** A recent time in the first paragraph. */
    private static final GuardedPattern RECENT = GuardedPattern.compile("\\b(?:this week|cette semaine|yesterday|hier|today|"
            + "aujourd'hui|this weekend|ce week-end|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|"
            + "mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\b");

    private final DateResolver dates;
    private final BackgroundFilter background;

    Retrospect(DateResolver dates, BackgroundFilter background) {
        this.dates = dates;
        this.background = background;
    }

    /**
     * @param article   the article's texts (each read once)
     * @param sentences the body's sentences, in order
     * @param kinds     each sentence's background kind
     * @param eventish  whether each sentence has event words or a casualty figure
     */
    Decision decide(ArticleText article, String title, List<Sentence> sentences, List<BackgroundFilter.Kind> kinds,
            List<Boolean> eventish, LocalDate published) {
        if (sentences.isEmpty() || published == null) {
            return Decision.NORMAL;
        }
        for (int i = 0; i < sentences.size(); i++) {
            if (kinds.get(i) == BackgroundFilter.Kind.NONE && eventish.get(i)) {
                Optional<DateResolver.Dated> d = dates.dated(article, sentences.get(i).text(), published);
                if (d.isPresent() && ChronoUnit.DAYS.between(d.get().date(), published) <= FRESH_DAYS) {
                    return Decision.NORMAL;
                }
            }
        }
        int leadParagraph = sentences.get(0).paragraph();
        StringBuilder lead = new StringBuilder();
        for (Sentence s : sentences) {
            if (s.paragraph() == leadParagraph) {
                lead.append(s.text()).append(' ');
            }
        }
        String foldedTitle = article.folded(title == null ? "" : title);
        String foldedLead = Text.fold(lead.toString());
        String first = article.folded(sentences.get(0).text());
        if (GENRE.find(article.probe(foldedTitle)) || LOOKS_BACK.find(article.probe(foldedTitle))
                || LOOKS_BACK.find(article.probe(first)) || OPENS_ON_A_PERIOD.find(article.probe(first))) {
            return new Decision(Mode.RETROSPECTIVE, null, Set.of());
        }
        if (!REPORTS.find(article.probe(foldedLead)) || !RECENT.find(article.probe(foldedLead))) {
            return Decision.NORMAL;
        }
        for (int i = 0; i < sentences.size() && sentences.get(i).paragraph() == leadParagraph; i++) {
            if (kinds.get(i) != BackgroundFilter.Kind.PAST || !DateResolver.hasEventWord(article, sentences.get(i).text())) {
                continue;
            }
            String text = sentences.get(i).text();
            Optional<DateResolver.Dated> d = dates.dated(article, text, published);
            LocalDate eventDate = null;
            LocalDate month = null;
            if (d.isPresent() && d.get().attached() && ChronoUnit.DAYS.between(d.get().date(), published) > FRESH_DAYS) {
                eventDate = d.get().date();
            } else {
                month = background.pastMonth(article, text, published).orElse(null);
                if (month == null) {
                    continue;
                }
            }
            Set<Integer> foreground = new LinkedHashSet<>();
            for (int j = 0; j < sentences.size(); j++) {
                if (kinds.get(j) != BackgroundFilter.Kind.PAST) {
                    continue;
                }
                if (sentences.get(j).paragraph() == leadParagraph) {
                    foreground.add(j);
                    continue;
                }
                Optional<DateResolver.Dated> dj = dates.dated(article, sentences.get(j).text(), published);
                if (dj.isEmpty() || !dj.get().attached()) {
                    continue;
                }
                LocalDate x = dj.get().date();
                if (eventDate == null && x.getYear() == month.getYear() && x.getMonth() == month.getMonth()) {
                    eventDate = x;
                }
                if (eventDate != null && Math.abs(ChronoUnit.DAYS.between(x, eventDate)) <= 1) {
                    foreground.add(j);
                }
            }
            return new Decision(Mode.FOLLOW_UP, eventDate, foreground);
        }
        return Decision.NORMAL;
    }
}
