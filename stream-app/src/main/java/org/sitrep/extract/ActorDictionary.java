package org.sitrep.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Armed actors by canonical name, recognised through their aliases in English and French.
 *
 * <p>Canonical names: JNIM, IS Sahel, ISWAP, Boko Haram, AQIM, al-Shabaab, the Azawad rebels (CSP-DPA, FLA, CMA),
 * Dan Na Ambassagou, Ansarul Islam, Katiba Macina; the foreign forces Wagner (Africa Corps), ATMIS (AMISOM), MINUSMA,
 * Barkhane, MNJTF; FAMa, Burkinabe army,
 * Niger army, Nigerian army, Chadian army, Cameroonian army, Somali army. Matching is on whole words, ignores case
 * and accents and prefers the longest alias ("Wagner group" over "Wagner").
 */
public final class ActorDictionary {

    /** What an actor is: decides whether it can make a state or an armed-group claim. */
    public enum Kind { ARMED_GROUP, FOREIGN_FORCE, STATE }

    /** One actor and its aliases (the canonical name is an alias too). */
    public record Actor(String name, Kind kind, List<String> aliases) {}

    /** An actor mention: character offsets in the searched text and the text as written. */
    public record Mention(Actor actor, int start, int end, String surface) {}

    private static final List<Actor> DEFAULT = List.of(
            new Actor("JNIM", Kind.ARMED_GROUP, List.of("JNIM", "GSIM", "Jama'at Nusrat al-Islam wal-Muslimin",
                    "Jamaat Nusrat al-Islam wal-Muslimin", "Jama'at Nusrat al-Islam wa al-Muslimin",
                    "Jamaat Nasr al-Islam wal Muslimin", "Groupe de soutien à l'islam et aux musulmans",
                    "Support Group for Islam and Muslims", "Group to Support Islam and Muslims",
                    "Group for the Support of Islam and Muslims", "Groupe pour le soutien de l'islam et des musulmans")),
            new Actor("IS Sahel", Kind.ARMED_GROUP, List.of("IS Sahel", "ISGS", "EIGS", "ISSP", "IS-Sahel",
                    "Islamic State in the Greater Sahara", "Islamic State Greater Sahara", "Islamic State Sahel",
                    "Islamic State Sahel Province", "Islamic State in the Sahel", "État islamique au Grand Sahara",
                    "Etat islamique au Sahel", "État islamique au Sahel", "EI Sahel", "EI-Sahel")),
            new Actor("ISWAP", Kind.ARMED_GROUP, List.of("ISWAP", "Islamic State West Africa Province",
                    "Islamic State West Africa", "Islamic State in West Africa", "Islamic State's West Africa Province",
                    "État islamique en Afrique de l'Ouest", "Etat islamique en Afrique de l'Ouest",
                    "Province de l'Afrique de l'Ouest de l'État islamique")),
            new Actor("Boko Haram", Kind.ARMED_GROUP, List.of("Boko Haram", "JAS",
                    "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "Jamaatu Ahlis Sunna Liddaawati wal-Jihad")),
            new Actor("AQIM", Kind.ARMED_GROUP, List.of("AQIM", "AQMI", "al-Qaeda in the Islamic Maghreb",
                    "Al-Qaïda au Maghreb islamique", "Al-Qaida au Maghreb islamique")),
            new Actor("al-Shabaab", Kind.ARMED_GROUP, List.of("al-Shabaab", "al-Shabab", "Shabaab", "Shabab", "Shebab",
                    "Shebabs", "al-Shebab", "Harakat al-Shabaab al-Mujahideen", "Al Shabaab")),
            new Actor("CSP-DPA", Kind.ARMED_GROUP, List.of("CSP-DPA", "CSP", "CSP-PSD",
                    "Cadre stratégique permanent pour la défense du peuple de l'Azawad",
                    "Cadre stratégique permanent pour la paix, la sécurité et le développement",
                    "Cadre stratégique permanent", "Permanent Strategic Framework",
                    "Strategic Framework for the Defence of the People of Azawad")),
            new Actor("FLA", Kind.ARMED_GROUP, List.of("FLA", "Front de libération de l'Azawad", "Azawad Liberation Front")),
            new Actor("CMA", Kind.ARMED_GROUP, List.of("CMA", "Coordination des mouvements de l'Azawad",
                    "Coordination of Azawad Movements")),
            new Actor("Dan Na Ambassagou", Kind.ARMED_GROUP, List.of("Dan Na Ambassagou", "Dana Ambassagou")),
            new Actor("Ansarul Islam", Kind.ARMED_GROUP, List.of("Ansarul Islam", "Ansaroul Islam")),
            new Actor("Katiba Macina", Kind.ARMED_GROUP, List.of("Katiba Macina", "Macina Liberation Front",
                    "Front de libération du Macina")),
            new Actor("Wagner", Kind.FOREIGN_FORCE, List.of("Wagner", "Wagner group", "groupe Wagner", "Africa Corps",
                    "Africa Korps")),
            // short names only: a long form naming a country ("... Mission in Somalia") would hide that place
            new Actor("ATMIS", Kind.FOREIGN_FORCE, List.of("ATMIS", "AMISOM", "AUSSOM")),
            new Actor("MINUSMA", Kind.FOREIGN_FORCE, List.of("MINUSMA")),
            new Actor("Barkhane", Kind.FOREIGN_FORCE, List.of("Barkhane", "Takuba")),
            new Actor("MNJTF", Kind.FOREIGN_FORCE, List.of("MNJTF", "Multinational Joint Task Force")),
            new Actor("FAMa", Kind.STATE, List.of("FAMa", "Malian army", "armée malienne", "Malian Armed Forces",
                    "Forces armées maliennes", "Malian military", "Malian troops", "Malian soldiers", "soldats maliens",
                    "militaires maliens", "Mali's army", "Mali army", "Malian forces")),
            new Actor("Burkinabe army", Kind.STATE, List.of("Burkinabe army", "Burkina army", "Burkina Faso army",
                    "Burkina Faso's army", "armée burkinabè", "armée burkinabe", "Burkinabe armed forces",
                    "Burkinabe troops", "Burkinabe soldiers", "soldats burkinabè", "militaires burkinabè",
                    "Forces armées nationales du Burkina")),
            new Actor("Niger army", Kind.STATE, List.of("Niger army", "Nigerien army", "Niger's army", "armée nigérienne",
                    "Nigerien troops", "Nigerien soldiers", "Nigerien military", "soldats nigériens", "militaires nigériens",
                    "Forces armées nigériennes", "Forces armées du Niger")),
            new Actor("Nigerian army", Kind.STATE, List.of("Nigerian army", "Nigerian troops", "Nigerian soldiers",
                    "Nigerian military", "armée nigériane", "soldats nigérians", "Nigeria's army")),
            new Actor("Chadian army", Kind.STATE, List.of("Chadian army", "Chadian troops", "Chadian soldiers",
                    "armée tchadienne", "soldats tchadiens", "militaires tchadiens")),
            new Actor("Cameroonian army", Kind.STATE, List.of("Cameroonian army", "Cameroonian troops",
                    "Cameroonian soldiers", "armée camerounaise", "soldats camerounais")),
            new Actor("Somali army", Kind.STATE, List.of("Somali army", "Somali National Army", "SNA", "Somali troops",
                    "Somali soldiers", "Somali forces", "Somali military", "armée somalienne", "soldats somaliens")));

    private final List<Actor> actors;
    private final PhraseIndex<Actor> index = new PhraseIndex<>();
    /** This dictionary's mentions in a text of an article ({@link ArticleText}). */
    private final ArticleText.Key findKey = new ArticleText.Key(this, "find");

    /** The built-in dictionary. */
    public ActorDictionary() {
        this(DEFAULT);
    }

    /** A dictionary over the given actors. */
    public ActorDictionary(List<Actor> actors) {
        this.actors = List.copyOf(actors);
        for (Actor a : this.actors) {
            index.add(a.name(), a);
            for (String alias : a.aliases()) {
                index.add(alias, a);
            }
        }
    }

    public List<Actor> actors() {
        return actors;
    }

    /** Every actor mention in order of appearance. */
    public List<Mention> find(String text) {
        return find(ArticleText.single(), text);
    }

    /** {@link #find(String)}, once per text of the article; the list is shared: do not change it. */
    List<Mention> find(ArticleText article, String text) {
        return article.get(text, findKey, t -> {
            List<Mention> out = new ArrayList<>();
            for (PhraseIndex.Match<List<Actor>> m : index.findAll(t, t == null ? List.of() : article.tokens(t))) {
                out.add(new Mention(m.value().get(0), m.start(), m.end(), m.surface()));
            }
            return List.copyOf(out);
        });
    }

    /** Canonical names of the actors mentioned in the texts, in order of first mention, without duplicates. */
    public List<String> canonicalNames(List<String> texts) {
        return canonicalNames(ArticleText.single(), texts);
    }

    /** {@link #canonicalNames(List)} over texts of the article. */
    List<String> canonicalNames(ArticleText article, List<String> texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String t : texts) {
            for (Mention m : find(article, t)) {
                names.add(m.actor().name());
            }
        }
        return new ArrayList<>(names);
    }
}
