package org.sitrep.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores of one clustering against another where an item may sit in several clusters (an article reporting two
 * incidents): pairwise precision/recall/F1 and extended B-cubed (Amigó, Gonzalo, Artiles and Verdejo 2009).
 *
 * <p>Both maps give, for each item, the set of cluster labels it belongs to; an item missing from a map, or with an
 * empty set, is in no cluster there. For pairwise scores, two items are linked when they share a cluster. For
 * B-cubed, an item in no cluster on one side counts as a singleton cluster of its own on that side (a missed item
 * is alone, not absent); items in no cluster on both sides are left out.
 */
public final class Clustering {
    private Clustering() {
    }

    public static Prf pairwise(Map<String, Set<String>> truth, Map<String, Set<String>> predicted) {
        List<String> items = items(truth, predicted);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                boolean t = shares(truth, items.get(i), items.get(j));
                boolean p = shares(predicted, items.get(i), items.get(j));
                if (t && p) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (t) {
                    fn++;
                }
            }
        }
        return Prf.ofCounts(tp, fp, fn);
    }

    public static Prf bcubed(Map<String, Set<String>> truth, Map<String, Set<String>> predicted) {
        List<String> items = items(truth, predicted);
        if (items.isEmpty()) {
            return Prf.ofRatios(1.0, 1.0);
        }
        double precision = 0;
        double recall = 0;
        for (String e : items) {
            double p = 0;
            int pn = 0;
            double r = 0;
            int rn = 0;
            for (String o : items) {
                int c = common(predicted, e, o);
                int l = common(truth, e, o);
                if (c > 0) {
                    p += (double) Math.min(c, l) / c;
                    pn++;
                }
                if (l > 0) {
                    r += (double) Math.min(c, l) / l;
                    rn++;
                }
            }
            precision += p / pn;
            recall += r / rn;
        }
        return Prf.ofRatios(precision / items.size(), recall / items.size());
    }

    /** Items in a cluster on at least one side, sorted (so results do not depend on map order). */
    private static List<String> items(Map<String, Set<String>> truth, Map<String, Set<String>> predicted) {
        Set<String> all = new TreeSet<>();
        truth.forEach((k, v) -> {
            if (!v.isEmpty()) {
                all.add(k);
            }
        });
        predicted.forEach((k, v) -> {
            if (!v.isEmpty()) {
                all.add(k);
            }
        });
        return new ArrayList<>(all);
    }

    private static boolean shares(Map<String, Set<String>> clusters, String a, String b) {
        Set<String> x = clusters.getOrDefault(a, Set.of());
        Set<String> y = clusters.getOrDefault(b, Set.of());
        for (String c : x) {
            if (y.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** Clusters two items share; an item in no cluster is its own singleton, so it shares one with itself only. */
    private static int common(Map<String, Set<String>> clusters, String a, String b) {
        Set<String> x = clusters.getOrDefault(a, Set.of());
        Set<String> y = clusters.getOrDefault(b, Set.of());
        if (x.isEmpty() || y.isEmpty()) {
            return a.equals(b) ? 1 : 0;
        }
        int n = 0;
        for (String c : x) {
            if (y.contains(c)) {
                n++;
            }
        }
        return n;
    }
}
