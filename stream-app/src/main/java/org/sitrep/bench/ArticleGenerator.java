package org.sitrep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.sitrep.extract.Gazetteer;
import org.sitrep.schema.Article;

/**
 * Synthetic news articles for benchmarks: a seeded, deterministic stream with the mix a conflict news feed has.
 *
 * <p>Every text is assembled from this class's own template sentences (English and French) filled with places from
 * the project's gazetteer, the armed groups and armies the extractor knows, and random figures, padded with
 * {@link Prose}'s sentences about daily life (put together from slots, so that different articles do not read as
 * near-duplicates of each other). The mix, per
 * article drawn:
 * <ul>
 *   <li>about 38% reports of an incident (a toll with its claimant: the army, an anonymous officer, a local
 *       official, or the armed group's own claim), in English or French; a third of them report a new incident, the
 *       others one of the last few (each outlet in its own words);</li>
 *   <li>about 10% toll updates: a later article about an earlier incident with a higher figure or another
 *       claimant;</li>
 *   <li>about 27% wire copies of an earlier article: the same body (exact copy), or the same body with its white
 *       space or case changed (both count as copies for the dedup stage), under another outlet and headline;</li>
 *   <li>about 12% distractors: news from the same places with figures but no violence (budgets, schools, floods of
 *       tourists, football);</li>
 *   <li>about 13% background pieces: analysis of the conflict with totals and past years, which the extractor must
 *       not turn into claims.</li>
 * </ul>
 * Bodies are 2 to 4 KB: the event paragraph, quotes, context and history paragraphs. Incidents happen in Mali,
 * Burkina Faso, Niger, Nigeria, Chad and Somalia, about 30 new ones a day in all; the feed carries {@link #ARTICLES_PER_DAY}
 * articles per day of publication time, so N articles span N / {@value #ARTICLES_PER_DAY} days from {@code start}.
 * The result is sorted by publication time (then id), as {@code replay} would send it.
 *
 * <p>Deterministic: the same seed, count and start give the same articles, byte for byte, on any JVM.
 */
public final class ArticleGenerator {
    /** Articles per day of publication time. */
    public static final int ARTICLES_PER_DAY = 240;
    /** Default start of the generated timeline. */
    public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");

    private static final String[] COUNTRIES = {"ML", "BF", "NE", "NG", "TD", "SO"};
    private static final int[] COUNTRY_WEIGHTS = {30, 22, 14, 16, 6, 12};

    private final long seed;
    private final Instant start;
    private final Map<String, List<Place>> placesByCountry;

    /** A locality from the gazetteer. */
    record Place(String name, String country, String admin1) {
    }

    /** What the generator decided about an incident; kept to write updates and copies. */
    private record Event(int number, String country, Place place, LocalDate date, String kind, String group,
                         int killed, int wounded, Instant firstReport) {
    }

    /** A generated article and the incident it is about (-1 if none); the mix counters are for reports. */
    public record Generated(Article article, String kind, int incident) {
    }

    public ArticleGenerator(long seed) {
        this(seed, DEFAULT_START);
    }

    public ArticleGenerator(long seed, Instant start) {
        this.seed = seed;
        this.start = start;
        this.placesByCountry = loadPlaces();
    }

    /** {@code n} articles in publication order. */
    public List<Article> articles(int n) {
        return generate(n).stream().map(Generated::article).toList();
    }

