package org.sitrep.ingest;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.sitrep.schema.Article;
import org.sitrep.topology.Topics;

/**
 * Stage 1: read {@code news.articles.raw} and let only valid articles through. Unreadable bytes are dead-lettered by
 * the deserialization handler; invalid articles by the processing handler (stage {@code ingest}).
 */
public final class IngestStage {
    public static final String READ = "ingest-read-raw";
    public static final String VALIDATE = "ingest-validate-articles";

    private IngestStage() {
    }

    public static KStream<String, Article> apply(StreamsBuilder builder, Topics topics, ArticleValidator validator) {
        return builder.stream(topics.articlesRaw.name(),
                topics.articlesRaw.consumed(READ).withTimestampExtractor(new PublishedAtTimestampExtractor()))
            .mapValues(validator::requireValid, Named.as(VALIDATE));
    }
}
