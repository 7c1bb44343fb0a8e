package org.wasmvm.core.model;

/**
 * A struct field or array element: a value type or a packed integer, mutable or not.
 *
 * @param type the value type; {@link ValType#I32} for a packed field
 * @param packedBits 8 or 16 for the packed storage types {@code i8} and {@code i16}, 0 for a value type
 * @param mutable whether the field may be written
 */
public record FieldType(ValType type, int packedBits, boolean mutable) {
    /** Whether the storage type is {@code i8} or {@code i16}: read with sign or zero extension, written truncated. */
    public boolean isPacked() {
        return packedBits != 0;
    }

    @Override
    public String toString() {
        String storage = packedBits == 0 ? type.toString() : "i" + packedBits;
        return mutable ? "(mut " + storage + ")" : storage;
    }

    // equals and hashCode written out for a cold start's sake, as in SubType
    @Override
    public boolean equals(Object other) {
        return other instanceof FieldType that && type.equals(that.type) && packedBits == that.packedBits
                && mutable == that.mutable;
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + packedBits) * 31 + Boolean.hashCode(mutable);
    }
}
