package org.wasmvm.core.interp;

import org.wasmvm.core.TrapKind;
import org.wasmvm.core.runtime.Trap;

/**
 * The numeric instructions whose semantics need more than one Java operator: trapping division,
 * IEEE details Java does not share with wasm (NaN propagation in min/max), and the float-to-int
 * conversions with their range rules. Kept out of the dispatch loop so it stays small for the JIT.
 */
public final class NumericOps {
    /*
     * Resolves the bit conversions' constant-pool entries now. The interpreter's loop inlines them;
     * compiled by C2 before the guest's first float instruction, an unresolved entry would be an
     * uncommon trap, and reaching it a deoptimization and a recompilation of the whole loop.
     */
    static {
        bits(f32(bits(f64(0L))));
    }

    private NumericOps() {
    }

    private static final double TWO_31 = 2147483648d, TWO_32 = 4294967296d, TWO_63 = 9223372036854775808d,
            TWO_64 = 18446744073709551616d;

    public static int i32DivS(int a, int b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new Trap(TrapKind.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    public static int i32DivU(int a, int b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.divideUnsigned(a, b);
    }

    public static int i32RemS(int a, int b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return b == -1 ? 0 : a % b;
    }

    public static int i32RemU(int a, int b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.remainderUnsigned(a, b);
    }

    public static long i64DivS(long a, long b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new Trap(TrapKind.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    public static long i64DivU(long a, long b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.divideUnsigned(a, b);
    }

    public static long i64RemS(long a, long b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return b == -1 ? 0 : a % b;
    }

    public static long i64RemU(long a, long b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.remainderUnsigned(a, b);
    }

    // f32/f64 helpers on raw bits: sign operations are bitwise so NaN payloads survive (the spec requires it)

    public static float f32(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    public static long bits(float value) {
        return Float.floatToRawIntBits(value);
    }

    public static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    public static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    public static long f32Min(long a, long b) {
        float x = f32(a), y = f32(b);
        if (x != x || y != y) {
            return x != x ? a | 0x0040_0000 : b | 0x0040_0000;
        }
        return bits(Math.min(x, y));
    }

    public static long f32Max(long a, long b) {
        float x = f32(a), y = f32(b);
        if (x != x || y != y) {
            return x != x ? a | 0x0040_0000 : b | 0x0040_0000;
        }
        return bits(Math.max(x, y));
    }

    public static long f64Min(long a, long b) {
        double x = f64(a), y = f64(b);
        if (x != x || y != y) {
            return x != x ? a | 0x0008_0000_0000_0000L : b | 0x0008_0000_0000_0000L;
        }
        return bits(Math.min(x, y));
    }

    public static long f64Max(long a, long b) {
        double x = f64(a), y = f64(b);
        if (x != x || y != y) {
            return x != x ? a | 0x0008_0000_0000_0000L : b | 0x0008_0000_0000_0000L;
        }
        return bits(Math.max(x, y));
    }

    /** ceil, floor, trunc, nearest and sqrt of an f32, computed exactly in double then narrowed. */
    public static long f32Unary(int op, long a) {
        double x = f32(a);
        if (x != x) {
            // as for f64: the input NaN, quieted (rounding through double would lose its sign)
            return a | 0x0040_0000;
        }
        double r = switch (op) {
            case 0x8D -> Math.ceil(x);
            case 0x8E -> Math.floor(x);
            case 0x8F -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case 0x90 -> Math.rint(x);
            default -> Math.sqrt(x);
        };
        return bits((float) r);
    }

    public static long f64Unary(int op, long a) {
        double x = f64(a);
        if (x != x) {
            // Java's rounding functions return a NaN argument as is; wasm requires a quiet NaN
            return a | 0x0008_0000_0000_0000L;
        }
        double r = switch (op) {
            case 0x9B -> Math.ceil(x);
            case 0x9C -> Math.floor(x);
            case 0x9D -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case 0x9E -> Math.rint(x);
            default -> Math.sqrt(x);
        };
        return bits(r);
    }

    /** The trapping float-to-int truncations (0xA8..0xB1): NaN and out-of-range inputs trap. */
    public static long truncate(int op, long a) {
        boolean fromF32 = op == 0xA8 || op == 0xA9 || op == 0xAE || op == 0xAF;
        double x = fromF32 ? f32(a) : f64(a);
        if (x != x) {
            throw new Trap(TrapKind.INVALID_CONVERSION);
        }
        boolean inRange = switch (op) {
            case 0xA8 -> x >= -TWO_31 && x < TWO_31;
            case 0xAA -> x > -TWO_31 - 1 && x < TWO_31;
            case 0xA9, 0xAB -> x > -1 && x < TWO_32;
            case 0xAE, 0xB0 -> x >= -TWO_63 && x < TWO_63;
            default -> x > -1 && x < TWO_64;
        };
        if (!inRange) {
            throw new Trap(TrapKind.INTEGER_OVERFLOW);
        }
        return switch (op) {
            case 0xA8, 0xAA -> (int) x;
            case 0xA9, 0xAB -> (int) (long) x;
            case 0xAE, 0xB0 -> (long) x;
            default -> unsignedLong(x);
        };
    }

    /** The saturating truncations (0xFC 0..7): NaN gives 0, out-of-range values clamp. */
    public static long truncateSaturating(int sub, long a) {
        boolean fromF32 = sub == 0 || sub == 1 || sub == 4 || sub == 5;
        double x = fromF32 ? f32(a) : f64(a);
        return switch (sub) {
            case 0, 2 -> (int) x;
            case 1, 3 -> x != x || x <= -1 ? 0 : x >= TWO_32 ? -1 : (int) (long) x;
            case 4, 6 -> (long) x;
            default -> x != x || x <= -1 ? 0 : x >= TWO_64 ? -1L : unsignedLong(x);
        };
    }

    private static long unsignedLong(double x) {
        return x < TWO_63 ? (long) x : (long) (x - TWO_63) + Long.MIN_VALUE;
    }

    /** Converts an unsigned i64 to f32 with one rounding (a plain cast of a halved value would round twice). */
    public static float u64ToF32(long v) {
        if (v >= 0) {
            return v;
        }
        return ((v >>> 1) | (v & 1)) * 2f;
    }

    public static double u64ToF64(long v) {
        if (v >= 0) {
            return v;
        }
        return ((v >>> 1) | (v & 1)) * 2d;
    }
}
