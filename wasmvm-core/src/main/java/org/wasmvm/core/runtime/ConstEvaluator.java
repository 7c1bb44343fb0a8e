package org.wasmvm.core.runtime;

import java.util.List;
import org.wasmvm.core.Value;
import org.wasmvm.core.gc.GcArray;
import org.wasmvm.core.gc.GcStruct;
import org.wasmvm.core.gc.I31;
import org.wasmvm.core.gc.Storage;
import org.wasmvm.core.gc.StructLayout;
import org.wasmvm.core.model.ConstExpr;
import org.wasmvm.core.model.ConstExpr.Instruction;
import org.wasmvm.core.model.ValType;

/**
 * Evaluates a validated constant expression on a small stack of slots as the interpreter keeps them: a number's
 * raw bits (i32 results sign-extended, as {@code i32.const} gives them), a v128's high half beside them, a
 * reference's object. GC allocations make their objects here, within the store's limits ({@link GcAllocation}).
 */
final class ConstEvaluator {
    /** The stack: one slot per instruction at most, each in three parallel arrays. */
    private final long[] bits;
    private final long[] high;
    private final Object[] refs;
    private int height;

    private ConstEvaluator(int capacity) {
        bits = new long[capacity];
        high = new long[capacity];
        refs = new Object[capacity];
    }

    /** The value of a global's initializer, of type {@code type}. */
    static Value evaluateValue(ValType type, ConstExpr expr, ModuleInstance instance) {
        ConstEvaluator result = run(expr, instance);
        return Value.fromSlots(type, result.bits[0], result.high[0], result.refs[0]);
    }

    /** The raw bits of a numeric expression (a segment's offset). */
    static long evaluate(ConstExpr expr, ModuleInstance instance) {
        return run(expr, instance).bits[0];
    }

    /** The object of a reference expression (an element, a table's initializer). */
    static Object evaluateReference(ConstExpr expr, ModuleInstance instance) {
        return run(expr, instance).refs[0];
    }

    private static ConstEvaluator run(ConstExpr expr, ModuleInstance instance) {
        List<Instruction> instructions = expr.instructions();
        var stack = new ConstEvaluator(instructions.size());
        for (Instruction instruction : instructions) {
            stack.execute(instruction, instance);
        }
        return stack;
    }

    private void execute(Instruction instruction, ModuleInstance instance) {
        switch (instruction.op()) {
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST -> push(instruction.immediate(), 0, null);
            case V128_CONST -> push(instruction.immediate(), instruction.high(), null);
            case REF_NULL -> push(0, 0, null);
            case REF_FUNC -> push(0, 0, instance.functions[(int) instruction.immediate()]);
            case GLOBAL_GET -> {
                GlobalInstance global = instance.globals[(int) instruction.immediate()];
                push(global.value, global.high, global.ref);
            }
            case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> {
                height--;
                bits[height - 1] = arithmetic(instruction.op(), bits[height - 1], bits[height]);
            }
            case STRUCT_NEW, STRUCT_NEW_DEFAULT -> structNew(instruction, instance);
            case ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED -> arrayNew(instruction, instance);
            case REF_I31 -> refs[height - 1] = I31.of((int) bits[height - 1]);
            case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {
                // the same object in the other hierarchy (References)
            }
            case NOT_CONSTANT -> throw new IllegalStateException("not a validated constant expression: " + instruction);
        }
    }

    private void push(long value, long upper, Object ref) {
        bits[height] = value;
        high[height] = upper;
        refs[height] = ref;
        height++;
    }

    /** The fields are the top slots, the first deepest. */
    private void structNew(Instruction instruction, ModuleInstance instance) {
        StructLayout layout = instance.module().structLayout((int) instruction.immediate());
        GcStruct struct = layout.allocate();
        if (instruction.op() == ConstExpr.Op.STRUCT_NEW) {
            height -= layout.fieldCount();
            for (int i = 0; i < layout.fieldCount(); i++) {
                struct.set(layout, i, bits[height + i], high[height + i], refs[height + i]);
            }
        }
        push(0, 0, struct);
    }

    /** {@code array.new} (value and length), {@code array.new_default} (length), {@code array.new_fixed} (n values). */
    private void arrayNew(Instruction instruction, ModuleInstance instance) {
        int typeIndex = (int) instruction.immediate();
        Storage storage = instance.module().arrayStorage(typeIndex);
        int typeId = instance.module().typeId(typeIndex);
        long length = instruction.op() == ConstExpr.Op.ARRAY_NEW_FIXED ? instruction.high() : bits[--height] & 0xFFFFFFFFL;
        GcArray array = GcAllocation.array(instance.context().limits(), typeId, storage, length);
        switch (instruction.op()) {
            case ARRAY_NEW -> {
                height--;
                for (int i = 0; i < length; i++) {
                    array.set(storage, i, bits[height], high[height], refs[height]);
                }
            }
            case ARRAY_NEW_FIXED -> {
                height -= (int) length;
                for (int i = 0; i < length; i++) {
                    array.set(storage, i, bits[height + i], high[height + i], refs[height + i]);
                }
            }
            default -> {
            }
        }
        push(0, 0, array);
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
