package org.wasmvm.core;

import java.util.List;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;

/**
 * A typed WebAssembly value. Numbers are kept as their raw bits ({@code f32}/{@code f64} as IEEE
 * bit patterns, so NaN payloads survive); references as Java objects in {@link #ref()}: a
 * {@code funcref} is the function ({@link ExportedFunction}), an {@code externref} any object of the
 * host, handed back to it unchanged, an {@code exnref} the {@link ThrownException}; Java {@code null} is the
 * null reference. 32-bit values are
 * held zero-extended, so equal values are equal records. A {@code v128} is two halves, {@link #bits()}
 * (bytes 0-7, lane 0 in its lowest bits) and {@link #high()} (bytes 8-15), as the engine holds it.
 *
 * @param bits the raw bits of a number, the low half of a {@code v128} (0 for a reference)
 * @param high the high half of a {@code v128} (0 for any other type)
 * @param ref the object of a reference (null for a number or the null reference)
 */
public record Value(ValType type, long bits, long high, Object ref) {
    public static Value i32(int value) {
        return new Value(ValType.I32, value & 0xFFFFFFFFL, 0, null);
    }

    public static Value i64(long value) {
        return new Value(ValType.I64, value, 0, null);
    }

    public static Value f32(float value) {
        return new Value(ValType.F32, Float.floatToRawIntBits(value) & 0xFFFFFFFFL, 0, null);
    }

    public static Value f64(double value) {
        return new Value(ValType.F64, Double.doubleToRawLongBits(value), 0, null);
    }

    /** A {@code v128} of two halves: {@code low} holds bytes 0-7 (lane 0 in its lowest bits), {@code high} bytes 8-15. */
    public static Value v128(long low, long high) {
        return new Value(ValType.V128, low, high, null);
    }

    /** An externref: {@code object} is any object of the host (null for the null reference). */
    public static Value externref(Object object) {
        return new Value(ValType.EXTERNREF, 0, 0, object);
    }

    /** A funcref to {@code function} (a function of an instance or a host function of a store). */
    public static Value funcref(ExportedFunction function) {
        return new Value(ValType.FUNCREF, 0, 0, function);
    }

    /** An exnref: a wasm exception (a {@code catch_ref} hands wasm code the very exception it caught). */
    public static Value exnref(ThrownException exception) {
        return new Value(ValType.EXNREF, 0, 0, exception);
    }

    /** The null reference of the given reference type. */
    public static Value nullRef(ValType refType) {
        return new Value(refType, 0, 0, null);
    }

    /** The number of {@code type} held in the raw stack slot {@code bits} (the interpreter's encoding). */
    public static Value fromBits(ValType type, long bits) {
        return new Value(type, type == ValType.I32 || type == ValType.F32 ? bits & 0xFFFFFFFFL : bits, 0, null);
    }

    /** The value of {@code type} held in an engine's slots: the raw bits, a v128's high half, a reference's object. */
    public static Value fromSlots(ValType type, long bits, long high, Object ref) {
        if (type.isReference()) {
            return fromRef(type, ref);
        }
        return type == ValType.V128 ? v128(bits, high) : fromBits(type, bits);
    }

    /** The reference of {@code type} held in an interpreter's reference slot. */
    public static Value fromRef(ValType type, Object ref) {
        return new Value(type, 0, 0, ref);
    }

    /** Whether {@code type} has a parameter or result of reference type (then only {@link ExportedFunction#call} takes it). */
    public static boolean hasReferences(FuncType type) {
        return type.params().stream().anyMatch(ValType::isReference) || type.results().stream().anyMatch(ValType::isReference);
    }

    /**
     * Whether every parameter and result of {@code type} is a number of one raw slot (i32, i64, f32,
     * f64): then {@link ExportedFunction#apply} takes it; references and {@code v128} need {@link Value}s.
     */
    public static boolean isSlotNumeric(FuncType type) {
        return allNumeric(type.params()) && allNumeric(type.results());
    }

    /** A loop, not a stream: asked for each of a module's functions at instantiation, which start-up pays. */
    private static boolean allNumeric(List<ValType> types) {
        for (ValType type : types) {
            if (!type.isNumeric()) {
                return false;
            }
        }
        return true;
    }

    public int asInt() {
        return (int) bits;
    }

    public long asLong() {
        return bits;
    }

    public float asFloat() {
        return Float.intBitsToFloat((int) bits);
    }

    public double asDouble() {
        return Double.longBitsToDouble(bits);
    }

    /** The function of a non-null funcref. */
    public ExportedFunction asFunction() {
        return (ExportedFunction) ref;
    }

    public boolean isNull() {
        return type.isReference() && ref == null;
    }

    @Override
    public String toString() {
        return switch (type.kind()) {
            case I32 -> "i32:" + (int) bits;
            case I64 -> "i64:" + bits;
            case F32 -> "f32:" + asFloat();
            case F64 -> "f64:" + asDouble();
            case V128 -> "v128:0x%016x%016x".formatted(high, bits);
            default -> type + ":" + ref;
        };
    }
}