    /** {@code n} articles in publication order, each with what it is. */
    public List<Generated> generate(int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Generated> out = new ArrayList<>(n);
        List<Event> events = new ArrayList<>();
        List<Generated> originals = new ArrayList<>();
        long spanMs = Duration.ofDays(1).toMillis() / ARTICLES_PER_DAY;
        for (int i = 0; i < n; i++) {
            // Publication times advance on average by a day / ARTICLES_PER_DAY, with jitter.
            Instant at = start.plusMillis(i * spanMs + rnd.nextLong(spanMs));
            String id = String.format("gen-%d-%07d", seed, i);
            int draw = rnd.nextInt(100);
            Generated g;
            if (draw < 27 && !originals.isEmpty()) {
                g = copy(rnd, id, at, originals);
            } else if (draw < 37 && !events.isEmpty()) {
                g = update(rnd, id, at, events);
            } else if (draw < 49) {
                g = distractor(rnd, id, at);
            } else if (draw < 62) {
                g = backgroundPiece(rnd, id, at);
            } else if (rnd.nextInt(100) < 65 && !events.isEmpty()) {
                // another outlet's own report of a recent incident: its own words, figure and claimant
                g = firstReport(rnd, id, at, events.get(Math.max(0, events.size() - 1 - rnd.nextInt(Math.min(events.size(), 8)))));
            } else {
                Event e = newEvent(rnd, events.size(), at);
                events.add(e);
                g = firstReport(rnd, id, at, e);
            }
            out.add(g);
            if (!g.kind().equals("copy")) {
                originals.add(g);
                if (originals.size() > 400) {
                    originals.remove(0); // copies follow their original within hours, not months
                }
            }
            if (events.size() > 200) {
                events.remove(0);
            }
        }
        out.sort(Comparator.comparing((Generated g) -> g.article().getPublishedAt()).thenComparing(g -> g.article().getId()));
        return out;
    }

    // ---------------------------------------------------------------- incidents

    private Event newEvent(SplittableRandom rnd, int number, Instant at) {
        String country = weighted(rnd, COUNTRIES, COUNTRY_WEIGHTS);
        List<Place> places = placesByCountry.get(country);
        Place place = places.get(rnd.nextInt(places.size()));
        LocalDate published = LocalDate.ofInstant(at, ZoneOffset.UTC);
        LocalDate date = published.minusDays(rnd.nextInt(3));
        String kind = pick(rnd, "ambush", "attack_on_base", "ied", "attack_on_civilians", "armed_clash");
        String group = pick(rnd, groupsOf(country));
        int killed = 3 + rnd.nextInt(60);
        int wounded = rnd.nextInt(30);
        return new Event(number, country, place, date, kind, group, killed, wounded, at);
    }

    private Generated firstReport(SplittableRandom rnd, String id, Instant at, Event e) {
        boolean fr = rnd.nextInt(100) < 40;
        Outlet outlet = outlet(rnd, fr);
        LocalDate published = LocalDate.ofInstant(at, ZoneOffset.UTC);
        int figure = Math.max(1, e.killed() - rnd.nextInt(Math.max(1, e.killed() / 3)));
        String claimant = pick(rnd, "army", "anonymous", "local", "group");
        StringBuilder body = new StringBuilder();
        String title;
        if (fr) {
            title = capitalise(figure + " " + victimsFr(e) + " tués dans " + eventNounFr(e.kind()) + " près de " + e.place().name());
            body.append(dateline(e, true)).append(leadFr(rnd, e, figure, published, claimant, outlet)).append("\n\n");
            body.append(detailFr(rnd, e)).append("\n\n");
            body.append(quoteFr(rnd, e)).append("\n\n");
            body.append(contextFr(rnd, e)).append("\n\n");
            body.append(historyFr(rnd, e, published));
        } else {
            title = capitalise(figure + " " + victimsEn(e) + " killed in " + eventNounEn(e.kind()) + " near " + e.place().name());
            body.append(dateline(e, false)).append(leadEn(rnd, e, figure, published, claimant, outlet)).append("\n\n");
            body.append(detailEn(rnd, e)).append("\n\n");
            body.append(quoteEn(rnd, e)).append("\n\n");
            body.append(contextEn(rnd, e)).append("\n\n");
            body.append(historyEn(rnd, e, published));
        }
        pad(rnd, body, fr, e.place(), 2_000 + rnd.nextInt(2_000));
        return new Generated(article(id, outlet, fr, at, title, body.toString()), "report", e.number());
    }

