package org.sitrep.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.sitrep.config.SitrepConfig;
import org.sitrep.extract.Extractor;
import org.sitrep.ingest.ArticleFile;
import org.sitrep.schema.Article;
import org.sitrep.schema.ArticleCopy;
import org.sitrep.schema.DeadLetter;
import org.sitrep.schema.EventReport;
import org.sitrep.schema.Incident;
import org.sitrep.topology.SitrepSerdes;
import org.sitrep.topology.Topics;

/**
 * One bounded run of the pipeline against a cluster: create the topics, start the streams app, publish articles,
 * wait until everything is processed, read the outputs back. Used by {@code demo}, {@code process} and the
 * integration tests; the topology is the same one {@code run} uses.
 */
public final class PipelineSession implements AutoCloseable {
    private final SitrepConfig config;
    private final SitrepSerdes serdes;
    private final Topics topics;
    private final SitrepStreams streams;
    private boolean deleteStateOnClose;

    public PipelineSession(SitrepConfig config, SitrepSerdes serdes, Extractor extractor) {
        this.config = config;
        this.serdes = serdes;
        this.topics = new Topics(serdes);
        this.streams = new SitrepStreams(config, serdes, extractor);
    }

    public SitrepConfig config() {
        return config;
    }

    public SitrepSerdes serdes() {
        return serdes;
    }

    public List<TopicAdmin.Result> createTopics() {
        try (Admin admin = Admin.create(config.clientProperties())) {
            return TopicAdmin.createTopics(admin, topics.all(), config.partitions(), config.replicationFactor());
        }
    }

    public PipelineSession start(Duration timeout) {
        streams.start().awaitRunning(timeout);
        return this;
    }

    /** Publishes the valid articles in publication order and dead-letters the rejected lines. */
    public void publish(String source, List<ArticleFile.Line> lines, IntConsumer progress) {
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), serdes)) {
            publisher.rejectLines(source, lines.stream().filter(l -> !l.ok()).toList());
            publisher.publish(ArticleFile.inPublicationOrder(lines), progress);
        }
    }

    public void publish(List<Article> articles) {
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientProperties(), serdes)) {
            publisher.publish(articles, n -> { });
        }
    }

    /**
     * Waits until the streams app has processed everything published so far: every source topic consumed and
     * committed, and the event-time reorder buffers empty (they release their tail after {@code reorder-flush-after}
     * without input), twice in a row.
     */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (StreamsDrain drain = new StreamsDrain(config.clientProperties(), config.applicationId(), streams.topology())) {
            while (true) {
                drain.await(remaining(deadline, timeout));
                if (ReorderBuffers.empty(streams)) {
                    drain.await(remaining(deadline, timeout));
                    if (ReorderBuffers.empty(streams)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reorder buffers still hold records after " + timeout);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    private static Duration remaining(long deadline, Duration timeout) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IllegalStateException("the pipeline did not finish within " + timeout);
        }
        return Duration.ofNanos(left);
    }

    public RunOutputs collect() {
        var client = config.clientProperties();
        Set<String> unique = new TreeSet<>();
        TopicReader.readAll(client, Topics.ARTICLES_UNIQUE, (t, b) -> b).forEach(r -> unique.add(r.key()));
        List<ArticleCopy> copies = values(TopicReader.readAll(client, Topics.ARTICLES_COPIES, serdes.articleCopy()::deserialize));
        List<EventReport> reports = values(TopicReader.readAll(client, Topics.REPORTS, serdes.eventReport()::deserialize));
        List<Incident> incidents = values(TopicReader.readAll(client, Topics.INCIDENTS, serdes.incident()::deserialize));
        List<ConsumerRecord<String, DeadLetter>> dlq = TopicReader.readAll(client, Topics.DLQ, serdes.deadLetter()::deserialize);
        List<String> dlqKeys = new ArrayList<>();
        dlq.forEach(r -> dlqKeys.add(r.key()));
        return new RunOutputs(unique, copies, reports, incidents, values(dlq), dlqKeys);
    }

    public SitrepStreams streams() {
        return streams;
    }

    private static <V> List<V> values(List<ConsumerRecord<String, V>> records) {
        List<V> out = new ArrayList<>(records.size());
        records.forEach(r -> out.add(r.value()));
        return out;
    }

    /** For one-off runs on a temporary state directory: {@link #close()} deletes it. */
    public PipelineSession deleteStateOnClose() {
        this.deleteStateOnClose = true;
        return this;
    }

    @Override
    public void close() {
        streams.close();
        if (deleteStateOnClose) {
            Directories.deleteRecursively(config.stateDir());
        }
    }
}
