package org.sitrep.ingest;

import java.time.Instant;

import org.sitrep.schema.Article;

/**
 * Decides whether an article may enter the pipeline: an id, a URL, an outlet, a non-empty body of bounded size, and a
 * publication time after 1990 and at most a day after it was fetched (or, without fetched_at, after now): a wrong
 * year would poison event-time horizons and quiet periods.
 */
public final class ArticleValidator {
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    static final int MAX_TITLE_CHARS = 2_000;

    static final java.time.Duration MAX_CLOCK_SKEW = java.time.Duration.ofDays(1);

    private final int maxBodyChars;
    private final java.time.Clock clock;

    public ArticleValidator(int maxBodyChars) {
        this(maxBodyChars, java.time.Clock.systemUTC());
    }

    public ArticleValidator(int maxBodyChars, java.time.Clock clock) {
        this.maxBodyChars = maxBodyChars;
        this.clock = clock;
    }

    /** The longest body accepted ({@code max-body-chars}). */
    public int maxBodyChars() {
        return maxBodyChars;
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
        // Event time drives horizons and quiet periods: an article from the future would expire everything.
        Instant reference = article.getFetchedAt() != null ? article.getFetchedAt() : clock.instant();
        if (published.isAfter(reference.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidArticleException("article " + article.getId() + " published_at " + published
                + " is more than " + MAX_CLOCK_SKEW.toHours() + " h after " + (article.getFetchedAt() != null
                ? "its fetched_at " : "now ") + reference);
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