    private Generated update(SplittableRandom rnd, String id, Instant at, List<Event> events) {
        // Mostly the last few incidents: tolls are revised within days.
        Event e = events.get(Math.max(0, events.size() - 1 - rnd.nextInt(Math.min(events.size(), 12))));
        boolean fr = rnd.nextInt(100) < 40;
        Outlet outlet = outlet(rnd, fr);
        LocalDate published = LocalDate.ofInstant(at, ZoneOffset.UTC);
        int figure = e.killed() + rnd.nextInt(1 + e.killed() / 2);
        String when = relativeDay(e.date(), published, fr);
        StringBuilder body = new StringBuilder();
        String title;
        if (fr) {
            title = "Le bilan de l'attaque de " + e.place().name() + " s'alourdit à " + figure + " morts";
            body.append(dateline(e, true)).append("Le bilan de l'attaque ").append(when).append(" contre ")
                .append(victimsArticleFr(e)).append(" à ").append(e.place().name()).append(", dans la région de ")
                .append(e.place().admin1()).append(", s'est alourdi : ").append(figure).append(" ")
                .append(victimsFr(e)).append(" ont été tués et ").append(e.wounded() + 3)
                .append(" blessés, a annoncé l'état-major dans un communiqué publié ")
                .append(frenchWeekday(published)).append(".\n\n");
            body.append("Un précédent bilan faisait état de ").append(e.killed() / 2 + 1)
                .append(" morts. Des renforts ont été envoyés dans la zone et des opérations de ratissage sont en cours, selon le communiqué.\n\n");
            body.append(contextFr(rnd, e)).append("\n\n").append(historyFr(rnd, e, published));
        } else {
            title = "Toll from " + e.place().name() + " attack rises to " + figure;
            body.append(dateline(e, false)).append("The toll from ").append(when).append("'s attack on ")
                .append(victimsArticleEn(e)).append(" in ").append(e.place().name()).append(", in the ")
                .append(e.place().admin1()).append(" region, has risen to ").append(figure).append(" ")
                .append(victimsEn(e)).append(" killed and ").append(e.wounded() + 3)
                .append(" wounded, the army said in a statement on ").append(englishWeekday(published)).append(".\n\n");
            body.append("An earlier toll had given ").append(e.killed() / 2 + 1)
                .append(" dead. Reinforcements have been sent to the area and search operations are under way, the statement said.\n\n");
            body.append(contextEn(rnd, e)).append("\n\n").append(historyEn(rnd, e, published));
        }
        pad(rnd, body, fr, e.place(), 2_000 + rnd.nextInt(1_800));
        return new Generated(article(id, outlet, fr, at, title, body.toString()), "update", e.number());
    }

    private Generated copy(SplittableRandom rnd, String id, Instant at, List<Generated> originals) {
        Generated original = originals.get(Math.max(0, originals.size() - 1 - rnd.nextInt(Math.min(originals.size(), 40))));
        Article o = original.article();
        boolean fr = "fr".equals(o.getLanguage());
        Outlet outlet = outlet(rnd, fr);
        String body = switch (rnd.nextInt(4)) {
            case 0 -> o.getBody().replace("\n\n", "\n \n").replace(". ", ".  ");    // white space only
            case 1 -> o.getBody().toUpperCase(Locale.ROOT).charAt(0) + o.getBody().substring(1).replace(" the ", " The "); // case
            default -> o.getBody();                                                  // exact
        };
        String title = (fr ? "DIRECT - " : "UPDATE - ") + o.getTitle();
        Instant copiedAt = o.getPublishedAt().isAfter(at) ? o.getPublishedAt().plusSeconds(60) : at;
        return new Generated(article(id, outlet, fr, copiedAt, title, body), "copy", original.incident());
    }

    // ---------------------------------------------------------------- other articles

