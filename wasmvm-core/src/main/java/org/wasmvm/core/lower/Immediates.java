package org.wasmvm.core.lower;

import static org.wasmvm.core.binary.Opcodes.*;

import org.wasmvm.core.binary.BlockType;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.CatchClause;

/** Steps over an instruction's immediates without interpreting them (for unreachable code). */
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
            case SELECT_T -> in.skip(in.u32Index());
            case BLOCK, LOOP, IF, TRY -> BlockType.skip(in);
            case I32_CONST -> in.s32();
            case I64_CONST -> in.s64();
            case F32_CONST -> in.skip(4);
            case F64_CONST -> in.skip(8);
            case REF_NULL -> in.s33();
            default -> {
                if (op >= I32_LOAD && op <= I64_STORE32) {
                    int align = in.u32();
                    if ((align & 0x40) != 0) {
                        in.u32();
                    }
                    in.u64();
                }
            }
        }
    }
}
