package org.sitrep.extract;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.sitrep.ordering.WatermarkGate;
import org.sitrep.ordering.WatermarkStore;
import org.sitrep.schema.Article;
import org.sitrep.schema.EventReport;
import org.sitrep.topology.Topics;

/**
 * Stage 3: read event reports and their casualty claims out of each unique article with the {@link Extractor} and
 * publish them to {@code news.reports}, keyed by report id. An extractor failure dead-letters the article (stage
 * {@code extract}) through the processing exception handler.
 *
 * <p>The articles come from the single near-duplicate task in publication order, with its watermark markers between
 * them: {@code extract-read-watermarks} takes the markers off (the extractor sees articles only) and keeps the
 * watermark in {@code extract-watermark-store}, from which the incident stage's emitter forwards it, after the
 * reports of the articles before it, to every partition of {@code reports-by-country}. No reorder buffer is needed
 * here: one upstream task, already in order.
 */
public final class ExtractStage {
    public static final String EXTRACT = "extract-read-reports";
    /** The near-duplicate stage's watermark as seen by this task (see {@link WatermarkStore}). */
    public static final String WATERMARK_STORE = "extract-watermark-store";

    private ExtractStage() {
    }

    /** @param unique the unique articles and the markers of the one near-duplicate task, over the extraction tasks */
    public static KStream<String, EventReport> apply(StreamsBuilder builder, KStream<String, Article> unique, Topics topics,
                                                     Extractor extractor) {
        builder.addStateStore(WatermarkStore.store(WATERMARK_STORE));
        KStream<String, EventReport> reports = unique
            .process(() -> new WatermarkGate<Article>(WATERMARK_STORE, 1), Named.as("extract-read-watermarks"),
                WATERMARK_STORE)
            .flatMapValues(extractor::extract, Named.as(EXTRACT))
            .selectKey((articleId, report) -> report.getReportId(), Named.as("extract-key-by-report"));
        reports.to(topics.reports.name(), topics.reports.produced("extract-write-reports"));
        return reports;
    }
}
