package org.wasmvm.core.interp;

import static org.wasmvm.core.binary.Opcodes.REF_FUNC;
import static org.wasmvm.core.binary.Opcodes.REF_IS_NULL;

import java.util.Arrays;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.lower.Op;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.Trap;

/**
 * The reference instructions, and the lowered moves of slots that may hold a reference, out of the
 * dispatch loop: they use the reference slots {@code refs} beside the value slots {@code s} (same
 * slot numbers), which exist once a function with references runs. The moves also move the high
 * halves of v128 values, {@code high}, once a function with vectors ran (else it is null). Returns the next pc.
 */
final class ReferenceHandlers {
    private ReferenceHandlers() {
    }

    static boolean handles(int op) {
        return switch (op) {
            case REF_IS_NULL, REF_FUNC, Op.REF_AS_NON_NULL, Op.REF_NULL, Op.COPY_BOTH, Op.SELECT_BOTH, Op.MOVE_REFS,
                    Op.RETURN_REFS, Op.GLOBAL_GET_REF, Op.GLOBAL_SET_REF -> true;
            default -> false;
        };
    }

    static int execute(int op, long[] s, Object[] refs, long[] high, int fp, int[] c, int pc, ModuleInstance instance) {
        switch (op) {
            case REF_IS_NULL -> s[fp + c[pc]] = refs[fp + c[pc + 1]] == null ? 1 : 0;
            case Op.REF_AS_NON_NULL -> {
                Object ref = refs[fp + c[pc + 1]];
                if (ref == null) {
                    throw new Trap(TrapKind.NULL_REFERENCE);
                }
                refs[fp + c[pc]] = ref;
            }
            case Op.REF_NULL -> {
                refs[fp + c[pc]] = null;
                return pc + 1;
            }
            case REF_FUNC -> refs[fp + c[pc]] = instance.functions[c[pc + 1]];
            case Op.COPY_BOTH -> move(s, refs, high, fp + c[pc + 1], fp + c[pc]);
            case Op.SELECT_BOTH -> {
                move(s, refs, high, fp + ((int) s[fp + c[pc + 3]] != 0 ? c[pc + 1] : c[pc + 2]), fp + c[pc]);
                return pc + 4;
            }
            case Op.MOVE_REFS -> {
                System.arraycopy(refs, fp + c[pc], refs, fp + c[pc + 1], c[pc + 2]);
                if (high != null) {
                    System.arraycopy(high, fp + c[pc], high, fp + c[pc + 1], c[pc + 2]);
                }
                return pc + 3;
            }
            case Op.RETURN_REFS -> {
                int results = c[pc + 1];
                System.arraycopy(refs, fp + c[pc], refs, fp, results);
                Arrays.fill(refs, fp + results, fp + c[pc + 2], null);
                if (high != null) {
                    System.arraycopy(high, fp + c[pc], high, fp, results);
                }
                return pc + 3;
            }
            case Op.GLOBAL_GET_REF -> refs[fp + c[pc]] = instance.globals[c[pc + 1]].ref;
            case Op.GLOBAL_SET_REF -> instance.globals[c[pc + 1]].ref = refs[fp + c[pc]];
            default -> throw new IllegalStateException("unknown lowered opcode 0x" + Integer.toHexString(op));
        }
        return pc + 2;
    }

    /** Copies slot {@code from} to slot {@code to} in every array. */
    private static void move(long[] s, Object[] refs, long[] high, int from, int to) {
        s[to] = s[from];
        refs[to] = refs[from];
        if (high != null) {
            high[to] = high[from];
        }
    }
}
