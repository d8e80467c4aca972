package org.sitrep.jmh;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sitrep.dedup.MinHasher;
import org.sitrep.dedup.NearDuplicateIndex;
import org.sitrep.dedup.NearDuplicateRule;
import org.sitrep.dedup.NearDuplicateStage;
import org.sitrep.dedup.NearDuplicateStores;
import org.sitrep.registry.InMemorySchemaRegistryClient;
import org.sitrep.schema.NearDupBand;
import org.sitrep.schema.NearDupSignature;
import org.sitrep.topology.SitrepSerdes;

/**
 * Cost per article of the near-duplicate decision against {@code stored} signatures already in the index: the
 * processor's own lookup path ({@link NearDuplicateIndex} over {@link NearDuplicateStores}) on real RocksDB stores
 * (changelog and record cache off: every probe and write reaches RocksDB), and the same logic in memory.
 *
 * <ul>
 *   <li>{@code offerUnique}: a new, distinct article: 32 band probes, candidates judged, then filed (32 band
 *       entries and its signature with its shingle count); and, as the horizon purge does in steady state, the oldest stored article
 *       removed, so the index keeps {@code stored} articles.</li>
 *   <li>{@code offerRespin}: a re-spin of a random stored article (first 60 % of it, "Read also" and ad lines):
 *       found as a copy, not filed.</li>
 * </ul>
 * Sketches (signature and shingle count) are computed outside the measured call (their cost does not depend on the index; see
 * {@link MinHashSignature}). Bodies: {@link SyntheticNews}. Sample time per call: mean and percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx10g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.sitrep.schema"})
public class NearDuplicateScaling {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final int FRESH_POOL = 20_000;
    static final int RESPINS = 4_096;

    @Param({"10000", "100000", "1000000"})
    public int stored;

    @Param({"rocksdb", "memory"})
    public String storage;

    private final SyntheticNews news = new SyntheticNews();
    private final MinHasher hasher = new MinHasher();
    private NearDuplicateIndex index;
    private NearDuplicateIndex.Storage store;
    private Counting counting;
    private KeyValueStore<String, NearDupBand> bands;
    private KeyValueStore<String, NearDupSignature> signatures;
    private Path dir;
    private MinHasher.Sketch[] fresh;
    private MinHasher.Sketch[] respins;
    private long nextFresh;
    private long poolBase;
    private long nextRespin;
    private long oldest;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        if (storage.equals("rocksdb")) {
            dir = Files.createTempDirectory("sitrep-jmh-neardup-");
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "jmh");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props, new TaskId(0, 0), dir.toFile());
            // Outside a topology both stores serialise for the same topic name: one registry each.
            bands = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NearDuplicateStage.BANDS_STORE),
                    Serdes.String(), new SitrepSerdes(new InMemorySchemaRegistryClient()).nearDupBand())
                .withLoggingDisabled().withCachingDisabled().build();
            signatures = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NearDuplicateStage.SIGNATURES_STORE),
                    Serdes.String(), new SitrepSerdes(new InMemorySchemaRegistryClient()).nearDupSignature())
                .withLoggingDisabled().withCachingDisabled().build();
            bands.init(context.getStateStoreContext(), bands);
            signatures.init(context.getStateStoreContext(), signatures);
            store = new NearDuplicateStores(bands, signatures);
        } else {
            store = new NearDuplicateIndex.InMemory();
        }
        counting = new Counting(store);
        index = new NearDuplicateIndex(hasher, NearDuplicateRule.DEFAULTS, Duration.ofDays(36_500), counting);
        long start = System.nanoTime();
        MinHasher.Sketch[] sigs = fillSignatures();
        double signing = (System.nanoTime() - start) / 1e9;
        int copies = 0;
        for (int n = 0; n < stored; n++) {
            copies += index.offer(id(n), url(n), time(n), sigs[n]).isPresent() ? 1 : 0;
        }
        respins = LongStream.range(0, RESPINS).parallel()
            .mapToObj(i -> hasher.sketch(news.respin(Math.floorMod(i * 2_654_435_761L, (long) stored))))
            .toArray(MinHasher.Sketch[]::new);
        System.out.printf("%nfilled %,d articles (%s) in %.1f s (signatures %.1f s); %d of them matched an earlier one"
            + " (not filed)%n", stored, storage, (System.nanoTime() - start) / 1e9, signing, copies);
        nextFresh = stored;
        oldest = 0;
        counting.reset();
    }

    /**
     * The sketches of bodies 0 to {@code stored - 1}: computed once (about 0.35 ms each on this machine) and kept
     * in a file under java.io.tmpdir for the next trials; they are a pure function of {@link SyntheticNews}.
     */
    private MinHasher.Sketch[] fillSignatures() throws IOException {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "sitrep-jmh-neardup-v2-" + stored + ".sig");
        int width = hasher.hashes();
        MinHasher.Sketch[] sigs = new MinHasher.Sketch[stored];
        if (Files.exists(cache) && Files.size(cache) == (long) stored * (width * Long.BYTES + Integer.BYTES)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache), 1 << 20))) {
                for (int n = 0; n < stored; n++) {
                    long[] sig = new long[width];
                    for (int i = 0; i < width; i++) {
                        sig[i] = in.readLong();
                    }
                    sigs[n] = new MinHasher.Sketch(sig, in.readInt());
                }
            }
            return sigs;
        }
        int chunk = 10_000;
        for (int from = 0; from < stored; from += chunk) {
            int base = from;
            MinHasher.Sketch[] part = LongStream.range(from, Math.min(stored, from + chunk)).parallel()
                .mapToObj(n -> hasher.sketch(news.body(n))).toArray(MinHasher.Sketch[]::new);
            System.arraycopy(part, 0, sigs, base, part.length);
        }
        Path tmp = Files.createTempFile(cache.getParent(), "sitrep-jmh-", ".part");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            for (MinHasher.Sketch sketch : sigs) {
                for (long v : sketch.signature()) {
                    out.writeLong(v);
                }
                out.writeInt(sketch.shingles());
            }
        }
        Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return sigs;
    }

    @Setup(Level.Iteration)
    public void freshArticles() {
        poolBase = nextFresh;
        fresh = LongStream.range(poolBase, poolBase + FRESH_POOL).parallel().mapToObj(n -> hasher.sketch(news.body(n)))
            .toArray(MinHasher.Sketch[]::new);
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (counting.lookups > 0) {
            System.out.printf("%n%s, %,d stored: %.3f band hits per lookup (filings the %d probes returned; %d lookups)%n", storage, stored,
                (double) counting.candidates / counting.lookups, MinHasher.DEFAULT_BANDS, counting.lookups);
        }
        counting.reset();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (bands != null) {
            bands.close();
            signatures.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String id(long n) {
        return "art-" + n;
    }

    private static String url(long n) {
        return "https://outlet.example/" + n;
    }

    private static Instant time(long n) {
        return T0.plusSeconds(n * 30);
    }

    /** A distinct new article (lookup + file), then the oldest one removed: the index stays at {@code stored}. */
    @Benchmark
    public Optional<NearDuplicateIndex.Match> offerUnique() {
        long n = nextFresh++;
        MinHasher.Sketch sig = fresh[(int) ((n - poolBase) % FRESH_POOL)];
        if (n - poolBase >= FRESH_POOL) {
            // Pool used up within this iteration: a signature no stored article shares (values re-mixed).
            sig = remix(sig, n);
        }
        Optional<NearDuplicateIndex.Match> m = index.offer(id(n), url(n), time(n), sig);
        NearDuplicateIndex.Entry old = store.get(id(oldest));
        if (old != null) {
            store.remove(old, hasher.bandKeys(old.signature()));
        }
        oldest++;
        return m;
    }

    /** A re-spin of a stored article: found as a copy of it. */
    @Benchmark
    public Optional<NearDuplicateIndex.Match> offerRespin() {
        long i = nextRespin++;
        return index.offer("respin-" + i, "https://aggregator.example/" + i, time(stored + i), respins[(int) (i % RESPINS)]);
    }

    private static MinHasher.Sketch remix(MinHasher.Sketch sketch, long salt) {
        long[] sig = sketch.signature();
        long[] out = new long[sig.length];
        for (int i = 0; i < sig.length; i++) {
            long z = sig[i] ^ (salt * 0x9E37_79B9_7F4A_7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
            out[i] = z ^ (z >>> 31);
        }
        return new MinHasher.Sketch(out, sketch.shingles());
    }

    /** Counts band probes and the candidates they return (the lookup's work besides the probes). */
    static final class Counting implements NearDuplicateIndex.Storage {
        private final NearDuplicateIndex.Storage inner;
        long lookups;
        long candidates;
        private int probes;

        Counting(NearDuplicateIndex.Storage inner) {
            this.inner = inner;
        }

        void reset() {
            lookups = 0;
            candidates = 0;
        }

        @Override
        public void forEachFiled(String bandKey, BiConsumer<String, Instant> action) {
            if (probes++ % MinHasher.DEFAULT_BANDS == 0) {
                lookups++;
            }
            inner.forEachFiled(bandKey, (id, at) -> {
                candidates++;
                action.accept(id, at);
            });
        }

        @Override
        public NearDuplicateIndex.Entry get(String id) {
            return inner.get(id);
        }

        @Override
        public void put(NearDuplicateIndex.Entry entry, List<String> bandKeys, int capacity) {
            inner.put(entry, bandKeys, capacity);
        }

        @Override
        public void remove(NearDuplicateIndex.Entry entry, List<String> bandKeys) {
            inner.remove(entry, bandKeys);
        }

        @Override
        public List<NearDuplicateIndex.Entry> publishedBefore(Instant cutoff) {
            return inner.publishedBefore(cutoff);
        }

        @Override
        public long filings() {
            return inner.filings();
        }
    }
}
