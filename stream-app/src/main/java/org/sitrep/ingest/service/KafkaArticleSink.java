package org.sitrep.ingest.service;

import java.util.List;

import org.sitrep.ingest.ArticleFile;
import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.schema.Article;

/**
 * The sink on Kafka: {@link ArticlePublisher}'s idempotent producer (key = article id, record time = published_at).
 * Calls are serialised so that a broker refusal is reported to the caller whose record it was.
 */
public final class KafkaArticleSink implements ArticleSink, AutoCloseable {
    private final ArticlePublisher publisher;

    public KafkaArticleSink(ArticlePublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public synchronized void publish(List<Article> articles) {
        if (articles.isEmpty()) {
            return;
        }
        articles.forEach(publisher::send);
        publisher.flush();
    }

    @Override
    public synchronized void reject(String origin, List<ArticleFile.Line> rejected) {
        if (!rejected.isEmpty()) {
            publisher.deadLetter(origin, rejected);
        }
    }

    @Override
    public void close() {
        publisher.close();
    }
}
