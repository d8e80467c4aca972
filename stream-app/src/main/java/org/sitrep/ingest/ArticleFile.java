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
 * A line longer than {@link #maxLineChars} (six times {@code max-body-chars}, room for a fully escaped body, plus
 * 64 KB) is rejected without being held in memory: only its first {@link #KEPT_PREFIX_CHARS} characters are kept.
 */
public final class ArticleFile {
    /** Characters of an over-long line kept for its dead letter. */
    public static final int KEPT_PREFIX_CHARS = 64 * 1024;

    private ArticleFile() {
    }

    /** The longest input line read whole for a validator allowing {@code maxBodyChars}. */
    public static int maxLineChars(int maxBodyChars) {
        return (int) Math.min(Integer.MAX_VALUE - 16, 6L * maxBodyChars + 65_536L);
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
        int maxLine = maxLineChars(validator.maxBodyChars());
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = open(input)) {
            int number = 0;
            StringBuilder text = new StringBuilder();
            for (long length = readLine(reader, text, maxLine); length >= 0; length = readLine(reader, text, maxLine)) {
                number++;
                if (length > maxLine) {
                    lines.add(new Line(number, text.toString(), null, "line " + number + ": " + length
                        + " characters or more, longer than the limit of " + maxLine + " for max-body-chars "
                        + validator.maxBodyChars() + "; skipped, only its first " + text.length() + " characters kept"));
                } else if (!text.toString().isBlank()) {
                    lines.add(parseLine(number, text.toString(), parser, validator));
                }
            }
        }
        return lines;
    }

    /**
     * Reads the next line into {@code line} (cleared first) and returns its length, or -1 at the end of input. A line
     * longer than {@code max} is consumed to its end but only its first {@link #KEPT_PREFIX_CHARS} characters stay in
     * {@code line}; the length returned is then the number of characters read (more than {@code max}).
     */
    static long readLine(BufferedReader reader, StringBuilder line, int max) throws IOException {
        line.setLength(0);
        long length = 0;
        boolean any = false;
        for (int c = reader.read(); c >= 0; c = reader.read()) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                reader.mark(1);
                if (reader.read() != '\n') {
                    reader.reset();
                }
                break;
            }
            length++;
            if (length <= max) {
                line.append((char) c);
            } else if (length == max + 1L) {
                line.setLength(Math.min(line.length(), KEPT_PREFIX_CHARS));
            }
        }
        return any ? length : -1;
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
