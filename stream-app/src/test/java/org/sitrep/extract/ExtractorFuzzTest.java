package org.sitrep.extract;

import java.time.Instant;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.sitrep.schema.Article;

/**
 * Fuzzes the extractor, which must never throw: any body and language give a (possibly empty) list of reports. The
 * corpus in {@code src/test/resources/org/sitrep/extract/ExtractorFuzzTestInputs} holds real-looking articles, markup
 * and number and date edge cases.
 */
class ExtractorFuzzTest {
    private static final Extractor EXTRACTOR = new Extractor();
    private static final String[] LANGUAGES = {"en", "fr", null, "de", ""};

    @FuzzTest(maxDuration = "20s")
    void extract(FuzzedDataProvider data) {
        String language = LANGUAGES[data.consumeInt(0, LANGUAGES.length - 1)];
        long published = data.consumeLong(Instant.parse("1990-01-01T00:00:00Z").toEpochMilli(),
            Instant.parse("2099-12-31T00:00:00Z").toEpochMilli());
        String title = data.consumeString(200);
        String body = data.consumeRemainingAsString();
        Article article = Article.newBuilder().setId("fuzz").setUrl("https://fuzz.example/a").setOutlet("fuzz")
            .setLanguage(language).setPublishedAt(Instant.ofEpochMilli(published)).setTitle(title).setBody(body).build();
        EXTRACTOR.extract(article);
    }
}
