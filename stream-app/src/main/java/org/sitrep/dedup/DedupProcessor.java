package org.sitrep.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitrep.ordering.PurgeSchedule;
import org.sitrep.schema.Article;
import org.sitrep.schema.SeenArticle;

/**
 * Keyed by content fingerprint: remembers the first article of each fingerprint in {@link DedupStage#STORE} and
 * forwards every article, keyed by its id, with its {@link DedupDecision}. Entries older than the horizon are
 * removed every quarter horizon of the stage's clock ({@link PurgeSchedule}: stream time, never past what the
 * reorder buffer in front has released, since an entry a held article still needs must not go), so the store is
 * bounded by the horizon, not by history. Decisions do not depend on when the purge runs: an expired entry is never
 * an original ({@link CopyDetector#originalOf}).
 */
final class DedupProcessor implements Processor<String, Article, String, DedupDecision> {
    private final CopyDetector detector;
    private final PurgeSchedule purges;
    private ProcessorContext<String, DedupDecision> context;
    private KeyValueStore<String, SeenArticle> store;

    DedupProcessor(Duration horizon) {
        this.detector = new CopyDetector(horizon);
        this.purges = PurgeSchedule.quarterly(horizon, Duration.ZERO, this::purge);
    }

    @Override
    public void init(ProcessorContext<String, DedupDecision> context) {
        this.context = context;
        this.store = context.getStateStore(DedupStage.STORE);
        purges.init(context, context.getStateStore(DedupStage.WATERMARK_STORE));
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        String fingerprint = record.key();
        SeenArticle original = detector.originalOf(article, store.get(fingerprint));
        if (original == null) {
            store.put(fingerprint, CopyDetector.seen(article));
        }
        context.forward(record.withKey(article.getId()).withValue(new DedupDecision(article, original)));
        purges.afterRecord();
    }

    private void purge(long clock) {
        Instant now = Instant.ofEpochMilli(clock);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, SeenArticle> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, SeenArticle> entry = it.next();
                if (detector.isExpired(entry.value, now)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
    }
}
