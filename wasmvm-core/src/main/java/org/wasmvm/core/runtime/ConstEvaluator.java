package org.wasmvm.core.runtime;

import org.wasmvm.core.Value;
import org.wasmvm.core.model.ConstExpr;
import org.wasmvm.core.model.ConstExpr.Instruction;
import org.wasmvm.core.model.ValType;

/**
 * Evaluates a validated constant expression: a number to its raw slot value, on a small stack (i32
 * results kept sign-extended, as {@code i32.const} gives them); a reference to its object; a v128 to
 * its halves (one instruction: {@code v128.const} or {@code global.get}).
 */
final class ConstEvaluator {
    private ConstEvaluator() {
    }

    /** The value of a global's initializer, of type {@code type}. */
    static Value evaluateValue(ValType type, ConstExpr expr, ModuleInstance instance) {
        if (type.isReference()) {
            return Value.fromRef(type, evaluateReference(expr, instance));
        }
        if (type == ValType.V128) {
            Instruction instruction = expr.instructions().get(0);
            return instruction.op() == ConstExpr.Op.GLOBAL_GET ? instance.globals[(int) instruction.immediate()].get()
                    : Value.v128(instruction.immediate(), instruction.high());
        }
        return Value.fromBits(type, evaluate(expr, instance));
    }

    static long evaluate(ConstExpr expr, ModuleInstance instance) {
        long[] stack = new long[expr.instructions().size()];
        int height = 0;
        for (Instruction instruction : expr.instructions()) {
            if (instruction.op().isBinary()) {
                height--;
                stack[height - 1] = arithmetic(instruction.op(), stack[height - 1], stack[height]);
            } else {
                stack[height++] = operand(instruction, instance);
            }
        }
        return stack[0];
    }

    /** A reference expression is one instruction: {@code ref.null}, {@code ref.func} or {@code global.get}. */
    static Object evaluateReference(ConstExpr expr, ModuleInstance instance) {
        Instruction instruction = expr.instructions().get(expr.instructions().size() - 1);
        return switch (instruction.op()) {
            case REF_NULL -> null;
            case REF_FUNC -> instance.functions[(int) instruction.immediate()];
            case GLOBAL_GET -> instance.globals[(int) instruction.immediate()].ref;
            default -> throw new IllegalStateException("not a validated reference expression: " + instruction);
        };
    }

    private static long operand(Instruction instruction, ModuleInstance instance) {
        return switch (instruction.op()) {
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST -> instruction.immediate();
            case GLOBAL_GET -> instance.globals[(int) instruction.immediate()].value;
            default -> throw new IllegalStateException("not a validated constant operand: " + instruction);
        };
    }

    /** Wrapping two's-complement arithmetic, as the numeric instructions compute it. */
    private static long arithmetic(ConstExpr.Op op, long left, long right) {
        return switch (op) {
            case I32_ADD -> (int) left + (int) right;
            case I32_SUB -> (int) left - (int) right;
            case I32_MUL -> (int) left * (int) right;
            case I64_ADD -> left + right;
            case I64_SUB -> left - right;
            case I64_MUL -> left * right;
            default -> throw new IllegalStateException("not arithmetic: " + op);
        };
    }
}
