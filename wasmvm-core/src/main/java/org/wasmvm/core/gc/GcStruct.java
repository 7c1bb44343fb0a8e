package org.wasmvm.core.gc;

/**
 * A struct: its numeric fields in {@link #values} (a packed field truncated to its width, a {@code v128} in two
 * slots), its reference fields in {@link #refs}, each array only when the type has such fields. Where each field
 * lives is its type's {@link StructLayout}, which lowered code resolves once per instruction.
 */
public final class GcStruct extends GcObject {
    /** The numeric fields' slots, or null when the type has none. */
    public final long[] values;
    /** The reference fields' slots, or null when the type has none. */
    public final Object[] refs;

    /** A struct with every field zero or null: {@link StructLayout#allocate}, or compiled code, which knows the counts. */
    public GcStruct(int typeId, int valueSlots, int refSlots) {
        super(typeId);
        this.values = valueSlots == 0 ? null : new long[valueSlots];
        this.refs = refSlots == 0 ? null : new Object[refSlots];
    }

    /**
     * Writes field {@code field}: {@code bits} for a number (truncated when packed), {@code bits} and {@code high}
     * for a {@code v128}, {@code ref} for a reference.
     */
    public void set(StructLayout layout, int field, long bits, long high, Object ref) {
        int slot = layout.slot(field);
        switch (layout.storage(field)) {
            case I8 -> values[slot] = bits & 0xFF;
            case I16 -> values[slot] = bits & 0xFFFF;
            case I32, I64 -> values[slot] = bits;
            case V128 -> {
                values[slot] = bits;
                values[slot + 1] = high;
            }
            case REF -> refs[slot] = ref;
        }
    }

    @Override
    public String toString() {
        return "(ref struct)";
    }
}
