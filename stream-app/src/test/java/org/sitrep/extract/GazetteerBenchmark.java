package org.sitrep.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sitrep.schema.Place;

/**
 * Measures the packaged gazetteer; not a test (nothing is asserted), run by hand, figures in docs/PERFORMANCE.md:
 *
 * <pre>
 * cd stream-app && java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
 *     org.sitrep.extract.GazetteerBenchmark [../data/sample-feed.jsonl]
 * </pre>
 *
 * Prints: load time (the first load, in a fresh JVM, and the median of later loads), retained heap of one loaded
 * gazetteer, lookups per second ({@link Gazetteer#find} over the feed's sentences, and {@link Gazetteer#locate} over
 * whole articles, one thread), and, per article, the places that the GeoNames rows add to what the supplement alone
 * finds (the false-positive check for common words).
 */
public final class GazetteerBenchmark {

    private GazetteerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path feed = Path.of(args.length > 0 ? args[0] : "../data/sample-feed.jsonl");
        List<List<String>> articles = readFeed(feed);
        List<String> paragraphs = new ArrayList<>();
        articles.forEach(paragraphs::addAll);
        long chars = paragraphs.stream().mapToLong(String::length).sum();
        Runtime rt = Runtime.getRuntime();

        long heap0 = usedAfterGc(rt);
        long t0 = System.nanoTime();
        Gazetteer g = Gazetteer.fromClasspath();
        long firstLoad = System.nanoTime() - t0;
        long heap1 = usedAfterGc(rt);
        System.out.printf(Locale.ROOT, "entries: %d (supplement + GeoNames kept + built-in countries)%n",
                g.entries().size());
        System.out.printf(Locale.ROOT, "first load (cold JVM, classes included): %.1f ms%n", firstLoad / 1e6);
        System.out.printf(Locale.ROOT, "heap retained by the loaded gazetteer: %.1f MB%n", (heap1 - heap0) / 1e6);

        long[] loads = new long[15];
        for (int i = 0; i < loads.length; i++) {
            long s = System.nanoTime();
            loadFresh();
            loads[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(loads);
        System.out.printf(Locale.ROOT, "reload (warm JVM, median of %d): %.1f ms%n", loads.length,
                loads[loads.length / 2] / 1e6);

        // find(): one call per paragraph
        int sink = 0;
        for (int w = 0; w < 200; w++) {
            for (String p : paragraphs) {
                sink += g.find(p).size();
            }
        }
        int rounds = 0;
        long s = System.nanoTime();
        long elapsed;
        do {
            for (String p : paragraphs) {
                sink += g.find(p).size();
            }
            rounds++;
            elapsed = System.nanoTime() - s;
        } while (elapsed < 3_000_000_000L);
        double perSec = rounds * (double) paragraphs.size() / (elapsed / 1e9);
        System.out.printf(Locale.ROOT, "find: %.0f paragraphs/s (%.1f MB of text/s), %d paragraphs of %.0f chars avg%n",
                perSec, rounds * (double) chars / (elapsed / 1e3), paragraphs.size(), chars / (double) paragraphs.size());

        // locate(): one call per article
        rounds = 0;
        s = System.nanoTime();
        do {
            for (List<String> a : articles) {
                sink += g.locate(a).places().size();
            }
            rounds++;
            elapsed = System.nanoTime() - s;
        } while (elapsed < 3_000_000_000L);
        System.out.printf(Locale.ROOT, "locate: %.0f articles/s (%d articles)%n",
                rounds * (double) articles.size() / (elapsed / 1e9), articles.size());

        // what the GeoNames rows change on the feed
        Gazetteer supplementOnly;
        try (InputStream in = Gazetteer.class.getResourceAsStream(Gazetteer.RESOURCE)) {
            supplementOnly = Gazetteer.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        int changed = 0;
        for (int i = 0; i < articles.size(); i++) {
            Gazetteer.Location a = supplementOnly.locate(articles.get(i));
            Gazetteer.Location b = g.locate(articles.get(i));
            List<String> pa = a.places().stream().map(GazetteerBenchmark::describe).toList();
            List<String> pb = b.places().stream().map(GazetteerBenchmark::describe).toList();
            if (!pa.equals(pb) || !String.valueOf(a.country()).equals(String.valueOf(b.country()))
                    || !String.valueOf(a.admin1()).equals(String.valueOf(b.admin1()))) {
                changed++;
                System.out.printf("article %d: supplement %s/%s %s%n           with GeoNames %s/%s %s%n", i + 1,
                        a.country(), a.admin1(), pa, b.country(), b.admin1(), pb);
            }
        }
        System.out.printf(Locale.ROOT, "articles whose places, country or admin1 change with the GeoNames rows: %d of %d%n",
                changed, articles.size());
        if (sink == 42) {
            System.out.println();
        }
    }

    private static String describe(Place p) {
        return p.getName() + "(" + p.getCountry() + ")";
    }

    private static Gazetteer loadFresh() throws IOException {
        try (Reader sup = new InputStreamReader(Gazetteer.class.getResourceAsStream(Gazetteer.RESOURCE),
                StandardCharsets.UTF_8);
                Reader geo = new InputStreamReader(Gazetteer.class.getResourceAsStream(Gazetteer.GEONAMES_RESOURCE),
                        StandardCharsets.UTF_8)) {
            return Gazetteer.load(sup, geo);
        }
    }

    private static long usedAfterGc(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Title plus paragraphs of each article of a JSON Lines feed. */
    private static List<List<String>> readFeed(Path feed) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<List<String>> out = new ArrayList<>();
        for (String line : Files.readAllLines(feed, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<String> texts = new ArrayList<>();
            texts.add(n.path("title").asText(""));
            for (String p : n.path("body").asText("").split("\n\n")) {
                if (!p.isBlank()) {
                    texts.add(p);
                }
            }
            out.add(texts);
        }
        return out;
    }
}
