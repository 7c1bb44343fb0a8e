package org.wasmvm.core.interp.simd;

import static org.wasmvm.core.interp.simd.Swar.H16;
import static org.wasmvm.core.interp.simd.Swar.H32;
import static org.wasmvm.core.interp.simd.Swar.H8;

/**
 * Integer lane arithmetic, lane-wise: each method computes one half of the result from the same half
 * of each operand ({@code lo} from the {@code lo}s, {@code hi} from the {@code hi}s). The 8-, 16- and
 * 32-bit shapes share one branch-free formula per operation ({@link Swar}); an i64x2 half is its lane.
 */
public final class IntegerLanes {
    private IntegerLanes() {
    }

    public static long i8x16Add(long a, long b) {
        return Swar.add(a, b, H8);
    }

    public static long i16x8Add(long a, long b) {
        return Swar.add(a, b, H16);
    }

    public static long i32x4Add(long a, long b) {
        return Swar.add(a, b, H32);
    }

    public static long i64x2Add(long a, long b) {
        return a + b;
    }

    public static long i8x16Sub(long a, long b) {
        return Swar.sub(a, b, H8);
    }

    public static long i16x8Sub(long a, long b) {
        return Swar.sub(a, b, H16);
    }

    public static long i32x4Sub(long a, long b) {
        return Swar.sub(a, b, H32);
    }

    public static long i64x2Sub(long a, long b) {
        return a - b;
    }

    public static long i8x16Neg(long a) {
        return Swar.sub(0, a, H8);
    }

    public static long i16x8Neg(long a) {
        return Swar.sub(0, a, H16);
    }

    public static long i32x4Neg(long a) {
        return Swar.sub(0, a, H32);
    }

    public static long i64x2Neg(long a) {
        return -a;
    }

    public static long i8x16Abs(long a) {
        return abs(a, H8, 8);
    }

    public static long i16x8Abs(long a) {
        return abs(a, H16, 16);
    }

    public static long i32x4Abs(long a) {
        return abs(a, H32, 32);
    }

    public static long i64x2Abs(long a) {
        return Math.abs(a);
    }

    public static long i16x8Mul(long a, long b) {
        return mul(a, b, 16);
    }

    public static long i32x4Mul(long a, long b) {
        return mul(a, b, 32);
    }

    public static long i64x2Mul(long a, long b) {
        return a * b;
    }

    public static long i8x16MinS(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessS(a, b, H8), 8), a, b);
    }

    public static long i8x16MinU(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessU(a, b, H8), 8), a, b);
    }

    public static long i8x16MaxS(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessS(a, b, H8), 8), b, a);
    }

    public static long i8x16MaxU(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessU(a, b, H8), 8), b, a);
    }

    public static long i16x8MinS(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessS(a, b, H16), 16), a, b);
    }

    public static long i16x8MinU(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessU(a, b, H16), 16), a, b);
    }

    public static long i16x8MaxS(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessS(a, b, H16), 16), b, a);
    }

    public static long i16x8MaxU(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessU(a, b, H16), 16), b, a);
    }

    public static long i32x4MinS(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessS(a, b, H32), 32), a, b);
    }

    public static long i32x4MinU(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessU(a, b, H32), 32), a, b);
    }

    public static long i32x4MaxS(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessS(a, b, H32), 32), b, a);
    }

    public static long i32x4MaxU(long a, long b) {
        return Swar.select(Swar.fill(Swar.lessU(a, b, H32), 32), b, a);
    }

    public static long i8x16AvgrU(long a, long b) {
        return avgrU(a, b, H8);
    }

    public static long i16x8AvgrU(long a, long b) {
        return avgrU(a, b, H16);
    }

    public static long i8x16AddSatS(long a, long b) {
        return addSatS(a, b, H8, 8);
    }

    public static long i8x16AddSatU(long a, long b) {
        return addSatU(a, b, H8, 8);
    }

    public static long i8x16SubSatS(long a, long b) {
        return subSatS(a, b, H8, 8);
    }

    public static long i8x16SubSatU(long a, long b) {
        return subSatU(a, b, H8, 8);
    }

    public static long i16x8AddSatS(long a, long b) {
        return addSatS(a, b, H16, 16);
    }

    public static long i16x8AddSatU(long a, long b) {
        return addSatU(a, b, H16, 16);
    }

    public static long i16x8SubSatS(long a, long b) {
        return subSatS(a, b, H16, 16);
    }

    public static long i16x8SubSatU(long a, long b) {
        return subSatU(a, b, H16, 16);
    }

    public static long i16x8Q15mulrSatS(long a, long b) {
        // -1.0 * -1.0 is the one product out of range: 0x8000 saturates to 0x7FFF
        return Lanes.pack16(Math.min(q15mulr(a, b, 0), Short.MAX_VALUE), Math.min(q15mulr(a, b, 16), Short.MAX_VALUE),
                Math.min(q15mulr(a, b, 32), Short.MAX_VALUE), Math.min(q15mulr(a, b, 48), Short.MAX_VALUE));
    }

    /** The rounded Q15 product of the 16-bit lanes at {@code shift}, before saturation. */
    static int q15mulr(long a, long b, int shift) {
        return ((short) (a >>> shift) * (short) (b >>> shift) + 0x4000) >> 15;
    }

    private static long abs(long a, long h, int width) {
        return Swar.select(Swar.fill(a & h, width), Swar.sub(0, a, h), a);
    }

    /** The low bits of a product depend only on the low bits of its factors, so each lane multiplies alone. */
    private static long mul(long a, long b, int width) {
        long laneMask = (1L << width) - 1;
        long product = 0;
        for (int shift = 0; shift < 64; shift += width) {
            product |= ((a >>> shift) * (b >>> shift) & laneMask) << shift;
        }
        return product;
    }

    /** (a + b + 1) / 2 without overflow: a | b exceeds the sum's half by (a ^ b) / 2, which never borrows across lanes. */
    private static long avgrU(long a, long b, long h) {
        return (a | b) - (((a ^ b) >>> 1) & ~h);
    }

    private static long addSatU(long a, long b, long h, int width) {
        long sum = Swar.add(a, b, h);
        long carry = ((a & b) | ((a | b) & ~sum)) & h;
        return sum | Swar.fill(carry, width);
    }

    private static long subSatU(long a, long b, long h, int width) {
        return Swar.sub(a, b, h) & ~Swar.fill(Swar.lessU(a, b, h), width);
    }

    private static long addSatS(long a, long b, long h, int width) {
        long sum = Swar.add(a, b, h);
        // overflow: operands of one sign, a sum of the other
        return saturate(sum, a, ~(a ^ b) & (a ^ sum) & h, h, width);
    }

    private static long subSatS(long a, long b, long h, int width) {
        long difference = Swar.sub(a, b, h);
        // overflow: operands of different signs, a difference of b's sign
        return saturate(difference, a, (a ^ b) & (a ^ difference) & h, h, width);
    }

    /** Where a lane overflowed (its top bit in {@code overflow}), the bound on a's side: MIN if a is negative, else MAX. */
    private static long saturate(long result, long a, long overflow, long h, int width) {
        long bound = Swar.fill(a & h, width) ^ ~h;
        return Swar.select(Swar.fill(overflow, width), bound, result);
    }
}
