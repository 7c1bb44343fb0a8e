package org.wasmvm.core.validate;

import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.model.ConstExpr;
import org.wasmvm.core.model.ConstExpr.Instruction;
import org.wasmvm.core.model.ValType;

/**
 * Validates constant expressions (global initializers, segment offsets and element initializers):
 * {@code t.const} (also {@code v128.const}), {@code ref.null}, {@code ref.func} and {@code global.get} of an immutable global, plus,
 * with extended constants, {@code i32/i64.add/sub/mul}; together they must produce exactly one value of
 * the expected type. Function indices named by {@code ref.func} are recorded as declared (C.refs).
 *
 * <p>Which globals an expression sees: in 2.0 only the imported ones; with extended constants a segment
 * sees all of them and a global's initializer those with a smaller index (imports come first).
 */
final class ConstExprValidator {
    private final ValidationContext ctx;
    private final boolean extendedConst;

    ConstExprValidator(ValidationContext ctx, Features features) {
        this.ctx = ctx;
        this.extendedConst = features.extendedConst();
    }

    /** The initializer of the module's {@code definedIndex}-th own global (imports not counted). */
    void validateGlobalInit(ConstExpr init, int expected, int definedIndex) {
        validate(init, expected, ctx.importedGlobals + (extendedConst ? definedIndex : 0));
    }

    /** A table's initializer sees only the imported globals (the 3.0 suite's global.wast has it so). */
    void validateTableInit(ConstExpr init, int expected) {
        validate(init, expected, ctx.importedGlobals);
    }

    /** A segment's offset or element. */
    void validateSegmentExpr(ConstExpr expr, int expected) {
        validate(expr, expected, extendedConst ? ctx.globalTypes.length : ctx.importedGlobals);
    }

    /** Like the reference interpreter, every instruction must be constant before the types are checked. */
    private void validate(ConstExpr expr, int expected, int visibleGlobals) {
        for (Instruction instruction : expr.instructions()) {
            checkConstant(instruction, visibleGlobals);
        }
        int[] stack = new int[expr.instructions().size()];
        int height = 0;
        for (Instruction instruction : expr.instructions()) {
            if (instruction.op() == ConstExpr.Op.REF_FUNC) {
                ctx.declareFunction((int) instruction.immediate(), instruction.offset());
            }
            int type = resultType(instruction);
            if (instruction.op().isBinary()) {
                if (height < 2 || stack[height - 1] != type || stack[height - 2] != type) {
                    throw new InvalidModuleException(-1, instruction.offset(), "type mismatch: "
                            + instruction.op().mnemonic() + " needs two " + Types.name(type) + " operands");
                }
                height -= 2;
            }
            stack[height++] = type;
        }
        if (height != 1 || !Types.isSubtype(stack[0], expected)) {
            throw new InvalidModuleException(-1, expr.end(), "type mismatch: constant expression must produce "
                    + Types.name(expected));
        }
    }

    private void checkConstant(Instruction instruction, int visibleGlobals) {
        boolean constant = switch (instruction.op()) {
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST, V128_CONST, REF_NULL, REF_FUNC -> true;
            case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> extendedConst;
            case GLOBAL_GET -> !ctx.globalMutable[visibleGlobal(instruction, visibleGlobals)];
            case NOT_CONSTANT -> false;
        };
        if (!constant) {
            throw new InvalidModuleException(-1, instruction.offset(), "constant expression required");
        }
    }

    private static int visibleGlobal(Instruction globalGet, int visibleGlobals) {
        long index = globalGet.immediate();
        if (index >= visibleGlobals) {
            throw new InvalidModuleException(-1, globalGet.offset(), "unknown global " + index);
        }
        return (int) index;
    }

    /** The type an instruction pushes; a binary one also pops two of it. */
    private int resultType(Instruction instruction) {
        return switch (instruction.op()) {
            case I32_CONST, I32_ADD, I32_SUB, I32_MUL -> Types.I32;
            case I64_CONST, I64_ADD, I64_SUB, I64_MUL -> Types.I64;
            case F32_CONST -> Types.F32;
            case F64_CONST -> Types.F64;
            case V128_CONST -> Types.V128;
            case REF_NULL -> {
                ValType type = ValType.ref(true, (int) instruction.immediate());
                DefinedTypes.checkKnown(type, ctx.types.count());
                yield ctx.of(type);
            }
            case REF_FUNC -> ctx.refTo(ctx.spaces.functionTypeIndex((int) instruction.immediate()));
            case GLOBAL_GET -> ctx.globalTypes[(int) instruction.immediate()];
            case NOT_CONSTANT -> throw new IllegalStateException("checkConstant rejects " + instruction);
        };
    }
}
