package org.wasmvm.core.binary;

import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.Features;
import org.wasmvm.core.model.ConstExpr;
import org.wasmvm.core.model.ConstExpr.Instruction;
import org.wasmvm.core.model.ConstExpr.Op;

/**
 * Reads a constant expression. Its extent is found by scanning it as any instruction sequence, so
 * that a non-constant instruction is stepped over and reaches the validator, which reports "constant
 * expression required"; only unknown opcodes and bad immediates fail here. The instructions are then
 * decoded from the scanned bytes up to the first non-constant one.
 */
final class ConstExprReader {
    private final ByteReader in;
    private final InstructionScanner scanner;
    private final Features features;

    ConstExprReader(ByteReader in, Features features) {
        this.in = in;
        this.scanner = new InstructionScanner(in, features);
        this.features = features;
    }

    ConstExpr read() {
        int start = in.position();
        scanner.scanExpression();
        int end = in.position() - 1;
        in.position(start);
        List<Instruction> instructions = new ArrayList<>();
        while (in.position() < end) {
            Instruction next = instruction();
            instructions.add(next);
            if (next.op() == Op.NOT_CONSTANT) {
                break;
            }
        }
        in.position(end + 1);
        return new ConstExpr(instructions, end);
    }

    /** One instruction; the scan has already checked its encoding. */
    private Instruction instruction() {
        int at = in.position();
        int opcode = in.u8();
        return switch (opcode) {
            case Opcodes.I32_CONST -> new Instruction(Op.I32_CONST, in.s32(), at);
            case Opcodes.I64_CONST -> new Instruction(Op.I64_CONST, in.s64(), at);
            case Opcodes.F32_CONST -> new Instruction(Op.F32_CONST, in.f32Bits(), at);
            case Opcodes.F64_CONST -> new Instruction(Op.F64_CONST, in.f64Bits(), at);
            case Opcodes.REF_NULL -> new Instruction(Op.REF_NULL, ValTypeReader.heapType(in, features), at);
            case Opcodes.REF_FUNC -> new Instruction(Op.REF_FUNC, Integer.toUnsignedLong(in.u32()), at);
            case Opcodes.GLOBAL_GET -> new Instruction(Op.GLOBAL_GET, Integer.toUnsignedLong(in.u32()), at);
            case Opcodes.I32_ADD -> new Instruction(Op.I32_ADD, 0, at);
            case Opcodes.I32_SUB -> new Instruction(Op.I32_SUB, 0, at);
            case Opcodes.I32_MUL -> new Instruction(Op.I32_MUL, 0, at);
            case Opcodes.I64_ADD -> new Instruction(Op.I64_ADD, 0, at);
            case Opcodes.I64_SUB -> new Instruction(Op.I64_SUB, 0, at);
            case Opcodes.I64_MUL -> new Instruction(Op.I64_MUL, 0, at);
            case Opcodes.PREFIX_FB -> gc(in.u32(), at);
            case Opcodes.PREFIX_FD -> in.u32() == SimdOpcodes.V128_CONST
                    // the 16 bytes as two little-endian halves, read as an f64's bits are
                    ? new Instruction(Op.V128_CONST, in.f64Bits(), in.f64Bits(), at)
                    : new Instruction(Op.NOT_CONSTANT, opcode, at);
            default -> new Instruction(Op.NOT_CONSTANT, opcode, at);
        };
    }

    /** A GC instruction, from its sub-opcode on: the allocations, {@code ref.i31} and the extern conversions are constant. */
    private Instruction gc(int sub, int at) {
        return switch (sub) {
            case GcOpcodes.STRUCT_NEW -> new Instruction(Op.STRUCT_NEW, Integer.toUnsignedLong(in.u32()), at);
            case GcOpcodes.STRUCT_NEW_DEFAULT -> new Instruction(Op.STRUCT_NEW_DEFAULT, Integer.toUnsignedLong(in.u32()), at);
            case GcOpcodes.ARRAY_NEW -> new Instruction(Op.ARRAY_NEW, Integer.toUnsignedLong(in.u32()), at);
            case GcOpcodes.ARRAY_NEW_DEFAULT -> new Instruction(Op.ARRAY_NEW_DEFAULT, Integer.toUnsignedLong(in.u32()), at);
            case GcOpcodes.ARRAY_NEW_FIXED -> new Instruction(Op.ARRAY_NEW_FIXED, Integer.toUnsignedLong(in.u32()), Integer.toUnsignedLong(in.u32()), at);
            case GcOpcodes.REF_I31 -> new Instruction(Op.REF_I31, 0, at);
            case GcOpcodes.ANY_CONVERT_EXTERN -> new Instruction(Op.ANY_CONVERT_EXTERN, 0, at);
            case GcOpcodes.EXTERN_CONVERT_ANY -> new Instruction(Op.EXTERN_CONVERT_ANY, 0, at);
            default -> new Instruction(Op.NOT_CONSTANT, Opcodes.PREFIX_FB, at);
        };
    }
}
