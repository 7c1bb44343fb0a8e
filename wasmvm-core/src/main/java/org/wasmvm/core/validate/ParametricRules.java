package org.wasmvm.core.validate;

import static org.wasmvm.core.validate.Types.I32;
import static org.wasmvm.core.validate.Types.UNKNOWN;

import org.wasmvm.core.binary.ByteReader;

/** Parametric instructions: {@code drop}, and {@code select} without and with its type immediate. */
final class ParametricRules {
    private final BodyReader in;
    private final TypeStack stack;

    ParametricRules(BodyReader in, TypeStack stack) {
        this.in = in;
        this.stack = stack;
    }

    void drop() {
        stack.pop();
    }

    /** Untyped {@code select} takes two operands of the same number or vector type, not references. */
    void select() {
        stack.pop(I32);
        int t1 = stack.pop();
        int t2 = stack.pop();
        boolean num1 = t1 == UNKNOWN || t1 <= Types.V128;
        boolean num2 = t2 == UNKNOWN || t2 <= Types.V128;
        if (!(num1 && num2)) {
            throw in.mismatch("select without type requires numeric operands");
        }
        if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN) {
            throw in.mismatch("select operands differ");
        }
        stack.push(t1 == UNKNOWN ? t2 : t1);
    }

    /** {@code select t*}: all types are read before the arity, which must be one, is checked. */
    void selectTyped() {
        ByteReader r = in.r;
        int count = r.u32();
        int t = UNKNOWN;
        for (int i = 0; Integer.compareUnsigned(i, count) < 0; i++) {
            t = in.readValType();
        }
        if (count != 1) {
            throw in.invalid("invalid result arity");
        }
        stack.pop(I32);
        stack.pop(t);
        stack.pop(t);
        stack.push(t);
    }
}
