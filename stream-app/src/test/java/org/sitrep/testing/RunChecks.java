package org.sitrep.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sitrep.runtime.ArticlePublisher;
import org.sitrep.runtime.PipelineSession;
import org.sitrep.runtime.RunOutputs;
import org.sitrep.runtime.StreamsDrain;
import org.sitrep.schema.Article;
import org.sitrep.schema.Incident;

/** What the fault and scale-out tests compare between a reference run and a disturbed one. */
public final class RunChecks {
    private RunChecks() {
    }

    /** An incident as compared across runs: its articles and its reconciled casualties. */
    public record Summary(Set<String> articles, String casualties) {
        public static Summary of(Incident i) {
            return new Summary(new TreeSet<>(i.getArticles()), i.getCasualties().toString());
        }
    }

    /** Publishes each article once the one before it is processed: one producer and one drain for the lot. */
    public static void publishOneByOne(PipelineSession session, List<Article> articles, Duration timeout) {
        var config = session.config();
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), session.serdes());
             StreamsDrain drain = new StreamsDrain(config.clientProperties(), config.applicationId(),
                 session.streams().topology())) {
            for (Article a : articles) {
                publisher.publish(List.of(a), n -> { });
                drain.await(timeout);
            }
        }
    }

    /** The final incidents by id. */
    public static Map<String, Summary> summaries(RunOutputs out) {
        Map<String, Summary> m = new TreeMap<>();
        out.finalIncidents().forEach(i -> m.put(i.getIncidentId(), Summary.of(i)));
        return m;
    }

    /** The ids on news.reports, checked to be there once each. */
    public static Set<String> reportIds(RunOutputs out) {
        List<String> ids = out.reports().stream().map(r -> r.getReportId()).toList();
        assertThat(ids).as("report ids").doesNotHaveDuplicates().isNotEmpty();
        return new TreeSet<>(ids);
    }

    /** Each incident's versions, as read from news.incidents (read_committed), are 1..n once each; no dead letters. */
    public static void assertEachVersionOnce(RunOutputs out) {
        assertThat(out.incidentVersions()).isNotEmpty();
        Map<String, List<Integer>> versions = new TreeMap<>();
        out.incidentVersions().forEach(i -> versions.computeIfAbsent(i.getIncidentId(), k -> new ArrayList<>())
            .add((int) i.getVersion()));
        versions.forEach((id, v) -> {
            List<Integer> expected = new ArrayList<>();
            for (int n = 1; n <= v.size(); n++) {
                expected.add(n);
            }
            assertThat(v.stream().sorted().toList()).as("versions of %s", id).isEqualTo(expected);
        });
        assertThat(out.deadLetters()).isEmpty();
    }
}
