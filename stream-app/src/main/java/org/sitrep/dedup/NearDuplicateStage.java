package org.sitrep.dedup;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.sitrep.ordering.ReorderProcessor;
import org.sitrep.ordering.ReorderSettings;
import org.sitrep.ordering.WatermarkEmitter;
import org.sitrep.ordering.WatermarkMarkers;
import org.sitrep.ordering.WatermarkStore;
import org.sitrep.schema.Article;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/**
 * Stage 2b: drop near-duplicates (re-spins: truncated, "Read also" and footer lines added, new headline) that the
 * exact fingerprint of {@link DedupStage} misses. The articles left unique by the exact stage are repartitioned to a
 * single partition ({@code articles-for-near-dup}), put back in (published_at, id) order
 * ({@code dedup-reorder-unique}), and offered to a MinHash/LSH index over the articles of the last
 * {@code dedup-horizon} ({@code dedup-drop-near-copies}, stores {@code dedup-bands-store} and
 * {@code dedup-signatures-store}). An article that the {@link NearDuplicateRule} calls a copy of an earlier one
 * (estimated containment at or above {@code near-dup-containment} with at least {@code near-dup-min-share} of the
 * longer text shared, or estimated Jaccard at or above {@code near-dup-threshold}) goes to
 * {@code news.articles.copies} ({@code method=minhash}, with the measure that decided); the others are written
 * to {@code news.articles.unique} and spread again by article id over {@code partitions} partitions
 * ({@code unique-articles-by-id}), so extraction keeps its parallelism.
 *
 * <p>Watermarks: each exact-stage task forwards the time its reorder buffer has released up to
 * ({@code articles-for-near-dup-watermarks}, from {@code dedup-watermark-store}); this stage's buffer releases up to
 * the lowest of the {@code partitions} of them and keeps its own released time in {@code dedup-near-watermark-store},
 * which {@code unique-articles-by-id-watermarks} sends to every extraction task.
 *
 * <p>One partition means one task: this stage's throughput is one stream thread's (measured in
 * docs/PERFORMANCE.md). The scalable form repartitions each article to its 32 band keys (candidates meet in the task
 * of a band key), then recombines the band verdicts per article id in a second, small repartition; it is not built.
 */
public final class NearDuplicateStage {
    public static final String REPARTITION = "articles-for-near-dup";
    /** Event-time reorder buffer in front of the near-duplicate decision (see {@link ReorderProcessor}). */
    public static final String REORDER_STORE = "dedup-near-reorder-store";
    /** Upstream watermarks and released time of {@link #REORDER_STORE}'s buffer (see {@link WatermarkStore}). */
    public static final String WATERMARK_STORE = "dedup-near-watermark-store";
    /** Band key -> the articles filed under it (id, publication time). */
    public static final String BANDS_STORE = "dedup-bands-store";
    /** Article id -> signature, publication time, URL. */
    public static final String SIGNATURES_STORE = "dedup-signatures-store";
    /** The unique articles spread again by id for extraction. */
    public static final String BY_ID_REPARTITION = "unique-articles-by-id";

    private NearDuplicateStage() {
    }

    /**
     * Returns the unique articles, keyed by article id, over {@code partitions} partitions.
     *
     * @param candidates the articles left unique by the exact stage, keyed by id
     * @param partitions partitions of the exact stage's input (the tasks that write {@code articles-for-near-dup})
     *                   and of {@code unique-articles-by-id}
     */
    public static KStream<String, Article> apply(StreamsBuilder builder, KStream<String, Article> candidates, Topics topics,
                                                 SitrepSerdes serdes, Duration horizon, NearDuplicateRule rule,
                                                 ReorderSettings reorder, int partitions) {
        builder.addStateStore(ReorderProcessor.store(REORDER_STORE, serdes.article()));
        builder.addStateStore(WatermarkStore.store(WATERMARK_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BANDS_STORE),
            Serdes.String(), serdes.nearDupBand()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SIGNATURES_STORE),
            Serdes.String(), serdes.nearDupSignature()).withCachingEnabled());
        MinHasher hasher = new MinHasher();

        KStream<String, DedupDecision> decisions = candidates
            .process(() -> new WatermarkEmitter<Article>(new WatermarkEmitter.Source.Released(DedupStage.WATERMARK_STORE),
                    reorder),
                Named.as(REPARTITION + "-watermarks"), DedupStage.WATERMARK_STORE)
            .repartition(Repartitioned.<String, Article>as(REPARTITION)
                .withKeySerde(Serdes.String()).withValueSerde(serdes.article()).withNumberOfPartitions(1)
                .withStreamPartitioner(WatermarkMarkers.partitioner()))
            // Every exact-stage task writes here, interleaved as those tasks happen to run: "the first published of a
            // cluster is the original" needs (published_at, id) order where the decision is taken.
            .process(() -> new ReorderProcessor<>(REORDER_STORE, WATERMARK_STORE, partitions, reorder, Article::getId,
                    Article::getId),
                Named.as("dedup-reorder-unique"), REORDER_STORE, WATERMARK_STORE)
            .process(() -> new NearDuplicateProcessor(hasher, rule, horizon, reorder.grace()),
                Named.as("dedup-drop-near-copies"), BANDS_STORE, SIGNATURES_STORE, WATERMARK_STORE);

        var branches = decisions.split(Named.as("dedup-near-split"))
            .branch((id, d) -> d.isCopy(), Branched.as("-copies"))
            .defaultBranch(Branched.as("-unique"));
        branches.get("dedup-near-split-copies")
            .mapValues(DedupDecision::toCopy, Named.as("dedup-describe-near-copies"))
            .to(topics.articlesCopies.name(), topics.articlesCopies.produced("dedup-write-near-copies"));
        KStream<String, Article> unique = branches.get("dedup-near-split-unique")
            .mapValues(DedupDecision::article, Named.as("dedup-unwrap-near-unique"));
        unique.to(topics.articlesUnique.name(), topics.articlesUnique.produced("dedup-write-unique"));
        // Markers only on the way to the repartition: news.articles.unique carries articles alone.
        return unique
            .process(() -> new WatermarkEmitter<Article>(new WatermarkEmitter.Source.Released(WATERMARK_STORE), reorder),
                Named.as(BY_ID_REPARTITION + "-watermarks"), WATERMARK_STORE)
            .repartition(Repartitioned.<String, Article>as(BY_ID_REPARTITION)
                .withKeySerde(Serdes.String()).withValueSerde(serdes.article()).withNumberOfPartitions(partitions)
                .withStreamPartitioner(WatermarkMarkers.partitioner()));
    }
}
