package org.wasmvm.compiler;

import static org.objectweb.asm.Opcodes.*;
import static org.wasmvm.core.binary.Opcodes.*;

import org.objectweb.asm.MethodVisitor;
import org.wasmvm.core.model.ValType;

/**
 * Numeric instructions as JVM bytecode: most are one JVM instruction; the ones with wasm-specific
 * semantics (trapping division, NaN-exact sign operations, min/max, rounding, truncation) call
 * {@link org.wasmvm.compiled.Numerics}, which shares the interpreter's code.
 */
final class NumericEmitter {
    private static final String NUMERICS = "org/wasmvm/compiled/Numerics";
    private static final String NUMERIC_OPS = "org/wasmvm/core/interp/NumericOps";

    private final MethodVisitor mv;
    private final OperandTypes types;

    NumericEmitter(MethodVisitor mv, OperandTypes types) {
        this.mv = mv;
        this.types = types;
    }

    /** Whether {@code op} traps (division, truncation): it then needs a trap range for its frame. */
    static boolean traps(int op) {
        return (op >= I32_DIV_S && op <= I32_REM_U) || (op >= I64_DIV_S && op <= I64_REM_U)
                || (op >= I32_TRUNC_F32_S && op <= I32_TRUNC_F64_U) || (op >= I64_TRUNC_F32_S && op <= I64_TRUNC_F64_U);
    }

    /**
     * For a comparison, emits what precedes the jump (e.g. {@code lcmp}) and returns the JVM jump
     * opcode that is taken when the comparison is true; -1 for any other instruction.
     */
    int compare(int op) {
        int jump = switch (op) {
            case I32_EQZ -> IFEQ;
            case I32_EQ -> IF_ICMPEQ;
            case I32_NE -> IF_ICMPNE;
            case I32_LT_S -> IF_ICMPLT;
            case I32_GT_S -> IF_ICMPGT;
            case I32_LE_S -> IF_ICMPLE;
            case I32_GE_S -> IF_ICMPGE;
            case I32_LT_U, I64_LT_U, I64_LT_S, F32_LT, F64_LT -> IFLT;
            case I32_GT_U, I64_GT_U, I64_GT_S, F32_GT, F64_GT -> IFGT;
            case I32_LE_U, I64_LE_U, I64_LE_S, F32_LE, F64_LE -> IFLE;
            case I32_GE_U, I64_GE_U, I64_GE_S, F32_GE, F64_GE -> IFGE;
            case I64_EQZ, I64_EQ, F32_EQ, F64_EQ -> IFEQ;
            case I64_NE, F32_NE, F64_NE -> IFNE;
            default -> -1;
        };
        if (jump < 0) {
            return -1;
        }
        switch (op) {
            case I32_LT_U, I32_GT_U, I32_LE_U, I32_GE_U ->
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
            case I64_LT_U, I64_GT_U, I64_LE_U, I64_GE_U ->
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
            case I64_EQZ -> {
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
            }
            case I64_EQ, I64_NE, I64_LT_S, I64_GT_S, I64_LE_S, I64_GE_S -> mv.visitInsn(LCMP);
            // NaN compares false: fcmpg makes it 1 for < and <=, fcmpl -1 for > and >= (and ==, !=)
            case F32_LT, F32_LE -> mv.visitInsn(FCMPG);
            case F32_EQ, F32_NE, F32_GT, F32_GE -> mv.visitInsn(FCMPL);
            case F64_LT, F64_LE -> mv.visitInsn(DCMPG);
            case F64_EQ, F64_NE, F64_GT, F64_GE -> mv.visitInsn(DCMPL);
            default -> {
            }
        }
        types.pop(op == I32_EQZ || op == I64_EQZ ? 1 : 2);
        types.push(ValType.I32);
        return jump;
    }

