package org.wasmvm.core.model;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A constant expression (global initializer, segment offset or element): its instructions in order,
 * without the final {@code end}. The validator type-checks them on a stack of types and instantiation
 * evaluates them on a stack of values. Which instructions are allowed depends on the features (extended
 * constants add the arithmetic ones), so the decoder keeps every constant-capable instruction it reads;
 * the first other one is kept as {@link Op#NOT_CONSTANT} and ends the list, the expression being invalid anyway.
 *
 * @param instructions the instructions, in order
 * @param end the module offset of the closing {@code end}, where a wrong result is reported
 */
public record ConstExpr(List<Instruction> instructions, int end) {
    public ConstExpr {
        instructions = List.copyOf(instructions);
    }

    /** {@code ref.func index}, the one form for the function-index encodings of element segments. */
    public static ConstExpr refFunc(long functionIndex, int offset) {
        return new ConstExpr(List.of(new Instruction(Op.REF_FUNC, functionIndex, offset)), offset);
    }

    /**
     * The instructions' kinds: the constant {@code t.const} forms of each type, the extended-constant arithmetic,
     * and the allocations and conversions of GC.
     */
    public enum Op {
        I32_CONST, I64_CONST, F32_CONST, F64_CONST, V128_CONST, REF_NULL, REF_FUNC, GLOBAL_GET,
        I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL,
        STRUCT_NEW, STRUCT_NEW_DEFAULT, ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED, REF_I31, ANY_CONVERT_EXTERN,
        EXTERN_CONVERT_ANY,
        /** Any other instruction: never constant. */
        NOT_CONSTANT;

        /** Whether it pops two operands of its type and pushes one: the extended-constant arithmetic. */
        public boolean isBinary() {
            return switch (this) {
                case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> true;
                default -> false;
            };
        }

        /** Whether it is a GC instruction (allowed with {@code Features.gc}). */
        public boolean isGc() {
            return switch (this) {
                case STRUCT_NEW, STRUCT_NEW_DEFAULT, ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED, REF_I31,
                        ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> true;
                default -> false;
            };
        }

        /** The text format's name, e.g. {@code i32.add} (meaningless for {@link #NOT_CONSTANT}). */
        public String mnemonic() {
            return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
        }
    }

    /**
     * One instruction.
     *
     * @param immediate the value of a {@code t.const} (i32 and f32 bits sign-extended, as the runtime keeps
     *     them in a slot; a {@code v128.const}'s first 8 bytes, little-endian), the unsigned function, global or
     *     type index, the reference type's code for {@code ref.null}, the opcode byte for
     *     {@link Op#NOT_CONSTANT}, and 0 for arithmetic and the GC conversions
     * @param high a {@code v128.const}'s last 8 bytes, little-endian; {@code array.new_fixed}'s count; 0 for every
     *     other instruction
     * @param offset where the instruction starts in the module
     */
    public record Instruction(Op op, long immediate, long high, int offset) {
        /** An instruction whose immediate fits in 64 bits: every one but {@code v128.const}. */
        public Instruction(Op op, long immediate, int offset) {
            this(op, immediate, 0, offset);
        }

        @Override
        public String toString() {
            return switch (op) {
                case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL, REF_I31, ANY_CONVERT_EXTERN,
                        EXTERN_CONVERT_ANY -> op.mnemonic();
                case ARRAY_NEW_FIXED -> op.mnemonic() + " " + immediate + " " + high;
                case F32_CONST -> op.mnemonic() + " bits 0x" + Integer.toHexString((int) immediate);
                case F64_CONST -> op.mnemonic() + " bits 0x" + Long.toHexString(immediate);
                case V128_CONST -> String.format("%s i64x2 0x%x 0x%x", op.mnemonic(), immediate, high);
                case REF_NULL -> op.mnemonic() + " " + HeapType.name((int) immediate);
                case NOT_CONSTANT -> "opcode 0x" + Integer.toHexString((int) immediate);
                case I32_CONST, I64_CONST, REF_FUNC, GLOBAL_GET, STRUCT_NEW, STRUCT_NEW_DEFAULT, ARRAY_NEW,
                        ARRAY_NEW_DEFAULT -> op.mnemonic() + " " + immediate;
            };
        }
    }

    /** The instructions in the text format, e.g. {@code global.get 0 i32.const 8 i32.add}. */
    @Override
    public String toString() {
        return instructions.stream().map(Instruction::toString).collect(Collectors.joining(" "));
    }
}
