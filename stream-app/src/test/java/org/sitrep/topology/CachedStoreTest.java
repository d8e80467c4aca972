package org.sitrep.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CachedStore} over a real (in-memory) store whose value serde counts how often it decodes. */
class CachedStoreTest {
    private final AtomicInteger decoded = new AtomicInteger();
    private KeyValueStore<String, String> store;

    @BeforeEach
    void openStore() {
        Deserializer<String> counting = (topic, data) -> {
            decoded.incrementAndGet();
            return new StringDeserializer().deserialize(topic, data);
        };
        Serde<String> values = Serdes.serdeFrom(new StringSerializer(), counting);
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("values"), Serdes.String(), values)
            .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        decoded.set(0);
    }

    @Test
    void aValueReadAgainIsNotDecodedAgain() {
        store.put("a", "alpha");
        CachedStore<String, String> cached = new CachedStore<>(store, 8);

        assertThat(cached.get("a")).isEqualTo("alpha");
        assertThat(cached.get("a")).isEqualTo("alpha");
        assertThat(cached.get("a")).isEqualTo("alpha");

        assertThat(decoded).hasValue(1);
        assertThat(cached.hits()).isEqualTo(2);
        assertThat(cached.misses()).isEqualTo(1);
    }

    @Test
    void writesReachTheStoreAndAreReadBackWithoutDecoding() {
        CachedStore<String, String> cached = new CachedStore<>(store, 8);
        cached.put("a", "alpha");
        cached.put("a", "alpha-2");

        assertThat(cached.get("a")).isEqualTo("alpha-2");
        assertThat(decoded).as("answered from memory").hasValue(0);
        assertThat(store.get("a")).as("the store holds what was written").isEqualTo("alpha-2");
    }

    @Test
    void aDeleteRemovesTheValueFromTheStoreAndFromMemory() {
        CachedStore<String, String> cached = new CachedStore<>(store, 8);
        cached.put("a", "alpha");
        cached.get("a");

        cached.delete("a");

        assertThat(cached.get("a")).isNull();
        assertThat(store.get("a")).isNull();
        assertThat(cached.size()).isZero();
    }

    @Test
    void puttingNullDeletes() {
        CachedStore<String, String> cached = new CachedStore<>(store, 8);
        cached.put("a", "alpha");

        cached.put("a", null);

        assertThat(store.get("a")).isNull();
        assertThat(cached.get("a")).isNull();
    }

    @Test
    void anAbsentKeyIsAskedOfTheStoreEachTimeSoALaterWriteIsSeen() {
        CachedStore<String, String> cached = new CachedStore<>(store, 8);
        assertThat(cached.get("a")).isNull();
        assertThat(cached.get("a")).isNull();
        assertThat(cached.misses()).isEqualTo(2);

        store.put("a", "written by the store's other user");

        assertThat(cached.get("a")).isEqualTo("written by the store's other user");
    }

    @Test
    void aViewRememberingAbsenceAsksTheStoreOnceForAnAbsentKey() {
        CachedStore<String, String> cached = CachedStore.rememberingAbsence(store, 8);
        assertThat(cached.get("a")).isNull();
        assertThat(cached.get("a")).isNull();

        assertThat(cached.misses()).as("one store read").isEqualTo(1);
        assertThat(cached.hits()).isEqualTo(1);
    }

    @Test
    void aViewRememberingAbsenceSeesItsOwnWritesAndDeletes() {
        CachedStore<String, String> cached = CachedStore.rememberingAbsence(store, 8);
        assertThat(cached.get("a")).isNull();

        cached.put("a", "alpha");
        assertThat(cached.get("a")).isEqualTo("alpha");
        assertThat(store.get("a")).isEqualTo("alpha");

        cached.delete("a");
        assertThat(cached.get("a")).isNull();
        assertThat(store.get("a")).isNull();
        assertThat(cached.misses()).as("only the first read went to the store").isEqualTo(1);
    }

    @Test
    void aRememberedAbsenceIsDroppedByCapacityLikeAValue() {
        store.put("b", "beta");
        CachedStore<String, String> cached = CachedStore.rememberingAbsence(store, 1);
        cached.get("a");
        cached.get("b"); // evicts the absence of a

        store.put("a", "written by the store's other user");
        assertThat(cached.get("a")).isEqualTo("written by the store's other user");
        assertThat(cached.misses()).isEqualTo(3);
    }

    @Test
    void keepsAtMostItsCapacityAndDropsTheLeastRecentlyUsed() {
        store.put("a", "alpha");
        store.put("b", "beta");
        store.put("c", "gamma");
        CachedStore<String, String> cached = new CachedStore<>(store, 2);

        cached.get("a");
        cached.get("b");
        cached.get("a"); // a is now more recent than b
        cached.get("c"); // evicts b
        assertThat(cached.size()).isEqualTo(2);
        assertThat(decoded).hasValue(3);

        cached.get("a");
        assertThat(decoded).as("a was kept").hasValue(3);
        cached.get("b");
        assertThat(decoded).as("b was dropped and is decoded again").hasValue(4);
    }

    @Test
    void allReadsTheStore() {
        CachedStore<String, String> cached = new CachedStore<>(store, 1);
        cached.put("a", "alpha");
        cached.put("b", "beta");

        int n = 0;
        try (var it = cached.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        assertThat(n).isEqualTo(2);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new CachedStore<>(store, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
