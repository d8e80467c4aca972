package org.sitrep.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.sitrep.schema.Article;

/**
 * Every way articles come from disk, told apart by content rather than by name: a JSON Lines file, an RSS or Atom
 * document, either gzip-compressed, or a directory holding any of these (read recursively in path order, hidden files
 * skipped). {@code process}, {@code replay}, {@code demo} and {@code ingest} read through it.
 *
 * <p>Each entry becomes an {@link ArticleFile.Line}: an article, or a rejection with its reason (a bad JSON line, a
 * feed item without a link or date, a whole feed refused as hostile or malformed). For one file, {@code number} is the
 * JSON line number or the feed item's position; for a directory it is the entry's position in the whole input and
 * messages name the file. Articles without a language get the detected one ({@link Languages}).
 */
public final class ArticleSource {
    /** What a file holds, judged from its first bytes. */
    public enum Format { JSON_LINES, XML_FEED, UNKNOWN }

    private static final int SNIFF_BYTES = 1024;

    private final ArticleValidator validator;
    private final FeedParser feeds;
    private final JsonArticleParser json = new JsonArticleParser();

    public ArticleSource(ArticleValidator validator) {
        this(validator, FeedParser.DEFAULT_MAX_BYTES);
    }

    public ArticleSource(ArticleValidator validator, long maxFeedBytes) {
        this.validator = validator;
        this.feeds = new FeedParser(maxFeedBytes);
    }

    /** Reads a file or a directory; articles keep the fetch time they carry (none for feed files). */
    public List<ArticleFile.Line> read(Path path) throws IOException {
        return read(path, null);
    }

    /** Reads a file or a directory; {@code fetchedAt}, when given, is set on articles that carry no fetch time. */
    public List<ArticleFile.Line> read(Path path, Instant fetchedAt) throws IOException {
        if (!Files.isDirectory(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                return read(in, path.toString(), fetchedAt);
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile)
                .filter(p -> noHiddenPart(path, p))
                .sorted()
                .toList();
        }
        List<ArticleFile.Line> all = new ArrayList<>();
        for (Path file : files) {
            List<ArticleFile.Line> lines;
            try (InputStream in = Files.newInputStream(file)) {
                lines = read(in, file.toString(), fetchedAt);
            }
            String name = path.relativize(file).toString();
            for (ArticleFile.Line l : lines) {
                int n = all.size() + 1;
                all.add(l.ok() ? new ArticleFile.Line(n, l.text(), l.article(), null)
                    : new ArticleFile.Line(n, l.text(), null, name + ": " + l.error()));
            }
        }
        return all;
    }

    /** Reads and closes one stream (a single file's bytes); {@code name} appears in messages. */
    public List<ArticleFile.Line> read(InputStream input, String name, Instant fetchedAt) throws IOException {
        BufferedInputStream in = decompressed(input);
        Format format = detect(peek(in));
        return switch (format) {
            case JSON_LINES -> readJsonLines(in, fetchedAt);
            case XML_FEED -> readFeed(in, name, fetchedAt);
            case UNKNOWN -> {
                in.close();
                yield List.of(new ArticleFile.Line(1, name, null,
                    "not JSON Lines, RSS or Atom (first bytes are neither '{' nor '<')"));
            }
        };
    }

    /** The format of a file from its first bytes (after any gzip layer, byte-order mark and white space). */
    public static Format detect(byte[] head) {
        int i = 0;
        if (head.length >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff
            || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe)) {
            return Format.XML_FEED; // UTF-16: only XML may be written so
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
            i++;
        }
        if (i >= head.length) {
            return Format.JSON_LINES; // empty or blank: zero lines
        }
        return switch (head[i]) {
            case '{' -> Format.JSON_LINES;
            case '<' -> Format.XML_FEED;
            default -> Format.UNKNOWN;
        };
    }

    private List<ArticleFile.Line> readJsonLines(InputStream in, Instant fetchedAt) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        List<ArticleFile.Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (number == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                ArticleFile.Line line = ArticleFile.parseLine(number, text, json, validator);
                // Keep the text of rejected lines only (for the dead letter): a year of history stays in memory.
                lines.add(line.ok() ? new ArticleFile.Line(number, null, complete(line.article(), fetchedAt), null) : line);
            }
        }
        return lines;
    }

    private List<ArticleFile.Line> readFeed(InputStream in, String name, Instant fetchedAt) {
        FeedParser.Feed feed;
        try {
            feed = feeds.parse(in, name);
        } catch (FeedParser.FeedException e) {
            String reason = e.getMessage().startsWith(name + ": ") ? e.getMessage().substring(name.length() + 2) : e.getMessage();
            return List.of(new ArticleFile.Line(1, name, null, reason));
        }
        List<ArticleFile.Line> lines = new ArrayList<>(feed.items().size());
        for (FeedParser.Item item : feed.items()) {
            try {
                Article article = validator.requireValid(FeedArticles.toArticle(feed, item, fetchedAt));
                lines.add(new ArticleFile.Line(item.number(), null, article, null));
            } catch (InvalidArticleException e) {
                lines.add(new ArticleFile.Line(item.number(), FeedArticles.describe(item), null,
                    "item " + item.number() + ": " + e.getMessage()));
            }
        }
        return lines;
    }

    private static Article complete(Article article, Instant fetchedAt) {
        Article a = Languages.complete(article);
        if (fetchedAt != null && a.getFetchedAt() == null) {
            a = Article.newBuilder(a).setFetchedAt(fetchedAt).build();
        }
        return a;
    }

    private static BufferedInputStream decompressed(InputStream input) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        return head;
    }

    private static boolean noHiddenPart(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
