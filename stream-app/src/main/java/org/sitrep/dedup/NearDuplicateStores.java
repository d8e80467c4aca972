package org.sitrep.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitrep.schema.NearDupSignature;

/**
 * The {@link NearDuplicateIndex.Storage} of the topology: two key-value stores (persistent and changelogged in the
 * topology, so the index survives restarts and moves with its task).
 *
 * <ul>
 *   <li>bands ({@link NearDuplicateStage#BANDS_STORE}): key {@code <band key>/<article id>}, value the article's
 *       publication time (epoch ms). The articles filed under one band key are one prefix scan: a lookup is one
 *       probe per band, never a scan of the stored articles.</li>
 *   <li>signatures ({@link NearDuplicateStage#SIGNATURES_STORE}): key the article id, value its
 *       {@link NearDupSignature} (signature, publication time, URL).</li>
 * </ul>
 * Expiry ({@link #publishedBefore}) reads the signatures store through; it runs from a stream-time punctuation every
 * quarter horizon, so each article is read by it about four times in its life: constant cost per article.
 */
public final class NearDuplicateStores implements NearDuplicateIndex.Storage {
    private static final char SEPARATOR = '/';
    private static final StringSerializer PREFIX = new StringSerializer();

    private final KeyValueStore<String, Long> bands;
    private final KeyValueStore<String, NearDupSignature> signatures;

    public NearDuplicateStores(KeyValueStore<String, Long> bands, KeyValueStore<String, NearDupSignature> signatures) {
        this.bands = bands;
        this.signatures = signatures;
    }

    static String bandEntry(String bandKey, String id) {
        return bandKey + SEPARATOR + id;
    }

    @Override
    public void forEachFiled(String bandKey, BiConsumer<String, Instant> action) {
        String prefix = bandKey + SEPARATOR;
        try (KeyValueIterator<String, Long> it = bands.prefixScan(prefix, PREFIX)) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                action.accept(kv.key.substring(prefix.length()), Instant.ofEpochMilli(kv.value));
            }
        }
    }

    @Override
    public NearDuplicateIndex.Entry get(String id) {
        NearDupSignature s = signatures.get(id);
        return s == null ? null : entry(s);
    }

    @Override
    public void put(NearDuplicateIndex.Entry entry, List<String> bandKeys) {
        long at = entry.publishedAt().toEpochMilli();
        for (String key : bandKeys) {
            bands.put(bandEntry(key, entry.id()), at);
        }
        List<Long> minhash = new ArrayList<>(entry.signature().length);
        for (long v : entry.signature()) {
            minhash.add(v);
        }
        signatures.put(entry.id(), new NearDupSignature(entry.id(), entry.url(), entry.publishedAt(), minhash));
    }

    @Override
    public void remove(NearDuplicateIndex.Entry entry, List<String> bandKeys) {
        for (String key : bandKeys) {
            bands.delete(bandEntry(key, entry.id()));
        }
        signatures.delete(entry.id());
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
        try (KeyValueIterator<String, Long> it = bands.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
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
        return new NearDuplicateIndex.Entry(s.getId(), s.getUrl(), s.getPublishedAt(), signature);
    }
}
