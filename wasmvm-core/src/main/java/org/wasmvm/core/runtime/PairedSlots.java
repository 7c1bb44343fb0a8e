package org.wasmvm.core.runtime;

import java.util.List;
import org.wasmvm.core.Value;
import org.wasmvm.core.model.ValType;

/**
 * Values in the raw layout of compiled code's {@code long[]}s (several results, pending tail calls,
 * calls through bridges): one {@code long} per value, two for a {@code v128} (low half, then high);
 * a reference is an element of an {@code Object[]} beside them at the same index (its {@code long}
 * is unused). The interpreter holds the high half in a second array at the value's own index
 * instead; these convert between the two, and to {@link Value}s for typed host functions. Numeric
 * values are the same in all layouts, so callers convert only where a {@code v128} or a reference
 * is involved ({@link #has}, {@link #hasReferences}). A {@code refs} array may be null where no value is a reference.
 */
public final class PairedSlots {
    private PairedSlots() {
    }

    /** Whether {@code types} has a {@code v128} (only then do the layouts of numbers differ). */
    public static boolean has(List<ValType> types) {
        return types.contains(ValType.V128);
    }

    /** Whether {@code types} has a reference (only then is an {@code Object[]} needed). */
    public static boolean hasReferences(List<ValType> types) {
        for (ValType type : types) {
            if (type.isReference()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code types} has a {@code v128} or a reference: values that need more than the {@code long[]}. */
    public static boolean hasWide(List<ValType> types) {
        return has(types) || hasReferences(types);
    }

    /** The number of {@code long}s that {@code types} take in the paired layout. */
    public static int count(List<ValType> types) {
        int count = types.size();
        for (ValType type : types) {
            if (type == ValType.V128) {
                count++;
            }
        }
        return count;
    }

    /**
     * The values of {@code types} at {@code slots[base…]} (high halves in {@code high}, references in
     * {@code refs}), paired; their references go to {@code pairedRefs}.
     */
    public static long[] pair(List<ValType> types, long[] slots, long[] high, Object[] refs, int base, Object[] pairedRefs) {
        long[] paired = new long[count(types)];
        int j = 0;
        for (int i = 0; i < types.size(); i++) {
            ValType type = types.get(i);
            if (type.isReference()) {
                pairedRefs[j] = refs[base + i];
            }
            paired[j++] = slots[base + i];
            if (type == ValType.V128) {
                paired[j++] = high[base + i];
            }
        }
        return paired;
    }

    /** Writes the paired values of {@code types} (references in {@code pairedRefs}) to {@code slots[base…]}, {@code high} and {@code refs}. */
    public static void unpair(List<ValType> types, long[] paired, Object[] pairedRefs, long[] slots, long[] high,
            Object[] refs, int base) {
        int j = 0;
        for (int i = 0; i < types.size(); i++) {
            ValType type = types.get(i);
            if (type.isReference()) {
                refs[base + i] = pairedRefs[j];
            }
            slots[base + i] = paired[j++];
            if (type == ValType.V128) {
                high[base + i] = paired[j++];
            }
        }
    }

    /** The paired values of {@code types} (references in {@code refs}) as {@link Value}s. */
    public static Value[] values(List<ValType> types, long[] paired, Object[] refs) {
        Value[] values = new Value[types.size()];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            ValType type = types.get(i);
            values[i] = type == ValType.V128 ? Value.v128(paired[j++], paired[j++])
                    : Value.fromSlots(type, paired[j], 0, type.isReference() ? refs[j] : null);
            if (type != ValType.V128) {
                j++;
            }
        }
        return values;
    }

    /** {@code values} paired; their references go to {@code refs} (which may be null when there are none). */
    public static long[] of(List<ValType> types, Value[] values, Object[] refs) {
        long[] paired = new long[count(types)];
        int j = 0;
        for (Value value : values) {
            if (value.type().isReference()) {
                refs[j] = value.ref();
            }
            paired[j++] = value.bits();
            if (value.type() == ValType.V128) {
                paired[j++] = value.high();
            }
        }
        return paired;
    }
}
