package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.sitrep.ordering.WatermarkMarkers;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.schema.Article;
import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.EventReport;
import org.sitrep.testing.Shuffles;
import org.sitrep.topology.SitrepSerdes;

/**
 * Upstream watermarks make a multi-partition deployment as deterministic as a single-partition one: the sample feed
 * on three partitions per topic, replayed in publication order (the {@code replay} command) and again shuffled within
 * the grace, both as fast as the broker takes them, each on a fresh broker, publish the same incidents field by
 * field and version by version, the same unique articles, and the same copies of the same originals.
 *
 * <p>Without watermarks each buffer followed its task's stream time, which the fastest upstream task drives: in a
 * replay this fast one upstream task is years of feed time ahead of another, and the two runs part.
 */
class WatermarkDeterminismIT {
    static final int PARTITIONS = 3;
    static final Duration GRACE = ReplayDeterminismIT.GRACE;

    @Test
    void threePartitionsInOrderAndShuffledAsFastAsPossiblePublishTheSameIncidents() throws Exception {
        Path feed = ReplayDeterminismIT.sampleFeed();
        List<Article> inOrder = ReplayDeterminismIT.inPublicationOrder(feed);
        List<Article> shuffled = Shuffles.withinGrace(inOrder, GRACE, 11);
        assertThat(Shuffles.inversions(shuffled)).as("the shuffle moves articles").isGreaterThan(5);

        ReplayDeterminismIT.Run ordered = ReplayDeterminismIT.run("sitrep-watermarks-ordered", PARTITIONS, config -> ReplayDeterminismIT.replayWithCli(feed, config));
        ReplayDeterminismIT.Run shuffledRun = ReplayDeterminismIT.run("sitrep-watermarks-shuffled", PARTITIONS, config -> {
            try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(),
                new SitrepSerdes(SchemaRegistryClients.create(config.schemaRegistryUrl(), Map.of())))) {
                shuffled.forEach(publisher::send); // no pacing: as fast as the producer goes
                publisher.flush();
            }
        });

        System.out.printf("%d partitions: %d incidents (%d versions) in order, %d (%d versions) shuffled%n", PARTITIONS,
            ordered.incidents().size(), versions(ordered), shuffledRun.incidents().size(), versions(shuffledRun));
        assertThat(markerKeys(ordered.outputs())).as("no marker reaches an output topic").isEmpty();
        assertThat(markerKeys(shuffledRun.outputs())).as("no marker reaches an output topic").isEmpty();
        assertThat(shuffledRun.outputs().uniqueIds()).as("unique articles").isEqualTo(ordered.outputs().uniqueIds());
        assertThat(copies(shuffledRun.outputs())).as("copies and their originals").isEqualTo(copies(ordered.outputs()));
        ReplayDeterminismIT.assertSameIncidents(ordered.incidents(), shuffledRun.incidents());
    }

    static int versions(ReplayDeterminismIT.Run run) {
        return run.incidents().values().stream().mapToInt(List::size).sum();
    }

    static Map<String, String> copies(RunOutputs outputs) {
        Map<String, String> out = new TreeMap<>();
        for (ArticleCopy c : outputs.copies()) {
            out.put(c.getId(), c.getCopyOf() + " " + c.getMethod());
        }
        return out;
    }

    static List<String> markerKeys(RunOutputs outputs) {
        return java.util.stream.Stream.concat(outputs.uniqueIds().stream(),
                outputs.reports().stream().map(EventReport::getReportId))
            .filter(k -> k.startsWith(WatermarkMarkers.KEY_PREFIX))
            .toList();
    }
}
