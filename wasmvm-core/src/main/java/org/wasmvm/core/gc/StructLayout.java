package org.wasmvm.core.gc;

import java.util.List;
import org.wasmvm.core.model.FieldType;
import org.wasmvm.core.model.StructType;

/**
 * Where the fields of one struct type live in a {@link GcStruct}: references in order in its {@code refs}, the rest
 * in order in its {@code values}, a {@code v128} taking two slots. Immutable; computed once per type.
 */
public final class StructLayout {
    private final int typeId;
    private final Storage[] storage;
    private final int[] slots;
    private final int valueSlots;
    private final int refSlots;

    private StructLayout(int typeId, Storage[] storage, int[] slots, int valueSlots, int refSlots) {
        this.typeId = typeId;
        this.storage = storage;
        this.slots = slots;
        this.valueSlots = valueSlots;
        this.refSlots = refSlots;
    }

    /** The layout of {@code type}, whose canonical id is {@code typeId}. */
    public static StructLayout of(int typeId, StructType type) {
        List<FieldType> fields = type.fields();
        Storage[] storage = new Storage[fields.size()];
        int[] slots = new int[fields.size()];
        int values = 0;
        int refs = 0;
        for (int i = 0; i < storage.length; i++) {
            storage[i] = Storage.of(fields.get(i));
            if (storage[i] == Storage.REF) {
                slots[i] = refs++;
            } else {
                slots[i] = values;
                values += storage[i] == Storage.V128 ? 2 : 1;
            }
        }
        return new StructLayout(typeId, storage, slots, values, refs);
    }

    /** A struct of this type with every field zero or null ({@code struct.new_default}). */
    public GcStruct allocate() {
        return new GcStruct(typeId, valueSlots, refSlots);
    }

    public int typeId() {
        return typeId;
    }

    public int fieldCount() {
        return storage.length;
    }

    public Storage storage(int field) {
        return storage[field];
    }

    /** The field's index in {@link GcStruct#refs} for a reference, else in {@link GcStruct#values} (its first of two for a v128). */
    public int slot(int field) {
        return slots[field];
    }
}
