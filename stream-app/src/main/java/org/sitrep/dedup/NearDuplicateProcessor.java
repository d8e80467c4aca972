package org.sitrep.dedup;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitrep.ordering.PurgeSchedule;
import org.sitrep.schema.Article;
import org.sitrep.schema.NearDupBand;
import org.sitrep.schema.NearDupSignature;

/**
 * Thin wiring of {@link NearDuplicateIndex} over the stage's stores ({@link NearDuplicateStores}): each article,
 * keyed by id and arriving in (published_at, id) order, is offered to the index and forwarded with its
 * {@link DedupDecision} (a {@code minhash} copy of the best earlier match, with the measure that decided, or
 * unique). Every quarter horizon of the stage's clock ({@link PurgeSchedule}: stream time less the reorder grace, and
 * never past what the reorder buffer in front has released) the entries older than the horizon before that clock are
 * dropped, so a held record never misses a candidate that an earlier purge would have dropped. Decisions do not
 * depend on when the purge runs: a lookup ignores entries past the horizon, the purge removes only such entries, and
 * a band keeps its latest filings whether or not older ones were purged first ({@link NearDuplicateIndex}).
 */
final class NearDuplicateProcessor implements Processor<String, Article, String, DedupDecision> {
    private final MinHasher hasher;
    private final NearDuplicateRule rule;
    private final Duration horizon;
    private final PurgeSchedule purges;
    private ProcessorContext<String, DedupDecision> context;
    private NearDuplicateIndex index;

    NearDuplicateProcessor(MinHasher hasher, NearDuplicateRule rule, Duration horizon, Duration grace) {
        this.hasher = hasher;
        this.rule = rule;
        this.horizon = horizon;
        this.purges = PurgeSchedule.quarterly(horizon, grace, clock -> index.expire(Instant.ofEpochMilli(clock)));
    }

    @Override
    public void init(ProcessorContext<String, DedupDecision> context) {
        this.context = context;
        KeyValueStore<String, NearDupBand> bands = context.getStateStore(NearDuplicateStage.BANDS_STORE);
        KeyValueStore<String, NearDupSignature> signatures = context.getStateStore(NearDuplicateStage.SIGNATURES_STORE);
        this.index = new NearDuplicateIndex(hasher, rule, horizon, new NearDuplicateStores(bands, signatures));
        purges.init(context, context.getStateStore(NearDuplicateStage.WATERMARK_STORE));
    }

    @Override
    public void process(Record<String, Article> record) {
        Article a = record.value();
        DedupDecision decision = index.offer(a.getId(), a.getUrl(), a.getPublishedAt(), a.getBody())
            .map(m -> DedupDecision.nearCopy(a, m))
            .orElseGet(() -> DedupDecision.unique(a));
        context.forward(record.withKey(a.getId()).withValue(decision));
        purges.afterRecord();
    }
}
