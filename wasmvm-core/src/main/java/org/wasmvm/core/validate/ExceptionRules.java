package org.wasmvm.core.validate;

import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.CatchClause;
import org.wasmvm.core.binary.Opcodes;

/**
 * Exception handling: {@code try_table}, {@code throw}, {@code throw_ref}, and the legacy {@code try},
 * {@code catch}, {@code catch_all}, {@code delegate} and {@code rethrow}, all illegal opcodes without
 * the feature. The legacy handlers are control frames opened by their own opcode, like {@code else}.
 */
final class ExceptionRules {
    private final BodyReader in;
    private final TypeStack stack;
    private final ControlRules control;
    private final ValidationContext ctx;
    private final boolean exceptions;

    ExceptionRules(BodyReader in, TypeStack stack, ControlRules control) {
        this.in = in;
        this.stack = stack;
        this.control = control;
        this.ctx = in.ctx;
        this.exceptions = ctx.features.exceptions();
    }

    /** The legacy {@code try}: a block that handlers ({@code catch}, {@code catch_all}, {@code delegate}) end. */
    void tryBlock() {
        in.requireFeature(exceptions, Opcodes.TRY);
        control.readBlockType();
        control.open(Opcodes.TRY);
    }

    /**
     * {@code try_table bt catch*}: a block whose catch clauses branch to labels outside it, each
     * label taking the clause's values (the tag's payload, then the exception for the _ref kinds).
     */
    void tryTable() {
        in.requireFeature(exceptions, Opcodes.TRY_TABLE);
        control.readBlockType();
        ByteReader r = in.r;
        int count = r.length();
        for (int i = 0; i < count; i++) {
            int kind = CatchClause.kind(r);
            int[] payload = CatchClause.hasTag(kind) ? readTag() : Types.EMPTY;
            if (!catchMatches(payload, CatchClause.passesExnref(kind), stack.labelTypes(stack.readLabel()))) {
                throw in.mismatch("catch clause does not match its label's type");
            }
        }
        control.open(Opcodes.TRY_TABLE);
    }

    /** Whether the values of a catch clause, {@code payload} then maybe a {@code (ref exn)}, match {@code label}. */
    private static boolean catchMatches(int[] payload, boolean exnref, int[] label) {
        int n = payload.length;
        if (label.length != n + (exnref ? 1 : 0)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!Types.isSubtype(payload[i], label[i])) {
                return false;
            }
        }
        return !exnref || Types.isSubtype(Types.REF_EXN, label[n]);
    }

    void throwTag() {
        in.requireFeature(exceptions, Opcodes.THROW);
        stack.popVals(readTag());
        stack.unreachable();
    }

    void throwRef() {
        in.requireFeature(exceptions, Opcodes.THROW_REF);
        stack.pop(Types.EXNREF);
        stack.unreachable();
    }

    /**
     * The legacy {@code catch x} and {@code catch_all}: end the {@code try} block (or the previous
     * catch) and start a handler block with the same results, on the tag's payload. After
     * {@code catch_all} no handler may follow.
     */
    void legacyCatch(int op) {
        in.requireFeature(exceptions, op);
        int opened = stack.opcode(stack.innermost());
        if (opened != Opcodes.TRY && opened != Opcodes.CATCH) {
            throw in.endExpected();
        }
        int[] payload = op == Opcodes.CATCH ? readTag() : Types.EMPTY;
        int[] end = stack.popCtrl();
        stack.pushCtrl(op, payload, end);
    }

    /** The legacy {@code delegate l}: ends a {@code try} without handlers; {@code l} counts from outside it. */
    void delegate() {
        in.requireFeature(exceptions, Opcodes.DELEGATE);
        if (stack.opcode(stack.innermost()) != Opcodes.TRY) {
            throw in.endExpected();
        }
        int[] end = stack.popCtrl();
        stack.readLabel();
        stack.pushVals(end);
    }

    /** The legacy {@code rethrow l}: re-throws the exception caught by the handler block at label {@code l}. */
    void rethrow() {
        in.requireFeature(exceptions, Opcodes.RETHROW);
        int frame = stack.readLabel();
        if (stack.opcode(frame) != Opcodes.CATCH && stack.opcode(frame) != Opcodes.CATCH_ALL) {
            throw in.invalid("invalid rethrow label");
        }
        stack.unreachable();
    }

    /** A tag index; returns the tag's payload types. */
    private int[] readTag() {
        int tag = in.r.u32();
        if (Integer.compareUnsigned(tag, ctx.tagParams.length) >= 0) {
            throw in.invalid("unknown tag " + Integer.toUnsignedString(tag));
        }
        return ctx.tagParams[tag];
    }
}
