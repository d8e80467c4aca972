package org.sitrep.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Near-duplicate lookup over the articles seen within a horizon, by LSH band: each article is filed under its
 * {@link MinHasher#bandKeys band keys}; a new article's candidates are the articles sharing at least one band key,
 * re-checked by estimated Jaccard similarity against the threshold. Cost per article: one lookup per band, plus the
 * candidates, whatever the number of stored articles. Entries older than the horizon (event time) are ignored and
 * dropped by {@link #expire}.
 *
 * <p>This is the pure logic of a single-partition near-duplicate stage; the per-band buckets map one to one onto a
 * key-value store keyed by band key (design and what is left: README, "Copies").
 */
public final class NearDuplicateIndex {
    /** An article as the index remembers it. */
    public record Entry(String id, Instant publishedAt, long[] signature) {}

    /** The article a new one copies, with the estimated similarity. */
    public record Match(Entry original, double similarity) {}

    private final MinHasher hasher;
    private final double threshold;
    private final Duration horizon;
    private final Map<String, List<Entry>> buckets = new HashMap<>();

    public NearDuplicateIndex(MinHasher hasher, double threshold, Duration horizon) {
        this.hasher = hasher;
        this.threshold = threshold;
        this.horizon = horizon;
    }

    /**
     * The most similar earlier article within the horizon at or above the threshold (ties: the earlier one), or
     * empty; the article is filed either way unless it is a copy (copies are not originals of later copies).
     */
    public Optional<Match> offer(String id, Instant publishedAt, String body) {
        long[] sig = hasher.signature(body);
        List<String> keys = hasher.bandKeys(sig);
        Map<String, Entry> candidates = new LinkedHashMap<>();
        for (String key : keys) {
            for (Entry e : buckets.getOrDefault(key, List.of())) {
                if (!e.id().equals(id) && !(Duration.between(e.publishedAt(), publishedAt).compareTo(horizon) > 0)) {
                    candidates.putIfAbsent(e.id(), e);
                }
            }
        }
        Match best = null;
        for (Entry e : candidates.values()) {
            double s = MinHasher.similarity(sig, e.signature());
            if (s >= threshold && (best == null || s > best.similarity()
                || (s == best.similarity() && e.publishedAt().isBefore(best.original().publishedAt())))) {
                best = new Match(e, s);
            }
        }
        if (best == null) {
            Entry entry = new Entry(id, publishedAt, sig);
            for (String key : keys) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Drops entries older than the horizon before {@code now}. */
    public void expire(Instant now) {
        buckets.values().forEach(list -> list.removeIf(e -> Duration.between(e.publishedAt(), now).compareTo(horizon) > 0));
        buckets.values().removeIf(List::isEmpty);
    }

    /** Number of (band, article) entries held: bounded by the articles within the horizon times the bands. */
    public int size() {
        return buckets.values().stream().mapToInt(List::size).sum();
    }
}
