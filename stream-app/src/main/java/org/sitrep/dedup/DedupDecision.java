package org.sitrep.dedup;

import org.sitrep.schema.Article;
import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.SeenArticle;

/**
 * The outcome of copy detection for one article: unique ({@code original} null), or a copy of {@code original}
 * recognised by {@code method} ({@code body_hash}, {@code same_id} or {@code minhash}) with {@code similarity} in
 * {@code measure} ({@code jaccard} or {@code containment}, {@link NearDuplicateRule.Measure}).
 */
public record DedupDecision(Article article, SeenArticle original, String method, double similarity, String measure) {
    public static final String BODY_HASH = "body_hash";
    public static final String SAME_ID = "same_id";
    public static final String MINHASH = "minhash";

    /** An exact-fingerprint decision: unique, or a copy with the same normalised body (Jaccard similarity 1). */
    public DedupDecision(Article article, SeenArticle original) {
        this(article, original, original == null ? null
            : original.getId().equals(article.getId()) ? SAME_ID : BODY_HASH, 1.0,
            NearDuplicateRule.Measure.JACCARD.label());
    }

    public static DedupDecision unique(Article article) {
        return new DedupDecision(article, null);
    }

    /** A near-duplicate of {@code match}'s article. */
    public static DedupDecision nearCopy(Article article, NearDuplicateIndex.Match match) {
        NearDuplicateIndex.Entry o = match.original();
        return new DedupDecision(article, new SeenArticle(o.id(), o.url(), o.publishedAt()), MINHASH, match.similarity(),
            match.measure().label());
    }

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
            .setMethod(method)
            .setSimilarity(similarity)
            .setSimilarityMeasure(measure)
            .build();
    }
}
