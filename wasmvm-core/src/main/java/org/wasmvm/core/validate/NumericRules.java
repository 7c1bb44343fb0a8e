package org.wasmvm.core.validate;

import static org.wasmvm.core.validate.Types.F32;
import static org.wasmvm.core.validate.Types.F64;
import static org.wasmvm.core.validate.Types.I32;
import static org.wasmvm.core.validate.Types.I64;
import static org.wasmvm.core.validate.Types.NONE;

/**
 * Numeric instructions: the constants, and the unary, binary, comparison and conversion operators,
 * whose types come from {@link OperatorTables#NUMERIC}.
 */
final class NumericRules {
    private final BodyReader in;
    private final TypeStack stack;

    NumericRules(BodyReader in, TypeStack stack) {
        this.in = in;
        this.stack = stack;
    }

    void i32Const() {
        in.r.s32();
        stack.push(I32);
    }

    void i64Const() {
        in.r.s64();
        stack.push(I64);
    }

    void f32Const() {
        in.r.f32Bits();
        stack.push(F32);
    }

    void f64Const() {
        in.r.f64Bits();
        stack.push(F64);
    }

    /** An operator of signature {@code sig}, an entry of {@link OperatorTables#NUMERIC}. */
    void operator(int sig) {
        int p1 = sig & 0xF;
        int p2 = sig >>> 4 & 0xF;
        if (p2 != NONE) {
            stack.pop(p2);
        }
        stack.pop(p1);
        stack.push(sig >>> 8);
    }
}
