package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.sitrep.schema.Article;

class JsonArticleParserTest {
    private final JsonArticleParser parser = new JsonArticleParser();

    @Test
    void readsTheDocumentedFieldsAndIgnoresUnknownOnes() {
        Article a = parser.parse("{\"id\":\"a1\",\"url\":\"https://x.org/a\",\"outlet\":\"AFP\",\"language\":\"fr-FR\","
            + "\"published_at\":\"2023-01-12T14:05:00+01:00\",\"title\":\"T\",\"body\":\"B\",\"extra\":{\"x\":1}}");
        assertThat(a.getId()).isEqualTo("a1");
        assertThat(a.getLanguage()).isEqualTo("fr");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2023-01-12T13:05:00Z"));
    }

    @Test
    void derivesIdFromCanonicalUrlAndOutletFromHost() {
        Article a = parser.parse("{\"url\":\"https://WWW.Example.org/story/?utm_source=x\",\"published_at\":\"2023-01-12\",\"body\":\"B\"}");
        Article b = parser.parse("{\"url\":\"https://example.org/story\",\"published_at\":\"2023-01-12\",\"body\":\"B\"}");
        assertThat(a.getId()).isEqualTo(b.getId()).startsWith("u-");
        assertThat(a.getOutlet()).isEqualTo("example.org");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2023-01-12T00:00:00Z"));
    }

    @Test
    void rejectsBadInputWithAClearReason() {
        assertThatThrownBy(() -> parser.parse("{\"url\":")).isInstanceOf(InvalidArticleException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> parser.parse("[1,2]")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"url\":\"https://x\",\"published_at\":\"yesterday\",\"body\":\"b\"}"))
            .hasMessageContaining("published_at");
        assertThatThrownBy(() -> parser.parse("{\"url\":\"https://x\",\"published_at\":\"2023-01-01\",\"body\":42}"))
            .hasMessageContaining("'body' must be a string");
        assertThatThrownBy(() -> parser.parse("{\"url\":\"https://x\",\"published_at\":\"2023-01-01\"}"))
            .hasMessageContaining("'body' is missing");
        assertThatThrownBy(() -> parser.parse("[".repeat(500) + "]".repeat(500))).isInstanceOf(InvalidArticleException.class);
    }

    @Test
    void validatorRejectsEmptyHugeAndOutOfRangeArticles() {
        ArticleValidator v = new ArticleValidator(100);
        Article ok = parser.parse("{\"id\":\"a\",\"url\":\"https://x.org/a\",\"published_at\":\"2023-01-12T00:00:00Z\",\"body\":\"text\"}");
        assertThat(v.requireValid(ok)).isSameAs(ok);
        assertThatThrownBy(() -> v.requireValid(Article.newBuilder(ok).setBody("   ").build())).hasMessageContaining("empty body");
        assertThatThrownBy(() -> v.requireValid(Article.newBuilder(ok).setBody("x".repeat(101)).build())).hasMessageContaining("max-body-chars");
        assertThatThrownBy(() -> v.requireValid(Article.newBuilder(ok).setPublishedAt(Instant.parse("9999-01-01T00:00:00Z")).build()))
            .hasMessageContaining("outside 1990..2100");
        assertThatThrownBy(() -> v.requireValid(null)).hasMessageContaining("empty record");
        Article fromTomorrowWeek = Article.newBuilder(ok).setPublishedAt(Instant.now().plus(java.time.Duration.ofDays(7))).build();
        assertThatThrownBy(() -> v.requireValid(fromTomorrowWeek)).hasMessageContaining("after now");
        Article fetchedEarlier = Article.newBuilder(ok).setFetchedAt(Instant.parse("2023-01-10T00:00:00Z")).build();
        assertThatThrownBy(() -> v.requireValid(fetchedEarlier)).hasMessageContaining("after its fetched_at");
        assertThat(v.requireValid(Article.newBuilder(ok).setFetchedAt(Instant.parse("2023-01-11T12:00:00Z")).build()))
            .isNotNull();
    }

    @Test
    void fileReaderKeepsGoodLinesRejectsBadOnesAndReadsGzip() throws Exception {
        String text = "{\"id\":\"a\",\"url\":\"https://x.org/a\",\"published_at\":\"2023-01-12T00:00:00Z\",\"body\":\"text\"}\n"
            + "\n"
            + "not json\n"
            + "{\"id\":\"b\",\"url\":\"https://x.org/b\",\"published_at\":\"2023-01-11T00:00:00Z\",\"body\":\"text\"}\n";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] bytes : List.of(text.getBytes(StandardCharsets.UTF_8), gz.toByteArray())) {
            List<ArticleFile.Line> lines = ArticleFile.read(new ByteArrayInputStream(bytes), new ArticleValidator(1000));
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1).ok()).isFalse();
            assertThat(lines.get(1).error()).startsWith("line 3: malformed JSON");
            assertThat(ArticleFile.inPublicationOrder(lines)).extracting(Article::getId).containsExactly("b", "a");
        }
    }

    @Test
    void invalidUtf8RejectsTheLine() throws Exception {
        byte[] bad = "{\"id\":\"a\",\"url\":\"https://x.org/a\",\"published_at\":\"2023-01-12\",\"body\":\"t\u00e9\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
        List<ArticleFile.Line> lines = ArticleFile.read(new ByteArrayInputStream(bad), new ArticleValidator(1000));
        assertThat(lines).singleElement().satisfies(l -> assertThat(l.error()).contains("not valid UTF-8"));
    }
}
