package org.wasmvm.core.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The branch-free comparisons against Java's own operators, on edge values and random pairs. */
class ComparisonsTest {
    private static final long[] EDGES = {0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L,
        Integer.MIN_VALUE - 1L, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
        Long.MIN_VALUE + 1};

    private static List<long[]> pairs() {
        List<long[]> pairs = new ArrayList<>();
        for (long a : EDGES) {
            for (long b : EDGES) {
                pairs.add(new long[] {a, b});
            }
        }
        var random = new SplittableRandom(20261201);
        for (int i = 0; i < 100_000; i++) {
            long a = random.nextLong();
            // close values too, where a difference's sign is all that tells them apart
            pairs.add(new long[] {a, random.nextBoolean() ? random.nextLong() : a + random.nextInt(-2, 3)});
        }
        return pairs;
    }

    private static long bit(boolean condition) {
        return condition ? 1 : 0;
    }

    @Test
    void i32MatchesTheOperators() {
        for (long[] pair : pairs()) {
            int a = (int) pair[0];
            int b = (int) pair[1];
            String at = a + ", " + b;
            assertThat(Comparisons.i32Eqz(a)).as(at).isEqualTo(bit(a == 0));
            assertThat(Comparisons.i32Eq(a, b)).as(at).isEqualTo(bit(a == b));
            assertThat(Comparisons.i32Ne(a, b)).as(at).isEqualTo(bit(a != b));
            assertThat(Comparisons.i32LtS(a, b)).as(at).isEqualTo(bit(a < b));
            assertThat(Comparisons.i32GtS(a, b)).as(at).isEqualTo(bit(a > b));
            assertThat(Comparisons.i32LeS(a, b)).as(at).isEqualTo(bit(a <= b));
            assertThat(Comparisons.i32GeS(a, b)).as(at).isEqualTo(bit(a >= b));
            assertThat(Comparisons.i32LtU(a, b)).as(at).isEqualTo(bit(Integer.compareUnsigned(a, b) < 0));
            assertThat(Comparisons.i32GtU(a, b)).as(at).isEqualTo(bit(Integer.compareUnsigned(a, b) > 0));
            assertThat(Comparisons.i32LeU(a, b)).as(at).isEqualTo(bit(Integer.compareUnsigned(a, b) <= 0));
            assertThat(Comparisons.i32GeU(a, b)).as(at).isEqualTo(bit(Integer.compareUnsigned(a, b) >= 0));
        }
    }

    @Test
    void i64MatchesTheOperators() {
        for (long[] pair : pairs()) {
            long a = pair[0];
            long b = pair[1];
            String at = a + ", " + b;
            assertThat(Comparisons.i64Eqz(a)).as(at).isEqualTo(bit(a == 0));
            assertThat(Comparisons.i64Eq(a, b)).as(at).isEqualTo(bit(a == b));
            assertThat(Comparisons.i64Ne(a, b)).as(at).isEqualTo(bit(a != b));
            assertThat(Comparisons.i64LtS(a, b)).as(at).isEqualTo(bit(a < b));
            assertThat(Comparisons.i64GtS(a, b)).as(at).isEqualTo(bit(a > b));
            assertThat(Comparisons.i64LeS(a, b)).as(at).isEqualTo(bit(a <= b));
            assertThat(Comparisons.i64GeS(a, b)).as(at).isEqualTo(bit(a >= b));
            assertThat(Comparisons.i64LtU(a, b)).as(at).isEqualTo(bit(Long.compareUnsigned(a, b) < 0));
            assertThat(Comparisons.i64GtU(a, b)).as(at).isEqualTo(bit(Long.compareUnsigned(a, b) > 0));
            assertThat(Comparisons.i64LeU(a, b)).as(at).isEqualTo(bit(Long.compareUnsigned(a, b) <= 0));
            assertThat(Comparisons.i64GeU(a, b)).as(at).isEqualTo(bit(Long.compareUnsigned(a, b) >= 0));
        }
    }
}
