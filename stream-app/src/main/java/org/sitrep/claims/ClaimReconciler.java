package org.sitrep.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.Estimate;
import org.sitrep.schema.Party;
import org.sitrep.schema.PartyCasualties;

/**
 * Turns every claim about one incident into per-party killed and injured estimates (low / best / high).
 *
 * <p>The rule, for each party and each figure (killed, injured):
 * <ol>
 *   <li><b>Current claims.</b> A claimant's newest claim about a party supersedes its older ones (all stay in the
 *   incident's claim history). Claimants are told apart by kind; media and UN/NGO sources also by name.</li>
 *   <li><b>Partisan claims.</b> A party's figure for its enemy's losses is partisan: an armed group claiming soldiers
 *   or foreign forces killed, a state claiming militants killed ("31 terrorists neutralised").</li>
 *   <li><b>best</b> is the figure of the most credible current non-partisan claim: UN/NGO, then the state (about its
 *   own side or civilians), then local sources and media, then anonymous officials, then armed groups (about their
 *   own losses); ties go to the newer claim, then the larger figure. With only partisan claims, best is null.</li>
 *   <li><b>low</b> is the smallest current non-partisan figure (the smallest partisan one when there is no other);
 *   <b>high</b> is the largest current figure of any claim, partisan included.</li>
 *   <li><b>contested</b> when current figures for the party disagree.</li>
 * </ol>
 */
public final class ClaimReconciler {

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
        Map<Party, List<Claim>> byParty = new EnumMap<>(Party.class);
        for (Claim c : claims) {
            byParty.computeIfAbsent(c.getParty(), p -> new ArrayList<>()).add(c);
        }
        List<PartyCasualties> out = new ArrayList<>();
        byParty.forEach((party, partyClaims) -> {
            Estimate killed = estimate(partyClaims, Claim::getKilled);
            Estimate injured = estimate(partyClaims, Claim::getInjured);
            if (killed != null || injured != null) {
                boolean contested = disagree(partyClaims, Claim::getKilled) || disagree(partyClaims, Claim::getInjured);
                out.add(new PartyCasualties(party, killed, injured, contested));
            }
        });
        return out;
    }

    static Estimate estimate(List<Claim> claims, Function<Claim, Integer> figure) {
        List<Claim> current = current(claims, figure);
        if (current.isEmpty()) {
            return null;
        }
        List<Claim> neutral = current.stream().filter(c -> !isPartisan(c)).toList();
        List<Claim> floorSource = neutral.isEmpty() ? current : neutral;
        int low = floorSource.stream().mapToInt(figure::apply).min().orElseThrow();
        int high = current.stream().mapToInt(figure::apply).max().orElseThrow();
        Integer best = neutral.stream()
            .max(Comparator.<Claim>comparingInt(ClaimReconciler::credibility)
                .thenComparing(Claim::getPublishedAt)
                .thenComparing(figure::apply))
            .map(figure)
            .orElse(null);
        return new Estimate(low, best, high);
    }

    /** The newest claim with this figure from each claimant. */
    static List<Claim> current(List<Claim> claims, Function<Claim, Integer> figure) {
        Map<String, Claim> newest = new LinkedHashMap<>();
        for (Claim c : claims) {
            if (figure.apply(c) == null) {
                continue;
            }
            newest.merge(claimantKey(c), c, (a, b) -> newer(a, b, figure));
        }
        return List.copyOf(newest.values());
    }

    private static Claim newer(Claim a, Claim b, Function<Claim, Integer> figure) {
        int byTime = a.getPublishedAt().compareTo(b.getPublishedAt());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return figure.apply(a) >= figure.apply(b) ? a : b;
    }

    static String claimantKey(Claim c) {
        return switch (c.getClaimantKind()) {
            case media, ngo_un -> c.getClaimantKind() + ":" + c.getClaimant().toLowerCase(Locale.ROOT).trim();
            default -> c.getClaimantKind().toString();
        };
    }

    static int credibility(Claim c) {
        return switch (c.getClaimantKind()) {
            case ngo_un -> 5;
            case state -> 4;
            case local_source, media -> 3;
            case anonymous_official -> 2;
            case armed_group -> 1;
        };
    }

    private static boolean disagree(List<Claim> claims, Function<Claim, Integer> figure) {
        return current(claims, figure).stream().map(figure).distinct().count() > 1;
    }
}
