package org.sitrep.claims;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.sitrep.extract.ActorDictionary;
import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.Estimate;
import org.sitrep.schema.Party;
import org.sitrep.schema.PartyCasualties;

/**
 * Turns every claim about one incident into per-party killed, injured and missing estimates (low / best / high).
 *
 * <p>The rule, for each party and each figure (killed, injured, missing; missing counts the missing, captured,
 * abducted and taken prisoner, and like the others a claimant's newer figure supersedes its older one, so a toll of
 * missing that falls as soldiers are found follows the newest count):
 * <ol>
 *   <li><b>Claimants.</b> A claimant is its kind plus its normalised name (case, accents, a leading article folded;
 *   aliases of one actor collapsed through the {@link ActorDictionary}: "FAMa", "Malian army", "armée malienne" are
 *   one). A generic "army" / "military" / "general staff" is the one army the incident's state claims name, when
 *   they name exactly one; likewise a generic "armed group" is the one group named. Anonymous officials cannot be
 *   told apart: they are one claimant.</li>
 *   <li><b>Current claims.</b> A claimant's newest claim supersedes its older ones (all stay in the incident's
 *   claim history); within one article the larger figure. The Malian army's newest toll supersedes its older one; a
 *   French ministry's figure, another claimant, does not.</li>
 *   <li><b>Relays count once.</b> A figure an outlet states without attribution (kind media) that a named source
 *   also states for the party, or that another outlet published first, is a relay of it and is left out: twelve
 *   sites repeating the army's toll are the army's toll once. Attributed claims relayed by many outlets are one
 *   claimant already.</li>
 *   <li><b>Partisan claims.</b> A party's figure for its enemy's losses is partisan: an armed group claiming soldiers
 *   or foreign forces killed, a state claiming militants killed ("31 terrorists neutralised"). It is
 *   <b>corroborated</b> when a current non-partisan claim of another claimant agrees within the tolerance: the larger
 *   of 1 and 15% of the larger figure (31 and "about 30" agree; 31 and 5 do not).</li>
 *   <li><b>best</b> is the figure of the most credible current claim that is non-partisan or corroborated: UN/NGO;
 *   a named army about its own forces; other state sources (own side, civilians); independent local sources and wire
 *   agencies; anonymous officials; other outlets' own figures; armed groups about their own losses. Ties go to the
 *   newer claim, then the larger figure. With only uncorroborated partisan claims, best is null.</li>
 *   <li><b>low</b> is the smallest of those figures (the smallest partisan one when there is none);
 *   <b>high</b> is the largest current figure of any claim, partisan included.</li>
 *   <li><b>contested</b> (per party) when the current figures for the party disagree; the incident is contested when
 *   any party is.</li>
 * </ol>
 */
