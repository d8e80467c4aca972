package org.sitrep.bench;

import java.util.SplittableRandom;

/**
 * Filler sentences for generated articles, about daily life, trade and services in a conflict region, without figures
 * or violence: each one is put together from independent slots (an opening, who spoke, how, about what, what they
 * said of it, and a closing clause), a few million combinations per language, so two different generated articles
 * share about as few word sequences as two real ones by different writers. A fixed pool of whole sentences made every
 * generated article a near-duplicate of every other in its language, and the near-duplicate stage dropped most of the
 * benchmark feed.
 *
 * <p>All wording is the project's own. Deterministic for a given random source.
 */
final class Prose {
    private Prose() {
    }

    private static final String[] EN_OPENING = {
        "", "In recent weeks, ", "Since the start of the year, ", "According to residents, ", "On market days, ",
        "For several months, ", "Across the {admin1} region, ", "In and around {place}, ", "Meanwhile, ",
        "By most accounts, ", "At the last council meeting, ", "Since the harvest, ", "Along the main road, ",
        "In the hamlets east of {place}, ", "During the dry season, ", "Every evening, ", "Asked about the future, ",
        "In the old quarter of {place}, ", "Before the rains, ", "Speaking on the radio, "};
    private static final String[] EN_SPEAKER = {
        "traders", "herders", "farmers", "schoolteachers", "nurses", "lorry drivers", "village chiefs",
        "women's associations", "youth groups", "imams and priests", "the prefect", "aid workers", "fishermen",
        "shopkeepers", "councillors", "displaced families", "radio presenters", "mechanics", "water engineers",
        "the district doctor", "students", "bakers", "midwives", "veterinarians", "tailors", "moto-taxi riders"};
    private static final String[] EN_VERB = {
        "said", "complained", "explained", "feared", "insisted", "reported", "pointed out", "warned", "admitted",
        "recalled", "noted", "argued", "observed", "stressed", "suggested", "agreed"};
    private static final String[] EN_TOPIC = {
        "the price of millet", "the cost of fuel", "access to pasture", "the water supply", "the weekly market",
        "the health centre", "the ferry crossing", "the phone network", "the bus to the capital",
        "the school canteen", "the cattle trade", "the rice harvest", "the new borehole", "the cereal bank",
        "the local radio", "the border road", "rent for stalls", "the price of onions", "the grain mill",
        "the solar pumps", "the maternity ward", "the literacy classes", "the fish catch", "the cotton crop"};
    private static final String[] EN_STATE = {
        "had become a daily worry", "depended on the rains", "was not what it used to be", "had improved a little",
        "was on everyone's lips", "had been disrupted", "stayed out of reach", "was run by volunteers",
        "drew people from far away", "had doubled", "had been neglected", "should recover soon",
        "had been repaired", "was shared by several villages", "had been promised money", "opened only in the mornings",
        "kept families from leaving", "had brought some relief", "needed a new generator", "was badly managed",
        "had found new customers", "was a source of quarrels"};
    private static final String[] EN_CLOSING = {
        "", " despite everything", " for the first time in years", " according to a recent survey",
        " as far as anyone could remember", " even in larger towns", " in spite of official promises",
        " while prices kept rising", " now that travel was harder", " since the floods", " thanks to a cooperative",
        " after a long dispute", " at least for now", " in most households", " without outside help",
        " to general surprise"};

