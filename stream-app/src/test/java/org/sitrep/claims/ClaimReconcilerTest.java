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
    void missingIsEstimatedLikeKilledAndANewerCountSupersedesTheOlder() {
        List<Claim> claims = List.of(
            missing(claim("Burkinabe army", ClaimantKind.state, Party.state_forces, 51, null, Qualifier.exact, "2023-02-18T10:00:00Z"), 30),
            missing(claim("Burkinabe army", ClaimantKind.state, Party.state_forces, 51, null, Qualifier.exact, "2023-02-20T10:00:00Z"), 12),
            missing(claim("security source", ClaimantKind.anonymous_official, Party.state_forces, null, null, Qualifier.about, "2023-02-19T10:00:00Z"), 20),
            missing(claim("JNIM", ClaimantKind.armed_group, Party.civilians, null, null, Qualifier.exact, "2023-02-19T10:00:00Z"), 4));
        Map<Party, PartyCasualties> parties = byParty(claims);
        PartyCasualties soldiers = parties.get(Party.state_forces);
        assertThat(soldiers.getKilled()).isEqualTo(new Estimate(51, 51, 51));
        assertThat(soldiers.getMissing()).isEqualTo(new Estimate(12, 12, 20));
        assertThat(soldiers.getContested()).isTrue();
        // a party with only a missing figure is still reported
        assertThat(parties.get(Party.civilians).getKilled()).isNull();
        assertThat(parties.get(Party.civilians).getMissing()).isEqualTo(new Estimate(4, 4, 4));
        assertThat(byParty(MALI_AMBUSH).get(Party.state_forces).getMissing()).isNull();
    }

    private static Claim missing(Claim c, int missing) {
        return Claim.newBuilder(c).setMissing(missing).build();
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

    private static Claim from(Claim c, String outlet) {
        return Claim.newBuilder(c).setOutlet(outlet).setArticleId("a-" + outlet + "-" + c.getPublishedAt()).build();
    }

    @Test
    void aliasesOfOneArmyAreOneClaimantSoItsNewestTollSupersedesTheOlder() {
        List<Claim> claims = List.of(
            claim("Malian army", ClaimantKind.state, Party.state_forces, 10, null, Qualifier.exact, "2023-01-11T10:00:00Z"),
            claim("FAMa", ClaimantKind.state, Party.state_forces, 12, null, Qualifier.exact, "2023-01-12T10:00:00Z"),
            claim("armée malienne", ClaimantKind.state, Party.state_forces, 14, null, Qualifier.exact, "2023-01-13T10:00:00Z"));
        PartyCasualties soldiers = byParty(claims).get(Party.state_forces);
        assertThat(soldiers.getKilled()).isEqualTo(new Estimate(14, 14, 14));
        assertThat(soldiers.getContested()).isFalse();
        // Without the dictionary the three names would be three claimants and the older tolls would still count.
        ClaimReconciler.Claimants ids = ClaimReconciler.Claimants.of(claims);
        assertThat(claims).extracting(ids::key).containsOnly("state:FAMa");
    }

    @Test
    void anotherStateBodysFigureDoesNotSupersedeTheArmysOwnToll() {
        List<Claim> claims = new java.util.ArrayList<>(MALI_AMBUSH);
        claims.add(claim("French defence ministry", ClaimantKind.state, Party.state_forces, 10, null, Qualifier.exact,
            "2023-01-13T10:00:00Z"));
        PartyCasualties soldiers = byParty(claims).get(Party.state_forces);
        // The army's 14 stays current beside the ministry's newer 10, and the army about its own soldiers ranks first.
        assertThat(soldiers.getKilled()).isEqualTo(new Estimate(10, 14, 14));
        assertThat(soldiers.getContested()).isTrue();
    }

    @Test
    void aGenericArmyIsTheOneArmyTheClaimsNameAndOnlyThen() {
        List<Claim> oneArmy = List.of(
            claim("army", ClaimantKind.state, Party.state_forces, 8, null, Qualifier.exact, "2023-02-20T08:00:00Z"),
            claim("Burkinabe army", ClaimantKind.state, Party.state_forces, 51, null, Qualifier.exact, "2023-02-20T20:00:00Z"));
        assertThat(byParty(oneArmy).get(Party.state_forces).getKilled()).isEqualTo(new Estimate(51, 51, 51));
        assertThat(byParty(oneArmy).get(Party.state_forces).getContested()).isFalse();

        List<Claim> twoArmies = List.of(
            claim("army", ClaimantKind.state, Party.state_forces, 8, null, Qualifier.exact, "2023-02-20T08:00:00Z"),
            claim("Burkinabe army", ClaimantKind.state, Party.state_forces, 51, null, Qualifier.exact, "2023-02-20T20:00:00Z"),
            claim("Niger army", ClaimantKind.state, Party.state_forces, 3, null, Qualifier.exact, "2023-02-20T21:00:00Z"));
        ClaimReconciler.Claimants ids = ClaimReconciler.Claimants.of(twoArmies);
        assertThat(twoArmies).extracting(ids::key).containsExactly("state:army", "state:Burkinabe army", "state:Niger army");
    }

    @Test
    void theSameFigureRelayedByManyOutletsCountsOnce() {
        Claim army = claim("Malian army", ClaimantKind.state, Party.state_forces, 14, 11, Qualifier.exact, "2023-01-12T09:00:00Z");
        List<Claim> claims = new java.util.ArrayList<>(List.of(army));
        // The army's statement carried by five outlets (one claimant), and two sites stating 14 without attribution.
        for (String outlet : List.of("Lagos Ledger", "Accra Morning Post", "L'Écho du Sahel", "Abidjan Quotidien", "West Africa Weekly")) {
            claims.add(from(army, outlet));
        }
        claims.add(claim("Bamako Matin", ClaimantKind.media, Party.state_forces, 14, null, Qualifier.exact, "2023-01-13T09:00:00Z"));
        claims.add(claim("NewsPulse Africa", ClaimantKind.media, Party.state_forces, 14, null, Qualifier.exact, "2023-01-13T10:00:00Z"));
        ClaimReconciler.Claimants ids = ClaimReconciler.Claimants.of(claims);
        assertThat(ClaimReconciler.current(claims, Claim::getKilled, ids)).singleElement()
            .satisfies(c -> assertThat(c.getClaimant()).isEqualTo("Malian army"));
        // An outlet's own figure that nobody else gives is not a relay: it counts.
        claims.add(claim("NewsPulse Africa", ClaimantKind.media, Party.state_forces, 16, null, Qualifier.exact, "2023-01-14T10:00:00Z"));
        assertThat(ClaimReconciler.current(claims, Claim::getKilled, ids)).hasSize(2);
        assertThat(byParty(claims).get(Party.state_forces).getKilled()).isEqualTo(new Estimate(14, 14, 16));
    }

    @Test
    void ofTwoOutletsGivingOneUnattributedFigureTheFirstCountsAndTheOtherIsItsRelay() {
        List<Claim> claims = List.of(
            claim("Banadir Daily", ClaimantKind.media, Party.civilians, 100, null, Qualifier.at_least, "2022-10-30T10:00:00Z"),
            claim("East Africa Bulletin", ClaimantKind.media, Party.civilians, 100, null, Qualifier.at_least, "2022-10-30T12:00:00Z"));
        ClaimReconciler.Claimants ids = ClaimReconciler.Claimants.of(claims);
        assertThat(ClaimReconciler.current(claims, Claim::getKilled, ids)).extracting(Claim::getClaimant)
            .containsExactly("Banadir Daily");
    }

    @Test
    void independentSourcesOutweighRelayingSites() {
        List<Claim> claims = List.of(
            claim("Sahel Press Agency", ClaimantKind.media, Party.civilians, 20, null, Qualifier.exact, "2023-03-01T10:00:00Z"),
            claim("security source", ClaimantKind.anonymous_official, Party.civilians, 22, null, Qualifier.about, "2023-03-01T12:00:00Z"),
            claim("NewsPulse Africa", ClaimantKind.media, Party.civilians, 25, null, Qualifier.exact, "2023-03-02T10:00:00Z"));
        // The wire agency's own figure beats the newer anonymous one, which beats the aggregator's own.
        assertThat(byParty(claims).get(Party.civilians).getKilled()).isEqualTo(new Estimate(20, 20, 25));
        assertThat(byParty(claims.subList(1, 3)).get(Party.civilians).getKilled().getBest()).isEqualTo(22);
        assertThat(byParty(List.of(claims.get(2), claim("mayor", ClaimantKind.local_source, Party.civilians, 18, null,
            Qualifier.about, "2023-03-01T09:00:00Z"))).get(Party.civilians).getKilled().getBest()).isEqualTo(18);
    }

    @Test
    void aPartisanClaimSetsBestOnlyWhenAnIndependentClaimCorroboratesIt() {
        // Mali: the army's "31 terrorists neutralised" against JNIM's 5 martyrs: not corroborated, best is JNIM's 5.
        assertThat(byParty(MALI_AMBUSH).get(Party.militants).getKilled().getBest()).isEqualTo(5);

        // A site repeating 31 without attribution relays the army: that is no corroboration.
        List<Claim> relayed = new java.util.ArrayList<>(MALI_AMBUSH);
        relayed.add(claim("NewsPulse Africa", ClaimantKind.media, Party.militants, 31, null, Qualifier.exact, "2023-01-13T09:00:00Z"));
        assertThat(byParty(relayed).get(Party.militants).getKilled()).isEqualTo(new Estimate(5, 5, 31));

        // Local officials' "about thirty" agrees within the tolerance: the army's figure now sets best.
        List<Claim> corroborated = new java.util.ArrayList<>(MALI_AMBUSH);
        corroborated.add(claim("local officials", ClaimantKind.local_source, Party.militants, 30, null, Qualifier.about, "2023-01-13T09:00:00Z"));
        assertThat(byParty(corroborated).get(Party.militants).getKilled()).isEqualTo(new Estimate(5, 31, 31));

        // Only the group's partisan claim about Wagner, and an independent figure far from it: best is the independent one.
        List<Claim> wagner = new java.util.ArrayList<>(MALI_AMBUSH);
        wagner.add(claim("Sahel Press Agency", ClaimantKind.media, Party.foreign_forces, 2, null, Qualifier.exact, "2023-01-14T09:00:00Z"));
        assertThat(byParty(wagner).get(Party.foreign_forces).getKilled()).isEqualTo(new Estimate(2, 2, 5));
    }

    @Test
    void figuresAgreeWithinFifteenPercentOrOne() {
        assertThat(ClaimReconciler.agree(31, 30)).isTrue();
        assertThat(ClaimReconciler.agree(100, 86)).isTrue();
        assertThat(ClaimReconciler.agree(100, 84)).isFalse();
        assertThat(ClaimReconciler.agree(5, 6)).isTrue();
        assertThat(ClaimReconciler.agree(5, 7)).isFalse();
        assertThat(ClaimReconciler.agree(31, 5)).isFalse();
    }

    @Test
    void contestedPerPartyAndOverall() {
        var incident = org.sitrep.incidents.IncidentAssembler.create("ML", org.sitrep.testing.Fixtures.report("m1",
            "2023-01-13T09:00:00Z", org.sitrep.schema.EventType.ambush, "2023-01-10", null, List.of(), MALI_AMBUSH));
        Map<Party, PartyCasualties> parties = incident.getCasualties().stream()
            .collect(Collectors.toMap(PartyCasualties::getParty, Function.identity()));
        assertThat(parties.get(Party.state_forces).getContested()).isTrue();
        assertThat(parties.get(Party.militants).getContested()).isTrue();
        assertThat(parties.get(Party.foreign_forces).getContested()).isFalse();
        assertThat(incident.getContested()).isTrue();

        List<Claim> agreeing = List.of(
            claim("Niger army", ClaimantKind.state, Party.state_forces, 17, 20, Qualifier.exact, "2023-08-16T09:00:00Z"),
            claim("Agence Sahel Presse", ClaimantKind.media, Party.state_forces, 17, null, Qualifier.exact, "2023-08-16T12:00:00Z"));
        var calm = org.sitrep.incidents.IncidentAssembler.create("NE", org.sitrep.testing.Fixtures.report("n1",
            "2023-08-16T09:00:00Z", org.sitrep.schema.EventType.ambush, "2023-08-15", null, List.of(), agreeing));
        assertThat(calm.getContested()).isFalse();
    }
}
