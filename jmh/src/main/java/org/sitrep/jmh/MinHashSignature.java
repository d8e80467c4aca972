package org.sitrep.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sitrep.dedup.MinHasher;

/**
 * The part of the near-duplicate cost per article that no index size changes: the MinHash signature of one body
 * (normalisation, word 4-shingles, 128 minima and the shingle count) and its 32 band keys. Bodies: {@link SyntheticNews} (250-600 words).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class MinHashSignature {
    private final MinHasher hasher = new MinHasher();
    private String[] bodies;
    private int next;

    @Setup
    public void bodies() {
        SyntheticNews news = new SyntheticNews();
        bodies = new String[2_000];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = news.body(i);
        }
    }

    @Benchmark
    public Object signatureAndBands() {
        next = (next + 1) % bodies.length;
        return hasher.bandKeys(hasher.sketch(bodies[next]).signature());
    }
}
