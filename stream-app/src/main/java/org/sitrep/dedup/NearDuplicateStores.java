package org.sitrep.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitrep.schema.NearDupBand;
import org.sitrep.schema.NearDupBandEntry;
import org.sitrep.schema.NearDupSignature;
import org.sitrep.topology.CachedStore;

/**
 * The {@link NearDuplicateIndex.Storage} of the topology: two key-value stores (persistent and changelogged in the
 * topology, so the index survives restarts and moves with its task).
 *
 * <ul>
 *   <li>bands ({@link NearDuplicateStage#BANDS_STORE}): key a band key, value the articles filed under it
 *       ({@link NearDupBand}: id and publication time each). A lookup is one point read per band, which RocksDB
 *       answers through its bloom filters and block cache: its cost does not depend on how many bands are stored
 *       (a prefix scan per band, the first design, grew with the store: docs/PERFORMANCE.md). Distinct articles
 *       rarely share a band key, so a value holds one or a few articles, and never more than
 *       {@link NearDuplicateIndex#BAND_CAPACITY} (the latest published).</li>
 *   <li>signatures ({@link NearDuplicateStage#SIGNATURES_STORE}): key the article id, value its
 *       {@link NearDupSignature} (signature, shingle count, publication time, URL). A record written before the
 *       count was kept reads with count 0: that article is judged by Jaccard only.</li>
 * </ul>
 * The entries of the last {@link #DECODED_SIGNATURES} articles read or filed are kept as the index uses them (the
 * signature as a {@code long[]}, not Avro's list of boxed longs), least recently used out first, written through to
 * the store: the candidates of an article are mostly recent ones, and an article has a few hundred of them when it
 * shares furniture with many others. The last {@link #DECODED_BANDS} band
 * keys read or written are kept too, with whether they were absent: an article's lookup reads its band keys (mostly
 * absent: new text), and filing it reads the same keys again before writing them, which is then answered from memory
 * (a third fewer band-store operations per filed article). Expiry ({@link #publishedBefore}) reads
 * the signatures store through; it runs every quarter horizon of the stage's clock
 * ({@link org.sitrep.ordering.PurgeSchedule}), so each article is read by it about four times in its life: constant
 * cost per article.
 */
public final class NearDuplicateStores implements NearDuplicateIndex.Storage {
    /** Filing order of a band's articles: publication time, then id (the same order as the in-memory storage). */
    private static final Comparator<NearDupBandEntry> OLDEST_FIRST = Comparator
        .comparing(NearDupBandEntry::getPublishedAt).thenComparing(e -> e.getId().toString());

    /** How many signatures are kept decoded: about 2.5 KB each. */
    static final int DECODED_SIGNATURES = 2048;

    /** How many band keys are kept decoded or known absent: several articles' worth (32 bands each by default). */
    static final int DECODED_BANDS = 256;

    private final CachedStore<String, NearDupBand> bands;
    private final KeyValueStore<String, NearDupSignature> signatures;
    private final Map<String, NearDuplicateIndex.Entry> recent = CachedStore.lru(DECODED_SIGNATURES);

    public NearDuplicateStores(KeyValueStore<String, NearDupBand> bands, KeyValueStore<String, NearDupSignature> signatures) {
        this.bands = CachedStore.rememberingAbsence(bands, DECODED_BANDS);
        this.signatures = signatures;
    }

    @Override
    public void forEachFiled(String bandKey, BiConsumer<String, Instant> action) {
        NearDupBand band = bands.get(bandKey);
        if (band != null) {
            for (NearDupBandEntry e : band.getArticles()) {
                action.accept(e.getId(), e.getPublishedAt());
            }
        }
    }

    @Override
    public NearDuplicateIndex.Entry get(String id) {
        NearDuplicateIndex.Entry e = recent.get(id);
        if (e == null) {
            NearDupSignature s = signatures.get(id);
            if (s != null) {
                e = entry(s);
                recent.put(id, e);
            }
        }
        return e;
    }

    @Override
    public void put(NearDuplicateIndex.Entry entry, List<String> bandKeys, int capacity) {
        for (String key : bandKeys) {
            NearDupBand band = bands.get(key);
            List<NearDupBandEntry> articles = new ArrayList<>(band == null ? 1 : band.getArticles().size() + 1);
            if (band != null) {
                band.getArticles().stream().filter(e -> !e.getId().equals(entry.id())).forEach(articles::add);
            }
            articles.add(new NearDupBandEntry(entry.id(), entry.publishedAt()));
            while (articles.size() > capacity) {
                articles.remove(articles.stream().min(OLDEST_FIRST).orElseThrow());
            }
            bands.put(key, new NearDupBand(articles));
        }
        List<Long> minhash = new ArrayList<>(entry.signature().length);
        for (long v : entry.signature()) {
            minhash.add(v);
        }
        signatures.put(entry.id(), new NearDupSignature(entry.id(), entry.url(), entry.publishedAt(), minhash,
            entry.shingles()));
        recent.put(entry.id(), entry);
    }

    @Override
    public void remove(NearDuplicateIndex.Entry entry, List<String> bandKeys) {
        for (String key : bandKeys) {
            NearDupBand band = bands.get(key);
            if (band == null) {
                continue;
            }
            List<NearDupBandEntry> rest = band.getArticles().stream().filter(e -> !e.getId().equals(entry.id())).toList();
            if (rest.isEmpty()) {
                bands.delete(key);
            } else if (rest.size() != band.getArticles().size()) {
                bands.put(key, new NearDupBand(new ArrayList<>(rest)));
            }
        }
        signatures.delete(entry.id());
        recent.remove(entry.id());
    }

    @Override
    public List<NearDuplicateIndex.Entry> publishedBefore(Instant cutoff) {
        List<NearDuplicateIndex.Entry> out = new ArrayList<>();
        try (KeyValueIterator<String, NearDupSignature> it = signatures.all()) {
            while (it.hasNext()) {
                NearDupSignature s = it.next().value;
                if (s.getPublishedAt().isBefore(cutoff)) {
                    out.add(entry(s));
                }
            }
        }
        return out;
    }

    @Override
    public long filings() {
        long n = 0;
        try (KeyValueIterator<String, NearDupBand> it = bands.all()) {
            while (it.hasNext()) {
                n += it.next().value.getArticles().size();
            }
        }
        return n;
    }

    private static NearDuplicateIndex.Entry entry(NearDupSignature s) {
        List<Long> minhash = s.getMinhash();
        long[] signature = new long[minhash.size()];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = minhash.get(i);
        }
        return new NearDuplicateIndex.Entry(s.getId(), s.getUrl(), s.getPublishedAt(), signature, s.getShingles());
    }
}
