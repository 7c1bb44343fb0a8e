package org.wasmvm.core.lower;

import static org.wasmvm.core.binary.Opcodes.*;

import java.util.Arrays;
import org.wasmvm.core.Value;
import org.wasmvm.core.binary.BlockType;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/**
 * Whether a function uses references: its signature or locals have one, or an instruction of its
 * body (reachable or not) makes, takes or passes one. Every reference a function handles comes from
 * one of those, so a function that uses none needs no reference slots: it is lowered as before
 * references existed, and compiled. (A per-function answer, not a type per value: see RATIONALE.)
 */
public final class ReferenceUse {
    /** The first byte of each numeric value type (i32, i64, f32, f64, v128): every other one starts a reference type. */
    private static final int V128_CODE = 0x7B, I32_CODE = 0x7F;

    private ReferenceUse() {
    }

    static boolean of(WasmModule module, IndexSpaces spaces, FuncType type, FunctionBody body) {
        if (Value.hasReferences(type) || Arrays.stream(body.locals()).anyMatch(ValType::isReference)) {
            return true;
        }
        var in = new ByteReader(body.code(), body.offset(), body.length());
        while (in.hasMore()) {
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            if (usesReferences(op, in, module, spaces)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the instruction {@code op} involves a reference; otherwise its immediates are stepped over. */
    private static boolean usesReferences(int op, ByteReader in, WasmModule module, IndexSpaces spaces) {
        return switch (op) {
            case REF_NULL, REF_IS_NULL, REF_FUNC, REF_AS_NON_NULL, BR_ON_NULL, BR_ON_NON_NULL, CALL_REF, RETURN_CALL_REF,
                    TABLE_GET, TABLE_SET, TABLE_GROW, TABLE_FILL -> true;
            case BLOCK, LOOP, IF -> Value.hasReferences(BlockType.read(in, module));
            case CALL, RETURN_CALL -> Value.hasReferences(spaces.functionType(in.u32Index()));
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
                FuncType callee = module.funcType(in.u32Index());
                in.u32Index();
                yield Value.hasReferences(callee);
            }
            case GLOBAL_GET, GLOBAL_SET -> spaces.global(in.u32Index()).valType().isReference();
            case SELECT_T -> {
                int count = in.u32Index();
                int first = in.u8();
                in.skip(count - 1);
                yield first < V128_CODE || first > I32_CODE;
            }
            default -> {
                Immediates.skip(op, in);
                yield false;
            }
        };
    }
}
