package org.sitrep.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The reorder buffer against upstream watermarks, and the emitter that sends them, each alone in a small topology
 * (TopologyTestDriver): release up to the lowest watermark of the expected upstream tasks, markers never forwarded,
 * watermarks kept in the store, the wall-clock fallback, and the emitter's rate.
 */
class WatermarkReleaseTest {
    static final String BUFFER = "test-reorder-store";
    static final String WATERMARKS = "test-watermark-store";
    static final ReorderSettings ONE_HOUR = new ReorderSettings(Duration.ofHours(1), Duration.ofMinutes(10));
    static final Instant T0 = Instant.parse("2023-01-10T10:00:00Z");

    /** in -> ReorderProcessor (3 upstream tasks) -> out; values are their own ids and keys. */
    static final class Buffer implements AutoCloseable {
        final TopologyTestDriver driver;
        final TestInputTopic<String, String> in;
        final TestOutputTopic<String, String> out;

        Buffer(int upstreamTasks) {
            StreamsBuilder b = new StreamsBuilder();
            b.addStateStore(ReorderProcessor.store(BUFFER, Serdes.String()));
            b.addStateStore(WatermarkStore.store(WATERMARKS));
            b.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new ReorderProcessor<String>(BUFFER, WATERMARKS, upstreamTasks, ONE_HOUR, v -> v, v -> v),
                    Named.as("reorder"), BUFFER, WATERMARKS)
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
            driver = new TopologyTestDriver(b.build(), props());
            in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
            out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
        }

        void send(String id, int minutes) {
            in.pipeInput(id, id, T0.plus(Duration.ofMinutes(minutes)));
        }

        void watermark(int upstream, int minutes) {
            Record<String, String> m = WatermarkMarkers.marker(upstream, T0.plus(Duration.ofMinutes(minutes)).toEpochMilli());
            in.pipeInput(new TestRecord<>(m.key(), m.value(), m.headers(), Instant.ofEpochMilli(m.timestamp())));
        }

        List<String> released() {
            return out.readValuesToList();
        }

