package org.sitrep.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.sitrep.schema.Article;

/**
 * Event time of {@code news.articles.raw}: the article's publication time, whoever produced the record and whatever
 * timestamp it carries. Records without a readable article keep their own timestamp (they are dead-lettered anyway).
 */
public final class PublishedAtTimestampExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Article article && article.getPublishedAt() != null) {
            return article.getPublishedAt().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
