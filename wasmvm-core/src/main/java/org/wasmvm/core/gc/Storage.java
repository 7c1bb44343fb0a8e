package org.wasmvm.core.gc;

import org.wasmvm.core.model.FieldType;

/**
 * How a field or an array element is stored: the packed integers in {@code byte}s and {@code short}s, {@code i32}
 * and {@code f32} as 32 bits, {@code i64} and {@code f64} as 64 (floats as their raw bits, so that every NaN payload
 * survives), a {@code v128} as two 64-bit halves, a reference as an {@code Object}.
 */
public enum Storage {
    I8(1), I16(2), I32(4), I64(8), V128(16), REF(0);

    private static final Storage[] VALUES = values();

    private final int bytes;

    Storage(int bytes) {
        this.bytes = bytes;
    }

    /** The bytes one element takes in a data segment ({@code array.new_data}); 0 for a reference. */
    public int bytes() {
        return bytes;
    }

    /** The storage of {@code ordinal()}, as lowered code names it. */
    public static Storage of(int ordinal) {
        return VALUES[ordinal];
    }

    public static Storage of(FieldType field) {
        if (field.isPacked()) {
            return field.packedBits() == 8 ? I8 : I16;
        }
        return switch (field.type().kind()) {
            case I32, F32 -> I32;
            case I64, F64 -> I64;
            case V128 -> V128;
            case REF -> REF;
        };
    }
}