    private Generated distractor(SplittableRandom rnd, String id, Instant at) {
        boolean fr = rnd.nextInt(100) < 40;
        String country = weighted(rnd, COUNTRIES, COUNTRY_WEIGHTS);
        Place p = randomPlace(rnd, country);
        Outlet outlet = outlet(rnd, fr);
        int a = 10 + rnd.nextInt(400);
        int b = 2 + rnd.nextInt(40);
        StringBuilder body = new StringBuilder();
        String title;
        if (fr) {
            String[] leads = {
                "Le gouvernement a annoncé l'ouverture de " + b + " nouvelles écoles dans la région de " + p.admin1() + ", dont plusieurs à " + p.name() + ", pour un coût de " + a + " millions de francs CFA.",
                "Le prix du sac de mil a augmenté de " + b + " % sur le marché de " + p.name() + " depuis le début de la saison sèche, selon les commerçants.",
                "L'équipe de " + p.name() + " s'est imposée " + (b % 5) + " buts à 1 dimanche en championnat national devant " + a + " spectateurs.",
                "Quelque " + a + " agriculteurs de la région de " + p.admin1() + " ont reçu des semences améliorées distribuées par le ministère de l'Agriculture."};
            title = "Économie et société : " + p.name() + " en chiffres";
            body.append(pick(rnd, leads)).append("\n\n");
        } else {
            String[] leads = {
                "The government said it would open " + b + " new schools in the " + p.admin1() + " region, several of them in " + p.name() + ", at a cost of " + a + " million CFA francs.",
                "The price of a sack of millet has risen by " + b + " percent at the market in " + p.name() + " since the start of the dry season, traders said.",
                "The team from " + p.name() + " won " + (b % 5) + "-1 on Sunday in the national league in front of " + a + " spectators.",
                "Some " + a + " farmers in the " + p.admin1() + " region have received improved seed from the agriculture ministry."};
            title = "Business and society: " + p.name() + " in figures";
            body.append(pick(rnd, leads)).append("\n\n");
        }
        pad(rnd, body, fr, p, 2_000 + rnd.nextInt(1_500));
        return new Generated(article(id, outlet, fr, at, title, body.toString()), "distractor", -1);
    }

    private Generated backgroundPiece(SplittableRandom rnd, String id, Instant at) {
        boolean fr = rnd.nextInt(100) < 40;
        String country = weighted(rnd, COUNTRIES, COUNTRY_WEIGHTS);
        Place p = randomPlace(rnd, country);
        Outlet outlet = outlet(rnd, fr);
        int year = LocalDate.ofInstant(at, ZoneOffset.UTC).getYear();
        StringBuilder body = new StringBuilder();
        String title;
        String group = pick(rnd, groupsOf(country));
        if (fr) {
            title = "Analyse : pourquoi le conflit s'enlise autour de " + p.name();
            body.append("Depuis 2012, des milliers de personnes ont été tuées dans les violences qui touchent la région de ")
                .append(p.admin1()).append(", et des centaines de milliers ont dû fuir leur foyer.\n\n");
            body.append("En ").append(year - 1 - rnd.nextInt(5)).append(", ").append(30 + rnd.nextInt(100))
                .append(" soldats avaient été tués dans une attaque revendiquée par ").append(group)
                .append(" près de ").append(p.name()).append(", l'une des plus meurtrières de l'époque.\n\n");
            body.append("Pour les chercheurs interrogés, la présence de ").append(group)
                .append(" s'explique par l'absence de l'État, les conflits entre éleveurs et agriculteurs et le commerce des armes.\n\n");
        } else {
            title = "Analysis: why the conflict around " + p.name() + " drags on";
            body.append("Since 2012, thousands of people have been killed in the violence that has spread across the ")
                .append(p.admin1()).append(" region, and hundreds of thousands have fled their homes.\n\n");
            body.append("In ").append(year - 1 - rnd.nextInt(5)).append(", ").append(30 + rnd.nextInt(100))
                .append(" soldiers were killed in an attack claimed by ").append(group).append(" near ")
                .append(p.name()).append(", one of the deadliest at the time.\n\n");
            body.append("Researchers say ").append(group)
                .append(" has thrived on the absence of the state, disputes between herders and farmers and the arms trade.\n\n");
        }
        pad(rnd, body, fr, p, 2_200 + rnd.nextInt(1_800));
        return new Generated(article(id, outlet, fr, at, title, body.toString()), "background", -1);
    }

    // ---------------------------------------------------------------- English templates

