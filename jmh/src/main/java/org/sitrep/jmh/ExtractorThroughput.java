package org.sitrep.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.sitrep.extract.Extractor;
import org.sitrep.ingest.JsonArticleParser;
import org.sitrep.schema.Article;

/**
 * {@link Extractor#extract} of one article of a real-shaped feed, the articles taken in turn: the sample feed (37
 * articles, {@code data/sample-feed.jsonl}) and the development set (93, {@code data/devset/devset.jsonl}). Average
 * time per call, one thread: 1,000 / (µs per call) is thousands of articles per second on one core. Run from the
 * repository root (the feeds are read relative to it, or to its parent when run from {@code jmh/}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.sitrep.schema")
public class ExtractorThroughput {

    @Param({"data/sample-feed.jsonl", "data/devset/devset.jsonl"})
    public String feed;

    private List<Article> articles;
    private Extractor extractor;
    private int next;

    @Setup
    public void setup() throws IOException {
        Path path = Path.of(feed);
        if (!Files.exists(path)) {
            path = Path.of("..").resolve(feed);
        }
        JsonArticleParser parser = new JsonArticleParser();
        articles = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                articles.add(parser.parse(line));
            }
        }
        extractor = new Extractor();
    }

    @Benchmark
    public Object extract() {
        next = (next + 1) % articles.size();
        return extractor.extract(articles.get(next));
    }
}
