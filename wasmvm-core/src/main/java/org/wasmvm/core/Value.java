package org.wasmvm.core;

import org.wasmvm.core.model.ValType;

/**
 * A typed WebAssembly value. Numbers are kept as their raw bits ({@code f32}/{@code f64} as IEEE
 * bit patterns, so NaN payloads survive); references as handles: a {@code funcref} is a function
 * handle of the store, an {@code externref} an opaque host-chosen {@code long}; {@link #NULL_REF}
 * is the null reference of both. 32-bit values are held zero-extended, so equal values are equal records.
 */
public record Value(ValType type, long bits) {
    /** The handle of the null reference. */
    public static final long NULL_REF = -1L;

    public static Value i32(int value) {
        return new Value(ValType.I32, value & 0xFFFFFFFFL);
    }

    public static Value i64(long value) {
        return new Value(ValType.I64, value);
    }

    public static Value f32(float value) {
        return new Value(ValType.F32, Float.floatToRawIntBits(value) & 0xFFFFFFFFL);
    }

    public static Value f64(double value) {
        return new Value(ValType.F64, Double.doubleToRawLongBits(value));
    }

    /** An externref: {@code handle} is any host-chosen number except {@link #NULL_REF}. */
    public static Value externref(long handle) {
        return new Value(ValType.EXTERNREF, handle);
    }

    /** The null reference of the given reference type. */
    public static Value nullRef(ValType refType) {
        return new Value(refType, NULL_REF);
    }

    /** The value of {@code type} held in the raw stack slot {@code bits} (the interpreter's encoding). */
    public static Value fromBits(ValType type, long bits) {
        return new Value(type, type == ValType.I32 || type == ValType.F32 ? bits & 0xFFFFFFFFL : bits);
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

    public boolean isNull() {
        return type.isReference() && bits == NULL_REF;
    }

    @Override
    public String toString() {
        return switch (type.kind()) {
            case I32 -> "i32:" + (int) bits;
            case I64 -> "i64:" + bits;
            case F32 -> "f32:" + asFloat();
            case F64 -> "f64:" + asDouble();
            default -> type + ":" + (bits == NULL_REF ? "null" : Long.toString(bits));
        };
    }
}