    /** Emits a non-comparison numeric instruction (0x67…0xC4, saturating truncations); false if {@code op} is none. */
    boolean emit(int op) {
        switch (op) {
            case I32_CLZ -> intrinsic("java/lang/Integer", "numberOfLeadingZeros", "(I)I");
            case I32_CTZ -> intrinsic("java/lang/Integer", "numberOfTrailingZeros", "(I)I");
            case I32_POPCNT -> intrinsic("java/lang/Integer", "bitCount", "(I)I");
            case I32_ADD -> binary(IADD);
            case I32_SUB -> binary(ISUB);
            case I32_MUL -> binary(IMUL);
            case I32_DIV_S -> call(NUMERIC_OPS, "i32DivS", "(II)I", 2, ValType.I32);
            case I32_DIV_U -> call(NUMERIC_OPS, "i32DivU", "(II)I", 2, ValType.I32);
            case I32_REM_S -> call(NUMERIC_OPS, "i32RemS", "(II)I", 2, ValType.I32);
            case I32_REM_U -> call(NUMERIC_OPS, "i32RemU", "(II)I", 2, ValType.I32);
            case I32_AND -> binary(IAND);
            case I32_OR -> binary(IOR);
            case I32_XOR -> binary(IXOR);
            case I32_SHL -> binary(ISHL);
            case I32_SHR_S -> binary(ISHR);
            case I32_SHR_U -> binary(IUSHR);
            case I32_ROTL -> call("java/lang/Integer", "rotateLeft", "(II)I", 2, ValType.I32);
            case I32_ROTR -> call("java/lang/Integer", "rotateRight", "(II)I", 2, ValType.I32);
            case I64_CLZ -> longCount("numberOfLeadingZeros");
            case I64_CTZ -> longCount("numberOfTrailingZeros");
            case I64_POPCNT -> longCount("bitCount");
            case I64_ADD -> binary(LADD);
            case I64_SUB -> binary(LSUB);
            case I64_MUL -> binary(LMUL);
            case I64_DIV_S -> call(NUMERIC_OPS, "i64DivS", "(JJ)J", 2, ValType.I64);
            case I64_DIV_U -> call(NUMERIC_OPS, "i64DivU", "(JJ)J", 2, ValType.I64);
            case I64_REM_S -> call(NUMERIC_OPS, "i64RemS", "(JJ)J", 2, ValType.I64);
            case I64_REM_U -> call(NUMERIC_OPS, "i64RemU", "(JJ)J", 2, ValType.I64);
            case I64_AND -> binary(LAND);
            case I64_OR -> binary(LOR);
            case I64_XOR -> binary(LXOR);
            case I64_SHL -> shift(LSHL);
            case I64_SHR_S -> shift(LSHR);
            case I64_SHR_U -> shift(LUSHR);
            case I64_ROTL -> rotate("rotateLeft");
            case I64_ROTR -> rotate("rotateRight");
            case F32_ABS -> numerics("f32Abs", "(F)F", 1, ValType.F32);
            case F32_NEG -> numerics("f32Neg", "(F)F", 1, ValType.F32);
            case F32_CEIL -> numerics("f32Ceil", "(F)F", 1, ValType.F32);
            case F32_FLOOR -> numerics("f32Floor", "(F)F", 1, ValType.F32);
            case F32_TRUNC -> numerics("f32Trunc", "(F)F", 1, ValType.F32);
            case F32_NEAREST -> numerics("f32Nearest", "(F)F", 1, ValType.F32);
            case F32_SQRT -> numerics("f32Sqrt", "(F)F", 1, ValType.F32);
            case F32_ADD -> binary(FADD);
            case F32_SUB -> binary(FSUB);
            case F32_MUL -> binary(FMUL);
            case F32_DIV -> binary(FDIV);
            case F32_MIN -> numerics("f32Min", "(FF)F", 2, ValType.F32);
            case F32_MAX -> numerics("f32Max", "(FF)F", 2, ValType.F32);
            case F32_COPYSIGN -> numerics("f32Copysign", "(FF)F", 2, ValType.F32);
            case F64_ABS -> numerics("f64Abs", "(D)D", 1, ValType.F64);
            case F64_NEG -> numerics("f64Neg", "(D)D", 1, ValType.F64);
            case F64_CEIL -> numerics("f64Ceil", "(D)D", 1, ValType.F64);
            case F64_FLOOR -> numerics("f64Floor", "(D)D", 1, ValType.F64);
            case F64_TRUNC -> numerics("f64Trunc", "(D)D", 1, ValType.F64);
            case F64_NEAREST -> numerics("f64Nearest", "(D)D", 1, ValType.F64);
            case F64_SQRT -> numerics("f64Sqrt", "(D)D", 1, ValType.F64);
            case F64_ADD -> binary(DADD);
            case F64_SUB -> binary(DSUB);
            case F64_MUL -> binary(DMUL);
            case F64_DIV -> binary(DDIV);
            case F64_MIN -> numerics("f64Min", "(DD)D", 2, ValType.F64);
            case F64_MAX -> numerics("f64Max", "(DD)D", 2, ValType.F64);
            case F64_COPYSIGN -> numerics("f64Copysign", "(DD)D", 2, ValType.F64);
            case I32_WRAP_I64 -> convert(L2I, ValType.I32);
            case I32_TRUNC_F32_S, I32_TRUNC_F32_U -> truncate(op, "truncF32", "(FI)J", ValType.I32);
            case I32_TRUNC_F64_S, I32_TRUNC_F64_U -> truncate(op, "truncF64", "(DI)J", ValType.I32);
            case I64_EXTEND_I32_S -> convert(I2L, ValType.I64);
            case I64_EXTEND_I32_U -> {
                convert(I2L, ValType.I64);
                unsignedLow();
            }
            case I64_TRUNC_F32_S, I64_TRUNC_F32_U -> truncate(op, "truncF32", "(FI)J", ValType.I64);
            case I64_TRUNC_F64_S, I64_TRUNC_F64_U -> truncate(op, "truncF64", "(DI)J", ValType.I64);
            case F32_CONVERT_I32_S -> convert(I2F, ValType.F32);
            case F32_CONVERT_I32_U -> {
                convert(I2L, ValType.F32);
                unsignedLow();
                mv.visitInsn(L2F);
            }
            case F32_CONVERT_I64_S -> convert(L2F, ValType.F32);
            case F32_CONVERT_I64_U -> call(NUMERIC_OPS, "u64ToF32", "(J)F", 1, ValType.F32);
            case F32_DEMOTE_F64 -> convert(D2F, ValType.F32);
            case F64_CONVERT_I32_S -> convert(I2D, ValType.F64);
            case F64_CONVERT_I32_U -> {
                convert(I2L, ValType.F64);
                unsignedLow();
                mv.visitInsn(L2D);
            }
            case F64_CONVERT_I64_S -> convert(L2D, ValType.F64);
            case F64_CONVERT_I64_U -> call(NUMERIC_OPS, "u64ToF64", "(J)D", 1, ValType.F64);
            case F64_PROMOTE_F32 -> convert(F2D, ValType.F64);
            case I32_REINTERPRET_F32 -> call("java/lang/Float", "floatToRawIntBits", "(F)I", 1, ValType.I32);
            case I64_REINTERPRET_F64 -> call("java/lang/Double", "doubleToRawLongBits", "(D)J", 1, ValType.I64);
            case F32_REINTERPRET_I32 -> call("java/lang/Float", "intBitsToFloat", "(I)F", 1, ValType.F32);
            case F64_REINTERPRET_I64 -> call("java/lang/Double", "longBitsToDouble", "(J)D", 1, ValType.F64);
            case I32_EXTEND8_S -> convert(I2B, ValType.I32);
            case I32_EXTEND16_S -> convert(I2S, ValType.I32);
            case I64_EXTEND8_S -> narrowLong(I2B);
            case I64_EXTEND16_S -> narrowLong(I2S);
            case I64_EXTEND32_S -> narrowLong(org.objectweb.asm.Opcodes.NOP);
            default -> {
                if (op >= I32_TRUNC_SAT_F32_S && op <= I64_TRUNC_SAT_F64_U) {
                    truncateSaturating(op & 0xFF);
                    return true;
                }
                return false;
            }
        }
        return true;
    }

