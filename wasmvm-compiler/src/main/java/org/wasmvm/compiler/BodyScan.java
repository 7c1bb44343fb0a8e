package org.wasmvm.compiler;

import static org.wasmvm.core.binary.Opcodes.*;

import java.util.function.IntPredicate;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.lower.Immediates;
import org.wasmvm.core.model.FunctionBody;

/** A look at a body's opcodes before it is compiled (0xFC-prefixed ones as {@code 0xFC00 | sub}). */
final class BodyScan {
    private BodyScan() {
    }

    /** Whether some instruction of {@code body} has an opcode {@code test} accepts. */
    static boolean any(FunctionBody body, IntPredicate test) {
        var in = new ByteReader(body.code(), body.offset(), body.length());
        while (in.hasMore()) {
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            if (test.test(op)) {
                return true;
            }
            Immediates.skip(op, in);
        }
        return false;
    }

    /** Whether {@code body} has a GC instruction ({@code 0xFB} or {@code ref.eq}), reachable or not: they are not compiled yet. */
    static boolean usesGc(FunctionBody body) {
        return any(body, op -> op == PREFIX_FB || op == REF_EQ);
    }

    /** Whether {@code body} makes a tail call. */
    static boolean makesTailCalls(FunctionBody body) {
        return any(body, op -> op == RETURN_CALL || op == RETURN_CALL_INDIRECT || op == RETURN_CALL_REF);
    }
}
