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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sitrep.bench.ArticleGenerator;
import org.sitrep.claims.ClaimReconciler;
import org.sitrep.dedup.ContentFingerprint;
import org.sitrep.extract.Extractor;
import org.sitrep.incidents.IncidentAssembler;
import org.sitrep.incidents.IncidentMatcher;
import org.sitrep.incidents.MatchSettings;
import org.sitrep.registry.InMemorySchemaRegistryClient;
import org.sitrep.schema.Article;
import org.sitrep.schema.Claim;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.topology.SitrepSerdes;

/**
 * The pipeline's hot paths, one call each, over generated articles (seed 42): extraction of one article, its copy
 * fingerprint, matching one report against a country's open incidents, reconciling an incident's claims, and the
 * Avro wire-format serde of an article and of an incident. Average time per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.sitrep.schema")
public class HotPaths {
    private List<Article> articles;
    private List<EventReport> reports;
    private List<Incident> incidents;
    private List<Claim> claims;
    private Extractor extractor;
    private IncidentMatcher matcher;
    private SitrepSerdes serdes;
    private byte[] articleBytes;
    private byte[] incidentBytes;
    private int next;

    @Setup
    public void setup() {
        serdes = new SitrepSerdes(new InMemorySchemaRegistryClient());
        articles = new ArticleGenerator(42).articles(600);
        extractor = new Extractor();
        reports = new ArrayList<>();
        for (Article a : articles) {
            reports.addAll(extractor.extract(a));
        }
        // One country's open incidents as the stage would hold them: reports of that country grouped by the matcher.
        matcher = new IncidentMatcher(new MatchSettings(3, 250, MatchSettings.DEFAULT_MIN_SCORE));
        incidents = new ArrayList<>();
        for (EventReport r : reports) {
            if (!"ML".equals(r.getCountry())) {
                continue;
            }
            var match = matcher.bestMatch(r, incidents);
            if (match.isPresent()) {
                incidents.set(incidents.indexOf(match.get()), IncidentAssembler.add(match.get(), r));
            } else {
                incidents.add(IncidentAssembler.create("ML", r));
            }
        }
        Incident largest = incidents.stream().max((x, y) -> Integer.compare(x.getClaims().size(), y.getClaims().size())).orElseThrow();
        claims = largest.getClaims();
        articleBytes = serdes.article().serialize("news.articles.raw", articles.get(0));
        incidentBytes = serdes.incident().serialize("news.incidents", largest);
    }

    private Article nextArticle() {
        next = (next + 1) % articles.size();
        return articles.get(next);
    }

    @Benchmark
    public Object extract() {
        return extractor.extract(nextArticle());
    }

    @Benchmark
    public String fingerprint() {
        return ContentFingerprint.of(nextArticle());
    }

    @Benchmark
    public Object match() {
        next = (next + 1) % reports.size();
        return matcher.bestMatch(reports.get(next), incidents);
    }

    @Benchmark
    public Object reconcile() {
        return ClaimReconciler.reconcile(claims);
    }

    @Benchmark
    public void articleSerde(Blackhole bh) {
        bh.consume(serdes.article().serialize("news.articles.raw", nextArticle()));
        bh.consume(serdes.article().deserialize("news.articles.raw", articleBytes));
    }

    @Benchmark
    public void incidentSerde(Blackhole bh) {
        Incident i = serdes.incident().deserialize("news.incidents", incidentBytes);
        bh.consume(serdes.incident().serialize("news.incidents", i));
    }
}
