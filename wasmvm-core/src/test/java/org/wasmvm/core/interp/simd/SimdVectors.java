package org.wasmvm.core.interp.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The vectors node computed (scripts/simd-vectors.mjs, whose header describes the format), read from
 * {@code simd-vectors/<family>.txt}, and the check of an instruction's {@link Op} against them. An
 * operand or a result is a {@code long[]}: {@code {lo, hi}} for a v128, {@code {value}} for a scalar.
 */
final class SimdVectors {
    /** An instruction as the tiers will call it: both halves, or the scalar, from the operands. */
    @FunctionalInterface
    interface Op {
        long[] apply(long[][] operands, String immediate);
    }

    /** The results of one instruction (with one immediate) on the cases of a pool. */
    record Test(String instruction, String immediate, String pool, String compare, List<String[]> results) {
    }

    final Map<String, List<long[][]>> pools = new HashMap<>();
    final List<Test> tests = new ArrayList<>();

    private SimdVectors() {
    }

    static SimdVectors read(String family) {
        var vectors = new SimdVectors();
        var resource = Objects.requireNonNull(SimdVectors.class.getResourceAsStream("/simd-vectors/" + family + ".txt"), family);
        try (var reader = new BufferedReader(new InputStreamReader(resource, StandardCharsets.US_ASCII))) {
            List<long[][]> pool = null;
            List<String[]> results = null;
            for (String line; (line = reader.readLine()) != null; ) {
                String[] words = line.split(" ");
                switch (words[0]) {
                    case "#" -> { }
                    case "pool" -> {
                        pool = new ArrayList<>();
                        results = null;
                        vectors.pools.put(words[1], pool);
                    }
                    case "test" -> {
                        pool = null;
                        results = new ArrayList<>();
                        String[] name = words[1].split("/");
                        vectors.tests.add(new Test(name[0], name.length > 1 ? name[1] : null, words[2], words[3], results));
                    }
                    default -> {
                        if (pool != null) {
                            pool.add(Stream.of(words).skip(1).map(SimdVectors::value).toArray(long[][]::new));
                        } else {
                            results.add(words);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vectors;
    }

    /** One dynamic test per instruction, checking every vector; the file and the ops must name the same instructions. */
    static Stream<DynamicTest> check(String family, Map<String, Op> ops) {
        SimdVectors vectors = read(family);
        Map<String, List<Test>> byInstruction = new LinkedHashMap<>();
        vectors.tests.forEach(test -> byInstruction.computeIfAbsent(test.instruction(), name -> new ArrayList<>()).add(test));
        assertThat(byInstruction.keySet()).as("instructions with vectors in %s.txt", family)
                .containsExactlyInAnyOrderElementsOf(ops.keySet());
        return byInstruction.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            for (Test test : entry.getValue()) {
                vectors.check(test, ops.get(test.instruction()));
            }
        }));
    }

    private void check(Test test, Op op) {
        List<long[][]> pool = pools.get(test.pool());
        assertThat(test.results()).as("%s results", test.instruction()).isNotEmpty();
        for (String[] result : test.results()) {
            long[][] operands = pool.get(Integer.parseInt(result[0]));
            long[] expected = value(result[1]);
            long[] actual = op.apply(operands, test.immediate());
            if (expected.length == 1) {
                // a scalar result is compared in its own width (an i32 is 8 hex digits)
                long width = result[1].length() == 16 ? -1L : (1L << 4 * result[1].length()) - 1;
                actual = new long[] {actual[0] & width};
            }
            String where = test.instruction() + (test.immediate() == null ? "" : "/" + test.immediate()) + " case " + result[0];
            switch (test.compare()) {
                case "exact" -> assertThat(actual).as(where).containsExactly(expected);
                case "f32nan" -> assertLanes(where, expected, actual, 32);
                case "f64nan" -> assertLanes(where, expected, actual, 64);
                default -> throw new IllegalArgumentException(test.compare());
            }
        }
    }

    /** Where node's lane is a NaN, any arithmetic NaN (quiet bit set) is right, as the spec allows; other lanes exactly. */
    private static void assertLanes(String where, long[] expected, long[] actual, int width) {
        long laneMask = width == 64 ? -1L : 0xFFFF_FFFFL;
        long quiet = width == 64 ? 0x0008_0000_0000_0000L : 0x0040_0000L;
        for (int half = 0; half < 2; half++) {
            for (int shift = 0; shift < 64; shift += width) {
                long e = expected[half] >>> shift & laneMask;
                long a = actual[half] >>> shift & laneMask;
                String lane = where + ", half " + half + " bit " + shift + ": " + Long.toHexString(a);
                if (isNaN(e, width)) {
                    assertThat(isNaN(a, width) && (a & quiet) != 0).as(lane + " is an arithmetic NaN").isTrue();
                } else {
                    assertThat(Long.toHexString(a)).as(lane).isEqualTo(Long.toHexString(e));
                }
            }
        }
    }

    private static boolean isNaN(long lane, int width) {
        return width == 64 ? Double.isNaN(Double.longBitsToDouble(lane)) : Float.isNaN(Float.intBitsToFloat((int) lane));
    }

    /** A v128 "hi_lo" as {lo, hi}, a scalar as {value}. */
    static long[] value(String hex) {
        int split = hex.indexOf('_');
        if (split < 0) {
            return new long[] {Long.parseUnsignedLong(hex, 16)};
        }
        return new long[] {Long.parseUnsignedLong(hex.substring(split + 1), 16), Long.parseUnsignedLong(hex.substring(0, split), 16)};
    }
}
