package org.sitrep.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testing.Fixtures.claim;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.Estimate;
import org.sitrep.schema.Party;
import org.sitrep.schema.PartyCasualties;
import org.sitrep.schema.Qualifier;

class ClaimReconcilerTest {

    /** The Mopti–Ségou ambush of 10 January 2023, as the claims arrived. */
    private static final List<Claim> MALI_AMBUSH = List.of(
        claim("anonymous officers", ClaimantKind.anonymous_official, Party.state_forces, 12, null, Qualifier.at_least, "2023-01-11T10:00:00Z"),
        claim("Malian army", ClaimantKind.state, Party.state_forces, 14, 11, Qualifier.exact, "2023-01-12T09:00:00Z"),
        claim("Malian army", ClaimantKind.state, Party.militants, 31, null, Qualifier.exact, "2023-01-12T09:00:00Z"),
        claim("JNIM", ClaimantKind.armed_group, Party.foreign_forces, 5, null, Qualifier.exact, "2023-01-12T15:00:00Z"),
        claim("JNIM", ClaimantKind.armed_group, Party.state_forces, 7, null, Qualifier.exact, "2023-01-12T15:00:00Z"),
        claim("JNIM", ClaimantKind.armed_group, Party.militants, 5, null, Qualifier.exact, "2023-01-12T15:00:00Z"));

    private static Map<Party, PartyCasualties> byParty(List<Claim> claims) {
        return ClaimReconciler.reconcile(claims).stream()
            .collect(Collectors.toMap(PartyCasualties::getParty, Function.identity()));
    }

    @Test
    void soldiersBestIsTheArmysOwnTollAndTheGroupsClaimOnlyWidensNothingBelowTheFloor() {
        PartyCasualties soldiers = byParty(MALI_AMBUSH).get(Party.state_forces);
        // low: smallest non-partisan figure (anonymous "at least 12"); the group's partisan 7 does not lower it.
        assertThat(soldiers.getKilled()).isEqualTo(new Estimate(12, 14, 14));
        assertThat(soldiers.getInjured()).isEqualTo(new Estimate(11, 11, 11));
        assertThat(soldiers.getContested()).isTrue();
    }

    @Test
    void militantsBestIsTheGroupsAdmissionNotTheArmysPartisanClaim() {
        PartyCasualties militants = byParty(MALI_AMBUSH).get(Party.militants);
        assertThat(militants.getKilled()).isEqualTo(new Estimate(5, 5, 31));
        assertThat(militants.getContested()).isTrue();
    }

    @Test
    void onlyPartisanClaimsLeaveBestEmpty() {
        PartyCasualties wagner = byParty(MALI_AMBUSH).get(Party.foreign_forces);
        assertThat(wagner.getKilled()).isEqualTo(new Estimate(5, null, 5));
        assertThat(wagner.getContested()).isFalse();
    }

    @Test
    void aClaimantsNewerTollSupersedesItsOlderOne() {
        List<Claim> claims = List.of(
            claim("Health ministry", ClaimantKind.state, Party.civilians, 100, 300, Qualifier.at_least, "2022-10-30T10:00:00Z"),
            claim("Health ministry", ClaimantKind.state, Party.civilians, 121, 350, Qualifier.exact, "2022-11-01T10:00:00Z"));
        PartyCasualties civilians = byParty(claims).get(Party.civilians);
        assertThat(civilians.getKilled()).isEqualTo(new Estimate(121, 121, 121));
        assertThat(civilians.getInjured()).isEqualTo(new Estimate(350, 350, 350));
        assertThat(civilians.getContested()).isFalse();
    }

    @Test
    void unNgoOutranksTheStateAndMediaOutranksAnonymousOfficials() {
        List<Claim> claims = List.of(
            claim("army", ClaimantKind.state, Party.civilians, 20, null, Qualifier.exact, "2023-03-01T10:00:00Z"),
            claim("OCHA", ClaimantKind.ngo_un, Party.civilians, 28, null, Qualifier.exact, "2023-03-01T09:00:00Z"),
            claim("security source", ClaimantKind.anonymous_official, Party.civilians, 40, null, Qualifier.about, "2023-03-02T10:00:00Z"));
        assertThat(byParty(claims).get(Party.civilians).getKilled()).isEqualTo(new Estimate(20, 28, 40));

        List<Claim> noState = List.of(
            claim("security source", ClaimantKind.anonymous_official, Party.civilians, 40, null, Qualifier.about, "2023-03-02T10:00:00Z"),
            claim("Reuters", ClaimantKind.media, Party.civilians, 35, null, Qualifier.exact, "2023-03-01T10:00:00Z"));
        assertThat(byParty(noState).get(Party.civilians).getKilled().getBest()).isEqualTo(35);
    }

    @Test
    void partisanFlagFollowsWhoClaimsWhoseLosses() {
        List<Claim> flagged = ClaimReconciler.flagPartisan(MALI_AMBUSH);
        assertThat(flagged).extracting(Claim::getPartisan).containsExactly(false, false, true, true, true, false);
    }

    @Test
    void partiesWithoutFiguresAreLeftOut() {
        List<Claim> claims = List.of(
            claim("army", ClaimantKind.state, Party.state_forces, null, 4, Qualifier.exact, "2023-03-01T10:00:00Z"));
        Map<Party, PartyCasualties> parties = byParty(claims);
        assertThat(parties).containsOnlyKeys(Party.state_forces);
        assertThat(parties.get(Party.state_forces).getKilled()).isNull();
        assertThat(parties.get(Party.state_forces).getInjured()).isEqualTo(new Estimate(4, 4, 4));
    }
}
