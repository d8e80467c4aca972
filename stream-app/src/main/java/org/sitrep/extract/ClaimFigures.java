package org.sitrep.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.sitrep.extract.CasualtyLexicon.Casualty;
import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.Party;

/**
 * The figures of a claim (killed, injured, missing) handled alike, for every reader of claims: one figure of a kind
 * per claim, the same claim found twice in an article kept once.
 */
final class ClaimFigures {

    private ClaimFigures() {}

    /** The figure of that kind on a claim being built, or null. */
    static Integer get(Claim.Builder b, Casualty kind) {
        return switch (kind) {
            case KILLED -> b.getKilled();
            case INJURED -> b.getInjured();
            case MISSING -> b.getMissing();
        };
    }

    static Claim.Builder set(Claim.Builder b, Casualty kind, Integer value) {
        return switch (kind) {
            case KILLED -> b.setKilled(value);
            case INJURED -> b.setInjured(value);
            case MISSING -> b.setMissing(value);
        };
    }

    /**
     * Adds a figure to a claim of the same sentence, claimant and party that has another kind of figure but not this
     * one ("14 soldiers were killed and 11 wounded"); false when it does not fit there.
     */
    static boolean merge(Claim.Builder b, Casualty kind, int value) {
        if (get(b, kind) != null) {
            return false;
        }
        for (Casualty other : Casualty.values()) {
            if (other != kind && get(b, other) != null) {
                set(b, kind, value);
                return true;
            }
        }
        return false;
    }

    /** What makes two claims of one article the same claim. */
    static String key(Claim c) {
        return c.getClaimant() + "|" + c.getClaimantKind() + "|" + c.getParty() + "|" + c.getKilled() + "|"
                + c.getInjured() + "|" + c.getQualifier() + (c.getMissing() == null ? "" : "|missing " + c.getMissing());
    }

    /**
     * Drops an unknown-party claim when the same claimant gives the same figures for a known party in the article:
     * "51 soldiers were killed ... the new figure of 51 dead is provisional" is one claim, not two.
     */
    static List<Claim> withoutUnknownDuplicates(Collection<Claim> claims) {
        List<Claim> out = new ArrayList<>();
        for (Claim c : claims) {
            boolean duplicate = c.getParty() == Party.unknown && claims.stream().anyMatch(d -> d.getParty() != Party.unknown
                    && d.getClaimant().equals(c.getClaimant()) && d.getClaimantKind() == c.getClaimantKind()
                    && sameFigures(c, d));
            if (!duplicate) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * One claim per figure and source, once parties are known ({@link ClaimParties}): two claims of the same party
     * and killed figure (else the same injured figure), with no figure of a kind that differs, are one claim when
     * their claimants are of the same kind (the lead and a quote that repeats it; "the government said 134" and "a
     * government spokesman gave the toll of 134"), or when one of them is the outlet's own (media) and the other is
     * attributed (the article restating an attributed figure). The kept claim is the first one, or the attributed
     * one; it takes the figures only the other one has ("71 killed" and "71 killed and 12 wounded" make 71/12).
     */
    static List<Claim> withoutRepeats(List<Claim> claims) {
        List<Claim> out = new ArrayList<>();
        for (Claim c : claims) {
            int same = -1;
            for (int k = 0; k < out.size() && same < 0; k++) {
                if (repeats(out.get(k), c)) {
                    same = k;
                }
            }
            if (same < 0) {
                out.add(c);
                continue;
            }
            Claim kept = out.get(same);
            Claim other = c;
            if (kept.getClaimantKind() == ClaimantKind.media && c.getClaimantKind() != ClaimantKind.media) {
                kept = c;
                other = out.get(same);
            }
            Claim.Builder b = Claim.newBuilder(kept);
            for (Casualty kind : Casualty.values()) {
                if (get(b, kind) == null) {
                    set(b, kind, figure(other, kind));
                }
            }
            out.set(same, b.build());
        }
        return out;
    }

    private static Integer figure(Claim c, Casualty kind) {
        return switch (kind) {
            case KILLED -> c.getKilled();
            case INJURED -> c.getInjured();
            case MISSING -> c.getMissing();
        };
    }

    private static boolean repeats(Claim a, Claim b) {
        if (a.getParty() != b.getParty()) {
            return false;
        }
        boolean kinds = a.getClaimantKind() == b.getClaimantKind()
                || a.getClaimantKind() == ClaimantKind.media || b.getClaimantKind() == ClaimantKind.media;
        if (!kinds) {
            return false;
        }
        boolean shared = false;
        for (Casualty kind : Casualty.values()) {
            Integer x = figure(a, kind);
            Integer y = figure(b, kind);
            if (x != null && y != null) {
                if (!x.equals(y)) {
                    return false;
                }
                shared = shared || kind != Casualty.MISSING;
            }
        }
        // the killed figure decides; without one on either side, the injured one
        if (a.getKilled() == null ^ b.getKilled() == null) {
            return false;
        }
        return shared;
    }

    /**
     * Drops a claim whose claimant is not named in its own sentence (carried from an earlier sentence, or the outlet)
     * when a claim named in its own sentence gives the same killed figure (and no other injured figure) for the same
     * or an unknown party: "Le bilan est ainsi passé de 43 à au moins 110 morts" only sums up the figures the
     * authorities and the UN gave in the sentences before.
     */
    static List<Claim> withoutRestatements(List<Claim> claims, Set<Claim> borrowed) {
        List<Claim> out = new ArrayList<>();
        for (Claim c : claims) {
            boolean restated = borrowed.contains(c) && c.getKilled() != null && claims.stream().anyMatch(d -> d != c
                    && !borrowed.contains(d) && c.getKilled().equals(d.getKilled())
                    && (c.getInjured() == null || c.getInjured().equals(d.getInjured()))
                    && (c.getParty() == d.getParty() || c.getParty() == Party.unknown || d.getParty() == Party.unknown));
            if (!restated) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether every figure of {@code unknown} is also a figure of {@code known}. */
    private static boolean sameFigures(Claim unknown, Claim known) {
        if (unknown.getKilled() == null && unknown.getInjured() == null && unknown.getMissing() == null) {
            return false;
        }
        return (unknown.getKilled() == null || unknown.getKilled().equals(known.getKilled()))
                && (unknown.getInjured() == null || unknown.getInjured().equals(known.getInjured()))
                && (unknown.getMissing() == null || unknown.getMissing().equals(known.getMissing()));
    }
}
