package org.wasmvm.core.interp;

import static org.wasmvm.core.runtime.GcInstructions.array;
import static org.wasmvm.core.runtime.GcInstructions.index;

import org.wasmvm.core.gc.GcArray;
import org.wasmvm.core.gc.Storage;
import org.wasmvm.core.lower.Op;
import org.wasmvm.core.runtime.GcAllocation;
import org.wasmvm.core.runtime.GcInstructions;
import org.wasmvm.core.runtime.ModuleInstance;

/**
 * The array instructions of GC ({@link GcHandlers} routes them here): their operands from the slots into
 * {@link GcInstructions}, whose checks, traps and bulk work compiled code shares. Returns the next pc.
 */
final class GcArrayHandlers {
    private GcArrayHandlers() {
    }

    static int execute(int op, long[] s, long[] high, Object[] refs, int fp, int[] c, int pc, ModuleInstance instance) {
        switch (op) {
            case Op.ARRAY_NEW -> {
                int value = fp + c[pc + 1];
                refs[fp + c[pc]] = GcInstructions.newFilled(s[value], high(high, value, c[pc + 4]), refs[value],
                        (int) s[fp + c[pc + 2]], c[pc + 3], c[pc + 4], instance);
                return pc + 5;
            }
            case Op.ARRAY_NEW_DEFAULT -> {
                refs[fp + c[pc]] = GcInstructions.newDefault((int) s[fp + c[pc + 1]], c[pc + 2], c[pc + 3], instance);
                return pc + 4;
            }
            case Op.ARRAY_NEW_FIXED -> {
                int base = fp + c[pc + 1];
                int count = c[pc + 2];
                Storage storage = Storage.of(c[pc + 4]);
                GcArray array = GcAllocation.array(instance.context().limits(), c[pc + 3], storage, count);
                for (int i = 0; i < count; i++) {
                    array.set(storage, i, s[base + i], high(high, base + i, c[pc + 4]), refs[base + i]);
                }
                refs[fp + c[pc]] = array;
                return pc + 5;
            }
            case Op.ARRAY_NEW_DATA -> {
                refs[fp + c[pc]] = GcInstructions.newData((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]], c[pc + 3],
                        c[pc + 4], c[pc + 5], instance);
                return pc + 6;
            }
            case Op.ARRAY_NEW_ELEM -> {
                refs[fp + c[pc]] = GcInstructions.newElements((int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]],
                        c[pc + 3], c[pc + 4], instance);
                return pc + 5;
            }
            case Op.ARRAY_GET, Op.ARRAY_GET_U -> {
                GcArray array = array(refs[fp + c[pc + 1]]);
                int index = index(array, (int) s[fp + c[pc + 2]]);
                Storage storage = Storage.of(c[pc + 3]);
                int d = fp + c[pc];
                switch (storage) {
                    case REF -> refs[d] = array.ref(index);
                    case V128 -> {
                        s[d] = array.bits(storage, index);
                        high[d] = array.high(index);
                    }
                    default -> s[d] = op == Op.ARRAY_GET ? array.bits(storage, index)
                            : array.bits(storage, index) & (storage == Storage.I8 ? 0xFF : 0xFFFF);
                }
                return pc + 4;
            }
            case Op.ARRAY_SET -> {
                GcArray array = array(refs[fp + c[pc]]);
                int index = index(array, (int) s[fp + c[pc + 1]]);
                int value = fp + c[pc + 2];
                array.set(Storage.of(c[pc + 3]), index, s[value], high(high, value, c[pc + 3]), refs[value]);
                return pc + 4;
            }
            case Op.ARRAY_LEN -> {
                s[fp + c[pc]] = GcInstructions.length(refs[fp + c[pc + 1]]);
                return pc + 2;
            }
            case Op.ARRAY_FILL -> {
                int value = fp + c[pc + 2];
                GcInstructions.fill(refs[fp + c[pc]], (int) s[fp + c[pc + 1]], s[value], high(high, value, c[pc + 4]),
                        refs[value], (int) s[fp + c[pc + 3]], c[pc + 4]);
                return pc + 5;
            }
            case Op.ARRAY_COPY -> {
                GcInstructions.copy(refs[fp + c[pc]], (int) s[fp + c[pc + 1]], refs[fp + c[pc + 2]],
                        (int) s[fp + c[pc + 3]], (int) s[fp + c[pc + 4]], c[pc + 5]);
                return pc + 6;
            }
            case Op.ARRAY_INIT_DATA -> {
                GcInstructions.initData(refs[fp + c[pc]], (int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]],
                        (int) s[fp + c[pc + 3]], c[pc + 4], c[pc + 5], instance);
                return pc + 6;
            }
            case Op.ARRAY_INIT_ELEM -> {
                GcInstructions.initElements(refs[fp + c[pc]], (int) s[fp + c[pc + 1]], (int) s[fp + c[pc + 2]],
                        (int) s[fp + c[pc + 3]], c[pc + 4], instance);
                return pc + 5;
            }
            default -> throw new IllegalStateException("unknown lowered opcode 0x" + Integer.toHexString(op));
        }
    }

    /** The high half of the v128 in slot {@code slot}, or 0 for another storage (whose function may have no high slots). */
    private static long high(long[] high, int slot, int storage) {
        return storage == Storage.V128.ordinal() ? high[slot] : 0;
    }
}
