package org.sitrep.ingest.service;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleSource;
import org.sitrep.schema.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory watched for new files: each regular file directly in it (hidden files and subdirectories ignored) that
 * has not been modified for {@code settle} is read with {@link ArticleSource} (JSON Lines, RSS, Atom, .gz, by
 * content), its articles published in publication order (fetched_at = the time read, unless given) and its rejected
 * entries dead-lettered, then it is moved to {@code done/}; a file that cannot be read at all goes to
 * {@code failed/}. The move is what makes a file ingested once: drop files by writing them elsewhere and moving them
 * in, or let {@code settle} cover the time a writer takes. If publishing fails the file stays and is tried again.
 */
public final class InboxWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

    /** What one scan did. */
    public record Result(int files, int published, int rejected) {
    }

    private final Path dir;
    private final Duration settle;
    private final ArticleSource source;
    private final ArticleSink sink;
    private final Clock clock;

    public InboxWatcher(Path dir, Duration settle, ArticleSource source, ArticleSink sink, Clock clock) {
        this.dir = dir;
        this.settle = settle;
        this.source = source;
        this.sink = sink;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    public Result scan() throws IOException {
        Files.createDirectories(dir.resolve("done"));
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .sorted()
                .toList();
        }
        Instant now = clock.instant();
        int n = 0;
        int published = 0;
        int rejected = 0;
        for (Path file : files) {
            if (Files.getLastModifiedTime(file).toInstant().plus(settle).isAfter(now)) {
                continue; // still being written, perhaps
            }
            List<ArticleFile.Line> lines;
            try {
                lines = source.read(file, now);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot read {}: {}", file, e.getMessage());
                sink.reject("file:" + file, List.of(new ArticleFile.Line(1, file.getFileName().toString(), null,
                    "cannot read file: " + e.getMessage())));
                moveTo(file, "failed");
                n++;
                rejected++;
                continue;
            }
            List<ArticleFile.Line> bad = lines.stream().filter(l -> !l.ok()).toList();
            List<Article> articles = ArticleFile.inPublicationOrder(lines);
            sink.reject("file:" + file, bad);
            sink.publish(articles);
            moveTo(file, "done");
            n++;
            published += articles.size();
            rejected += bad.size();
        }
        return new Result(n, published, rejected);
    }

    private void moveTo(Path file, String sub) throws IOException {
        Path target = dir.resolve(sub);
        Files.createDirectories(target);
        Path dest = target.resolve(file.getFileName());
        for (int i = 1; Files.exists(dest); i++) {
            dest = target.resolve(file.getFileName() + "." + i);
        }
        try {
            Files.move(file, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, dest);
        }
    }
}
