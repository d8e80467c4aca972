package org.sitrep.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.api.TestIncidents;
import org.sitrep.schema.Estimate;
import org.sitrep.schema.Incident;
import org.sitrep.schema.Party;
import org.sitrep.schema.PartyCasualties;

class IncidentTableTest {

    @Test
    void missingEstimatesFollowTheKilledOnesOfTheirParty() {
        List<PartyCasualties> casualties = new ArrayList<>(TestIncidents.mali(1, 14, 14).getCasualties());
        casualties.set(0, PartyCasualties.newBuilder(casualties.get(0)).setMissing(new Estimate(20, 20, 30)).build());
        casualties.add(new PartyCasualties(Party.civilians, null, null, new Estimate(12, 12, 12), false));
        Incident i = Incident.newBuilder(TestIncidents.mali(1, 14, 14)).setCasualties(casualties).build();

        String table = IncidentTable.render(List.of(i));

        assertThat(table).contains("state_forces    14/14/14 (missing 20/20/30)");
        assertThat(table).contains("civilians       - (missing 12/12/12)");
        assertThat(IncidentTable.versionLine(i)).contains("state_forces    14/14/14 (missing 20/20/30); civilians");
    }

    @Test
    void partiesWithOnlyInjuredFiguresAreLeftOut() {
        List<PartyCasualties> casualties = new ArrayList<>(TestIncidents.mali(1, 14, 14).getCasualties());
        casualties.add(new PartyCasualties(Party.civilians, null, new Estimate(3, 3, 3), null, false));
        Incident i = Incident.newBuilder(TestIncidents.mali(1, 14, 14)).setCasualties(casualties).build();

        assertThat(IncidentTable.render(List.of(i))).doesNotContain("civilians");
    }
}
