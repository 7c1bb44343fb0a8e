package org.wasmvm.core.runtime;

import java.util.List;
import org.wasmvm.core.Value;
import org.wasmvm.core.model.ValType;

/**
 * Values in the raw layout of compiled code's {@code long[]}s (several results, pending tail calls,
 * calls through bridges): one {@code long} per value, two for a {@code v128} (low half, then high).
 * The interpreter holds the high half in a second array at the value's own index instead; these
 * convert between the two, and to {@link Value}s for typed host functions. Numeric values are the
 * same in all layouts, so callers convert only where a {@code v128} is involved ({@link #has}).
 */
public final class PairedSlots {
    private PairedSlots() {
    }

    /** Whether {@code types} has a {@code v128} (only then do the layouts differ). */
    public static boolean has(List<ValType> types) {
        return types.contains(ValType.V128);
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

    /** The values of {@code types} at {@code slots[base…]} (high halves in {@code high}), paired. */
    public static long[] pair(List<ValType> types, long[] slots, long[] high, int base) {
        long[] paired = new long[count(types)];
        int j = 0;
        for (int i = 0; i < types.size(); i++) {
            paired[j++] = slots[base + i];
            if (types.get(i) == ValType.V128) {
                paired[j++] = high[base + i];
            }
        }
        return paired;
    }

    /** Writes the paired values of {@code types} to {@code slots[base…]}, the high halves to {@code high}. */
    public static void unpair(List<ValType> types, long[] paired, long[] slots, long[] high, int base) {
        int j = 0;
        for (int i = 0; i < types.size(); i++) {
            slots[base + i] = paired[j++];
            if (types.get(i) == ValType.V128) {
                high[base + i] = paired[j++];
            }
        }
    }

    /** The paired values of {@code types} as {@link Value}s. */
    public static Value[] values(List<ValType> types, long[] paired) {
        Value[] values = new Value[types.size()];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            ValType type = types.get(i);
            values[i] = type == ValType.V128 ? Value.v128(paired[j++], paired[j++]) : Value.fromBits(type, paired[j++]);
        }
        return values;
    }

    /** {@code values} paired. */
    public static long[] of(List<ValType> types, Value[] values) {
        long[] paired = new long[count(types)];
        int j = 0;
        for (Value value : values) {
            paired[j++] = value.bits();
            if (value.type() == ValType.V128) {
                paired[j++] = value.high();
            }
        }
        return paired;
    }
}