    private String leadEn(SplittableRandom rnd, Event e, int n, LocalDate published, String claimant, Outlet outlet) {
        String when = relativeDay(e.date(), published, false);
        String figure = rnd.nextInt(5) == 0 ? "at least " + n : String.valueOf(n);
        String victims = victimsEn(e);
        return switch (claimant) {
            case "army" -> capitalise(figure) + " " + victims + " were killed and " + e.wounded() + " wounded " + when + " when "
                + e.group() + " fighters carried out " + eventNounEn(e.kind()) + " near " + e.place().name() + " in the "
                + e.place().admin1() + " region, the army said in a statement.";
            case "anonymous" -> "Suspected " + e.group() + " militants killed " + figure + " " + victims + " " + when + " in "
                + eventNounEn(e.kind()) + " near " + e.place().name() + ", a security source said on condition of anonymity.";
            case "local" -> capitalise(figure) + " " + victims + " died " + when + " in " + eventNounEn(e.kind()) + " on the outskirts of "
                + e.place().name() + ", a local official told " + outlet.name() + ".";
            default -> e.group() + " said it had killed " + (n + 10) + " soldiers " + when + " near " + e.place().name()
                + " in a claim of responsibility relayed by the SITE Intelligence Group.";
        };
    }

    private static String detailEn(SplittableRandom rnd, Event e) {
        return pick(rnd,
            "The attackers arrived on motorbikes and pick-up trucks and opened fire before setting vehicles alight, residents said.",
            "Witnesses said the fighting lasted several hours and that helicopters were later seen over the area.",
            "The assailants withdrew towards the border after the attack, taking weapons and ammunition with them, according to residents.",
            "Several vehicles were destroyed and the road between " + e.place().name() + " and the regional capital was closed.");
    }

    private static String quoteEn(SplittableRandom rnd, Event e) {
        return pick(rnd,
            "\"We heard shooting from early in the morning until noon. Nobody dared to go out,\" said a resident of " + e.place().name() + ".",
            "\"The situation is under control and the search for the attackers goes on,\" an army spokesman said.",
            "\"People are afraid. Many families have already left for the town,\" a community leader said by telephone.");
    }

    private static String contextEn(SplittableRandom rnd, Event e) {
        return e.place().name() + " lies in the " + e.place().admin1() + " region, where " + e.group()
            + " has carried out repeated attacks on the army and on civilians. "
            + pick(rnd, "Access to the area is difficult and information is slow to come out.",
                "Mobile phone networks are often cut in the area, which makes reports hard to verify.",
                "Humanitarian agencies say the insecurity has closed many schools and health centres.");
    }

    private static String historyEn(SplittableRandom rnd, Event e, LocalDate published) {
        return "In " + (published.getYear() - 1 - rnd.nextInt(4)) + ", more than " + (20 + rnd.nextInt(80))
            + " soldiers were killed in a similar attack in the same area. The conflict has killed thousands of people since 2012.";
    }

    // ---------------------------------------------------------------- French templates

    private String leadFr(SplittableRandom rnd, Event e, int n, LocalDate published, String claimant, Outlet outlet) {
        String when = relativeDay(e.date(), published, true);
        String figure = rnd.nextInt(5) == 0 ? "au moins " + n : String.valueOf(n);
        String victims = victimsFr(e);
        return switch (claimant) {
            case "army" -> capitalise(figure) + " " + victims + " ont été tués et " + e.wounded() + " blessés " + when
                + " dans " + eventNounFr(e.kind()) + " près de " + e.place().name() + ", dans la région de "
                + e.place().admin1() + ", a indiqué l'armée dans un communiqué.";
            case "anonymous" -> capitalise(figure) + " " + victims + " ont été tués " + when + " dans " + eventNounFr(e.kind())
                + " attribuée à " + e.group() + " près de " + e.place().name()
                + ", a appris " + outlet.name() + " de source sécuritaire sous couvert d'anonymat.";
            case "local" -> capitalise(figure) + " " + victims + " ont trouvé la mort " + when + " dans " + eventNounFr(e.kind())
                + " aux abords de " + e.place().name() + ", selon un élu local.";
            default -> e.group() + " a revendiqué " + when + " la mort de " + (n + 10) + " soldats près de "
                + e.place().name() + ", selon un communiqué relayé par SITE.";
        };
    }

