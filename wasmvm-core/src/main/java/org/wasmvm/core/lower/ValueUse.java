package org.wasmvm.core.lower;

import static org.wasmvm.core.binary.Opcodes.*;

import org.wasmvm.core.binary.BlockType;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.CatchClause;
import org.wasmvm.core.model.ArrayType;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.FunctionBody;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.model.SubType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.ValType.Kind;
import org.wasmvm.core.model.WasmModule;

/**
 * Which values that do not fit one {@code long} slot a function handles: references (held in the
 * interpreter's {@code Object[]}) or {@code v128}s (whose high halves are in its second {@code long[]}).
 * It does when its signature or locals have one, or an instruction of its body (reachable or not)
 * makes, takes or passes one (exception instructions included: a tag's payload, an {@code exnref} that
 * {@code catch_ref} makes or {@code throw_ref} takes, and {@code rethrow}, whose caught exception waits in a
 * reference slot; every GC instruction). Every such value a function handles comes from one of those, so a
 * function that uses neither is lowered as if they did not exist, and compiled. (A per-function
 * answer, not a type per value: see RATIONALE.)
 */
record ValueUse(boolean references, boolean vectors) {
    /** Value type codes: the numbers (i32 0x7F down to v128 0x7B), and the two reference types followed by a heap type. */
    private static final int I32_CODE = 0x7F, V128_CODE = 0x7B, REF_NULLABLE_CODE = 0x63, REF_CODE = 0x64;
    private static final ValueUse NONE = new ValueUse(false, false), REFERENCES = new ValueUse(true, false),
            VECTORS = new ValueUse(false, true), BOTH = new ValueUse(true, true);

    /**
     * What the function of {@code type} and {@code body} handles, in one pass over its body that ends
     * once both are found. {@code gcVectors}: whether a struct or array type of the module holds a
     * vector (then every GC instruction counts as moving one: a coarse, cheap answer).
     */
    static ValueUse of(WasmModule module, IndexSpaces spaces, FuncType type, FunctionBody body, boolean gcVectors) {
        ValueUse use = declared(type, body.locals());
        var in = new ByteReader(body.code(), body.offset(), body.length());
        while (use != BOTH && in.hasMore()) {
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            use = use.or(made(op, gcVectors)).or(passed(op, in, module, spaces));
        }
        return use;
    }

    /** Whether a struct or array type of {@code module} holds a vector. */
    static boolean gcStoresVectors(WasmModule module) {
        for (SubType type : module.types()) {
            if (type.composite() instanceof StructType struct) {
                for (var field : struct.fields()) {
                    if (field.type().kind() == Kind.V128) {
                        return true;
                    }
                }
            } else if (type.composite() instanceof ArrayType array && array.element().type().kind() == Kind.V128) {
                return true;
            }
        }
        return false;
    }

    private ValueUse or(ValueUse other) {
        boolean anyReferences = references || other.references, anyVectors = vectors || other.vectors;
        return anyReferences ? (anyVectors ? BOTH : REFERENCES) : anyVectors ? VECTORS : NONE;
    }

    private static ValueUse declared(FuncType type, ValType[] locals) {
        ValueUse use = of(type);
        for (ValType local : locals) {
            use = use.or(of(local.kind()));
        }
        return use;
    }

    /** The values instructions {@code op} always make or take, whatever their immediates. */
    private static ValueUse made(int op, boolean gcVectors) {
        return switch (op) {
            case REF_NULL, REF_IS_NULL, REF_FUNC, REF_AS_NON_NULL, BR_ON_NULL, BR_ON_NON_NULL, CALL_REF, RETURN_CALL_REF,
                    TABLE_GET, TABLE_SET, TABLE_GROW, TABLE_FILL, THROW_REF, RETHROW, // rethrow: a caught exnref
                    REF_EQ -> REFERENCES;
            case PREFIX_FB -> gcVectors ? BOTH : REFERENCES; // every GC instruction takes or makes a reference
            case PREFIX_FD -> VECTORS;
            default -> NONE;
        };
    }

    /** The values the instruction {@code op} passes by its immediates' types; they are read or stepped over. */
    private static ValueUse passed(int op, ByteReader in, WasmModule module, IndexSpaces spaces) {
        return switch (op) {
            case BLOCK, LOOP, IF, TRY -> of(BlockType.read(in, module));
            case THROW, CATCH -> of(tagType(in.u32Index(), module, spaces));
            case TRY_TABLE -> {
                ValueUse use = of(BlockType.read(in, module));
                int clauses = in.u32Index();
                for (int i = 0; i < clauses; i++) {
                    int clause = CatchClause.kind(in);
                    if (CatchClause.hasTag(clause)) {
                        use = use.or(of(tagType(in.u32Index(), module, spaces)));
                    }
                    if (CatchClause.passesExnref(clause)) {
                        use = use.or(of(Kind.REF));
                    }
                    in.u32Index(); // the label
                }
                yield use;
            }
            case CALL, RETURN_CALL -> of(spaces.functionType(in.u32Index()));
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
                FuncType callee = module.funcType(in.u32Index());
                in.u32Index();
                yield of(callee);
            }
            case CALL_REF, RETURN_CALL_REF -> of(module.funcType(in.u32Index()));
            case GLOBAL_GET, GLOBAL_SET -> of(spaces.global(in.u32Index()).valType().kind());
            case SELECT_T -> {
                in.u32Index(); // one type in a validated body
                int code = in.u8();
                if (code == REF_NULLABLE_CODE || code == REF_CODE) {
                    in.s33(); // the heap type
                }
                yield of(code == V128_CODE ? Kind.V128 : code > V128_CODE && code <= I32_CODE ? Kind.I32 : Kind.REF);
            }
            default -> {
                Immediates.skip(op, in);
                yield NONE;
            }
        };
    }

    private static FuncType tagType(int tag, WasmModule module, IndexSpaces spaces) {
        return module.funcType(spaces.tag(tag).typeIndex());
    }

    private static ValueUse of(FuncType type) {
        ValueUse use = NONE;
        for (ValType param : type.params()) {
            use = use.or(of(param.kind()));
        }
        for (ValType result : type.results()) {
            use = use.or(of(result.kind()));
        }
        return use;
    }

    private static ValueUse of(Kind kind) {
        return kind == Kind.REF ? REFERENCES : kind == Kind.V128 ? VECTORS : NONE;
    }
}
