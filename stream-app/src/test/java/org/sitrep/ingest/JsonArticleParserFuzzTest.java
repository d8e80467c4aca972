package org.sitrep.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Fuzzes the JSON Lines article reader: any input either gives a valid article or fails with
 * {@link InvalidArticleException}; anything else (another exception, a hang, an out-of-memory error) is a finding.
 * Runs the corpus in {@code src/test/resources/org/sitrep/ingest/JsonArticleParserFuzzTestInputs} by default; fuzzes
 * with {@code JAZZER_FUZZ=1}. Lines are never null (ArticleFile reads them), hence {@code @NotNull}.
 */
class JsonArticleParserFuzzTest {
    private static final JsonArticleParser PARSER = new JsonArticleParser();
    private static final ArticleValidator VALIDATOR = new ArticleValidator(500_000);

    @FuzzTest(maxDuration = "20s")
    void parseAndValidate(@NotNull String line) {
        try {
            VALIDATOR.requireValid(PARSER.parse(line));
        } catch (InvalidArticleException expected) {
            // the documented way to reject a line
        }
    }
}