    private static final String[] FR_OPENING = {
        "", "Ces dernières semaines, ", "Depuis le début de l'année, ", "Selon des habitants, ", "Les jours de marché, ",
        "Depuis plusieurs mois, ", "Dans toute la région de {admin1}, ", "À {place} et dans les environs, ",
        "Pendant ce temps, ", "De l'avis général, ", "Lors du dernier conseil communal, ", "Depuis la récolte, ",
        "Le long de la route principale, ", "Dans les hameaux à l'est de {place}, ", "En saison sèche, ",
        "Chaque soir, ", "Interrogés sur l'avenir, ", "Dans le vieux quartier de {place}, ", "Avant l'hivernage, ",
        "Au micro de la radio locale, "};
    private static final String[] FR_SPEAKER = {
        "les commerçants", "les éleveurs", "les cultivateurs", "les enseignants", "les infirmiers", "les camionneurs",
        "les chefs de village", "les associations de femmes", "les groupements de jeunes", "les religieux", "le préfet",
        "les humanitaires", "les pêcheurs", "les boutiquiers", "les conseillers municipaux", "les familles déplacées",
        "les animateurs radio", "les mécaniciens", "les techniciens de l'eau", "le médecin-chef", "les étudiants",
        "les boulangers", "les sages-femmes", "les vétérinaires", "les tailleurs", "les conducteurs de moto-taxi"};
    private static final String[] FR_VERB = {
        "affirment", "déplorent", "expliquent", "craignent", "assurent", "rapportent", "soulignent", "préviennent",
        "reconnaissent", "rappellent", "notent", "estiment", "observent", "insistent sur le fait", "suggèrent",
        "admettent"};
    private static final String[] FR_TOPIC = {
        "le prix du mil", "le coût du carburant", "l'accès aux pâturages", "l'approvisionnement en eau",
        "le marché hebdomadaire", "le centre de santé", "le bac sur le fleuve", "le réseau téléphonique",
        "le car pour la capitale", "la cantine scolaire", "le commerce du bétail", "la récolte de riz",
        "le nouveau forage", "la banque de céréales", "la radio communautaire", "la route de la frontière",
        "le loyer des étals", "le prix de l'oignon", "le moulin à grains", "les pompes solaires", "la maternité",
        "les cours d'alphabétisation", "la pêche", "la campagne cotonnière"};
    private static final String[] FR_STATE = {
        "est devenu un souci quotidien", "dépend des pluies", "n'est plus ce qu'il était", "s'est un peu amélioré",
        "est sur toutes les lèvres", "a été perturbé", "reste hors de portée", "est géré par des bénévoles",
        "attire des gens de loin", "a doublé", "a été négligé", "devrait reprendre bientôt", "a été réparé",
        "est partagé par plusieurs villages", "s'est vu promettre des fonds", "n'ouvre que le matin",
        "retient les familles", "a apporté un peu de répit", "aurait besoin d'un groupe électrogène", "est mal géré",
        "a trouvé de nouveaux clients", "est une source de querelles"};
    private static final String[] FR_CLOSING = {
        "", " malgré tout", " pour la première fois depuis des années", " selon une enquête récente",
        " de mémoire d'habitant", " même dans les grandes villes", " en dépit des promesses officielles",
        " alors que les prix continuent de grimper", " maintenant que les déplacements sont plus durs",
        " depuis les inondations", " grâce à une coopérative", " après un long différend", " du moins pour l'instant",
        " dans la plupart des foyers", " sans aide extérieure", " à la surprise générale"};

    /** One sentence in English ({@code fr} false) or French, naming {@code place} or {@code admin1} now and then. */
    static String sentence(SplittableRandom rnd, boolean fr, String place, String admin1) {
        String opening = pick(rnd, fr ? FR_OPENING : EN_OPENING).replace("{place}", place).replace("{admin1}", admin1);
        String speaker = pick(rnd, fr ? FR_SPEAKER : EN_SPEAKER);
        String verb = pick(rnd, fr ? FR_VERB : EN_VERB);
        String topic = pick(rnd, fr ? FR_TOPIC : EN_TOPIC);
        String state = pick(rnd, fr ? FR_STATE : EN_STATE);
        String closing = pick(rnd, fr ? FR_CLOSING : EN_CLOSING);
        String that = fr ? " que " : " that ";
        String s = opening + speaker + " " + verb + that + topic + " " + state + closing + ".";
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A paragraph of two to four sentences. */
    static String paragraph(SplittableRandom rnd, boolean fr, String place, String admin1) {
        int n = 2 + rnd.nextInt(3);
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                p.append(' ');
            }
            p.append(sentence(rnd, fr, place, admin1));
        }
        return p.toString();
    }

    private static String pick(SplittableRandom rnd, String[] options) {
        return options[rnd.nextInt(options.length)];
    }
}
