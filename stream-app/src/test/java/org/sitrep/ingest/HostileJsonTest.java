package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sitrep.schema.Article;

/**
 * Hostile JSON Lines input to the parser, the validator and the file reader: each line ends as an article or as a
 * rejected line with a reason, never as an exception out of the reader or an out-of-memory error.
 */
class HostileJsonTest {
    static final String GOOD = "{\"id\":\"ok\",\"url\":\"https://x.org/ok\",\"published_at\":\"2023-01-12T00:00:00Z\",\"body\":\"fine\"}";
    private final JsonArticleParser parser = new JsonArticleParser();
    private final ArticleValidator validator = new ArticleValidator(500_000);

    @Test
    void malformedAndTruncatedJsonIsRejectedWithAReason() {
        for (String bad : List.of("{", "{\"url\":\"https://x.org/a\",\"published_at\":\"2023-01-12\",\"body\":\"trunc",
            GOOD.substring(0, GOOD.length() - 1), "not json at all", "{\"url\" \"x\"}", "{'url':'x'}", "\u0000\u0001",
            "{\"url\":\"https://x.org\",\"published_at\":\"2023-01-12\",\"body\":\"a\"} trailing")) {
            assertThatThrownBy(() -> validator.requireValid(parser.parse(bad))).as(bad)
                .isInstanceOf(InvalidArticleException.class).hasMessageContaining("JSON");
        }
    }

    @Test
    void zeroLengthFieldsAreRejectedOrDefaultedAsDocumented() {
        String base = "{\"url\":\"https://x.org/a\",\"published_at\":\"2023-01-12T00:00:00Z\",\"body\":\"text\"";
        assertThatThrownBy(() -> parser.parse("{\"url\":\"\",\"published_at\":\"2023-01-12\",\"body\":\"b\"}"))
            .hasMessageContaining("'url' is empty");
        assertThatThrownBy(() -> parser.parse("{\"url\":\"https://x.org/a\",\"published_at\":\"\",\"body\":\"b\"}"))
            .hasMessageContaining("'published_at' is empty");
        assertThatThrownBy(() -> parser.parse("{\"url\":\"https://x.org/a\",\"published_at\":\"2023-01-12\",\"body\":\"\"}"))
            .hasMessageContaining("'body' is empty");
        assertThatThrownBy(() -> validator.requireValid(parser.parse(base + ",\"id\":\"\"}")))
            .hasMessageContaining("'id' is missing or empty");
        assertThatThrownBy(() -> validator.requireValid(parser.parse(base + ",\"outlet\":\"\"}")))
            .hasMessageContaining("'outlet' is missing or empty");
        // Optional fields: an empty title or language is harmless and kept as documented (empty title, no language).
        Article a = validator.requireValid(parser.parse(base + ",\"title\":\"\",\"language\":\"\"}"));
        assertThat(a.getTitle()).isEmpty();
        assertThat(a.getLanguage()).isNull();
        assertThatThrownBy(() -> parser.parse("{}")).hasMessageContaining("'url' is missing");
        assertThatThrownBy(() -> parser.parse("")).hasMessageContaining("expected a JSON object");
    }

