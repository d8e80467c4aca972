package org.sitrep.extract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.bench.ArticleGenerator;
import org.sitrep.ingest.JsonArticleParser;
import org.sitrep.schema.Article;
import org.sitrep.schema.EventReport;

/**
 * Writes what the extractor makes of a feed, one line per report ({@code article id}, tab, the report as Avro's
 * JSON), and a line {@code <id>\t-} for an article without a report; not a test, run by hand. Two runs compared with
 * {@code cmp} are the check that a change to the extractor keeps its output byte-identical (docs/PERFORMANCE.md):
 *
 * <pre>
 * cd stream-app && java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.sitrep.schema \
 *     -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
 *     org.sitrep.extract.ExtractionDump ../data/devset/devset.jsonl ../data/sample-feed.jsonl --generated 600 &gt; out.txt
 * </pre>
 *
 * Arguments: JSON-lines feeds (as {@code sitrep process} reads them), and {@code --generated N} for the first N
 * articles of {@link ArticleGenerator} with seed 42 (those of the JMH benchmark).
 */
public final class ExtractionDump {

    private ExtractionDump() {}

    public static void main(String[] args) throws IOException {
        List<Article> articles = new ArrayList<>();
        JsonArticleParser parser = new JsonArticleParser();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--generated")) {
                articles.addAll(new ArticleGenerator(42).articles(Integer.parseInt(args[++i])));
                continue;
            }
            for (String line : Files.readAllLines(Path.of(args[i]), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    articles.add(parser.parse(line));
                }
            }
        }
        Extractor extractor = new Extractor();
        try (PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8)))) {
            for (Article a : articles) {
                List<EventReport> reports = extractor.doExtract(a);
                if (reports.isEmpty()) {
                    out.println(a.getId() + "\t-");
                }
                for (EventReport r : reports) {
                    out.println(a.getId() + "\t" + r);
                }
            }
        }
    }
}
