package org.wasmvm.core.runtime;

import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.Opcodes;
import org.wasmvm.core.model.ConstExpr;

/** Evaluates a validated constant expression to its raw slot value. */
final class ConstEvaluator {
    private ConstEvaluator() {
    }

    static long evaluate(ConstExpr expr, ModuleInstance instance) {
        var reader = new ByteReader(expr.code(), expr.offset(), expr.length());
        long value = 0;
        for (int op = reader.u8(); op != Opcodes.END; op = reader.u8()) {
            value = switch (op) {
                case Opcodes.I32_CONST -> reader.s32();
                case Opcodes.I64_CONST -> reader.s64();
                case Opcodes.F32_CONST -> reader.f32Bits();
                case Opcodes.F64_CONST -> reader.f64Bits();
                case Opcodes.REF_NULL -> {
                    reader.s33();
                    yield org.wasmvm.core.Value.NULL_REF;
                }
                case Opcodes.REF_FUNC -> instance.functions[reader.u32Index()].handle();
                case Opcodes.GLOBAL_GET -> instance.globals[reader.u32Index()].value;
                default -> throw new IllegalStateException("not a constant instruction: 0x" + Integer.toHexString(op));
            };
        }
        return value;
    }
}
