package org.wasmvm.core.lower;

import static org.wasmvm.core.binary.Opcodes.*;

import org.wasmvm.core.binary.AtomicOpcodes;
import org.wasmvm.core.binary.BlockType;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.CatchClause;
import org.wasmvm.core.binary.GcOpcodes;
import org.wasmvm.core.binary.MemArgFlags;
import org.wasmvm.core.binary.SimdOpcodes;

/**
 * Steps over an instruction's immediates without interpreting them (for unreachable code). A prefixed
 * instruction comes as {@code 0xFC00 | sub} for {@code 0xFC}, and as the bare {@code 0xFB} for GC, {@code 0xFD}
 * for SIMD and {@code 0xFE} for atomics, whose sub-opcode is read here.
 */
public final class Immediates {
    private Immediates() {
    }

    public static void skip(int op, ByteReader in) {
        switch (op) {
            case BR, BR_IF, CALL, RETURN_CALL, LOCAL_GET, LOCAL_SET, LOCAL_TEE, GLOBAL_GET, GLOBAL_SET, TABLE_GET, TABLE_SET,
                    REF_FUNC, MEMORY_SIZE, MEMORY_GROW, DATA_DROP, ELEM_DROP, MEMORY_FILL, TABLE_GROW, TABLE_SIZE,
                    TABLE_FILL, CALL_REF, RETURN_CALL_REF, BR_ON_NULL, BR_ON_NON_NULL, THROW, RETHROW, CATCH,
                    DELEGATE -> in.u32();
            case TRY_TABLE -> {
                BlockType.skip(in);
                CatchClause.skipAll(in);
            }
            case CALL_INDIRECT, RETURN_CALL_INDIRECT, MEMORY_INIT, MEMORY_COPY, TABLE_INIT, TABLE_COPY -> {
                in.u32();
                in.u32();
            }
            case BR_TABLE -> {
                int count = in.u32Index();
                for (int i = 0; i <= count; i++) {
                    in.u32();
                }
            }
            case SELECT_T -> skipValTypes(in);
            case BLOCK, LOOP, IF, TRY -> BlockType.skip(in);
            case I32_CONST -> in.s32();
            case I64_CONST -> in.s64();
            case F32_CONST -> in.skip(4);
            case F64_CONST -> in.skip(8);
            case REF_NULL -> in.s33();
            case PREFIX_FB -> GcOpcodes.skipImmediates(in.u32(), in);
            case PREFIX_FD -> skipSimd(in);
            case PREFIX_FE -> {
                if (in.u32() == AtomicOpcodes.ATOMIC_FENCE) {
                    in.skip(1);
                } else {
                    skipMemarg(in);
                }
            }
            default -> {
                if (op >= I32_LOAD && op <= I64_STORE32) {
                    skipMemarg(in);
                }
            }
        }
    }

    /** The value types of a typed {@code select}: a count, then each type (one byte, or a reference's two parts). */
    public static void skipValTypes(ByteReader in) {
        int count = in.u32Index();
        for (int i = 0; i < count; i++) {
            BlockType.skip(in); // a value type is also a block type
        }
    }

    /** A SIMD instruction, read from its sub-opcode on: {@code op} is only its prefix. */
    private static void skipSimd(ByteReader in) {
        switch (SimdOpcodes.immediate(in.u32())) {
            case NONE -> {
            }
            case MEMARG -> skipMemarg(in);
            case MEMARG_LANE -> {
                skipMemarg(in);
                in.skip(1);
            }
            case LANE -> in.skip(1);
            case BYTES16 -> in.skip(16);
        }
    }

    /** Flags, the memory index when the flags say so, the offset. */
    private static void skipMemarg(ByteReader in) {
        int flags = in.u32();
        if (MemArgFlags.hasMemoryIndex(flags)) {
            in.u32();
        }
        in.u64();
    }
}
