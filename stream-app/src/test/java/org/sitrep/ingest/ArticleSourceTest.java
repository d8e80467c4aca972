package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.schema.Article;

class ArticleSourceTest {
    private final ArticleSource source = new ArticleSource(new ArticleValidator(100_000));

    static final String JSONL = """
        {"id": "j1", "url": "https://a.example/1", "published_at": "2023-01-10T10:00:00Z", "body": "Gunmen killed five villagers in the night, the mayor said on Tuesday."}

        {"url": "https://a.example/2", "published_at": "2023-01-09T10:00:00Z", "language": "fr", "body": "Texte court."}
        not json
        """;

    @Test
    void formatIsDetectedFromContentNotName() {
        assertThat(ArticleSource.detect("  \n{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo(ArticleSource.Format.JSON_LINES);
        assertThat(ArticleSource.detect("\uFEFF<?xml version=\"1.0\"?><rss/>".getBytes(StandardCharsets.UTF_8))).isEqualTo(ArticleSource.Format.XML_FEED);
        assertThat(ArticleSource.detect(new byte[0])).isEqualTo(ArticleSource.Format.JSON_LINES);
        assertThat(ArticleSource.detect("id,url\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(ArticleSource.Format.UNKNOWN);
    }

    @Test
    void jsonLinesKeepLineNumbersAndGetADetectedLanguage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("feed.data"); // no telling extension
        Files.writeString(file, JSONL);
        List<ArticleFile.Line> lines = source.read(file);
        assertThat(lines).extracting(ArticleFile.Line::number).containsExactly(1, 3, 4);
        assertThat(lines.get(0).article().getLanguage()).isEqualTo("en");
        assertThat(lines.get(0).text()).as("text is only kept for rejected lines").isNull();
        assertThat(lines.get(1).article().getLanguage()).isEqualTo("fr");
        assertThat(lines.get(2).error()).startsWith("line 4: malformed JSON");
        assertThat(lines.get(2).text()).isEqualTo("not json");
    }

    @Test
    void aDirectoryOfMixedFormatsIsReadInPathOrder(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a-history.jsonl.gz"), gzip(JSONL));
        Files.createDirectories(dir.resolve("b/feeds"));
        Files.write(dir.resolve("b/feeds/rss.bin"), gzip(FeedParserTest.RSS));
        Files.writeString(dir.resolve("c.atom"), FeedParserTest.ATOM);
        Files.writeString(dir.resolve("d.csv"), "id,url\n");
        Files.writeString(dir.resolve(".hidden.jsonl"), "{\"url\": \"https://h.example/1\"}\n");
        List<ArticleFile.Line> lines = source.read(dir);

        assertThat(lines).extracting(ArticleFile.Line::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(lines.stream().filter(ArticleFile.Line::ok).map(l -> l.article().getUrl()).toList()).containsExactly(
            "https://a.example/1", "https://a.example/2",
            "https://www.sahelwire.example/2023/01/10/embuscade?utm_source=rss", "https://sahelwire.example/guid-as-link",
            "https://lcm.example/news/borno-attack", "https://lcm.example/fr/attaque");
        assertThat(lines.stream().filter(l -> !l.ok()).map(ArticleFile.Line::error).toList()).containsExactly(
            "a-history.jsonl.gz: line 4: malformed JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
            "b/feeds/rss.bin: item 2: no publication date",
            "d.csv: not JSON Lines, RSS or Atom (first bytes are neither '{' nor '<')");
        List<Article> ordered = ArticleFile.inPublicationOrder(lines);
        assertThat(ordered.get(0).getUrl()).isEqualTo("https://a.example/2");
    }

    @Test
    void aHostileFeedInADirectoryIsOneRejectionNotAFailure(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.xml"), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><rss>&a;</rss>");
        Files.writeString(dir.resolve("b.jsonl"), JSONL);
        List<ArticleFile.Line> lines = source.read(dir);
        assertThat(lines.get(0).ok()).isFalse();
        assertThat(lines.get(0).error()).startsWith("a.xml: ").contains("feed refused").contains("DOCTYPE");
        assertThat(lines.stream().filter(ArticleFile.Line::ok)).hasSize(2);
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
