package org.sitrep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.sitrep.App;
import org.sitrep.config.ConfigLoader;
import org.sitrep.config.SitrepConfig;
import org.sitrep.embedded.EmbeddedKafka;
import org.sitrep.extract.Extractor;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.ingest.ArticleSource;
import org.sitrep.ingest.ArticleValidator;
import org.sitrep.registry.SchemaRegistryClients;
import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.ReplayPacer;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.schema.Article;
import org.sitrep.schema.Incident;
import org.sitrep.testing.ClusterSession;
import org.sitrep.testing.SharedRegistry;
import org.sitrep.testing.Shuffles;
import org.sitrep.topology.SitrepSerdes;

/**
 * The same feed gives the same incidents whatever the order and speed it arrives at, within the reorder grace: the
 * sample feed replayed in publication order as fast as possible (through the {@code replay} command), and again
 * shuffled within the grace (seeded) and paced at a speed factor, each on a fresh broker; the published incidents are
 * compared field by field, every version of each.
 *
 * <p>One partition per topic, as before upstream watermarks: a single-partition deployment must behave as it did. The
 * same on three partitions: {@link WatermarkDeterminismIT}.
 */
class ReplayDeterminismIT {
    static final Duration GRACE = Duration.ofDays(1);
    /** The sample feed spans 2018-2023: this plays it in about three seconds, gaps included. */
    static final double SPEED = 5e7;

    @Test
    void inOrderAndShuffledReplaysPublishTheSameIncidents() throws Exception {
        Path feed = sampleFeed();
        List<Article> inOrder = inPublicationOrder(feed);
        List<Article> shuffled = Shuffles.withinGrace(inOrder, GRACE, 7);
        assertThat(Shuffles.inversions(shuffled)).as("the shuffle moves articles").isGreaterThan(5);

        Map<String, List<Incident>> ordered = run("sitrep-determinism-ordered", config -> replayWithCli(feed, config));
        Map<String, List<Incident>> shuffledRun = run("sitrep-determinism-shuffled", config -> {
            ReplayPacer pacer = new ReplayPacer(SPEED);
            try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(),
                new SitrepSerdes(SchemaRegistryClients.create(config.schemaRegistryUrl(), Map.of())))) {
                for (Article a : shuffled) {
                    pacer.awaitTurn(a.getPublishedAt());
                    publisher.send(a);
                    publisher.flush();
                }
            }
        });

        assertSameIncidents(ordered, shuffledRun);
    }

    static Path sampleFeed() {
        return ClusterSession.repoFile("data/sample-feed.jsonl");
    }

    static List<Article> inPublicationOrder(Path feed) throws java.io.IOException {
        return ArticleFile.inPublicationOrder(new ArticleSource(new ArticleValidator(1_000_000)).read(feed));
    }

    /** {@code sitrep replay} of a feed against the run's broker and registry; fails unless it exits 0. */
    static void replayWithCli(Path feed, org.sitrep.config.SitrepConfig config) {
        StringWriter out = new StringWriter();
        var cli = App.commandLine();
        cli.setOut(new PrintWriter(out, true));
        int rc = cli.execute("replay", "--input", feed.toString(), "--no-progress",
            "--bootstrap-servers", config.bootstrapServers(), "--schema-registry-url", config.schemaRegistryUrl());
        assertThat(rc).as(out.toString()).isZero();
    }

    /** Same incident ids, and for each the same versions, field by field. */
    static void assertSameIncidents(Map<String, List<Incident>> ordered, Map<String, List<Incident>> shuffledRun) {
        assertThat(ordered).isNotEmpty();
        assertThat(shuffledRun.keySet()).as("incident ids").isEqualTo(ordered.keySet());
        ordered.forEach((id, versions) -> {
            List<Incident> other = shuffledRun.get(id);
            assertThat(outline(other)).as("versions of %s", id).isEqualTo(outline(versions));
            for (int v = 0; v < versions.size(); v++) {
                Incident a = versions.get(v);
                Incident b = other.get(v);
                assertThat(b.getArticles()).as("%s v%d articles", id, a.getVersion()).isEqualTo(a.getArticles());
                assertThat(b.getCasualties()).as("%s v%d casualties", id, a.getVersion()).isEqualTo(a.getCasualties());
                assertThat(b.getClaims()).as("%s v%d claims", id, a.getVersion()).isEqualTo(a.getClaims());
                assertThat(b).as("%s v%d, every field", id, a.getVersion()).isEqualTo(a);
            }
        });
    }

    /** One line per version (number, status, articles, update time), so a mismatch shows where the runs part. */
    static List<String> outline(List<Incident> versions) {
        return versions.stream()
            .map(i -> "v" + i.getVersion() + " " + i.getStatus() + " " + i.getArticles() + " at " + i.getUpdatedAt()
                + (i.getMergedInto() == null ? "" : " into " + i.getMergedInto()))
            .toList();
    }

    interface Publish {
        void into(SitrepConfig config) throws Exception;
    }

    /** Every incident version by id, and everything the run published. */
    record Run(Map<String, List<Incident>> incidents, RunOutputs outputs) {
    }

    /** One run on a fresh broker with one partition per topic: every incident version by id. */
    static Map<String, List<Incident>> run(String applicationId, Publish publish) throws Exception {
        return run(applicationId, 1, publish).incidents();
    }

    /** One run on a fresh broker: topics ({@code partitions} each), pipeline, publish, wait, collect. */
    static Run run(String applicationId, int partitions, Publish publish) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            SitrepConfig config = ConfigLoader.load(null, Map.of(), Map.of(
                "bootstrap-servers", kafka.bootstrapServers(),
                "schema-registry-url", SharedRegistry.get().url(),
                "application-id", applicationId,
                "state-dir", Files.createTempDirectory("sitrep-it-").toString(),
                "partitions", String.valueOf(partitions),
                "reorder-grace", "1d",
                "reorder-flush-after", "2s"));
            try (PipelineSession session = new PipelineSession(config,
                new SitrepSerdes(SchemaRegistryClients.create(config.schemaRegistryUrl(), Map.of())), new Extractor())) {
                session.createTopics();
                session.start(Duration.ofMinutes(1));
                publish.into(config);
                session.awaitIdle(Duration.ofMinutes(3));
                RunOutputs outputs = session.collect();
                Map<String, List<Incident>> versions = new TreeMap<>();
                outputs.incidentVersions()
                    .forEach(i -> versions.computeIfAbsent(i.getIncidentId(), k -> new ArrayList<>()).add(i));
                versions.values().forEach(l -> l.sort(Comparator.comparingInt(Incident::getVersion)));
                return new Run(versions, outputs);
            }
        }
    }
}
