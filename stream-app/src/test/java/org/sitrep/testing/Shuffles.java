package org.sitrep.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.sitrep.schema.Article;

/** Seeded reorderings of a feed that keep every article within a grace period of its place. */
public final class Shuffles {
    private Shuffles() {
    }

    /**
     * Sorts by publication time plus a random delay in [0, grace): an article can only be overtaken by articles
     * published less than {@code grace} after it, so no record arrives more than the grace out of order.
     */
    public static List<Article> withinGrace(List<Article> articles, Duration grace, long seed) {
        Random random = new Random(seed);
        record Delayed(Article article, long arrival) {
        }
        List<Delayed> delayed = new ArrayList<>();
        for (Article a : articles) {
            delayed.add(new Delayed(a, a.getPublishedAt().toEpochMilli() + (long) (random.nextDouble() * grace.toMillis())));
        }
        delayed.sort(Comparator.comparingLong(Delayed::arrival));
        return delayed.stream().map(Delayed::article).toList();
    }

    /** How many pairs are in the opposite order to publication order. */
    public static int inversions(List<Article> order) {
        int n = 0;
        for (int i = 0; i < order.size(); i++) {
            for (int j = i + 1; j < order.size(); j++) {
                if (order.get(i).getPublishedAt().isAfter(order.get(j).getPublishedAt())) {
                    n++;
                }
            }
        }
        return n;
    }
}
