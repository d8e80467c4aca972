package org.sitrep.dedup;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.StreamsBuilder;
import org.sitrep.ordering.ReorderProcessor;
import org.sitrep.ordering.ReorderSettings;
import org.sitrep.ordering.WatermarkEmitter;
import org.sitrep.ordering.WatermarkMarkers;
import org.sitrep.ordering.WatermarkStore;
import org.sitrep.schema.Article;
import org.sitrep.schema.SeenArticle;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/**
 * Stage 2: drop syndicated copies. Articles are repartitioned by content fingerprint ({@code articles-by-fingerprint})
 * so that all copies of a text meet in one task; the first one within the horizon is unique and goes on to the
 * near-duplicate stage ({@link NearDuplicateStage}, which writes {@code news.articles.unique}), the others go to
 * {@code news.articles.copies} with the article they copy ({@code method=body_hash}).
 *
 * <p>Each ingest task sends its watermark (latest publication time seen less the reorder grace) to every partition of
 * the repartition ({@code articles-by-fingerprint-watermarks}); the reorder buffer releases up to the lowest, and
 * keeps it and the time it has released up to in {@code dedup-watermark-store}, which the near-duplicate stage's
 * emitter forwards in turn.
 */
public final class DedupStage {
    public static final String STORE = "dedup-seen-store";
    public static final String REPARTITION = "articles-by-fingerprint";
    /** Event-time reorder buffer in front of the copy decision (see {@link ReorderProcessor}). */
    public static final String REORDER_STORE = "dedup-reorder-store";
    /** Upstream watermarks and released time of {@link #REORDER_STORE}'s buffer (see {@link WatermarkStore}). */
    public static final String WATERMARK_STORE = "dedup-watermark-store";

    private DedupStage() {
    }

    /**
     * Returns the articles unique by exact fingerprint, keyed by article id.
     *
     * @param partitions partitions of {@code news.articles.raw} (tasks that write the repartition) and of the
     *                   repartition
     */
    public static KStream<String, Article> apply(StreamsBuilder builder, KStream<String, Article> articles, Topics topics,
                                                 SitrepSerdes serdes, Duration horizon, ReorderSettings reorder,
                                                 int partitions) {
        StoreBuilder<KeyValueStore<String, SeenArticle>> store = Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), serdes.seenArticle()).withCachingEnabled();
        builder.addStateStore(store);
        builder.addStateStore(ReorderProcessor.store(REORDER_STORE, serdes.article()));
        builder.addStateStore(WatermarkStore.store(WATERMARK_STORE));
        Supplier<Processor<String, Article, String, DedupDecision>> processor = () -> new DedupProcessor(horizon);

        KStream<String, DedupDecision> decisions = articles
            .selectKey((id, article) -> ContentFingerprint.of(article), Named.as("dedup-key-by-fingerprint"))
            .process(() -> new WatermarkEmitter<Article>(new WatermarkEmitter.Source.StreamTimeLessGrace(), reorder),
                Named.as(REPARTITION + "-watermarks"))
            .repartition(Repartitioned.<String, Article>as(REPARTITION)
                .withKeySerde(Serdes.String()).withValueSerde(serdes.article()).withNumberOfPartitions(partitions)
                .withStreamPartitioner(WatermarkMarkers.partitioner()))
            // "First seen is the original" must mean first published: put each fingerprint partition back in
            // (published_at, id) order here, where the decision is taken, since the repartition interleaves the
            // output of every upstream task.
            .process(() -> new ReorderProcessor<>(REORDER_STORE, WATERMARK_STORE, partitions, reorder, Article::getId,
                    ContentFingerprint::of),
                Named.as("dedup-reorder-articles"), REORDER_STORE, WATERMARK_STORE)
            .process(processor::get, Named.as("dedup-drop-copies"), STORE, WATERMARK_STORE);

        var branches = decisions.split(Named.as("dedup-split"))
            .branch((id, d) -> d.isCopy(), Branched.as("-copies"))
            .defaultBranch(Branched.as("-unique"));
        branches.get("dedup-split-copies")
            .mapValues(DedupDecision::toCopy, Named.as("dedup-describe-copies"))
            .to(topics.articlesCopies.name(), topics.articlesCopies.produced("dedup-write-copies"));
        return branches.get("dedup-split-unique")
            .mapValues(DedupDecision::article, Named.as("dedup-unwrap-unique"));
    }
}
