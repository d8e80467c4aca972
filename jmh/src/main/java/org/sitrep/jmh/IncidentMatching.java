package org.sitrep.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sitrep.bench.ArticleGenerator;
import org.sitrep.extract.Extractor;
import org.sitrep.incidents.IncidentAssembler;
import org.sitrep.incidents.IncidentMatcher;
import org.sitrep.incidents.MatchSettings;
import org.sitrep.registry.InMemorySchemaRegistryClient;
import org.sitrep.schema.Article;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.topology.SitrepSerdes;

/**
 * What matching one report costs against {@code open} open incidents of its country, as the incidents stage does
 * it: {@code match} is {@link IncidentMatcher#matches} alone; {@code loadAndMatch} also decodes the {@code open}
 * incidents from their Avro bytes first, as the processor reads each open incident of the country from
 * {@code incidents-store} for every report. The incidents are one generated report each (seed 42; every one counted
 * as the country's, whatever its places); the reports matched are other generated reports.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.sitrep.schema")
public class IncidentMatching {
    @Param({"10", "100", "1000"})
    public int open;

    private IncidentMatcher matcher;
    private SitrepSerdes serdes;
    private List<Incident> incidents;
    private List<byte[]> stored;
    private List<EventReport> probes;
    private int next;

    @Setup
    public void setup() {
        serdes = new SitrepSerdes(new InMemorySchemaRegistryClient());
        matcher = new IncidentMatcher(new MatchSettings(3, 250, MatchSettings.DEFAULT_MIN_SCORE));
        Extractor extractor = new Extractor();
        List<EventReport> reports = new ArrayList<>();
        for (Article a : new ArticleGenerator(42).articles(4_000)) {
            for (EventReport r : extractor.extract(a)) {
                if (r.getEventDate() != null) {
                    reports.add(r);
                }
            }
        }
        if (reports.size() < open + 100) {
            throw new IllegalStateException("only " + reports.size() + " reports for " + open + " incidents");
        }
        incidents = new ArrayList<>();
        stored = new ArrayList<>();
        for (EventReport r : reports.subList(0, open)) {
            Incident i = IncidentAssembler.create("ML", r);
            incidents.add(i);
            stored.add(serdes.incident().serialize("news.incidents", i));
        }
        probes = reports.subList(open, reports.size());
    }

    private EventReport nextProbe() {
        next = (next + 1) % probes.size();
        return probes.get(next);
    }

    @Benchmark
    public Object match() {
        return matcher.matches(nextProbe(), incidents);
    }

    @Benchmark
    public Object loadAndMatch() {
        List<Incident> candidates = new ArrayList<>(stored.size());
        for (byte[] b : stored) {
            candidates.add(serdes.incident().deserialize("news.incidents", b));
        }
        return matcher.matches(nextProbe(), candidates);
    }
}
