package org.wasmvm.core.spec;

import org.wasmvm.core.Value;
import org.wasmvm.core.model.ValType;

/**
 * Conversions between the spec tests' value encoding (unsigned decimal strings, IEEE bit patterns,
 * {@code nan:canonical}/{@code nan:arithmetic}, reference ids) and the engine's raw slots, and the
 * bitwise comparison of results.
 */
final class SpecValues {
    private static final int F32_QUIET = 0x7fc00000;
    private static final long F64_QUIET = 0x7ff8000000000000L;

    private SpecValues() {
    }

    /** The value type named in the JSON ({@code i32} ... {@code externref}). */
    static ValType type(String name) {
        return switch (name) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            case "f64" -> ValType.F64;
            case "v128" -> ValType.V128;
            case "funcref" -> ValType.FUNCREF;
            case "externref" -> ValType.EXTERNREF;
            default -> throw new IllegalArgumentException("unknown value type '" + name + "'");
        };
    }

    /**
     * The raw slot of an argument: i32/f32 as their 32 bits (sign-extended, as {@link Value#i32} does),
     * i64/f64 as their 64 bits, {@code (ref.extern N)} as handle N, {@code null} as {@link Value#NULL_REF}.
     */
    static long argument(SpecValue v) {
        if (!v.hasValue()) {
            throw new IllegalArgumentException("argument without a value: " + v);
        }
        return switch (type(v.type())) {
            case I32, F32 -> Integer.parseUnsignedInt(v.value());
            case I64, F64 -> Long.parseUnsignedLong(v.value());
            case FUNCREF, EXTERNREF -> v.value().equals("null") ? Value.NULL_REF : Long.parseUnsignedLong(v.value());
            case V128 -> throw new IllegalArgumentException("v128 values are not supported: " + v);
        };
    }

    /**
     * Whether the raw result slot {@code bits} of type {@code type} matches the expectation: bitwise for
     * numbers (only the low 32 bits for i32/f32), NaN classes for {@code nan:canonical}/{@code nan:arithmetic},
     * null or handle id for references; a non-null funcref expectation matches any non-null function.
     */
    static boolean matches(SpecValue expected, ValType type, long bits) {
        ValType want = type(expected.type());
        if (want != type) {
            return false;
        }
        if (!expected.hasValue()) {
            return true;
        }
        String v = expected.value();
        switch (want) {
            case I32:
                return (int) bits == Integer.parseUnsignedInt(v);
            case I64:
                return bits == Long.parseUnsignedLong(v);
            case F32: {
                int f = (int) bits;
                return switch (v) {
                    case "nan:canonical" -> (f & 0x7fffffff) == F32_QUIET;
                    case "nan:arithmetic" -> (f & F32_QUIET) == F32_QUIET;
                    default -> f == Integer.parseUnsignedInt(v);
                };
            }
            case F64:
                return switch (v) {
                    case "nan:canonical" -> (bits & 0x7fffffffffffffffL) == F64_QUIET;
                    case "nan:arithmetic" -> (bits & F64_QUIET) == F64_QUIET;
                    default -> bits == Long.parseUnsignedLong(v);
                };
            case EXTERNREF:
                return v.equals("null") ? bits == Value.NULL_REF : bits == Long.parseUnsignedLong(v);
            case FUNCREF:
                // the suites only expect null; any other expectation means "some function"
                return v.equals("null") ? bits == Value.NULL_REF : bits != Value.NULL_REF;
            default:
                throw new IllegalArgumentException("unsupported expected value: " + expected);
        }
    }

    /** A readable form of an expectation, e.g. {@code i32:4294967295 (0xffffffff = -1)}. */
    static String format(SpecValue v) {
        if (!v.hasValue() || v.value().startsWith("nan:") || v.type().equals("v128")) {
            return v.toString();
        }
        ValType type;
        long bits;
        try {
            type = type(v.type());
            bits = argument(v);
        } catch (RuntimeException e) {
            return v.toString();
        }
        return format(type, bits);
    }

    /** A readable form of a raw slot of {@code type}. */
    static String format(ValType type, long bits) {
        return switch (type) {
            case I32 -> "i32:" + Integer.toUnsignedString((int) bits) + " (0x" + Integer.toHexString((int) bits)
                    + " = " + (int) bits + ")";
            case I64 -> "i64:" + Long.toUnsignedString(bits) + " (0x" + Long.toHexString(bits) + " = " + bits + ")";
            case F32 -> "f32:" + Float.intBitsToFloat((int) bits) + " (bits 0x" + Integer.toHexString((int) bits) + ")";
            case F64 -> "f64:" + Double.longBitsToDouble(bits) + " (bits 0x" + Long.toHexString(bits) + ")";
            default -> type + ":" + (bits == Value.NULL_REF ? "null" : Long.toString(bits));
        };
    }
}
