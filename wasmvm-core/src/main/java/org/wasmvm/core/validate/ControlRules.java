package org.wasmvm.core.validate;

import static org.wasmvm.core.validate.Types.FUNCREF;
import static org.wasmvm.core.validate.Types.I32;

import java.util.Arrays;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.DecoderLimits;
import org.wasmvm.core.binary.Opcodes;
import org.wasmvm.core.model.ValType;

/**
 * Control instructions: blocks, branches, {@code return}, calls and tail calls. The exception
 * handling's blocks are {@link ExceptionRules}', which open their frames here.
 */
final class ControlRules {
    private final BodyReader in;
    private final TypeStack stack;
    private final ValidationContext ctx;
    private final boolean tailCalls;
    private final boolean functionReferences;

    /** br_table's targets, reused. */
    private int[] labels = new int[16];
    // the block type just read by readBlockType
    private int[] btStart;
    private int[] btEnd;

    ControlRules(BodyReader in, TypeStack stack) {
        this.in = in;
        this.stack = stack;
        this.ctx = in.ctx;
        this.tailCalls = ctx.features.tailCalls();
        this.functionReferences = ctx.features.functionReferences();
    }

    // ---------------------------------------------------------------- blocks

    void unreachable() {
        stack.unreachable();
    }

    /** {@code block} and {@code loop}. */
    void block(int op) {
        readBlockType();
        open(op);
    }

    void ifBlock() {
        readBlockType();
        stack.pop(I32);
        open(Opcodes.IF);
    }

    void elseBlock() {
        int frame = stack.innermost();
        if (stack.opcode(frame) != Opcodes.IF) {
            throw in.endExpected();
        }
        int[] start = stack.startTypes(frame);
        int[] end = stack.popCtrl();
        stack.pushCtrl(Opcodes.ELSE, start, end);
    }

    /**
     * Ends the innermost frame; returns whether that was the function's own, which ends the body.
     * Split in three so that the common path stays small enough for C1 to inline (docs/RATIONALE.md).
     */
    boolean end() {
        int frame = stack.innermost();
        if (stack.opcode(frame) == Opcodes.IF) {
            checkWithoutElse(frame);
        }
        return close();
    }

    /** An {@code if} without {@code else} passes its parameters on as its results when the condition is false. */
    private void checkWithoutElse(int frame) {
        if (!allSubtypes(stack.startTypes(frame), stack.endTypes(frame))) {
            throw in.mismatch("if without else must leave its parameters unchanged");
        }
    }

    /** Pops the innermost frame and pushes its results, unless it was the function's own: returns whether it was. */
    private boolean close() {
        int[] end = stack.popCtrl();
        if (stack.isEmpty()) {
            return true;
        }
        stack.pushVals(end);
        return false;
    }

    /** Opens a frame of the block type just read: its parameters move from the operands into it. */
    void open(int op) {
        stack.popVals(btStart);
        stack.pushCtrl(op, btStart, btEnd);
    }

    // ---------------------------------------------------------------- branches

    void br() {
        stack.popVals(stack.labelTypes(stack.readLabel()));
        stack.unreachable();
    }

    void brIf() {
        int[] types = stack.labelTypes(stack.readLabel());
        stack.pop(I32);
        stack.replaceVals(types);
    }