    @Test
    void deeplyNestedJsonFailsFastOnTheNestingLimit() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertThatThrownBy(() -> parser.parse(deep)).isInstanceOf(InvalidArticleException.class)
            .hasMessageContaining("size limit").hasMessageContaining("nesting");
        String deepInUnknownField = GOOD.substring(0, GOOD.length() - 1) + ",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> parser.parse(deepInUnknownField)).hasMessageContaining("nesting");
    }

    @Test
    void hugeNumbersAndDatesInTheYear9999AreRejectedNotOverflowed() {
        String base = "{\"url\":\"https://x.org/a\",\"body\":\"text\",";
        assertThatThrownBy(() -> parser.parse(base + "\"published_at\":1e400}")).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> parser.parse(base + "\"published_at\":\"2023-01-12\",\"n\":" + "9".repeat(5000) + "}"))
            .hasMessageContaining("size limit");
        assertThatThrownBy(() -> validator.requireValid(parser.parse(base + "\"published_at\":\"9999-12-31T23:59:59Z\"}")))
            .hasMessageContaining("outside 1990..2100");
        assertThatThrownBy(() -> validator.requireValid(parser.parse(base + "\"published_at\":\"+999999999-12-31T23:59:59Z\"}")))
            .hasMessageContaining("outside 1990..2100");
        assertThatThrownBy(() -> parser.parse(base + "\"published_at\":\"2023-13-45\"}")).hasMessageContaining("ISO-8601");
    }

    @Test
    void aFiftyMegabyteBodyIsRejectedByTheParserWithAClearReason() {
        String body = "x".repeat(50 * 1024 * 1024);
        String json = "{\"url\":\"https://x.org/a\",\"published_at\":\"2023-01-12\",\"body\":\"" + body + "\"}";
        assertThatThrownBy(() -> parser.parse(json)).isInstanceOf(InvalidArticleException.class)
            .hasMessageContaining("size limit").hasMessageContaining("String value length");
    }

    @Test
    void aFiftyMegabyteLineIsSkippedWhileReadingWithoutHoldingIt() throws IOException {
        // Streamed: the 50 MB line is never one String, and the lines after it are still read.
        byte[] head = ("{\"url\":\"https://x.org/big\",\"published_at\":\"2023-01-12\",\"body\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\"}\n" + GOOD + "\n").getBytes(StandardCharsets.UTF_8);
        long size = head.length + 50L * 1024 * 1024 + tail.length;
        InputStream input = new InputStream() {
            long pos;

            @Override
            public int read() {
                if (pos >= size) {
                    return -1;
                }
                long p = pos++;
                if (p < head.length) {
                    return head[(int) p];
                }
                long t = p - head.length - 50L * 1024 * 1024;
                return t < 0 ? 'y' : tail[(int) t];
            }
        };
        List<ArticleFile.Line> lines = ArticleFile.read(input, validator);
        assertThat(lines).hasSize(2);
        ArticleFile.Line big = lines.get(0);
        assertThat(big.ok()).isFalse();
        assertThat(big.error()).contains("line 1").contains("longer than the limit of " + ArticleFile.maxLineChars(500_000))
            .contains("max-body-chars 500000");
        assertThat(big.text()).hasSize(ArticleFile.KEPT_PREFIX_CHARS).startsWith("{\"url\":\"https://x.org/big\"");
        assertThat(lines.get(1).ok()).isTrue();
        assertThat(lines.get(1).article().getId()).isEqualTo("ok");
    }

    @Test
    void invalidUtf8RejectsOnlyItsLine() throws IOException {
        byte[] bad = {'{', '"', 'u', 'r', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}', '\n'};
        byte[] good = (GOOD + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, all, 0, bad.length);
        System.arraycopy(good, 0, all, bad.length, good.length);
        List<ArticleFile.Line> lines = ArticleFile.read(new ByteArrayInputStream(all), validator);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).error()).isEqualTo("line 1: not valid UTF-8");
        assertThat(lines.get(1).ok()).isTrue();
        assertThat(lines.get(1).number()).isEqualTo(2);
    }

    @Test
    void htmlAndScriptInFieldsAreKeptAsInertText() {
        String json = "{\"url\":\"https://x.org/a\",\"published_at\":\"2023-01-12\",\"title\":\"<img src=x onerror=alert(1)>\","
            + "\"body\":\"<script>alert('x')</script>Soldiers were killed\\u003c/p\\u003e\"}";
        Article a = parser.parse(json);
        assertThat(a.getTitle()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(a.getBody()).isEqualTo("<script>alert('x')</script>Soldiers were killed</p>");
    }
}
