package org.sitrep.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.sitrep.schema.Article;

/** Test fixtures: the small test gazetteer and hand-written articles under src/test/resources/extract. */
final class TestArticles {

    private TestArticles() {}

    static Gazetteer gazetteer() {
        try (InputStream in = TestArticles.class.getResourceAsStream("/extract/gazetteer-test.csv")) {
            return Gazetteer.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = TestArticles.class.getResourceAsStream("/extract/articles/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Article article(String id, String lang, String published, String title, String body) {
        return Article.newBuilder()
                .setId(id)
                .setUrl("https://example.org/" + id)
                .setOutlet("Example News")
                .setLanguage(lang)
                .setPublishedAt(Instant.parse(published))
                .setTitle(title)
                .setBody(body)
                .build();
    }
}
