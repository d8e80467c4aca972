package org.sitrep.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.sitrep.schema.Claim;
import org.sitrep.schema.ClaimantKind;
import org.sitrep.schema.Party;

/**
 * The second pass over the claims of one article: whose losses a figure counts when its own words do not say
 * (ACLED-like conventions). Pure: the claims and a {@link Scene} in, new claims out, in the same order.
 *
 * <p>For a claim read with party {@code unknown} ("people", "personnes", "victims", "bodies", a bare toll such as
 * "60 dead" or "the toll rose to 89"), the first rule that applies:
 * <ol>
 *   <li><b>Its sentence says so</b>: "most of them civilians", "en majorité des civils", "tous civils", "a civilian
 *       vehicle", "including women and children", "dont des femmes et des enfants"; or the killing happened at a civilian scene (a village, market, mosque, church, wedding, funeral,
 *       gathering, crowd, school, bus, farmers in their fields...) and the sentence names no military target (base,
 *       camp, post, patrol, checkpoint, soldiers, troops, militiamen) → civilians.</li>
 *   <li><b>A total that the same sentence breaks down</b> ("22 people were killed, 19 of them civilians") names
 *       several parties → stays unknown.</li>
 *   <li><b>The article's other claims</b> name exactly one victim party → that party ("We have at least 60 dead" in
 *       a story about soldiers killed; "le ministère avait fait état de 25 morts" beside "89 militaires tués"). Victim
 *       parties are those of the claims with a known party other than militants (the attackers' losses are not the
 *       toll), leaving out figures an armed group gives (its claim names its enemy, not the toll's victims).</li>
 *   <li><b>An attack on civilians or a bombing</b> ({@link Scene#civilianTarget}) whose other claims name no victim
 *       party but civilians → civilians ("le bilan est passé de 134 à 157 morts" after a massacre of villagers).</li>
 *   <li>Otherwise unknown.</li>
 * </ol>
 * Only the claims read with a known party are evidence for rule 3: an inferred party never feeds another inference.
 *
 * <p>Foreign-held scenes: when {@link Scene#foreignHeld} (the first sentence of the body that names a force names
 * only foreign ones, and the home country's forces are named at most half as often: "an African Union base held by
 * Ugandan troops"), a
 * state-force claim whose sentence does not name the home country's forces is foreign_forces ("al-Shabaab said it
 * killed 137 soldiers").
 */
final class ClaimParties {

    private ClaimParties() {}

    /**
     * What the article says of the event as a whole: whether it is an attack on civilians or a bombing (its event
     * type), whether the forces attacked are foreign, and (for foreign-held scenes) which words name the home
     * country's forces.
     */
    record Scene(boolean civilianTarget, boolean foreignHeld, Pattern homeForces) {
        static final Scene NONE = new Scene(false, false, null);
    }

    private static final GuardedPattern SAYS_CIVILIANS = GuardedPattern.compile("\\b(most(ly| of them)? (were )?(civilians|women|children)|"
            + "(including|dont|among them|parmi lesquels|parmi eux|notamment) (many |several |de nombreu\\w+ |des |"
            + "plusieurs )?(women|children|femmes|enfants)|"
            + "(all|all of them|tous|toutes|tous des|en majorite des|majoritairement des|pour la plupart des|"
            + "essentiellement des) civil(ian)?s|civilian (vehicle|bus|car|truck|convoy|population)s?|"
            + "civils? (innocents?|tues)|vehicules? civils?)\\b");
    private static final GuardedPattern CIVILIAN_SCENE = GuardedPattern.compile("\\b(villages?|villagers|villageois|markets?|"
            + "marches?|mosques?|mosquees?|churche?s?|eglises?|weddings?|mariages?|funerals?|funerailles|obseques|"
            + "gatherings?|rassemblements?|crowds?|foule|schools?|ecoles?|buse?s|autocars?|passengers|passagers|"
            + "worshipp?ers|fideles|farmers|agriculteurs|fields|champs|rizieres|hamlets?|hameaux?|"
            + "displaced|deplaces|ceremony|ceremonie|celebration|fete|intersection|junction|carrefour|restaurants?|"
            + "hotels?|cafes?|shops?|boutiques)\\b");
    private static final GuardedPattern MILITARY_TARGET = GuardedPattern.compile("\\b(bases?|barracks|casernes?|outposts?|"
            + "garrisons?|garnisons?|patrols?|patrouilles?|checkpoints?|camps? militaires?|military camps?|army camps?|"
            + "(army|military|police) posts?|postes? (militaires?|de police|de gendarmerie)|soldiers|troops|soldats|"
            + "militaires|gendarmes|policemen|policiers|militiamen|suppletifs)\\b");

    /** The claims with parties inferred where the rules above apply. */
    static List<Claim> resolve(List<Claim> claims, Scene scene) {
        if (claims.isEmpty()) {
            return claims;
        }
        // rule 1 first: what a sentence says of its own dead is evidence for the other figures
        List<Party> said = new ArrayList<>(claims.size());
        Set<Party> victims = EnumSet.noneOf(Party.class);
        for (Claim c : claims) {
            Party p = c.getParty();
            if (p == Party.unknown && !brokenDown(c, claims) && saysCivilians(c)) {
                p = Party.civilians;
            }
            said.add(p);
            if (p != Party.unknown && p != Party.militants && c.getClaimantKind() != ClaimantKind.armed_group) {
                victims.add(p);
            }
        }
        List<Claim> out = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            Party p = said.get(i);
            if (p == Party.unknown) {
                p = inferred(c, claims, victims, scene);
            } else if (p == Party.state_forces && scene.foreignHeld()
                    && (scene.homeForces() == null || !scene.homeForces().matcher(Text.fold(c.getSentence())).find())) {
                p = Party.foreign_forces;
            }
            out.add(p == c.getParty() ? c : Claim.newBuilder(c).setParty(p).build());
        }
        return out;
    }

    private static boolean saysCivilians(Claim c) {
        String f = Text.fold(c.getSentence() == null ? "" : c.getSentence());
        return SAYS_CIVILIANS.find(f) || (CIVILIAN_SCENE.find(f) && !MILITARY_TARGET.find(f));
    }

    private static Party inferred(Claim c, List<Claim> claims, Set<Party> victims, Scene scene) {
        if (brokenDown(c, claims)) {
            return Party.unknown;
        }
        if (victims.size() == 1) {
            return victims.iterator().next();
        }
        if (scene.civilianTarget() && (victims.isEmpty() || victims.equals(EnumSet.of(Party.civilians)))) {
            return Party.civilians;
        }
        return Party.unknown;
    }

    /** A total whose sentence also gives a smaller figure of a known party from the same claimant. */
    private static boolean brokenDown(Claim total, List<Claim> claims) {
        Integer t = total.getKilled();
        if (t == null) {
            return false;
        }
        for (Claim c : claims) {
            if (c != total && c.getParty() != Party.unknown && c.getKilled() != null && c.getKilled() < t
                    && c.getSentence() != null && c.getSentence().equals(total.getSentence())
                    && c.getClaimant().equals(total.getClaimant())) {
                return true;
            }
        }
        return false;
    }
}
