package org.sitrep.dedup;

import org.sitrep.schema.Article;
import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.SeenArticle;

/** The outcome of copy detection for one article: unique, or a copy of {@code original}. */
public record DedupDecision(Article article, SeenArticle original) {

    public boolean isCopy() {
        return original != null;
    }

    public ArticleCopy toCopy() {
        return ArticleCopy.newBuilder()
            .setId(article.getId())
            .setUrl(article.getUrl())
            .setOutlet(article.getOutlet())
            .setPublishedAt(article.getPublishedAt())
            .setCopyOf(original.getId())
            .setCopyOfUrl(original.getUrl())
            .setMethod(original.getId().equals(article.getId()) ? "same_id" : "body_hash")
            .setSimilarity(1.0)
            .build();
    }
}