        @Override
        public void close() {
            driver.close();
        }
    }

    static Properties props() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "watermark-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        try {
            p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("sitrep-wm-").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    @Test
    void releasesUpToTheLowestWatermarkOnceEveryExpectedUpstreamTaskHasReported() {
        try (Buffer b = new Buffer(3)) {
            b.send("b", 30);
            b.send("a", 0);
            b.send("c", 60);
            b.send("far-ahead", 60 * 24 * 3); // one upstream task runs days ahead: stream time no longer releases
            assertThat(b.released()).isEmpty();
            b.watermark(0, 45);
            b.watermark(1, 45);
            assertThat(b.released()).as("upstream task 2 has promised nothing yet").isEmpty();
            b.watermark(2, 15);
            assertThat(b.released()).as("lowest watermark 10:15").containsExactly("a");
            b.watermark(2, 50);
            assertThat(b.released()).as("lowest watermark now 10:45 (tasks 0 and 1)").containsExactly("b");
            b.watermark(0, 40);
            assertThat(b.released()).as("a watermark never goes back").isEmpty();
            b.watermark(0, 60 * 24 * 4);
            b.watermark(1, 60 * 24 * 4);
            b.watermark(2, 60 * 24 * 4);
            assertThat(b.released()).containsExactly("c", "far-ahead");
        }
    }

    @Test
    void markersAreTakenOffTheStreamAndWatermarksKeptInTheStore() {
        try (Buffer b = new Buffer(2)) {
            b.send("a", 0);
            b.watermark(0, 10);
            b.watermark(1, 5);
            List<TestRecord<String, String>> out = b.out.readRecordsToList();
            assertThat(out).extracting(TestRecord::key).containsExactly("a");
            assertThat(out).allSatisfy(r -> assertThat(r.headers().lastHeader(WatermarkMarkers.HEADER)).isNull());
            KeyValueStore<String, Long> store = b.driver.getKeyValueStore(WATERMARKS);
            UpstreamWatermarks restored = new WatermarkStore(store).load(2);
            assertThat(restored.latest()).as("what a restart reads back").containsEntry(0, at(10)).containsEntry(1, at(5));
            assertThat(restored.low()).isEqualTo(at(5));
            assertThat(new WatermarkStore(store).released()).as("released up to the lowest watermark").isEqualTo(at(5));
            assertThat(WatermarkStore.clock(store, at(60))).as("the stage's clock stops at the released time").isEqualTo(at(5));
            assertThat(WatermarkStore.clock(store, at(1))).isEqualTo(at(1));
        }
    }

    @Test
    void anUpstreamTaskThatNeverReportsHoldsRecordsUntilTheWallClockFallback() {
        try (Buffer b = new Buffer(3)) {
            b.send("b", 30);
            b.send("a", 0);
            b.watermark(0, 120);
            b.watermark(1, 120);
            b.driver.advanceWallClockTime(Duration.ofMinutes(9));
            assertThat(b.released()).isEmpty();
            b.driver.advanceWallClockTime(Duration.ofMinutes(2));
            assertThat(b.released()).as("idle flush, in order").containsExactly("a", "b");
            assertThat(new WatermarkStore(b.driver.getKeyValueStore(WATERMARKS)).released())
                .as("released up to what was flushed, no further").isEqualTo(at(30));
        }
    }

    @Test
    void anUpstreamTaskSilentForTheFlushAfterIsLeftOutUntilItSpeaksAgain() {
        try (Buffer b = new Buffer(3)) {
            b.send("a", 0);
            b.send("b", 30);
            for (int minute = 1; minute <= 11; minute++) { // records and watermarks keep coming from tasks 0 and 1
                b.driver.advanceWallClockTime(Duration.ofMinutes(1));
                b.send("x" + minute, 100 + minute);
                b.watermark(0, 20 + minute);
                b.watermark(1, 20 + minute);
                if (minute < 10) {
                    assertThat(b.released()).as("task 2 has not been silent for 10 minutes yet").isEmpty();
                }
            }
            assertThat(b.released()).as("task 2 left out: released up to 10:31").containsExactly("a", "b");
            b.watermark(2, 40);
            b.watermark(0, 200);
            b.watermark(1, 200);
            assertThat(b.released()).as("task 2 is back in the minimum").isEmpty();
            b.watermark(2, 200);
            assertThat(b.released()).hasSize(11);
        }
    }

    @Test
    void whenEveryTaskWasSilentTheFirstToSpeakDoesNotStandForTheOthers() {
        try (Buffer b = new Buffer(3)) {
            b.driver.advanceWallClockTime(Duration.ofMinutes(11)); // start-up: no input yet, every task silent
            b.send("a", 0);
            b.send("b", 30);
            b.watermark(0, 60);
            assertThat(b.released()).as("tasks 1 and 2 get the flush-after again").isEmpty();
            b.watermark(1, 60);
            b.watermark(2, 10);
            assertThat(b.released()).containsExactly("a");
        }
    }

    @Test
    void aRecordBelowTheReleasedTimeIsProcessedAtOnce() {
        try (Buffer b = new Buffer(1)) {
            b.send("a", 0);
            b.watermark(0, 30);
            assertThat(b.released()).containsExactly("a");
            b.send("late", 20);
            assertThat(b.released()).as("too late to be put in its place").containsExactly("late");
            b.send("later", 40);
            assertThat(b.released()).isEmpty();
        }
    }

    static double metric(Buffer b, String name) {
        return b.driver.metrics().entrySet().stream()
            .filter(e -> e.getKey().group().equals(BufferMetrics.GROUP) && e.getKey().name().equals(name)
                && BUFFER.equals(e.getKey().tags().get("buffer")))
            .map(e -> ((Number) e.getValue().metricValue()).doubleValue())
            .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }

    @Test
    void theBufferReportsWhatItHoldsTheMostItHeldAndWhatCameLateAsMetrics() {
        try (Buffer b = new Buffer(2)) {
            b.send("a", 0);
            b.send("b", 10);
            b.send("c", 20);
            b.watermark(0, 60);
            assertThat(metric(b, BufferMetrics.HELD)).as("task 1 has promised nothing").isEqualTo(3);
            b.watermark(1, 10);
            assertThat(b.released()).containsExactly("a", "b");
            assertThat(metric(b, BufferMetrics.HELD)).isEqualTo(1);
            assertThat(metric(b, BufferMetrics.HELD_MAX)).isEqualTo(3);
            assertThat(metric(b, BufferMetrics.LATE)).isZero();
            b.send("late", 5);
            assertThat(b.released()).containsExactly("late");
            assertThat(metric(b, BufferMetrics.LATE)).isEqualTo(1);
            assertThat(metric(b, BufferMetrics.HELD)).isEqualTo(1);
        }
    }

    @Test
    void markersGoToEveryPartitionAndDataWhereTheDefaultPartitionerPutsIt() {
        var partitioner = WatermarkMarkers.<String>partitioner();
        Record<String, String> m = WatermarkMarkers.marker(2, 1234L);
        assertThat(partitioner.partitions("t", m.key(), m.value(), 3)).contains(Set.of(0, 1, 2));
        assertThat(partitioner.partitions("t", m.key(), m.value(), 1)).contains(Set.of(0));
        assertThat(partitioner.partitions("t", "ML", "a report", 3)).isEqualTo(Optional.empty());
        assertThat(partitioner.partitions("t", "ML", null, 3)).as("a tombstone is not a marker").isEqualTo(Optional.empty());
        assertThat(WatermarkMarkers.isMarker(m)).isTrue();
        assertThat(WatermarkMarkers.upstreamOf(m)).isEqualTo(2);
        assertThat(WatermarkMarkers.watermarkOf(m)).isEqualTo(1234L);
        assertThat(WatermarkMarkers.isMarker(new Record<>(m.key(), null, 0L, new RecordHeaders())))
            .as("the reserved key alone is not enough").isFalse();
    }

    @Test
    void theEmitterSendsItsWatermarkAfterTheRecordsItCoversAtABoundedRate() {
        StreamsBuilder sb = new StreamsBuilder();
        sb.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
            .process(() -> new WatermarkEmitter<String>(new WatermarkEmitter.Source.StreamTimeLessGrace(), ONE_HOUR),
                Named.as("emit"))
            .to("out", Produced.with(Serdes.String(), Serdes.String()));
        try (TopologyTestDriver driver = new TopologyTestDriver(sb.build(), props())) {
            var in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
            var out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
            in.pipeInput("a", "a", T0.plus(Duration.ofMinutes(60)));
            assertThat(describe(out.readRecordsToList())).containsExactly("a", "watermark 0 at 10:00");
            in.pipeInput("b", "b", T0.plus(Duration.ofMinutes(50)));
            in.pipeInput("c", "c", T0.plus(Duration.ofMinutes(65)));
            assertThat(describe(out.readRecordsToList())).as("moved by less than an eighth of the grace").containsExactly("b", "c");
            in.pipeInput("d", "d", T0.plus(Duration.ofMinutes(80)));
            assertThat(describe(out.readRecordsToList())).containsExactly("d", "watermark 0 at 10:20");
            in.pipeInput("e", "e", T0.plus(Duration.ofMinutes(83)));
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(describe(out.readRecordsToList())).as("a small move goes out with the punctuation")
                .containsExactly("e", "watermark 0 at 10:23");
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(out.readRecordsToList()).as("nothing moved, nothing sent").isEmpty();
            in.pipeInput("f", "f", T0.plus(Duration.ofMinutes(70)));
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(describe(out.readRecordsToList())).as("records went out: the same watermark again, to say alive")
                .containsExactly("f", "watermark 0 at 10:23");
        }
    }

    static List<String> describe(List<TestRecord<String, String>> records) {
        return records.stream().map(r -> {
            if (r.value() == null && WatermarkMarkers.isMarker(r.key(), null)) {
                long w = java.nio.ByteBuffer.wrap(r.headers().lastHeader(WatermarkMarkers.HEADER).value()).getLong();
                return "watermark " + r.key().substring(WatermarkMarkers.KEY_PREFIX.length()) + " at "
                    + Instant.ofEpochMilli(w).toString().substring(11, 16);
            }
            return r.value();
        }).toList();
    }

    static long at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes)).toEpochMilli();
    }
}
