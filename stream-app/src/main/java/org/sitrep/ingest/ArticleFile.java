package org.sitrep.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.sitrep.schema.Article;

/**
 * A JSON Lines file of articles (optionally gzip-compressed, detected from its first bytes), read whole: every line
 * is either an article or a rejected line with its reason. Blank lines are skipped; invalid UTF-8 rejects the line.
 */
public final class ArticleFile {
    private ArticleFile() {
    }

    /** One input line: {@code article} is null when the line was rejected, and {@code error} says why. */
    public record Line(int number, String text, Article article, String error) {
        public boolean ok() {
            return article != null;
        }
    }

    public static List<Line> read(Path file, ArticleValidator validator) throws IOException {
        return read(Files.newInputStream(file), validator);
    }

    /** Reads and closes {@code input}. */
    public static List<Line> read(InputStream input, ArticleValidator validator) throws IOException {
        JsonArticleParser parser = new JsonArticleParser();
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = open(input)) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                lines.add(parseLine(number, text, parser, validator));
            }
        }
        return lines;
    }

    static Line parseLine(int number, String text, JsonArticleParser parser, ArticleValidator validator) {
        if (text.indexOf('\uFFFD') >= 0) {
            return new Line(number, text, null, "line " + number + ": not valid UTF-8");
        }
        try {
            return new Line(number, text, validator.requireValid(parser.parse(text)), null);
        } catch (InvalidArticleException e) {
            return new Line(number, text, null, "line " + number + ": " + e.getMessage());
        }
    }

    /** Articles in publication order (ties by id), as a replay sends them. */
    public static List<Article> inPublicationOrder(List<Line> lines) {
        return lines.stream().filter(Line::ok).map(Line::article)
            .sorted(Comparator.comparing(Article::getPublishedAt).thenComparing(Article::getId))
            .toList();
    }

    private static BufferedReader open(InputStream input) throws IOException {
        InputStream in = new java.io.BufferedInputStream(input);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new GZIPInputStream(in);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }
}
