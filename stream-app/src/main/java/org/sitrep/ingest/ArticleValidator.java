package org.sitrep.ingest;

import java.time.Instant;

import org.sitrep.schema.Article;

/**
 * Decides whether an article may enter the pipeline: an id, a URL, an outlet, a non-empty body of bounded size, and a
 * publication time between 1990 and 2100 (a wrong year would poison event-time windows).
 */
public final class ArticleValidator {
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    static final int MAX_TITLE_CHARS = 2_000;

    private final int maxBodyChars;

    public ArticleValidator(int maxBodyChars) {
        this.maxBodyChars = maxBodyChars;
    }

    /** Returns the article unchanged, or throws {@link InvalidArticleException} naming the first problem. */
    public Article requireValid(Article article) {
        if (article == null) {
            throw new InvalidArticleException("empty record: no article");
        }
        requireText("id", article.getId(), 512);
        requireText("url", article.getUrl(), 4096);
        requireText("outlet", article.getOutlet(), 512);
        if (article.getTitle() == null || article.getTitle().length() > MAX_TITLE_CHARS) {
            throw new InvalidArticleException("title missing or longer than " + MAX_TITLE_CHARS + " characters");
        }
        if (article.getBody() == null || article.getBody().isBlank()) {
            throw new InvalidArticleException("article " + article.getId() + " has an empty body");
        }
        if (article.getBody().length() > maxBodyChars) {
            throw new InvalidArticleException("article " + article.getId() + " body has " + article.getBody().length()
                + " characters, more than the limit of " + maxBodyChars + " (max-body-chars)");
        }
        Instant published = article.getPublishedAt();
        if (published == null || published.isBefore(EARLIEST) || !published.isBefore(LATEST)) {
            throw new InvalidArticleException("article " + article.getId() + " published_at " + published
                + " is outside 1990..2100");
        }
        return article;
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidArticleException("field '" + field + "' is missing or empty");
        }
        if (value.length() > max) {
            throw new InvalidArticleException("field '" + field + "' is longer than " + max + " characters");
        }
    }
}
