package org.wasmvm.core.lower;

import static org.wasmvm.core.binary.Opcodes.*;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
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
 * Whether a function handles values that do not fit one {@code long} slot: references (held in the
 * interpreter's {@code Object[]}) or {@code v128}s (whose high halves are in its second {@code long[]}).
 * It does when its signature or locals have one, or an instruction of its body (reachable or not)
 * makes, takes or passes one (exception instructions included: a tag's payload, an {@code exnref} that
 * {@code catch_ref} makes or {@code throw_ref} takes, and {@code rethrow}, whose caught exception waits in a
 * reference slot; every GC instruction). Every such value a function handles comes from one of those, so a
 * function that uses neither is lowered as if they did not exist, and compiled. (A per-function
 * answer, not a type per value: see RATIONALE.)
 */
public final class ValueUse {
    /** Value type codes: the numbers (i32 0x7F down to v128 0x7B), and the two reference types followed by a heap type. */
    private static final int I32_CODE = 0x7F, V128_CODE = 0x7B, REF_NULLABLE_CODE = 0x63, REF_CODE = 0x64;

    private ValueUse() {
    }

    static boolean references(WasmModule module, IndexSpaces spaces, FuncType type, FunctionBody body) {
        return uses(module, spaces, type, body, kind -> kind == Kind.REF, op -> switch (op) {
            case REF_NULL, REF_IS_NULL, REF_FUNC, REF_AS_NON_NULL, BR_ON_NULL, BR_ON_NON_NULL, CALL_REF, RETURN_CALL_REF,
                    TABLE_GET, TABLE_SET, TABLE_GROW, TABLE_FILL, THROW_REF, RETHROW, // rethrow: a caught exnref
                    PREFIX_FB, REF_EQ -> true; // every GC instruction takes or makes a reference
            default -> false;
        });
    }

    /** A GC instruction moves vectors when a struct or array type of the module holds one (a coarse, cheap answer). */
    static boolean vectors(WasmModule module, IndexSpaces spaces, FuncType type, FunctionBody body) {
        boolean gcVectors = module.types().stream().anyMatch(ValueUse::storesVectors);
        return uses(module, spaces, type, body, kind -> kind == Kind.V128,
                op -> op == PREFIX_FD || (op == PREFIX_FB && gcVectors));
    }

    private static boolean storesVectors(SubType type) {
        if (type.composite() instanceof StructType struct) {
            return struct.fields().stream().anyMatch(field -> field.type().kind() == Kind.V128);
        }
        return type.composite() instanceof ArrayType array && array.element().type().kind() == Kind.V128;
    }

    /** Whether a value of a kind {@code kind} accepts is in the signature, the locals or an instruction; {@code makes}: instructions that always involve one. */
    private static boolean uses(WasmModule module, IndexSpaces spaces, FuncType type, FunctionBody body,
            Predicate<Kind> kind, IntPredicate makes) {
        if (hasAny(type, kind) || Arrays.stream(body.locals()).map(ValType::kind).anyMatch(kind)) {
            return true;
        }
        var in = new ByteReader(body.code(), body.offset(), body.length());
        while (in.hasMore()) {
            int op = in.u8();
            if (op == PREFIX_FC) {
                op = 0xFC00 | in.u32();
            }
            if (makes.test(op) || involves(op, in, module, spaces, kind)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the instruction {@code op} passes a value of such a type; its immediates are read or stepped over. */
    private static boolean involves(int op, ByteReader in, WasmModule module, IndexSpaces spaces, Predicate<Kind> kind) {
        return switch (op) {
            case BLOCK, LOOP, IF, TRY -> hasAny(BlockType.read(in, module), kind);
            case THROW, CATCH -> hasAny(tagType(in.u32Index(), module, spaces), kind);
            case TRY_TABLE -> {
                boolean any = hasAny(BlockType.read(in, module), kind);
                int clauses = in.u32Index();
                for (int i = 0; i < clauses; i++) {
                    int clause = CatchClause.kind(in);
                    any |= CatchClause.hasTag(clause) && hasAny(tagType(in.u32Index(), module, spaces), kind);
                    any |= CatchClause.passesExnref(clause) && kind.test(Kind.REF);
                    in.u32Index(); // the label
                }
                yield any;
            }
            case CALL, RETURN_CALL -> hasAny(spaces.functionType(in.u32Index()), kind);
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
                FuncType callee = module.funcType(in.u32Index());
                in.u32Index();
                yield hasAny(callee, kind);
            }
            case CALL_REF, RETURN_CALL_REF -> hasAny(module.funcType(in.u32Index()), kind);
            case GLOBAL_GET, GLOBAL_SET -> kind.test(spaces.global(in.u32Index()).valType().kind());
            case SELECT_T -> {
                in.u32Index(); // one type in a validated body
                int code = in.u8();
                if (code == REF_NULLABLE_CODE || code == REF_CODE) {
                    in.s33(); // the heap type
                }
                yield kind.test(code == V128_CODE ? Kind.V128 : code > V128_CODE && code <= I32_CODE ? Kind.I32 : Kind.REF);
            }
            default -> {
                Immediates.skip(op, in);
                yield false;
            }
        };
    }

    private static FuncType tagType(int tag, WasmModule module, IndexSpaces spaces) {
        return module.funcType(spaces.tag(tag).typeIndex());
    }

    private static boolean hasAny(FuncType type, Predicate<Kind> kind) {
        return type.params().stream().map(ValType::kind).anyMatch(kind) || type.results().stream().map(ValType::kind).anyMatch(kind);
    }
}
