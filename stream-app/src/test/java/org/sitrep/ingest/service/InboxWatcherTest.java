package org.sitrep.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.ingest.ArticleSource;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.schema.Article;

class InboxWatcherTest {
    static final Instant NOW = Instant.parse("2023-01-12T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path inbox;
    final RecordingSink sink = new RecordingSink();

    InboxWatcher watcher() {
        return new InboxWatcher(inbox, Duration.ofSeconds(2), new ArticleSource(new ArticleValidator(500_000, CLOCK)), sink, CLOCK);
    }

    @Test
    void eachFileIsIngestedOnceAndMovedToDone() throws Exception {
        Path jsonl = inbox.resolve("batch.jsonl");
        Files.writeString(jsonl, """
            {"id": "b2", "url": "https://x.example/2", "outlet": "X", "published_at": "2023-01-11T12:00:00Z", "body": "Later report of the ambush."}
            {"id": "b1", "url": "https://x.example/1", "outlet": "X", "published_at": "2023-01-11T09:00:00Z", "body": "Soldiers were killed in an ambush."}
            {"id": "b3", "url": "https://x.example/3", "outlet": "X", "published_at": "2023-01-11T09:00:00Z"}
            """);
        Path gz = inbox.resolve("feed.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\"><title>Wakat</title>"
                + "<entry><title>Attaque</title><link href=\"https://wakat.example/a\"/><published>2023-01-10T08:00:00Z</published>"
                + "<summary>Cinq soldats ont été tués.</summary></entry></feed>").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(inbox.resolve(".hidden.jsonl"), "{}");
        settle(jsonl, gz);

        InboxWatcher.Result first = watcher().scan();
        assertThat(first).isEqualTo(new InboxWatcher.Result(2, 3, 1));
        assertThat(sink.published).extracting(Article::getId)
            .containsExactly("b1", "b2", org.sitrep.ingest.ArticleIds.fromUrl("https://wakat.example/a"));
        assertThat(sink.published).allSatisfy(a -> assertThat(a.getFetchedAt()).isEqualTo(NOW));
        assertThat(sink.published.get(2).getOutlet()).isEqualTo("Wakat");
        assertThat(sink.rejected).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo("file:" + jsonl);
            assertThat(r.line().error()).isEqualTo("line 3: field 'body' is missing");
        });
        assertThat(inbox.resolve("done/batch.jsonl")).exists();
        assertThat(inbox.resolve("done/feed.xml.gz")).exists();
        assertThat(jsonl).doesNotExist();

        assertThat(watcher().scan().files()).isZero();
        assertThat(sink.published).hasSize(3);
    }

    @Test
    void aFileStillBeingWrittenWaitsAndAFailedPublishKeepsTheFile() throws Exception {
        Path fresh = inbox.resolve("fresh.jsonl");
        Files.writeString(fresh, "{\"id\": \"f1\", \"url\": \"https://x.example/f\", \"outlet\": \"X\", "
            + "\"published_at\": \"2023-01-11T09:00:00Z\", \"body\": \"Text.\"}\n");
        Files.setLastModifiedTime(fresh, FileTime.from(NOW.minusMillis(500)));
        assertThat(watcher().scan().files()).isZero();
        assertThat(fresh).exists();

        settle(fresh);
        sink.failNext = true;
        try {
            watcher().scan();
        } catch (IllegalStateException expected) {
            // the broker refused: the file must stay for the next scan
        }
        assertThat(fresh).exists();
        assertThat(watcher().scan().published()).isEqualTo(1);
        assertThat(fresh).doesNotExist();
    }

    @Test
    void aSecondFileWithTheSameNameDoesNotOverwriteTheFirstInDone() throws Exception {
        for (int i = 0; i < 2; i++) {
            Path f = inbox.resolve("same.jsonl");
            Files.writeString(f, "{\"id\": \"s" + i + "\", \"url\": \"https://x.example/s" + i + "\", \"outlet\": \"X\", "
                + "\"published_at\": \"2023-01-11T09:00:00Z\", \"body\": \"Text.\"}\n");
            settle(f);
            watcher().scan();
        }
        assertThat(inbox.resolve("done/same.jsonl")).exists();
        assertThat(inbox.resolve("done/same.jsonl.1")).exists();
        assertThat(sink.ids()).containsExactly("s0", "s1");
    }

    private static void settle(Path... files) throws Exception {
        for (Path f : files) {
            Files.setLastModifiedTime(f, FileTime.from(NOW.minusSeconds(60)));
        }
    }
}