    private static String detailFr(SplittableRandom rnd, Event e) {
        return pick(rnd,
            "Les assaillants, arrivés à moto et à bord de pick-up, ont ouvert le feu avant d'incendier des véhicules, selon des habitants.",
            "Des témoins affirment que les combats ont duré plusieurs heures et que des hélicoptères ont ensuite survolé la zone.",
            "Les assaillants se sont repliés vers la frontière après l'attaque, emportant armes et munitions, selon des habitants.",
            "Plusieurs véhicules ont été détruits et la route entre " + e.place().name() + " et le chef-lieu de région a été fermée.");
    }

    private static String quoteFr(SplittableRandom rnd, Event e) {
        return pick(rnd,
            "« Nous avons entendu des tirs du matin jusqu'à midi. Personne n'osait sortir », a raconté un habitant de " + e.place().name() + ".",
            "« La situation est sous contrôle et la traque des assaillants se poursuit », a assuré un porte-parole de l'armée.",
            "« Les gens ont peur. Beaucoup de familles sont déjà parties en ville », a confié un responsable communautaire joint par téléphone.");
    }

    private static String contextFr(SplittableRandom rnd, Event e) {
        return e.place().name() + " se trouve dans la région de " + e.place().admin1() + ", où " + e.group()
            + " mène des attaques répétées contre l'armée et les civils. "
            + pick(rnd, "L'accès à la zone est difficile et les informations filtrent au compte-gouttes.",
                "Les réseaux téléphoniques y sont souvent coupés, ce qui rend les informations difficiles à vérifier.",
                "Selon les organisations humanitaires, l'insécurité a fermé de nombreuses écoles et centres de santé.");
    }

    private static String historyFr(SplittableRandom rnd, Event e, LocalDate published) {
        return "En " + (published.getYear() - 1 - rnd.nextInt(4)) + ", plus de " + (20 + rnd.nextInt(80))
            + " soldats avaient été tués dans une attaque similaire dans la même zone. Le conflit a fait des milliers de morts depuis 2012.";
    }

    // ---------------------------------------------------------------- filler

    /** Adds paragraphs about daily life, without figures or violence, until the body reaches {@code target} characters. */
    private static void pad(SplittableRandom rnd, StringBuilder body, boolean fr, Place p, int target) {
        while (body.length() < target) {
            body.append("\n\n").append(Prose.paragraph(rnd, fr, p.name(), p.admin1()));
        }
    }

    // ---------------------------------------------------------------- vocabulary

    private static String victimsEn(Event e) {
        return e.kind().equals("attack_on_civilians") ? "civilians" : "soldiers";
    }

    private static String victimsFr(Event e) {
        return e.kind().equals("attack_on_civilians") ? "civils" : "soldats";
    }

    private static String victimsArticleEn(Event e) {
        return e.kind().equals("attack_on_civilians") ? "villagers" : "an army post";
    }

    private static String victimsArticleFr(Event e) {
        return e.kind().equals("attack_on_civilians") ? "des villageois" : "un poste de l'armée";
    }

    private static String eventNounEn(String kind) {
        return switch (kind) {
            case "ambush" -> "an ambush on an army convoy";
            case "attack_on_base" -> "an attack on a military base";
            case "ied" -> "a roadside bomb blast";
            case "attack_on_civilians" -> "an attack on a village";
            default -> "clashes with the army";
        };
    }

    private static String eventNounFr(String kind) {
        return switch (kind) {
            case "ambush" -> "une embuscade contre un convoi militaire";
            case "attack_on_base" -> "une attaque contre un camp militaire";
            case "ied" -> "l'explosion d'un engin explosif improvisé";
            case "attack_on_civilians" -> "une attaque contre un village";
            default -> "des affrontements avec l'armée";
        };
    }

