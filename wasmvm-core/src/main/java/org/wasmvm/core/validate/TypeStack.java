package org.wasmvm.core.validate;

import static org.wasmvm.core.validate.Types.UNKNOWN;

import java.util.Arrays;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.binary.Opcodes;

/**
 * The spec appendix's two stacks: operand types, and control frames (the opcode that opened the
 * frame, its start and end types, the operand height at its start, and whether an unconditional
 * branch made the rest of it polymorphic, where pops yield {@link Types#UNKNOWN}). Both are
 * primitive arrays reused across functions, so the walk allocates nothing per instruction.
 */
final class TypeStack {
    private final BodyReader in;
    private final Locals locals;

    private int[] vals = new int[64];
    private int sp;

    private int[] ctrlOp = new int[16];
    private int[] ctrlHeight = new int[16];
    private boolean[] ctrlUnreachable = new boolean[16];
    private int[][] ctrlStart = new int[16][];
    private int[][] ctrlEnd = new int[16][];
    /** {@link Locals#mark()} when each frame began: ending the frame unsets the locals set in it. */
    private int[] ctrlInitHeight = new int[16];
    private int csp;

    TypeStack(BodyReader in, Locals locals) {
        this.in = in;
        this.locals = locals;
    }

    /** Empties both stacks and opens the function's own frame, which ends with {@code results}. */
    void begin(int[] results) {
        sp = 0;
        csp = 0;
        pushCtrl(Opcodes.BLOCK, Types.EMPTY, results);
    }

    // ---------------------------------------------------------------- operands

    // push and pop keep only their common case inline, the rest in separate methods: the JIT
    // inlines them at dozens of sites in the walk, and a smaller walk is compiled sooner.

    void push(int type) {
        if (sp == vals.length) {
            vals = Arrays.copyOf(vals, sp * 2);
        }
        vals[sp++] = type;
    }

    void pushVals(int[] types) {
        for (int i = 0; i < types.length; i++) {
            push(types[i]);
        }
    }

    int pop() {
        if (sp > ctrlHeight[csp - 1]) {
            return vals[--sp];
        }
        return popFromEmptyFrame();
    }

    /** {@link #pop()} when the frame has no operands left: unknown in unreachable code, else an error. */
    private int popFromEmptyFrame() {
        if (ctrlUnreachable[csp - 1]) {
            return UNKNOWN;
        }
        throw in.mismatch("expected a value but the stack is empty");
    }

    int pop(int expect) {
        if (sp > ctrlHeight[csp - 1] && vals[sp - 1] == expect) {
            return vals[--sp];
        }
        return popChecked(expect);
    }

    private int popChecked(int expect) {
        if (sp == ctrlHeight[csp - 1]) {
            if (ctrlUnreachable[csp - 1]) {
                return UNKNOWN;
            }
            throw requires(expect, Types.EMPTY);
        }
        int actual = vals[--sp];
        if (!Types.isSubtype(actual, expect)) {
            throw requires(expect, Types.single(actual));
        }
        return actual;
    }

    void popVals(int[] types) {
        for (int i = types.length - 1; i >= 0; i--) {
            pop(types[i]);
        }
    }

    /** Pops a {@code type} and pushes it again: the operand that stays is typed as {@code type} (local.tee, memory.grow). */
    void replace(int type) {
        pop(type);
        push(type);
    }

    /** Pops {@code types} and pushes them again: the operands that stay are typed as {@code types} (br_if). */
    void replaceVals(int[] types) {
        popVals(types);
        pushVals(types);
    }

    /** Checks that the top of the stack matches {@code types} without popping (br_table targets). */
    void peekVals(int[] types) {
        int height = ctrlHeight[csp - 1];
        int pos = sp - 1;
        for (int i = types.length - 1; i >= 0; i--, pos--) {
            if (pos < height) {
                if (ctrlUnreachable[csp - 1]) {
                    return;
                }
                throw requires(types[i], Types.EMPTY);
            }
            int actual = vals[pos];
            if (!Types.isSubtype(actual, types[i])) {
                throw requires(types[i], Types.single(actual));
            }
        }
    }

    /** Pops a reference (the non-null bottom reference from an unreachable stack). */
    int popRef() {
        int t = pop();
        if (t == UNKNOWN) {
            return Types.REF | Types.BOTTOM_HEAP;
        }
        if (!Types.isReference(t)) {
            throw in.mismatch("expected a reference but got " + Types.name(t));
        }
        return t;
    }

    // ---------------------------------------------------------------- control frames

    void pushCtrl(int op, int[] start, int[] end) {
        if (csp == ctrlOp.length) {
            int n = csp * 2;
            ctrlOp = Arrays.copyOf(ctrlOp, n);
            ctrlHeight = Arrays.copyOf(ctrlHeight, n);
            ctrlUnreachable = Arrays.copyOf(ctrlUnreachable, n);
            ctrlStart = Arrays.copyOf(ctrlStart, n);
            ctrlEnd = Arrays.copyOf(ctrlEnd, n);
            ctrlInitHeight = Arrays.copyOf(ctrlInitHeight, n);
        }
        ctrlInitHeight[csp] = locals.mark();
        ctrlOp[csp] = op;
        ctrlHeight[csp] = sp;
        ctrlUnreachable[csp] = false;
        ctrlStart[csp] = start;
        ctrlEnd[csp] = end;
        csp++;
        pushVals(start);
    }

    /** Ends the innermost frame, whose end types must be exactly what its operands are; returns them. */
    int[] popCtrl() {
        int[] end = ctrlEnd[csp - 1];
        popVals(end);
        if (sp != ctrlHeight[csp - 1]) {
            // the popped values are still in vals, above sp
            throw in.mismatch("block requires " + Types.names(end, 0, end.length) + " but stack has "
                    + Types.names(vals, ctrlHeight[csp - 1], sp + end.length));
        }
        csp--;
        locals.unsetSince(ctrlInitHeight[csp]);
        return end;
    }

    /** Whether no frame is open: the function's own frame has ended. */
    boolean isEmpty() {
        return csp == 0;
    }

    /** The innermost frame's index. */
    int innermost() {
        return csp - 1;
    }

    /** Reads a label immediate and returns the frame it names. */
    int readLabel() {
        int l = in.r.u32();
        if (Integer.compareUnsigned(l, csp) >= 0) {
            throw in.invalid("unknown label");
        }
        return csp - 1 - l;
    }

    /** The opcode that opened {@code frame} ({@code block} for the function's own frame). */
    int opcode(int frame) {
        return ctrlOp[frame];
    }

    int[] startTypes(int frame) {
        return ctrlStart[frame];
    }

    int[] endTypes(int frame) {
        return ctrlEnd[frame];
    }

    /** The function's results, which {@code return} and tail calls must leave. */
    int[] returnTypes() {
        return ctrlEnd[0];
    }

    /** The types a branch to {@code frame} passes: a loop's start types, any other frame's end types. */
    int[] labelTypes(int frame) {
        return ctrlOp[frame] == Opcodes.LOOP ? ctrlStart[frame] : ctrlEnd[frame];
    }

    /** After an unconditional branch: the rest of the frame is polymorphic. */
    void unreachable() {
        sp = ctrlHeight[csp - 1];
        ctrlUnreachable[csp - 1] = true;
    }

    /** An operand that does not match, in the reference interpreter's words (one operand at a time). */
    private InvalidModuleException requires(int expected, int[] actual) {
        return in.mismatch("instruction requires [" + Types.name(expected) + "] but stack has "
                + Types.names(actual, 0, actual.length));
    }
}
