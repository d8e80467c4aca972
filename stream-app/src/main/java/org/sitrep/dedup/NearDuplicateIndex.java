package org.sitrep.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Near-duplicate lookup over the articles seen within a horizon, by LSH band: each article is filed under its
 * {@link MinHasher#bandKeys band keys}; a new article's candidates are the articles sharing at least one band key,
 * re-checked by estimated Jaccard similarity against the threshold. Cost per article: one probe per band, plus one
 * read per candidate, whatever the number of stored articles (no scan). Entries older than the horizon (event time)
 * are ignored and dropped by {@link #expire}.
 *
 * <p>Pure logic over a {@link Storage}: {@link InMemory} for tests, {@link NearDuplicateStores} (Kafka Streams
 * key-value stores, changelogged) in the topology's {@link NearDuplicateProcessor}. Its decisions depend only on
 * the sequence of offers, so a sequence in (published_at, id) order gives the same decisions on every run: the first
 * published article of a near-duplicate cluster is filed and is the original of the later ones. Copies are not filed
 * (they are not originals of later copies).
 */
public final class NearDuplicateIndex {
    /** Default {@code near-dup-threshold}: estimated Jaccard similarity of the word 4-shingles. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** An article as the index remembers it. */
    public record Entry(String id, String url, Instant publishedAt, long[] signature) {}

    /** The article a new one copies, with the estimated similarity. */
    public record Match(Entry original, double similarity) {}

    /** Where the index keeps its entries: by article id, and the ids filed under each band key. */
    public interface Storage {
        /** Calls {@code action} with the id and publication time of every article filed under {@code bandKey}. */
        void forEachFiled(String bandKey, BiConsumer<String, Instant> action);

        /** The entry of an article id, or null. */
        Entry get(String id);

        /** Files an entry under its band keys (the article is not in the storage). */
        void put(Entry entry, List<String> bandKeys);

        /** Removes an entry and its band filings. */
        void remove(Entry entry, List<String> bandKeys);

        /** The entries published strictly before {@code cutoff}. */
        List<Entry> publishedBefore(Instant cutoff);

        /** Number of (band, article) filings held. */
        long filings();
    }

    private final MinHasher hasher;
    private final double threshold;
    private final Duration horizon;
    private final Storage storage;

    /** An index in memory (tests, benchmarks). */
    public NearDuplicateIndex(MinHasher hasher, double threshold, Duration horizon) {
        this(hasher, threshold, horizon, new InMemory());
    }

    public NearDuplicateIndex(MinHasher hasher, double threshold, Duration horizon, Storage storage) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        this.hasher = hasher;
        this.threshold = threshold;
        this.horizon = horizon;
        this.storage = storage;
    }

    public MinHasher hasher() {
        return hasher;
    }

    /** {@link #offer(String, String, Instant, long[])} with the signature of {@code body}. */
    public Optional<Match> offer(String id, String url, Instant publishedAt, String body) {
        return offer(id, url, publishedAt, hasher.signature(body));
    }

    /** {@link #offer(String, String, Instant, String)} for an article without a URL (tests). */
    public Optional<Match> offer(String id, Instant publishedAt, String body) {
        return offer(id, "", publishedAt, body);
    }

    /**
     * The most similar other article within the horizon at or above the threshold (ties: the earlier published, then
     * the smaller id), or empty; the article is filed unless it is a copy. An article id offered again (an edited
     * article re-delivered) is never its own original: its old entry is replaced.
     */
    public Optional<Match> offer(String id, String url, Instant publishedAt, long[] signature) {
        List<String> keys = hasher.bandKeys(signature);
        Set<String> seen = new HashSet<>();
        List<String> candidates = new ArrayList<>();
        for (String key : keys) {
            storage.forEachFiled(key, (otherId, otherPublishedAt) -> {
                if (!otherId.equals(id) && !expired(otherPublishedAt, publishedAt) && seen.add(otherId)) {
                    candidates.add(otherId);
                }
            });
        }
        Match best = null;
        for (String candidate : candidates) {
            Entry e = storage.get(candidate);
            if (e == null) {
                continue;
            }
            double s = MinHasher.similarity(signature, e.signature());
            if (s >= threshold && (best == null || better(s, e, best))) {
                best = new Match(e, s);
            }
        }
        if (best == null) {
            Entry previous = storage.get(id);
            if (previous != null) {
                storage.remove(previous, hasher.bandKeys(previous.signature()));
            }
            storage.put(new Entry(id, url, publishedAt, signature), keys);
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(double s, Entry e, Match best) {
        if (s != best.similarity()) {
            return s > best.similarity();
        }
        int byTime = e.publishedAt().compareTo(best.original().publishedAt());
        return byTime != 0 ? byTime < 0 : e.id().compareTo(best.original().id()) < 0;
    }

    private boolean expired(Instant filed, Instant now) {
        return Duration.between(filed, now).compareTo(horizon) > 0;
    }

    /** Drops entries older than the horizon before {@code now}; returns how many. */
    public int expire(Instant now) {
        List<Entry> old = storage.publishedBefore(now.minus(horizon));
        for (Entry e : old) {
            storage.remove(e, hasher.bandKeys(e.signature()));
        }
        return old.size();
    }

    /** Number of (band, article) filings held: bounded by the articles within the horizon times the bands. */
    public int size() {
        return Math.toIntExact(storage.filings());
    }

    /** A storage in plain maps. Not thread-safe. */
    public static final class InMemory implements Storage {
        private final Map<String, Entry> byId = new HashMap<>();
        private final Map<String, Map<String, Instant>> buckets = new HashMap<>();

        @Override
        public void forEachFiled(String bandKey, BiConsumer<String, Instant> action) {
            Map<String, Instant> bucket = buckets.get(bandKey);
            if (bucket != null) {
                bucket.forEach(action);
            }
        }

        @Override
        public Entry get(String id) {
            return byId.get(id);
        }

        @Override
        public void put(Entry entry, List<String> bandKeys) {
            byId.put(entry.id(), entry);
            for (String key : bandKeys) {
                buckets.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(entry.id(), entry.publishedAt());
            }
        }

        @Override
        public void remove(Entry entry, List<String> bandKeys) {
            byId.remove(entry.id());
            for (String key : bandKeys) {
                Map<String, Instant> bucket = buckets.get(key);
                if (bucket != null) {
                    bucket.remove(entry.id());
                    if (bucket.isEmpty()) {
                        buckets.remove(key);
                    }
                }
            }
        }

        @Override
        public List<Entry> publishedBefore(Instant cutoff) {
            return byId.values().stream().filter(e -> e.publishedAt().isBefore(cutoff)).toList();
        }

        @Override
        public long filings() {
            return buckets.values().stream().mapToLong(Map::size).sum();
        }
    }
}