public final class ClaimReconciler {
    /** Partisan and non-partisan figures agree when they differ by at most this share of the larger one... */
    static final double TOLERANCE_SHARE = 0.15;
    /** ...or by at most this much. */
    static final int TOLERANCE_MIN = 1;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:the|l|le|la|les) ");
    /**
     * Names already normalised. Claimant and outlet names repeat across every version of an incident, and each
     * reconciliation normalises each claim's names several times; the profile of the benchmark put a tenth of the
     * stream threads' time here before this memo. Emptied when it grows past {@link #NORMALISED_MAX} names.
     */
    private static final Map<String, String> NORMALISED = new ConcurrentHashMap<>();
    static final int NORMALISED_MAX = 20_000;

    private static final Map<String, ActorDictionary.Actor> ACTORS = aliasIndex(new ActorDictionary());
    private static final Set<String> GENERIC_ARMY = Set.of("army", "military", "armed forces", "general staff",
        "armee", "forces armees", "etat major");
    private static final Set<String> GENERIC_GROUP = Set.of("armed group", "group", "jihadists", "militants",
        "insurgents", "groupe arme");
    /** Outlets that report on their own (wire and news agencies), as opposed to sites that relay them. */
    private static final Pattern WIRE = Pattern.compile("\\b(?:afp|agence france presse|reuters|associated press|ap|"
        + "xinhua|dpa|efe|anadolu|ansa|apa|press agency|news agency|presse agency|agence \\w+(?: \\w+)? presse|"
        + "agence de presse)\\b");

    private ClaimReconciler() {
    }

    /** A claim by a party to the fighting about its enemy's losses. */
    public static boolean isPartisan(Claim c) {
        return (c.getClaimantKind() == ClaimantKind.armed_group
                && (c.getParty() == Party.state_forces || c.getParty() == Party.foreign_forces))
            || (c.getClaimantKind() == ClaimantKind.state && c.getParty() == Party.militants);
    }

    /** Returns the claims with their partisan flag set, in the given order. */
    public static List<Claim> flagPartisan(List<Claim> claims) {
        List<Claim> out = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            boolean partisan = isPartisan(c);
            out.add(c.getPartisan() == partisan ? c : Claim.newBuilder(c).setPartisan(partisan).build());
        }
        return out;
    }

    /** Per-party casualties, in {@link Party} order, for the parties some claim is about. */
    public static List<PartyCasualties> reconcile(List<Claim> claims) {
        Claimants claimants = Claimants.of(claims);
        Map<Party, List<Claim>> byParty = new EnumMap<>(Party.class);
        for (Claim c : claims) {
            byParty.computeIfAbsent(c.getParty(), p -> new ArrayList<>()).add(c);
        }
        List<PartyCasualties> out = new ArrayList<>();
        byParty.forEach((party, partyClaims) -> {
            // Each figure's current claims once: the estimate and the contest are both read from them.
            List<Claim> killedNow = current(partyClaims, Claim::getKilled, claimants);
            List<Claim> injuredNow = current(partyClaims, Claim::getInjured, claimants);
            List<Claim> missingNow = current(partyClaims, Claim::getMissing, claimants);
            Estimate killed = estimateOfCurrent(killedNow, Claim::getKilled, claimants);
            Estimate injured = estimateOfCurrent(injuredNow, Claim::getInjured, claimants);
            Estimate missing = estimateOfCurrent(missingNow, Claim::getMissing, claimants);
            if (killed != null || injured != null || missing != null) {
                boolean contested = disagree(killedNow, Claim::getKilled) || disagree(injuredNow, Claim::getInjured)
                    || disagree(missingNow, Claim::getMissing);
                out.add(new PartyCasualties(party, killed, injured, missing, contested));
            }
        });
        return out;
    }

    static Estimate estimate(List<Claim> claims, Function<Claim, Integer> figure, Claimants claimants) {
        return estimateOfCurrent(current(claims, figure, claimants), figure, claimants);
    }

    /** The estimate from the {@link #current} claims of a figure. */
    private static Estimate estimateOfCurrent(List<Claim> current, Function<Claim, Integer> figure, Claimants claimants) {
        if (current.isEmpty()) {
            return null;
        }
        List<Claim> neutral = current.stream().filter(c -> !isPartisan(c)).toList();
        List<Claim> usable = new ArrayList<>(neutral);
        for (Claim c : current) {
            if (isPartisan(c) && corroborated(c, neutral, figure, claimants)) {
                usable.add(c);
            }
        }
        List<Claim> floorSource = usable.isEmpty() ? current : usable;
        int low = floorSource.stream().mapToInt(figure::apply).min().orElseThrow();
        int high = current.stream().mapToInt(figure::apply).max().orElseThrow();
        Integer best = usable.stream()
            .max(Comparator.<Claim>comparingInt(c -> credibility(c, claimants))
                .thenComparing(Claim::getPublishedAt)
                .thenComparing(figure::apply))
            .map(figure)
            .orElse(null);
        return new Estimate(low, best, high);
    }

    /** The newest claim with this figure from each claimant, relays left out. */
    static List<Claim> current(List<Claim> claims, Function<Claim, Integer> figure, Claimants claimants) {
        // A relay repeats a figure: it need only be compared with the claims giving the same one.
        Map<Integer, List<Claim>> byFigure = new HashMap<>();
        List<Claim> withFigure = new ArrayList<>();
        for (Claim c : claims) {
            Integer value = figure.apply(c);
            if (value != null) {
                withFigure.add(c);
                byFigure.computeIfAbsent(value, v -> new ArrayList<>()).add(c);
            }
        }
        Map<String, Claim> newest = new LinkedHashMap<>();
        for (Claim c : withFigure) {
            if (isRelay(c, byFigure.get(figure.apply(c)), figure, claimants)) {
                continue;
            }
            newest.merge(claimants.key(c), c, (a, b) -> newer(a, b, figure));
        }
        return List.copyOf(newest.values());
    }

    /**
     * An outlet's unattributed figure that a named source also gives for the party (at any time: the outlet repeats
     * it), or that another outlet gave first.
     */
    static boolean isRelay(Claim c, List<Claim> sameParty, Function<Claim, Integer> figure, Claimants claimants) {
        if (c.getClaimantKind() != ClaimantKind.media) {
            return false;
        }
        int value = figure.apply(c);
        for (Claim o : sameParty) {
            if (o == c || figure.apply(o) != value || claimants.key(o).equals(claimants.key(c))) {
                continue;
            }
            if (o.getClaimantKind() != ClaimantKind.media) {
                return true;
            }
            int order = o.getPublishedAt().compareTo(c.getPublishedAt());
            if (order < 0 || (order == 0 && o.getOutlet().compareTo(c.getOutlet()) < 0)) {
                return true;
            }
        }
        return false;
    }

    static boolean corroborated(Claim partisan, List<Claim> neutral, Function<Claim, Integer> figure, Claimants claimants) {
        int p = figure.apply(partisan);
        return neutral.stream().anyMatch(n -> !claimants.key(n).equals(claimants.key(partisan))
            && agree(p, figure.apply(n)));
    }

    /** Two figures agree when they differ by at most max(1, 15% of the larger). */
    static boolean agree(int a, int b) {
        double tolerance = Math.max(TOLERANCE_MIN, TOLERANCE_SHARE * Math.max(a, b));
        return Math.abs(a - b) <= tolerance;
    }

    private static Claim newer(Claim a, Claim b, Function<Claim, Integer> figure) {
        int byTime = a.getPublishedAt().compareTo(b.getPublishedAt());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return figure.apply(a) >= figure.apply(b) ? a : b;
    }

    /** Credibility rank of a claim (higher is more credible); see the class comment. */
    static int credibility(Claim c, Claimants claimants) {
        return switch (c.getClaimantKind()) {
            case ngo_un -> 70;
            case state -> c.getParty() == Party.state_forces && claimants.isNamedArmy(c) ? 60 : 50;
            case local_source -> 40;
            case media -> isWire(c) ? 40 : 20;
            case anonymous_official -> 30;
            case armed_group -> 10;
        };
    }

    /** Whether the claim's outlet (or the outlet named as its claimant) is a wire or news agency. */
    static boolean isWire(Claim c) {
        return WIRE.matcher(normalise(c.getClaimant())).find() || WIRE.matcher(normalise(c.getOutlet())).find();
    }

    /** Whether the current claims of a figure give more than one value. */
    private static boolean disagree(List<Claim> current, Function<Claim, Integer> figure) {
        return current.stream().map(figure).distinct().count() > 1;
    }

    /** Lower case, accents and punctuation folded, a leading article dropped. */
    static String normalise(String name) {
        String known = NORMALISED.get(name);
        if (known != null) {
            return known;
        }
        String n = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        n = NOT_WORD.matcher(n).replaceAll(" ").trim();
        n = LEADING_ARTICLE.matcher(n).replaceFirst("");
        if (NORMALISED.size() >= NORMALISED_MAX) {
            NORMALISED.clear();
        }
        NORMALISED.put(name, n);
        return n;
    }

    private static Map<String, ActorDictionary.Actor> aliasIndex(ActorDictionary dictionary) {
        Map<String, ActorDictionary.Actor> index = new HashMap<>();
        for (ActorDictionary.Actor a : dictionary.actors()) {
            index.put(normalise(a.name()), a);
            for (String alias : a.aliases()) {
                index.put(normalise(alias), a);
            }
        }
        return index;
    }

    /** Claimant identities of one incident's claims (they depend on which actors the incident's claims name). */
    static final class Claimants {
        private final String onlyArmy;
        private final String onlyGroup;
        /** By identity: a claim's own hash code walks every field, and the same objects are looked up again and again. */
        private final Map<Claim, String> keys = new IdentityHashMap<>();

        private Claimants(String onlyArmy, String onlyGroup) {
            this.onlyArmy = onlyArmy;
            this.onlyGroup = onlyGroup;
        }

        static Claimants of(List<Claim> claims) {
            Set<String> armies = new LinkedHashSet<>();
            Set<String> groups = new LinkedHashSet<>();
            for (Claim c : claims) {
                ActorDictionary.Actor actor = ACTORS.get(normalise(c.getClaimant()));
                if (actor == null) {
                    continue;
                }
                if (c.getClaimantKind() == ClaimantKind.state && actor.kind() == ActorDictionary.Kind.STATE) {
                    armies.add(actor.name());
                } else if (c.getClaimantKind() == ClaimantKind.armed_group && actor.kind() == ActorDictionary.Kind.ARMED_GROUP) {
                    groups.add(actor.name());
                }
            }
            return new Claimants(armies.size() == 1 ? armies.iterator().next() : null,
                groups.size() == 1 ? groups.iterator().next() : null);
        }

        String key(Claim c) {
            return keys.computeIfAbsent(c, this::computeKey);
        }

        private String computeKey(Claim c) {
            ClaimantKind kind = c.getClaimantKind();
            if (kind == ClaimantKind.anonymous_official) {
                return kind.toString();
            }
            return kind + ":" + name(c);
        }

        /** The claimant's identity within its kind. */
        String name(Claim c) {
            String n = normalise(c.getClaimant());
            ActorDictionary.Actor actor = ACTORS.get(n);
            if (actor != null) {
                return actor.name();
            }
            if (c.getClaimantKind() == ClaimantKind.state && GENERIC_ARMY.contains(n) && onlyArmy != null) {
                return onlyArmy;
            }
            if (c.getClaimantKind() == ClaimantKind.armed_group && GENERIC_GROUP.contains(n) && onlyGroup != null) {
                return onlyGroup;
            }
            return n;
        }

        /** A state claim by an army: one the dictionary knows, or a generic army folded onto the one named. */
        boolean isNamedArmy(Claim c) {
            if (c.getClaimantKind() != ClaimantKind.state) {
                return false;
            }
            String n = normalise(c.getClaimant());
            ActorDictionary.Actor actor = ACTORS.get(n);
            return (actor != null && actor.kind() == ActorDictionary.Kind.STATE) || GENERIC_ARMY.contains(n);
        }
    }
}
