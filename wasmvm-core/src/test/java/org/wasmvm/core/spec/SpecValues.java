package org.wasmvm.core.spec;

import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Value;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.runtime.References;
import org.wasmvm.core.types.Subtyping;

/**
 * Conversions between the spec tests' value encoding (unsigned decimal strings, IEEE bit patterns,
 * {@code nan:canonical}/{@code nan:arithmetic}, reference numbers, reference patterns) and the engine's raw
 * slots, and the bitwise comparison of results. Vectors are {@link SpecVectors}' job.
 */
final class SpecValues {
    private static final int F32_QUIET = 0x7fc00000;
    private static final long F64_QUIET = 0x7ff8000000000000L;

    private SpecValues() {
    }

    /**
     * The value type of an argument named in the JSON ({@code i32} ... {@code externref}, the bottom types
     * {@code nofuncref}/{@code noexternref} as their nullable top). The other 3.0 heap types ({@code anyref},
     * {@code exnref}, {@code 3ref} ...) have no wasmvm value type yet and throw.
     */
    static ValType type(String name) {
        return switch (name) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            case "f64" -> ValType.F64;
            case "v128" -> ValType.V128;
            case "funcref", "nofuncref" -> ValType.FUNCREF;
            case "externref", "noexternref" -> ValType.EXTERNREF;
            case "anyref", "hostref" -> ValType.ANYREF;
            case "eqref" -> ValType.EQREF;
            case "i31ref" -> ValType.I31REF;
            case "structref" -> ValType.STRUCTREF;
            case "arrayref" -> ValType.ARRAYREF;
            case "nullref" -> ValType.NULLREF;
            case "exnref" -> ValType.EXNREF;
            case "nullexnref" -> ValType.NULLEXNREF;
            default -> throw new IllegalArgumentException("no wasmvm value type for '" + name + "' yet");
        };
    }

    /** The host object the runner passes for {@code (ref.extern N)}: results match by it. */
    record HostRef(long n) {
    }

    /**
     * An argument for a parameter of {@code paramType}: i32/f32 from their 32 bits, i64/f64 from their
     * 64 bits, a v128 from its lanes ({@link SpecVectors}), {@code (ref.extern N)} as a {@link HostRef} of N, {@code null} as the null of the parameter's type.
     */
    static Value argument(SpecValue v, ValType paramType) {
        if (v.isVector()) {
            var vector = SpecVectors.parse(v);
            return Value.v128(vector.low(), vector.high());
        }
        if (!v.hasValue()) {
            throw new IllegalArgumentException("argument without a value: " + v);
        }
        ValType type = type(v.type());
        return switch (type.kind()) {
            case I32, F32 -> Value.fromBits(type, Integer.parseUnsignedInt(v.value()));
            case I64, F64 -> Value.fromBits(type, Long.parseUnsignedLong(v.value()));
            case REF -> v.isNull() ? Value.nullRef(paramType) : externref(v);
            case V128 -> throw new IllegalArgumentException("a v128 without lanes: " + v);
        };
    }

    /** {@code (ref.extern N)}, and {@code (ref.host N)}: the same host object, as an anyref (see References). */
    private static Value externref(SpecValue v) {
        return switch (v.type()) {
            case "externref" -> Value.externref(new HostRef(Long.parseUnsignedLong(v.value())));
            case "hostref" -> Value.fromRef(ValType.ANYREF, new HostRef(Long.parseUnsignedLong(v.value())));
            default -> throw new IllegalArgumentException("the runner has no argument for " + v);
        };
    }

    /**
     * Whether the result {@code actual} matches the expectation: bitwise for
     * numbers (only the low 32 bits for i32/f32), NaN classes for {@code nan:canonical}/{@code nan:arithmetic},
     * reference patterns by {@link #matchesReference}, {@code either} when one alternative matches.
     */
    static boolean matches(SpecValue expected, Value actual) {
        if (expected.isEither()) {
            return expected.alternatives().stream().anyMatch(alternative -> matches(alternative, actual));
        }
        ValType type = actual.type();
        if (expected.isReference()) {
            return type.isReference() && matchesReference(expected, type, actual.ref());
        }
        long bits = actual.bits();
        if (expected.isVector()) {
            return type == ValType.V128 && SpecVectors.matches(expected, new SpecVectors.V128(bits, actual.high()));
        }
        if (type(expected.type()) != type) {
            return false;
        }
        if (!expected.hasValue()) {
            return true;
        }
        String v = expected.value();
        return switch (type.kind()) {
            case I32 -> (int) bits == Integer.parseUnsignedInt(v);
            case I64 -> bits == Long.parseUnsignedLong(v);
            case F32 -> matchesF32(v, (int) bits);
            case F64 -> matchesF64(v, bits);
            default -> throw new IllegalArgumentException("unsupported expected value: " + expected);
        };
    }

    /**
     * A reference pattern: a null of any heap type matches any null; {@code ref} any non-null reference;
     * {@code funcref} any non-null function (the value, when given, names a function, not an object);
     * {@code externref N} the runner's {@link HostRef} N, without a value any non-null one; {@code hostref N}
     * the {@link HostRef} N as an anyref; {@code anyref}, {@code eqref}, {@code structref}, {@code arrayref} and
     * {@code i31ref} without a value any non-null reference of that heap type. Other kinds match nothing.
     */
    private static boolean matchesReference(SpecValue expected, ValType type, Object ref) {
        if (expected.isNull() || ref == null) {
            return expected.isNull() && ref == null;
        }
        return switch (expected.type()) {
            case "ref" -> true;
            case "funcref" -> ref instanceof ExportedFunction;
            case "externref" -> type.heapType() == HeapType.EXTERN
                    && (!expected.hasValue() || ref.equals(new HostRef(Long.parseUnsignedLong(expected.value()))));
            case "hostref" -> ref.equals(new HostRef(Long.parseUnsignedLong(expected.value())));
            case "anyref", "eqref", "structref", "arrayref", "i31ref" -> !expected.hasValue() && isInternal(type, ref)
                    && References.matches(ref, type(expected.type()).heapType(), false);
            default -> false;
        };
    }

    /** Whether a result of {@code type} holding {@code ref} belongs to the {@code any} hierarchy (not an externref). */
    private static boolean isInternal(ValType type, Object ref) {
        return type.heapType() >= 0 ? !(ref instanceof ExportedFunction) : Subtyping.top(type.heapType()) == HeapType.ANY;
    }

    /** Whether the f32 bits match an expected lane or value: its bits, or a NaN class. */
    static boolean matchesF32(String expected, int bits) {
        return switch (expected) {
            case "nan:canonical" -> (bits & 0x7fffffff) == F32_QUIET;
            case "nan:arithmetic" -> (bits & F32_QUIET) == F32_QUIET;
            default -> bits == Integer.parseUnsignedInt(expected);
        };
    }

    /** Whether the f64 bits match an expected lane or value: its bits, or a NaN class. */
    static boolean matchesF64(String expected, long bits) {
        return switch (expected) {
            case "nan:canonical" -> (bits & 0x7fffffffffffffffL) == F64_QUIET;
            case "nan:arithmetic" -> (bits & F64_QUIET) == F64_QUIET;
            default -> bits == Long.parseUnsignedLong(expected);
        };
    }

    /** A readable form of an expectation, e.g. {@code i32:4294967295 (0xffffffff = -1)}. */
    static String format(SpecValue v) {
        if (!v.hasValue() || v.value().startsWith("nan:") || v.isReference()) {
            return v.toString();
        }
        Value value;
        try {
            value = argument(v, type(v.type()));
        } catch (RuntimeException e) {
            return v.toString();
        }
        return format(value);
    }

    /** A readable form of a value. */
    static String format(Value value) {
        long bits = value.bits();
        return switch (value.type().kind()) {
            case I32 -> "i32:" + Integer.toUnsignedString((int) bits) + " (0x" + Integer.toHexString((int) bits)
                    + " = " + (int) bits + ")";
            case I64 -> "i64:" + Long.toUnsignedString(bits) + " (0x" + Long.toHexString(bits) + " = " + bits + ")";
            case F32 -> "f32:" + Float.intBitsToFloat((int) bits) + " (bits 0x" + Integer.toHexString((int) bits) + ")";
            case F64 -> "f64:" + Double.longBitsToDouble(bits) + " (bits 0x" + Long.toHexString(bits) + ")";
            default -> value.type() + ":" + value.ref();
        };
    }
}
