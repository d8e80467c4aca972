package org.sitrep.extract;

import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.sitrep.schema.Article;
import org.sitrep.schema.EventReport;
import org.sitrep.topology.Topics;

/**
 * Stage 3: read event reports and their casualty claims out of each unique article with the {@link Extractor} and
 * publish them to {@code news.reports}, keyed by report id. An extractor failure dead-letters the article (stage
 * {@code extract}) through the processing exception handler.
 */
public final class ExtractStage {
    public static final String EXTRACT = "extract-read-reports";

    private ExtractStage() {
    }

    public static KStream<String, EventReport> apply(KStream<String, Article> unique, Topics topics, Extractor extractor) {
        KStream<String, EventReport> reports = unique
            .flatMapValues(extractor::extract, Named.as(EXTRACT))
            .selectKey((articleId, report) -> report.getReportId(), Named.as("extract-key-by-report"));
        reports.to(topics.reports.name(), topics.reports.produced("extract-write-reports"));
        return reports;
    }
}