    private static String[] groupsOf(String country) {
        return switch (country) {
            case "ML", "BF" -> new String[] {"JNIM", "IS Sahel"};
            case "NE" -> new String[] {"IS Sahel", "JNIM"};
            case "NG", "TD" -> new String[] {"ISWAP", "Boko Haram"};
            default -> new String[] {"al-Shabaab"};
        };
    }

    /** "on Tuesday" / "mardi" when the event is within the last six days, else an explicit date. */
    private static String relativeDay(LocalDate event, LocalDate published, boolean fr) {
        long days = published.toEpochDay() - event.toEpochDay();
        if (days == 0) {
            return fr ? "ce " + frenchWeekday(event) : "on " + englishWeekday(event);
        }
        if (days == 1) {
            return fr ? "hier" : "yesterday";
        }
        if (days < 7) {
            return fr ? frenchWeekday(event) : "on " + englishWeekday(event);
        }
        return fr ? "le " + event.getDayOfMonth() + " " + event.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH)
            : "on " + event.getDayOfMonth() + " " + event.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String englishWeekday(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String frenchWeekday(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w.getDisplayName(TextStyle.FULL, Locale.FRENCH);
    }

    private static String dateline(Event e, boolean fr) {
        return e.place().name().toUpperCase(Locale.ROOT) + (fr ? " - " : " (Sitrep wire) - ");
    }

    // ---------------------------------------------------------------- outlets and articles

    private record Outlet(String name, String host) {
    }

    private static final Outlet[] EN_OUTLETS = {
        new Outlet("Sahel Dispatch", "saheldispatch.example"), new Outlet("Lake Chad Monitor", "lakechadmonitor.example"),
        new Outlet("Horn Observer", "hornobserver.example"), new Outlet("West Africa Wire", "westafricawire.example"),
        new Outlet("Niger Delta Daily", "nigerdeltadaily.example"), new Outlet("Frontline Africa", "frontlineafrica.example")};
    private static final Outlet[] FR_OUTLETS = {
        new Outlet("Le Courrier du Sahel", "courrierdusahel.example"), new Outlet("Bamako Matin", "bamakomatin.example"),
        new Outlet("L'Observateur de Ouaga", "observateurouaga.example"), new Outlet("Niamey Info", "niameyinfo.example"),
        new Outlet("Agence Sahel Presse", "sahelpresse.example")};

    private static Outlet outlet(SplittableRandom rnd, boolean fr) {
        Outlet[] pool = fr ? FR_OUTLETS : EN_OUTLETS;
        return pool[rnd.nextInt(pool.length)];
    }

    private static Article article(String id, Outlet outlet, boolean fr, Instant at, String title, String body) {
        LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return Article.newBuilder()
            .setId(id)
            .setUrl("https://" + outlet.host() + "/" + d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + id)
            .setOutlet(outlet.name())
            .setLanguage(fr ? "fr" : "en")
            .setPublishedAt(at)
            .setTitle(title)
            .setBody(body)
            .build();
    }

    // ---------------------------------------------------------------- helpers

    private Place randomPlace(SplittableRandom rnd, String country) {
        List<Place> places = placesByCountry.get(country);
        return places.get(rnd.nextInt(places.size()));
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static String weighted(SplittableRandom rnd, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Towns, cities and villages of the packaged gazetteer by country, in file order. */
    private static Map<String, List<Place>> loadPlaces() {
        Map<String, List<Place>> out = new LinkedHashMap<>();
        try (InputStream in = Gazetteer.class.getResourceAsStream(Gazetteer.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer not on the class path: " + Gazetteer.RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length >= 7 && (f[6].equals("city") || f[6].equals("town") || f[6].equals("village"))) {
                    out.computeIfAbsent(f[2], k -> new ArrayList<>()).add(new Place(f[0], f[2], f[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String c : COUNTRIES) {
            if (!out.containsKey(c)) {
                // Chad has only regions in the gazetteer: use them as places.
                out.put(c, c.equals("TD") ? List.of(new Place("Lake Chad", "TD", "Lac"), new Place("Lac", "TD", "Lac"))
                    : List.of(new Place(c, c, "")));
            }
        }
        return out;
    }
}