    void brTable() {
        ByteReader r = in.r;
        int n = r.u32Index();
        if (n > DecoderLimits.MAX_BR_TABLE_TARGETS) {
            // the decoder's limit, checked here too for bodies the decoder only delimited
            throw new MalformedModuleException(in.at, "too many br_table targets");
        }
        if (labels.length < n) {
            // grow gradually: a truncated body must fail on "unexpected end", not on a huge array
            labels = new int[Math.min(n, Math.max(labels.length * 2, r.remaining()))];
        }
        for (int i = 0; i < n; i++) {
            int l = stack.readLabel();
            if (i >= labels.length) {
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            labels[i] = l;
        }
        int dflt = stack.readLabel();
        stack.pop(I32);
        int[] dfltTypes = stack.labelTypes(dflt);
        for (int i = 0; i < n; i++) {
            int[] types = stack.labelTypes(labels[i]);
            if (types.length != dfltTypes.length) {
                throw in.mismatch("br_table targets have different arities");
            }
            stack.peekVals(types);
        }
        stack.popVals(dfltTypes);
        stack.unreachable();
    }

    void ret() {
        stack.popVals(stack.returnTypes());
        stack.unreachable();
    }

    // ---------------------------------------------------------------- calls

    void call() {
        int f = readFunction();
        invoke(ctx.funcParams[f], ctx.funcResults[f]);
    }

    void callIndirect() {
        int type = indirectCallee();
        invoke(ctx.typeParams[type], ctx.typeResults[type]);
    }

    void callRef() {
        int type = refCallee(Opcodes.CALL_REF);
        invoke(ctx.typeParams[type], ctx.typeResults[type]);
    }

    void returnCall() {
        in.requireFeature(tailCalls, Opcodes.RETURN_CALL);
        int f = readFunction();
        tailCall(ctx.funcParams[f], ctx.funcResults[f]);
    }

    void returnCallIndirect() {
        in.requireFeature(tailCalls, Opcodes.RETURN_CALL_INDIRECT);
        int type = indirectCallee();
        tailCall(ctx.typeParams[type], ctx.typeResults[type]);
    }

    void returnCallRef() {
        in.requireFeature(tailCalls, Opcodes.RETURN_CALL_REF);
        int type = refCallee(Opcodes.RETURN_CALL_REF);
        tailCall(ctx.typeParams[type], ctx.typeResults[type]);
    }

    private void invoke(int[] params, int[] results) {
        stack.popVals(params);
        stack.pushVals(results);
    }

    /**
     * A tail call returns what the callee returns, so the callee's results must be the caller's
     * (3.0: a subtype; without subtyping, equal); like {@code return}, the rest of the block is unreachable.
     */
    private void tailCall(int[] params, int[] results) {
        if (!allSubtypes(results, stack.returnTypes())) {
            throw in.mismatch("tail call's results differ from the function's");
        }
        stack.popVals(params);
        stack.unreachable();
    }

    /** A call's function index, which must name a function. */
    private int readFunction() {
        int f = in.r.u32();
        if (Integer.compareUnsigned(f, ctx.funcParams.length) >= 0 || ctx.funcParams[f] == null) {
            throw in.invalid("unknown function " + Integer.toUnsignedString(f));
        }
        return f;
    }

    /** The immediates of an indirect call (type, funcref table), and its table index operand; returns the type. */
    private int indirectCallee() {
        int type = in.r.u32();
        int table = in.readTable();
        if (!Types.isSubtype(ctx.tableElemTypes[table], FUNCREF)) {
            throw in.mismatch("call_indirect requires a funcref table");
        }
        checkFunctionType(type);
        stack.pop(ctx.tableIndexTypes[table]);
        return type;
    }

    /** The type immediate of {@code call_ref}/{@code return_call_ref}, and its reference operand; returns the type. */
    private int refCallee(int op) {
        in.requireFeature(functionReferences, op);
        int type = in.r.u32();
        checkFunctionType(type);
        stack.pop(Types.withNullable(ctx.refTo(type), true));
        return type;
    }

    // ---------------------------------------------------------------- immediates and helpers

    /** Reads a block type into btStart and btEnd (also for the exception handling blocks). */
    void readBlockType() {
        ByteReader r = in.r;
        if (!r.hasMore()) {
            r.u8(); // throws "unexpected end"
        }
        int b = r.bytes()[r.position()] & 0xFF;
        if (b == 0x40) {
            r.u8();
            btStart = Types.EMPTY;
            btEnd = Types.EMPTY;
            return;
        }
        if (ValType.fromCode(b) != null || b == ValType.REF_CODE || b == ValType.REF_NULL_CODE) {
            btStart = Types.EMPTY;
            btEnd = Types.single(in.readValType());
            return;
        }
        long index = r.s33();
        if (index < 0) {
            throw new MalformedModuleException(in.at, "malformed block type");
        }
        if (index >= ctx.typeParams.length) {
            throw in.invalid("unknown type " + index);
        }
        checkFunctionType((int) index);
        btStart = ctx.typeParams[(int) index];
        btEnd = ctx.typeResults[(int) index];
    }

    private void checkFunctionType(int type) {
        if (Integer.compareUnsigned(type, ctx.typeParams.length) >= 0) {
            throw in.invalid("unknown type " + Integer.toUnsignedString(type));
        }
        if (ctx.typeParams[type] == null) {
            throw in.mismatch("type " + type + " is not a function type");
        }
    }

    /** Whether each of {@code subs} is a subtype of the same position of {@code sups}. */
    private static boolean allSubtypes(int[] subs, int[] sups) {
        if (subs.length != sups.length) {
            return false;
        }
        for (int i = 0; i < subs.length; i++) {
            if (!Types.isSubtype(subs[i], sups[i])) {
                return false;
            }
        }
        return true;
    }
}
