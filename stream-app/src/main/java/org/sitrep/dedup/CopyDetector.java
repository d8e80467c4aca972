package org.sitrep.dedup;

import java.time.Duration;
import java.time.Instant;

import org.sitrep.schema.Article;
import org.sitrep.schema.SeenArticle;

/**
 * Pure copy rule: an article whose fingerprint was first seen on another article published within the horizon before
 * it is a copy of that one. The same article id seen again is a re-delivery and also dropped. Older entries no
 * longer count: the article becomes the new original of its fingerprint.
 */
public final class CopyDetector {
    private final Duration horizon;

    public CopyDetector(Duration horizon) {
        this.horizon = horizon;
    }

    /** The original this article copies, or null when it is unique. */
    public SeenArticle originalOf(Article article, SeenArticle firstSeen) {
        if (firstSeen == null || isExpired(firstSeen, article.getPublishedAt())) {
            return null;
        }
        return firstSeen;
    }

    public boolean isExpired(SeenArticle seen, Instant now) {
        return Duration.between(seen.getPublishedAt(), now).compareTo(horizon) > 0;
    }

    public static SeenArticle seen(Article article) {
        return new SeenArticle(article.getId(), article.getUrl(), article.getPublishedAt());
    }
}
