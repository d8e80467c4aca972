package org.sitrep.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.sitrep.schema.Estimate;
import org.sitrep.schema.Incident;
import org.sitrep.schema.PartyCasualties;
import org.sitrep.schema.Place;

/** Renders incidents as a plain-text table for terminals: one block per incident, one line per party. */
public final class IncidentTable {
    private static final String FORMAT = "%-22s %-10s %-16s %-24s %-19s %-32s %s%n";

    private IncidentTable() {
    }

    public static String render(Collection<Incident> incidents) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(FORMAT, "INCIDENT", "DATE", "WHERE", "PLACES", "TYPE", "KILLED low/best/high", "SOURCES"));
        List<Incident> sorted = new ArrayList<>(incidents);
        // An incident merged into another is shown through its survivor, which holds all it had.
        sorted.removeIf(i -> i.getStatus() == org.sitrep.schema.IncidentStatus.merged);
        sorted.sort(Comparator.comparing(Incident::getEventDate).thenComparing(Incident::getIncidentId));
        for (Incident i : sorted) {
            List<String> parties = killedLines(i);
            out.append(String.format(FORMAT, i.getIncidentId(), i.getEventDate(), where(i), places(i, 24),
                i.getEventType(), parties.isEmpty() ? "-" : parties.get(0), sources(i)));
            for (int k = 1; k < parties.size(); k++) {
                out.append(String.format(FORMAT, "", "", "", "", "", parties.get(k), ""));
            }
        }
        out.append(String.format("%d incident(s); * = contested figures, best '-' = only partisan claims%n", sorted.size()));
        return out.toString();
    }

    /** One line about one published version, for live output. */
    public static String versionLine(Incident i) {
        String killed = String.join("; ", killedLines(i));
        String line = String.format("%-22s v%-3d %s %-16s %-16s %s | %s", i.getIncidentId(), i.getVersion(), i.getEventDate(),
            where(i), i.getEventType(), killed.isEmpty() ? "no casualty figures yet" : killed, sources(i));
        return switch (i.getStatus()) {
            case open -> line;
            case closed -> line + " | closed";
            case merged -> line + " | merged into " + i.getMergedInto();
        };
    }

    /** One line per party with a killed or a missing estimate: killed, then "(missing low/best/high)" when any. */
    static List<String> killedLines(Incident i) {
        return i.getCasualties().stream()
            .filter(pc -> pc.getKilled() != null || pc.getMissing() != null)
            .map(IncidentTable::killedLine)
            .toList();
    }

    private static String killedLine(PartyCasualties pc) {
        Estimate e = pc.getKilled();
        String missing = pc.getMissing() == null ? "" : " (missing " + range(pc.getMissing()) + ")";
        return String.format("%-15s %s%s%s", pc.getParty(), e == null ? "-" : range(e), pc.getContested() ? " *" : "",
            missing);
    }

    public static String range(Estimate e) {
        return e.getLow() + "/" + (e.getBest() == null ? "-" : e.getBest().toString()) + "/" + e.getHigh();
    }

    private static String where(Incident i) {
        return i.getCountry() + (i.getAdmin1() == null ? "" : " " + i.getAdmin1());
    }

    private static String places(Incident i, int width) {
        String s = i.getPlaces().stream().map(Place::getName).limit(4).collect(Collectors.joining(", "));
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    private static String sources(Incident i) {
        return i.getArticles().size() + " articles, " + i.getOutlets().size() + " outlets";
    }
}
