package org.sitrep.ingest.service;

import java.util.ArrayList;
import java.util.List;

import org.sitrep.ingest.ArticleFile;
import org.sitrep.schema.Article;

/** A fake sink that keeps what it is given; {@code failNext} makes the next publish throw, as a broker refusal would. */
final class RecordingSink implements ArticleSink {
    record Rejection(String origin, ArticleFile.Line line) {
    }

    final List<Article> published = new ArrayList<>();
    final List<Rejection> rejected = new ArrayList<>();
    boolean failNext;

    @Override
    public synchronized void publish(List<Article> articles) {
        if (failNext && !articles.isEmpty()) {
            failNext = false;
            throw new IllegalStateException("1 record(s) refused by Kafka");
        }
        published.addAll(articles);
    }

    @Override
    public synchronized void reject(String origin, List<ArticleFile.Line> lines) {
        lines.forEach(l -> rejected.add(new Rejection(origin, l)));
    }

    synchronized List<String> ids() {
        return published.stream().map(Article::getId).toList();
    }
}
