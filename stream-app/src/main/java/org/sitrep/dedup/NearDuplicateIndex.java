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
 * {@link MinHasher#bandKeys band keys} with its signature and shingle count; a new article's candidates are the
 * articles sharing at least one band key, each judged by the {@link NearDuplicateRule} (estimated containment with
 * its guard, or estimated Jaccard similarity). Cost per article: one probe per band, plus one read per candidate,
 * whatever the number of stored articles (no scan). Entries older than the horizon (event time) are ignored and
 * dropped by {@link #expire}.
 *
 * <p>Pure logic over a {@link Storage}: {@link InMemory} for tests, {@link NearDuplicateStores} (Kafka Streams
 * key-value stores, changelogged) in the topology's {@link NearDuplicateProcessor}. Its decisions depend only on
 * the sequence of offers, so a sequence in (published_at, id) order gives the same decisions on every run: the first
 * published article of a near-duplicate cluster is filed and is the original of the later ones. Copies are not filed
 * (they are not originals of later copies).
 */
public final class NearDuplicateIndex {
    /** An article as the index remembers it; {@code shingles} 0 when unknown (stored before counts were kept). */
    public record Entry(String id, String url, Instant publishedAt, long[] signature, int shingles) {}

    /** The article a new one copies: the estimate for the pair, and the verdict of the rule. */
    public record Match(Entry original, SimilarityEstimate estimate, NearDuplicateRule.Verdict verdict) {
        /** The similarity that decided, in {@link #measure}. */
        public double similarity() {
            return verdict.similarity();
        }

        public NearDuplicateRule.Measure measure() {
            return verdict.measure();
        }
    }

    /** Where the index keeps its entries: by article id, and the ids filed under each band key. */
    public interface Storage {
        /** Calls {@code action} with the id and publication time of every article filed under {@code bandKey}. */
        void forEachFiled(String bandKey, BiConsumer<String, Instant> action);

        /** The entry of an article id, or null. */
        Entry get(String id);

        /**
         * Files an entry under its band keys (the article is not in the storage), keeping under each key at most
         * {@code capacity} filings: the latest published (ties: the larger id); older ones fall out of that band.
         */
        void put(Entry entry, List<String> bandKeys, int capacity);

        /** Removes an entry and its band filings. */
        void remove(Entry entry, List<String> bandKeys);

        /** The entries published strictly before {@code cutoff}. */
        List<Entry> publishedBefore(Instant cutoff);

        /** Number of (band, article) filings held. */
        long filings();
    }

    /**
     * Most filings kept under one band key. Distinct articles rarely share a band key, but text that many articles
     * share (an outlet's footer, a stock phrase the cleaner keeps) can make some keys hot; without a cap, a hot key's
     * list grows with the stored articles, and so would the reads of every lookup that probes it and the rewrite of
     * every filing under it. With the cap a lookup reads at most {@code bands * BAND_CAPACITY} candidates whatever the
     * number stored. The price is recall on hot keys only: an original that fell out of one band is still found
     * through the others it shares with its copy (a copy at J = 0.5 shares about 8 of 32 bands).
     */
    public static final int BAND_CAPACITY = 16;

    /** The band layout of the version before containment (kept to unfile what it stored). */
    static final MinHasher BEFORE_CONTAINMENT = new MinHasher(MinHasher.DEFAULT_SHINGLE, 16, 4);

    private final MinHasher hasher;
    private final NearDuplicateRule rule;
    private final Duration horizon;
    private final Storage storage;

    /** An index in memory (tests, benchmarks). */
    public NearDuplicateIndex(MinHasher hasher, NearDuplicateRule rule, Duration horizon) {
        this(hasher, rule, horizon, new InMemory());
    }

    public NearDuplicateIndex(MinHasher hasher, NearDuplicateRule rule, Duration horizon, Storage storage) {
        this.hasher = hasher;
        this.rule = rule;
        this.horizon = horizon;
        this.storage = storage;
    }

    public MinHasher hasher() {
        return hasher;
    }

    /** {@link #offer(String, String, Instant, MinHasher.Sketch)} with the sketch of {@code body}. */
    public Optional<Match> offer(String id, String url, Instant publishedAt, String body) {
        return offer(id, url, publishedAt, hasher.sketch(body));
    }

    /** {@link #offer(String, String, Instant, String)} for an article without a URL (tests). */
    public Optional<Match> offer(String id, Instant publishedAt, String body) {
        return offer(id, "", publishedAt, body);
    }

    /**
     * Of the other articles within the horizon that the rule calls originals of this one, the most similar by
     * estimated Jaccard (ties: the earlier published, then the smaller id), or empty; the article is filed unless it
     * is a copy. An article id offered again (an edited article re-delivered) is never its own original: its old
     * entry is replaced.
     */
    public Optional<Match> offer(String id, String url, Instant publishedAt, MinHasher.Sketch sketch) {
        long[] signature = sketch.signature();
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
            SimilarityEstimate estimate = SimilarityEstimate.of(signature, sketch.shingles(), e.signature(), e.shingles());
            Optional<NearDuplicateRule.Verdict> verdict = rule.judge(estimate);
            if (verdict.isPresent() && (best == null || better(estimate.jaccard(), e, best))) {
                best = new Match(e, estimate, verdict.get());
            }
        }
        if (best == null) {
            Entry previous = storage.get(id);
            if (previous != null) {
                storage.remove(previous, filedUnder(previous));
            }
            storage.put(new Entry(id, url, publishedAt, signature, sketch.shingles()), keys, BAND_CAPACITY);
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(double jaccard, Entry e, Match best) {
        if (jaccard != best.estimate().jaccard()) {
            return jaccard > best.estimate().jaccard();
        }
        int byTime = e.publishedAt().compareTo(best.original().publishedAt());
        return byTime != 0 ? byTime < 0 : e.id().compareTo(best.original().id()) < 0;
    }

    private boolean expired(Instant filed, Instant now) {
        return Duration.between(filed, now).compareTo(horizon) > 0;
    }

    /**
     * The band keys an entry is filed under: its bands in today's layout, or, for an entry with fewer minima than
     * today's signatures (stored before containment, 64 minima in 16 bands of 4 rows), in that layout, so that the
     * purge also clears what the earlier version filed. Such entries are never found by a lookup (their keys are
     * of the other layout); they only wait for the purge.
     */
    private List<String> filedUnder(Entry e) {
        return e.signature().length < hasher.hashes() ? BEFORE_CONTAINMENT.bandKeys(e.signature())
            : hasher.bandKeys(e.signature());
    }

    /** Drops entries older than the horizon before {@code now}; returns how many. */
    public int expire(Instant now) {
        List<Entry> old = storage.publishedBefore(now.minus(horizon));
        for (Entry e : old) {
            storage.remove(e, filedUnder(e));
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
        public void put(Entry entry, List<String> bandKeys, int capacity) {
            byId.put(entry.id(), entry);
            for (String key : bandKeys) {
                Map<String, Instant> bucket = buckets.computeIfAbsent(key, k -> new LinkedHashMap<>());
                bucket.put(entry.id(), entry.publishedAt());
                while (bucket.size() > capacity) {
                    bucket.remove(oldest(bucket));
                }
            }
        }

        private static String oldest(Map<String, Instant> bucket) {
            return bucket.entrySet().stream()
                .min(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
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
