package org.sitrep.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The reorder buffer walks its held keys in memory and must walk them in the store's order: the unsigned order of their
 * UTF-8 bytes (Kafka Streams' String serde, RocksDB's byte-wise comparator), which is not {@link String#compareTo}.
 */
class ReorderKeyOrderTest {

    @Test
    void heldKeysSortAsTheirUtf8BytesDo() {
        String bmpHigh = "\uFF21"; // a fullwidth letter: above every surrogate as UTF-16, below them as a code point
        String astral = new String(Character.toChars(0x1F600));
        assertThat(bmpHigh.compareTo(astral)).as("String order").isPositive();
        assertThat(ReorderProcessor.compareUtf8(bmpHigh, astral)).as("byte order").isNegative();

        Random random = new Random(7);
        List<Integer> alphabet = List.of((int) 'a', (int) '|', 0xE9, 0x4E2D, 0xFF21, 0x1F600, 0x10348);
        for (int n = 0; n < 20_000; n++) {
            String a = ReorderProcessor.sortKey(random.nextInt(3), word(random, alphabet));
            String b = ReorderProcessor.sortKey(random.nextInt(3), word(random, alphabet));
            int bytes = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8)));
            assertThat(Integer.signum(ReorderProcessor.compareUtf8(a, b))).as("%s vs %s", a, b).isEqualTo(bytes);
        }
    }

    private static String word(Random random, List<Integer> alphabet) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(alphabet.get(random.nextInt(alphabet.size())));
        }
        return sb.toString();
    }
}
