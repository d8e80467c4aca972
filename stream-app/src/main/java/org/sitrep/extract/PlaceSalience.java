package org.sitrep.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighs a place mention by how likely it is the place where the event happened rather than a place merely
 * mentioned, from the sentence it is in and the words right before it (EN and FR patterns, no place names):
 *
 * <ul>
 *   <li>a sentence that reports the event (event words or a casualty figure) or the title counts
 *       {@value #EVENT_SENTENCE} times an ordinary sentence;</li>
 *   <li>a reference point counts {@value #REFERENCE} of an ordinary mention: a distance or bearing from it ("120 km
 *       south-west of X", "north of X", "à 40 km au nord de X"), where people or things went to or came from ("from
 *       X", "taken to hospital in X", "evacuated to X", "évacués vers X"), where something was said, broadcast or someone is
 *       based ("said in X", "read on state television in X", "officials in X", "a meeting in X", "réuni lundi à X", "basé à X", "sources à X",
 *       "hospitals in X");</li>
 *   <li>a place introduced as the scene counts {@value #SCENE} times: "the village of X", "near X", "the camp at X",
 *       "attack on X", "près de X", "la localité de X".</li>
 * </ul>
 */
final class PlaceSalience implements Gazetteer.Salience {

    static final double EVENT_SENTENCE = 2.0;
    static final double REFERENCE = 0.2;
    static final double SCENE = 1.5;

    private static final String BEARING = "(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
            + "northern|southern|eastern|western)";
    private static final String CAP = "(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest)";

    /** Words that make the gap between a reporting word and a place part of the event ("said a bomb exploded in"). */
    private static final String EVENT_WORD = "(?:killed|died|dead|attack\\w*|explo\\w*|bomb\\w*|struck|strikes?|"
            + "ambush\\w*|raid\\w*|fighting|clash\\w*|gunmen|militants|jihadists|tue\\w*|morts?|attaqu\\w*|frapp\\w*|"
            + "embuscade|combats?|massacre\\w*|assaillants|jihadistes)\\b";

    /** Folded text right before a reference-point mention (matched at its end). */
    private static final GuardedPattern REFERENCE_BEFORE = GuardedPattern.compile("(?:"
            + "\\b(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles?)\\b[^.;:()]{0,30}\\b(?:of|from|de|du|d')"
            + "|(?<!\\bthe )\\b" + BEARING + "\\s+of"
            + "|\\bau\\s+" + CAP + "\\s+(?:de|du|d')"
            + "|(?<!\\bfled |\\bfleeing |\\bflee )\\bfrom(?:\\s+the\\s+(?:capital|city|town))?,?"
            + "|\\b(?:depuis|vers)"
            + "|\\b(?:taken|evacuated|transported|transferred|flown|rushed|brought|airlifted|sent|admitted)\\b[^.;:]{0,25}\\b(?:to|in|at)"
            + "|\\b(?:evacue|transporte|transfere|achemine|conduit|admis|hospitalise)e?s?\\b[^.;:]{0,25}\\b(?:a|au|vers|dans)"
            + "|\\b(?:said|says|told|speaking|spoke|announced|declared|briefing|reporters|journalists|meeting|met|summit|"
            + "conference|hospitals?|morgue|based|officials?|sources?|correspondents?|headquarters|embassy|statement|"
            + "television|televised|radio|broadcast|communique|televisions?|"
            + "declare|annonce|indique|affirme|reunie?s?|basee?s?|hopital|hopitaux|sieges?|ambassade)"
            + "(?:\\s+(?!" + EVENT_WORD + ")[\\w'-]+){0,2}\\s+(?:in|at|a|au)"
            + ")\\s*(?:the\\s+|la\\s+|le\\s+|l')?$");

    /** Folded text right before a mention that names the scene of the event. */
    private static final GuardedPattern SCENE_BEFORE = GuardedPattern.compile("(?:"
            + "\\b(?:village|villages|town|locality|hamlet|settlement|camp|base|post|outpost|market|mine|site|"
            + "localite|commune|hameau|bourgade|poste|marche)\\b(?:\\s+(?:of|at|in|de|du|d'|a))"
            + "|\\b(?:near|outside|outskirts of|attack on|attacks on|raid on|assault on|pres de|non loin de|aux abords de|"
            + "aux environs de|a la sortie de|attaque (?:de|du|contre)|attaques (?:de|du|contre)|assaut (?:contre|sur))"
            + ")\\s*(?:the\\s+|la\\s+|le\\s+|l')?$");

    private final List<Boolean> eventTexts;
    private final ArticleText article;

    /** {@code eventTexts.get(i)}: whether text i (of the list given to locate) reports the event. */
    PlaceSalience(List<Boolean> eventTexts) {
        this(eventTexts, ArticleText.single());
    }

    /** {@link #PlaceSalience(List)} for texts of an article: what stands before a mention is read once per text. */
    PlaceSalience(List<Boolean> eventTexts, ArticleText article) {
        this.eventTexts = List.copyOf(eventTexts);
        this.article = article;
    }

    /** Per text of an article: the weight of what stands before a mention, by the mention's start. */
    private static final ArticleText.Key BEFORE = new ArticleText.Key("place salience");

    @Override
    public double of(int text, String original, Gazetteer.Match match) {
        double w = text >= 0 && text < eventTexts.size() && eventTexts.get(text) ? EVENT_SENTENCE : 1.0;
        Map<Integer, Double> byStart = article.get(original, BEFORE, t -> new HashMap<>());
        Double before = byStart == null ? null : byStart.get(match.start());
        if (before == null) {
            before = before(article.folded(original), match.start());
            if (byStart != null) {
                byStart.put(match.start(), before);
            }
        }
        return w * before;
    }

    /** What the words before a mention at {@code start} of the folded text make of it: reference, scene, or 1. */
    private static double before(String folded, int start) {
        String before = folded.substring(Math.max(0, start - 60), start);
        if (REFERENCE_BEFORE.find(before)) {
            return REFERENCE;
        }
        if (SCENE_BEFORE.find(before)) {
            return SCENE;
        }
        return 1.0;
    }
}
