package org.wasmvm.core.model;

/** A WebAssembly value type, with its binary encoding. */
public enum ValType {
    I32(0x7F), I64(0x7E), F32(0x7D), F64(0x7C), V128(0x7B), FUNCREF(0x70), EXTERNREF(0x6F);

    private final int code;

    ValType(int code) {
        this.code = code;
    }

    /** The byte that encodes this type in the binary format. */
    public int code() {
        return code;
    }

    /** Whether this is a reference type (funcref or externref). */
    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }

    /** Whether this is a numeric type (i32, i64, f32, f64). */
    public boolean isNumeric() {
        return this == I32 || this == I64 || this == F32 || this == F64;
    }

    /** The type encoded by {@code code}, or {@code null} when the byte encodes no value type. */
    public static ValType fromCode(int code) {
        return switch (code) {
            case 0x7F -> I32;
            case 0x7E -> I64;
            case 0x7D -> F32;
            case 0x7C -> F64;
            case 0x7B -> V128;
            case 0x70 -> FUNCREF;
            case 0x6F -> EXTERNREF;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
