package org.sitrep.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.sitrep.extract.CasualtyLexicon.Casualty;
import org.sitrep.schema.Claim;
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
