package org.sitrep.ingest.service;

import java.util.List;

import org.sitrep.ingest.ArticleFile;
import org.sitrep.schema.Article;

/**
 * Where the ingest service sends what it reads: articles to {@code news.articles.raw}, rejected input to
 * {@code news.dlq}. Both calls return only once the records are acknowledged, so that state recorded afterwards
 * (a feed's seen ids, a file moved to {@code done/}) never gets ahead of what was published; both throw when they
 * could not publish. Implementations are called from several threads.
 */
public interface ArticleSink {
    /** Publishes the articles in the order given. */
    void publish(List<Article> articles);

    /**
     * Dead-letters rejected entries; {@code origin} names where they came from ({@code feed:URL},
     * {@code file:PATH}, {@code http:POST /articles}).
     */
    void reject(String origin, List<ArticleFile.Line> rejected);
}
