package org.sitrep.topology;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.sitrep.schema.Alert;
import org.sitrep.schema.Article;
import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.DeadLetter;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;

/**
 * Sitrep's public topics, each with its key and value serdes. Keys are UTF-8 strings; values are Avro in the
 * Confluent wire format, registered under {@code <topic>-value}.
 */
public final class Topics {
    public static final String ARTICLES_RAW = "news.articles.raw";
    public static final String ARTICLES_UNIQUE = "news.articles.unique";
    public static final String ARTICLES_COPIES = "news.articles.copies";
    public static final String REPORTS = "news.reports";
    public static final String INCIDENTS = "news.incidents";
    public static final String ALERTS = "news.alerts";
    public static final String DLQ = "news.dlq";
    /** Largest dead letter: an input record at the broker's default 1 MB limit plus its context. */
    public static final int DLQ_MAX_BYTES = 4 * 1024 * 1024;

    // Record time is publication time: time-based retention would delete a replayed archive at once, so article
    // topics keep everything (size them with retention.bytes, or move old data out, in a real deployment).
    private static final Map<String, String> RETAIN_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
    // news.incidents rolls its segments by size only. A broker rolls a segment once the records it takes span more than
    // segment.ms (7 days by default) of record time, and min.compaction.lag.ms is measured in record time too: a replay
    // of old history would close a segment per week of feed time and each one would be cleanable at once, so a
    // subscriber seconds behind the replay could find an incident's earlier versions compacted away.
    static final String NEVER_BY_TIME = String.valueOf(Long.MAX_VALUE);
    /** Compaction only cleans closed segments: this bounds how much of news.incidents stays uncompacted. */
    static final String INCIDENT_SEGMENT_BYTES = String.valueOf(64 * 1024 * 1024);
    private static final Map<String, String> COMPACTED = Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, String.valueOf(3600_000L),
        TopicConfig.SEGMENT_MS_CONFIG, NEVER_BY_TIME,
        TopicConfig.SEGMENT_BYTES_CONFIG, INCIDENT_SEGMENT_BYTES);

    public final TopicSpec<String, Article> articlesRaw;
    public final TopicSpec<String, Article> articlesUnique;
    public final TopicSpec<String, ArticleCopy> articlesCopies;
    public final TopicSpec<String, EventReport> reports;
    public final TopicSpec<String, Incident> incidents;
    public final TopicSpec<String, Alert> alerts;
    public final TopicSpec<String, DeadLetter> dlq;

    public Topics(SitrepSerdes serdes) {
        articlesRaw = new TopicSpec<>(ARTICLES_RAW, Serdes.String(), serdes.article(), RETAIN_FOREVER);
        articlesUnique = new TopicSpec<>(ARTICLES_UNIQUE, Serdes.String(), serdes.article(), RETAIN_FOREVER);
        articlesCopies = new TopicSpec<>(ARTICLES_COPIES, Serdes.String(), serdes.articleCopy(), RETAIN_FOREVER);
        reports = new TopicSpec<>(REPORTS, Serdes.String(), serdes.eventReport(), RETAIN_FOREVER);
        incidents = new TopicSpec<>(INCIDENTS, Serdes.String(), serdes.incident(), COMPACTED);
        // Record time is the incident's event time: kept forever like the article topics.
        alerts = new TopicSpec<>(ALERTS, Serdes.String(), serdes.alert(), RETAIN_FOREVER);
        dlq = new TopicSpec<>(DLQ, Serdes.String(), serdes.deadLetter(), Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(DLQ_MAX_BYTES)));
    }

    /** Every topic, in pipeline order. */
    public List<TopicSpec<String, ?>> all() {
        return List.of(articlesRaw, articlesUnique, articlesCopies, reports, incidents, alerts, dlq);
    }
}
