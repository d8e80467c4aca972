package org.sitrep.dedup;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitrep.ordering.WatermarkStore;
import org.sitrep.schema.Article;
import org.sitrep.schema.NearDupBand;
import org.sitrep.schema.NearDupSignature;

/**
 * Thin wiring of {@link NearDuplicateIndex} over the stage's stores ({@link NearDuplicateStores}): each article,
 * keyed by id and arriving in (published_at, id) order, is offered to the index and forwarded with its
 * {@link DedupDecision} (a {@code minhash} copy of the best earlier match, with the measure that decided, or unique). A stream-time punctuation
 * every quarter horizon drops entries older than the horizon before the oldest record that may still arrive (stream
 * time less the reorder grace, and never past what the reorder buffer in front has released: see
 * {@link WatermarkStore#clock}), so a held record never misses a candidate that an earlier purge would have dropped.
 */
final class NearDuplicateProcessor implements Processor<String, Article, String, DedupDecision> {
    private final MinHasher hasher;
    private final NearDuplicateRule rule;
    private final Duration horizon;
    private final Duration grace;
    private final Duration purgeEvery;
    private ProcessorContext<String, DedupDecision> context;
    private NearDuplicateIndex index;
    private KeyValueStore<String, Long> watermarks;

    NearDuplicateProcessor(MinHasher hasher, NearDuplicateRule rule, Duration horizon, Duration grace) {
        this.hasher = hasher;
        this.rule = rule;
        this.horizon = horizon;
        this.grace = grace;
        Duration quarter = horizon.dividedBy(4);
        this.purgeEvery = quarter.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : quarter;
    }

    @Override
    public void init(ProcessorContext<String, DedupDecision> context) {
        this.context = context;
        KeyValueStore<String, NearDupBand> bands = context.getStateStore(NearDuplicateStage.BANDS_STORE);
        KeyValueStore<String, NearDupSignature> signatures = context.getStateStore(NearDuplicateStage.SIGNATURES_STORE);
        this.watermarks = context.getStateStore(NearDuplicateStage.WATERMARK_STORE);
        this.index = new NearDuplicateIndex(hasher, rule, horizon, new NearDuplicateStores(bands, signatures));
        context.schedule(purgeEvery, PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article a = record.value();
        DedupDecision decision = index.offer(a.getId(), a.getUrl(), a.getPublishedAt(), a.getBody())
            .map(m -> DedupDecision.nearCopy(a, m))
            .orElseGet(() -> DedupDecision.unique(a));
        context.forward(record.withKey(a.getId()).withValue(decision));
    }

    private void purge(long streamTime) {
        index.expire(Instant.ofEpochMilli(WatermarkStore.clock(watermarks, streamTime - grace.toMillis())));
    }
}
