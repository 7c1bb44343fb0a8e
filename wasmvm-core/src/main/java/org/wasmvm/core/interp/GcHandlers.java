package org.wasmvm.core.interp;

import org.wasmvm.core.gc.GcStruct;
import org.wasmvm.core.gc.I31;
import org.wasmvm.core.gc.StructLayout;
import org.wasmvm.core.lower.Op;
import org.wasmvm.core.runtime.GcInstructions;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.References;

/**
 * The GC instructions (the forms of {@link Op#GC_BASE}), out of the dispatch loop: structs and arrays are
 * {@link org.wasmvm.core.gc} objects in the reference slots {@code refs}, their numbers in the value slots
 * {@code s} (a v128's high half in {@code high}, which exists when the function moves vectors). Lowering resolved
 * every type: a field's slot, an array's storage, a cast's canonical target. The checks and traps are
 * {@link GcInstructions}', which compiled code calls too. Returns the next pc.
 */
final class GcHandlers {
    private GcHandlers() {
    }

    static int execute(int op, long[] s, long[] high, Object[] refs, int fp, int[] c, int pc, ModuleInstance instance) {
        switch (op) {
            case Op.STRUCT_NEW -> {
                StructLayout layout = instance.module().structLayout(c[pc + 2]);
                GcStruct struct = layout.allocate();
                int base = fp + c[pc + 1];
                for (int i = 0; i < layout.fieldCount(); i++) {
                    struct.set(layout, i, s[base + i], high == null ? 0 : high[base + i], refs[base + i]);
                }
                refs[fp + c[pc]] = struct;
                return pc + 3;
            }
            case Op.STRUCT_NEW_DEFAULT -> refs[fp + c[pc]] = instance.module().structLayout(c[pc + 1]).allocate();
            case Op.STRUCT_GET -> {
                s[fp + c[pc]] = GcInstructions.struct(refs[fp + c[pc + 1]]).values[c[pc + 2]];
                return pc + 3;
            }
            case Op.STRUCT_GET_S -> {
                int shift = c[pc + 3];
                s[fp + c[pc]] = GcInstructions.struct(refs[fp + c[pc + 1]]).values[c[pc + 2]] << shift >> shift;
                return pc + 4;
            }
            case Op.STRUCT_GET_REF -> {
                refs[fp + c[pc]] = GcInstructions.struct(refs[fp + c[pc + 1]]).refs[c[pc + 2]];
                return pc + 3;
            }
            case Op.STRUCT_GET_V128 -> {
                long[] values = GcInstructions.struct(refs[fp + c[pc + 1]]).values;
                s[fp + c[pc]] = values[c[pc + 2]];
                high[fp + c[pc]] = values[c[pc + 2] + 1];
                return pc + 3;
            }
            case Op.STRUCT_SET -> {
                GcInstructions.struct(refs[fp + c[pc]]).values[c[pc + 2]] = s[fp + c[pc + 1]] & c[pc + 3];
                return pc + 4;
            }
            case Op.STRUCT_SET_REF -> {
                GcInstructions.struct(refs[fp + c[pc]]).refs[c[pc + 2]] = refs[fp + c[pc + 1]];
                return pc + 3;
            }
            case Op.STRUCT_SET_V128 -> {
                long[] values = GcInstructions.struct(refs[fp + c[pc]]).values;
                values[c[pc + 2]] = s[fp + c[pc + 1]];
                values[c[pc + 2] + 1] = high[fp + c[pc + 1]];
                return pc + 3;
            }
            case Op.REF_TEST -> {
                s[fp + c[pc]] = References.matches(refs[fp + c[pc + 1]], c[pc + 2], c[pc + 3] != 0) ? 1 : 0;
                return pc + 4;
            }
            case Op.REF_CAST -> {
                refs[fp + c[pc]] = GcInstructions.cast(refs[fp + c[pc + 1]], c[pc + 2], c[pc + 3] != 0);
                return pc + 4;
            }
            case Op.REF_I31 -> refs[fp + c[pc]] = I31.of((int) s[fp + c[pc + 1]]);
            case Op.I31_GET_S -> s[fp + c[pc]] = GcInstructions.i31Signed(refs[fp + c[pc + 1]]);
            case Op.I31_GET_U -> s[fp + c[pc]] = GcInstructions.i31Unsigned(refs[fp + c[pc + 1]]);
            case Op.REF_EQ -> {
                s[fp + c[pc]] = References.equal(refs[fp + c[pc + 1]], refs[fp + c[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            default -> {
                return GcArrayHandlers.execute(op, s, high, refs, fp, c, pc, instance);
            }
        }
        return pc + 2;
    }
}
