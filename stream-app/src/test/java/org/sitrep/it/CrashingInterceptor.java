package org.sitrep.it;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.sitrep.topology.Topics;

/**
 * Fault injection for {@link FaultsIT}: installed as the Streams producers' interceptor, it throws an {@link Error}
 * out of {@code producer.send} when the extract stage writes a report of the armed article to {@code news.reports}.
 * The stage has by then written the report to {@code reports-by-country} in the same open transaction (the
 * article itself reached {@code news.articles.unique} in an earlier, committed one, from the near-duplicate stage),
 * so the stream thread dies mid-transaction; Kafka catches {@link Exception}s from interceptors, not
 * {@link Error}s, and no exception handler sees it. Test-only: the trigger is static because Kafka instantiates
 * interceptors by class name.
 */
public final class CrashingInterceptor implements ProducerInterceptor<byte[], byte[]> {
    private static volatile String armedArticle;
    private static final AtomicInteger CRASHES = new AtomicInteger();

    /** The crash a test injected, so that it is recognisable in logs. */
    public static final class InjectedCrash extends Error {
        InjectedCrash(String message) {
            super(message);
        }
    }

    static void arm(String articleId) {
        CRASHES.set(0);
        armedArticle = articleId;
    }

    static void disarm() {
        armedArticle = null;
    }

    static int crashes() {
        return CRASHES.get();
    }

    @Override
    public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
        String armed = armedArticle;
        if (armed != null && Topics.REPORTS.equals(record.topic()) && record.key() != null
            && new String(record.key(), StandardCharsets.UTF_8).startsWith(armed + "#")) {
            CRASHES.incrementAndGet();
            throw new InjectedCrash("injected crash while sending report of " + armed);
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
