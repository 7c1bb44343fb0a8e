package org.wasmvm.compiled;

import static org.wasmvm.core.binary.Opcodes.*;

import org.wasmvm.core.interp.NumericOps;

/**
 * The numeric instructions of compiled code that are more than one JVM instruction, on typed
 * values. They delegate to the interpreter's {@link NumericOps} on raw bits, so both tiers give the
 * same results, NaN bit patterns included; C2 inlines the conversions away.
 */
public final class Numerics {
    private Numerics() {
    }

    private static long bits(float value) {
        return Float.floatToRawIntBits(value);
    }

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    private static float f32(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    public static float f32Neg(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) ^ 0x8000_0000);
    }

    public static float f32Abs(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) & 0x7FFF_FFFF);
    }

    public static float f32Copysign(float a, float b) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(a) & 0x7FFF_FFFF) | (Float.floatToRawIntBits(b) & 0x8000_0000));
    }

    public static double f64Neg(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) ^ Long.MIN_VALUE);
    }

    public static double f64Abs(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & Long.MAX_VALUE);
    }

    public static double f64Copysign(double a, double b) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(a) & Long.MAX_VALUE)
                | (Double.doubleToRawLongBits(b) & Long.MIN_VALUE));
    }

    public static float f32Min(float a, float b) {
        return f32(NumericOps.f32Min(bits(a), bits(b)));
    }

    public static float f32Max(float a, float b) {
        return f32(NumericOps.f32Max(bits(a), bits(b)));
    }

    public static double f64Min(double a, double b) {
        return f64(NumericOps.f64Min(bits(a), bits(b)));
    }

    public static double f64Max(double a, double b) {
        return f64(NumericOps.f64Max(bits(a), bits(b)));
    }

    public static float f32Ceil(float a) {
        return f32(NumericOps.f32Unary(F32_CEIL, bits(a)));
    }

    public static float f32Floor(float a) {
        return f32(NumericOps.f32Unary(F32_FLOOR, bits(a)));
    }

    public static float f32Trunc(float a) {
        return f32(NumericOps.f32Unary(F32_TRUNC, bits(a)));
    }

    public static float f32Nearest(float a) {
        return f32(NumericOps.f32Unary(F32_NEAREST, bits(a)));
    }

    public static float f32Sqrt(float a) {
        return f32(NumericOps.f32Unary(F32_SQRT, bits(a)));
    }

    public static double f64Ceil(double a) {
        return f64(NumericOps.f64Unary(F64_CEIL, bits(a)));
    }

    public static double f64Floor(double a) {
        return f64(NumericOps.f64Unary(F64_FLOOR, bits(a)));
    }

    public static double f64Trunc(double a) {
        return f64(NumericOps.f64Unary(F64_TRUNC, bits(a)));
    }

    public static double f64Nearest(double a) {
        return f64(NumericOps.f64Unary(F64_NEAREST, bits(a)));
    }

    public static double f64Sqrt(double a) {
        return f64(NumericOps.f64Unary(F64_SQRT, bits(a)));
    }

    /** A trapping float-to-int truncation ({@code op} is its opcode) of an f32 operand. */
    public static long truncF32(float a, int op) {
        return NumericOps.truncate(op, bits(a));
    }

    public static long truncF64(double a, int op) {
        return NumericOps.truncate(op, bits(a));
    }

    /** A saturating truncation ({@code sub} is its 0xFC sub-opcode) of an f32 operand. */
    public static long truncSatF32(float a, int sub) {
        return NumericOps.truncateSaturating(sub, bits(a));
    }

    public static long truncSatF64(double a, int sub) {
        return NumericOps.truncateSaturating(sub, bits(a));
    }
}
