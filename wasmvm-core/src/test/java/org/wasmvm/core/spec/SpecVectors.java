package org.wasmvm.core.spec;

import java.util.List;

/**
 * The spec tests' {@code v128} values ({@code lane_type} and one unsigned decimal per lane, float lanes maybe
 * {@code nan:canonical}/{@code nan:arithmetic}) as the two {@code long} halves of a vector, lane 0 in the low
 * bits of {@code low}, and the lane-by-lane comparison of a result.
 */
final class SpecVectors {
    /** A vector's 128 bits: bytes 0-7 in {@code low}, 8-15 in {@code high}, little-endian as in memory. */
    record V128(long low, long high) {
        long lane(int index, int bits) {
            int position = index * bits;
            long half = position < 64 ? low : high;
            long shifted = half >>> (position % 64);
            return bits == 64 ? shifted : shifted & ((1L << bits) - 1);
        }

        @Override
        public String toString() {
            return String.format("0x%016x_%016x", high, low);
        }
    }

    private SpecVectors() {
    }

    /** The vector an argument or exact expectation denotes; NaN classes are not values and throw. */
    static V128 parse(SpecValue v) {
        int bits = laneBits(v);
        long low = 0;
        long high = 0;
        List<String> lanes = v.lanes();
        for (int i = 0; i < lanes.size(); i++) {
            long masked = laneValue(lanes.get(i), bits);
            int position = i * bits;
            if (position < 64) {
                low |= masked << position;
            } else {
                high |= masked << (position - 64);
            }
        }
        return new V128(low, high);
    }

    /** Whether the result vector matches the expected lanes (bitwise, or by NaN class for float lanes). */
    static boolean matches(SpecValue expected, V128 actual) {
        if (expected.isEither()) {
            return expected.alternatives().stream().anyMatch(alternative -> matches(alternative, actual));
        }
        if (!expected.isVector()) {
            return false;
        }
        int bits = laneBits(expected);
        for (int i = 0; i < expected.lanes().size(); i++) {
            String want = expected.lanes().get(i);
            long lane = actual.lane(i, bits);
            boolean ok = switch (expected.laneType()) {
                case "f32" -> SpecValues.matchesF32(want, (int) lane);
                case "f64" -> SpecValues.matchesF64(want, lane);
                default -> lane == laneValue(want, bits);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A lane's unsigned decimal as its low {@code bits} bits. */
    private static long laneValue(String decimal, int bits) {
        long lane = Long.parseUnsignedLong(decimal);
        return bits == 64 ? lane : lane & ((1L << bits) - 1);
    }

    /** The width of the vector's lanes; the lane count must fill 128 bits. */
    private static int laneBits(SpecValue v) {
        int bits = switch (String.valueOf(v.laneType())) {
            case "i8" -> 8;
            case "i16" -> 16;
            case "i32", "f32" -> 32;
            case "i64", "f64" -> 64;
            default -> throw new IllegalArgumentException("unknown v128 lane type in " + v);
        };
        if (v.lanes().size() * bits != 128) {
            throw new IllegalArgumentException("a v128 of " + v.laneType() + " lanes needs " + 128 / bits
                    + " of them: " + v);
        }
        return bits;
    }
}
