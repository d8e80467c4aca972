package org.sitrep.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.sitrep.schema.Incident;
import org.sitrep.schema.PartyCasualties;

/**
 * Which incident versions a subscriber wants: shared by {@code sitrep subscribe}, {@code GET /incidents} and the
 * server-sent event stream. Every condition is optional (null or empty = any); a version matches when all the given
 * ones hold:
 *
 * <ul>
 *   <li>{@code countries}: ISO 3166-1 alpha-2 code, case-insensitive;</li>
 *   <li>{@code admin1}: the incident's first-level region, case-insensitive, exact name;</li>
 *   <li>{@code types}: event types ({@code ambush}, {@code ied}, ...);</li>
 *   <li>{@code minKilled}: the incident's {@link #bestKilled total best killed estimate} is at least this;</li>
 *   <li>{@code actor}: one of the incident's actors contains this text, case-insensitive ({@code jnim} matches
 *       {@code JNIM});</li>
 *   <li>{@code updatedSince}: the version was made by a report at or after this instant.</li>
 * </ul>
 */
public record IncidentFilter(Set<String> countries, String admin1, Set<String> types, Integer minKilled, String actor,
                             Instant updatedSince) {
    public static final IncidentFilter ANY = new IncidentFilter(Set.of(), null, Set.of(), null, null, null);

    public IncidentFilter {
        countries = countries == null ? Set.of() : countries.stream().map(c -> c.trim().toUpperCase(Locale.ROOT))
            .filter(c -> !c.isEmpty()).collect(Collectors.toUnmodifiableSet());
        types = types == null ? Set.of() : types.stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
            .filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
        admin1 = blankToNull(admin1);
        actor = blankToNull(actor);
    }

    public boolean matches(Incident i) {
        if (!countries.isEmpty() && !countries.contains(i.getCountry().toUpperCase(Locale.ROOT))) {
            return false;
        }
        if (admin1 != null && (i.getAdmin1() == null || !i.getAdmin1().equalsIgnoreCase(admin1))) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(i.getEventType().toString())) {
            return false;
        }
        if (minKilled != null && bestKilled(i) < minKilled) {
            return false;
        }
        if (actor != null) {
            String wanted = actor.toLowerCase(Locale.ROOT);
            if (i.getActors().stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).contains(wanted))) {
                return false;
            }
        }
        return updatedSince == null || !i.getUpdatedAt().isBefore(updatedSince);
    }

    /**
     * The incident's killed toll by best estimates: the sum over parties of their best killed figure. A party with
     * only partisan claims (best empty) adds nothing; an incident without figures has 0.
     */
    public static int bestKilled(Incident i) {
        int total = 0;
        for (PartyCasualties pc : i.getCasualties()) {
            if (pc.getKilled() != null && pc.getKilled().getBest() != null) {
                total += pc.getKilled().getBest();
            }
        }
        return total;
    }

    /** The sum over parties of the high killed figure: the largest toll any claim supports. */
    public static int highKilled(Incident i) {
        int total = 0;
        for (PartyCasualties pc : i.getCasualties()) {
            if (pc.getKilled() != null) {
                total += pc.getKilled().getHigh();
            }
        }
        return total;
    }

    /** Fails with a message listing the known types when one of {@code types} is not an event type. */
    public static Set<String> checkTypes(Set<String> types) {
        Set<String> known = java.util.Arrays.stream(org.sitrep.schema.EventType.values()).map(Enum::name)
            .collect(Collectors.toSet());
        for (String t : types) {
            if (!known.contains(t.trim().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("unknown event type '" + t + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
        return types;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
