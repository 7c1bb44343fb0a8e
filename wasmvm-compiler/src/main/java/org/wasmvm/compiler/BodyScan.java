package org.wasmvm.compiler;

import static org.wasmvm.core.binary.Opcodes.*;

import java.util.BitSet;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.lower.Immediates;
import org.wasmvm.core.model.FunctionBody;

/**
 * Which opcodes a body has, reachable or not (0xFC-prefixed ones as {@code 0xFC00 | sub}), read once before it
 * is compiled: every emission of its methods asks again.
 */
final class BodyScan {
    private final BitSet opcodes = new BitSet();
    private boolean callsItself;

    /** Scans the body of the function at {@code functionIndex}. */
    BodyScan(FunctionBody body, int functionIndex) {
        var in = new ByteReader(body.code(), body.offset(), body.length());
        while (in.hasMore()) {
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            opcodes.set(op);
            if (op == CALL) {
                callsItself |= in.u32() == functionIndex;
            } else {
                Immediates.skip(op, in);
            }
        }
    }

    /** Whether it has a plain {@code call} of itself (a {@code return_call} of itself does not count). */
    boolean callsItself() {
        return callsItself;
    }

    boolean makesTailCalls() {
        return opcodes.get(RETURN_CALL) || opcodes.get(RETURN_CALL_INDIRECT) || opcodes.get(RETURN_CALL_REF);
    }

    /** Whether it has a loop and makes no call (a tail call counts in the callee, after this function returned). */
    boolean loopsWithoutCalls() {
        return opcodes.get(LOOP) && !opcodes.get(CALL) && !opcodes.get(CALL_INDIRECT) && !opcodes.get(CALL_REF);
    }

    /** Whether it has an exception handler: a {@code try_table} or a legacy {@code try}. */
    boolean catches() {
        return opcodes.get(TRY_TABLE) || opcodes.get(TRY);
    }

    boolean rethrows() {
        return opcodes.get(RETHROW);
    }

    boolean delegates() {
        return opcodes.get(DELEGATE);
    }
}