    private void binary(int opcode) {
        mv.visitInsn(opcode);
        types.pop();
    }

    private void intrinsic(String owner, String name, String descriptor) {
        mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
    }

    private void call(String owner, String name, String descriptor, int operands, ValType result) {
        mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
        types.pop(operands);
        types.push(result);
    }

    private void numerics(String name, String descriptor, int operands, ValType result) {
        call(NUMERICS, name, descriptor, operands, result);
    }

    private void convert(int opcode, ValType result) {
        mv.visitInsn(opcode);
        types.pop();
        types.push(result);
    }

    private void unsignedLow() {
        mv.visitLdcInsn(0xFFFF_FFFFL);
        mv.visitInsn(LAND);
    }

    /** i64 clz/ctz/popcnt: the {@code Long} method returns an int. */
    private void longCount(String name) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", name, "(J)I", false);
        mv.visitInsn(I2L);
    }

    /** JVM long shifts take an int count (and mask it to 6 bits, as wasm does). */
    private void shift(int opcode) {
        mv.visitInsn(L2I);
        mv.visitInsn(opcode);
        types.pop();
    }

    private void rotate(String name) {
        mv.visitInsn(L2I);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", name, "(JI)J", false);
        types.pop();
    }

    /** i64.extendN_s: narrow the low bits as an int, then sign-extend back. */
    private void narrowLong(int narrow) {
        mv.visitInsn(L2I);
        if (narrow != org.objectweb.asm.Opcodes.NOP) {
            mv.visitInsn(narrow);
        }
        mv.visitInsn(I2L);
    }

    private void truncate(int op, String name, String descriptor, ValType result) {
        mv.visitIntInsn(SIPUSH, op);
        mv.visitMethodInsn(INVOKESTATIC, NUMERICS, name, descriptor, false);
        if (result == ValType.I32) {
            mv.visitInsn(L2I);
        }
        types.pop();
        types.push(result);
    }

    private void truncateSaturating(int sub) {
        boolean fromF32 = types.peek(0) == ValType.F32;
        mv.visitIntInsn(BIPUSH, sub);
        mv.visitMethodInsn(INVOKESTATIC, NUMERICS, fromF32 ? "truncSatF32" : "truncSatF64", fromF32 ? "(FI)J" : "(DI)J", false);
        boolean toI32 = sub < 4;
        if (toI32) {
            mv.visitInsn(L2I);
        }
        types.pop();
        types.push(toI32 ? ValType.I32 : ValType.I64);
    }
}
