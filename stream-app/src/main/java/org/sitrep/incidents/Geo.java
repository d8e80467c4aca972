package org.sitrep.incidents;

import java.text.Normalizer;
import java.util.Locale;

import org.sitrep.schema.Place;

/** Small geographic helpers: great-circle distance and place-name keys. */
final class Geo {
    private static final double EARTH_RADIUS_KM = 6371.0;

    private Geo() {
    }

    static boolean hasCoordinates(Place p) {
        return p.getLat() != null && p.getLon() != null;
    }

    static double distanceKm(Place a, Place b) {
        double lat1 = Math.toRadians(a.getLat());
        double lat2 = Math.toRadians(b.getLat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.getLon() - a.getLon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** Accent- and case-insensitive key of a place name ("Ségou" and "SEGOU" share one). */
    static String nameKey(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
