package org.wasmvm.core.validate;

import java.util.List;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.model.ConstExpr;
import org.wasmvm.core.model.ConstExpr.Instruction;
import org.wasmvm.core.model.FieldType;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.model.ValType;

/**
 * Validates constant expressions (global initializers, segment offsets and element initializers):
 * {@code t.const} (also {@code v128.const}), {@code ref.null}, {@code ref.func} and {@code global.get} of an immutable global, plus,
 * with extended constants, {@code i32/i64.add/sub/mul}, and with GC {@code struct.new(_default)},
 * {@code array.new(_default/_fixed)}, {@code ref.i31} and the extern conversions; together they must produce
 * exactly one value of the expected type. Function indices named by {@code ref.func} are recorded as declared (C.refs).
 *
 * <p>Which globals an expression sees: in 2.0 only the imported ones; with extended constants a segment
 * sees all of them and a global's initializer those with a smaller index (imports come first).
 */
final class ConstExprValidator {
    private final ValidationContext ctx;
    private final boolean extendedConst;
    private final boolean gc;

    ConstExprValidator(ValidationContext ctx, Features features) {
        this.ctx = ctx;
        this.extendedConst = features.extendedConst();
        this.gc = features.gc();
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
        var stack = new Stack(expr.instructions().size());
        for (Instruction instruction : expr.instructions()) {
            if (instruction.op() == ConstExpr.Op.REF_FUNC) {
                ctx.declareFunction((int) instruction.immediate(), instruction.offset());
            }
            if (instruction.op().isBinary()) {
                stack.pop(resultType(instruction), instruction);
                stack.pop(resultType(instruction), instruction);
            }
            stack.push(instruction.op().isGc() ? gc(instruction, stack) : resultType(instruction));
        }
        if (stack.height != 1 || !Types.isSubtype(stack.types[0], expected)) {
            throw new InvalidModuleException(-1, expr.end(), "type mismatch: constant expression must produce "
                    + Types.name(expected));
        }
    }

    /** The operand types of a typed stack of at most {@code capacity} values (one per instruction). */
    private static final class Stack {
        final int[] types;
        int height;

        Stack(int capacity) {
            types = new int[capacity];
        }

        void push(int type) {
            types[height++] = type;
        }

        /** Pops a subtype of {@code expected}; returns the popped type. */
        int pop(int expected, Instruction instruction) {
            if (height == 0 || !Types.isSubtype(types[height - 1], expected)) {
                throw new InvalidModuleException(-1, instruction.offset(), "type mismatch: "
                        + instruction.op().mnemonic() + " needs an operand of type " + Types.name(expected));
            }
            return types[--height];
        }
    }

    /**
     * A GC instruction: pops a struct's fields, an array's elements and length, or the converted reference;
     * returns the type it pushes.
     */
    private int gc(Instruction instruction, Stack stack) {
        switch (instruction.op()) {
            case STRUCT_NEW -> {
                List<FieldType> fields = struct(instruction).fields();
                for (int i = fields.size() - 1; i >= 0; i--) {
                    stack.pop(Types.of(fields.get(i).type()), instruction);
                }
            }
            case STRUCT_NEW_DEFAULT -> {
                if (!struct(instruction).fields().stream().allMatch(field -> field.type().defaultable())) {
                    throw new InvalidModuleException(-1, instruction.offset(), "field type is not defaultable");
                }
            }
            case ARRAY_NEW, ARRAY_NEW_DEFAULT -> {
                stack.pop(Types.I32, instruction);
                FieldType element = element(instruction);
                if (instruction.op() == ConstExpr.Op.ARRAY_NEW) {
                    stack.pop(Types.of(element.type()), instruction);
                } else if (!element.type().defaultable()) {
                    throw new InvalidModuleException(-1, instruction.offset(), "array type is not defaultable");
                }
            }
            case ARRAY_NEW_FIXED -> {
                int type = Types.of(element(instruction).type());
                for (long i = 0; i < instruction.high(); i++) {
                    stack.pop(type, instruction);
                }
            }
            case REF_I31 -> {
                stack.pop(Types.I32, instruction);
                return Types.ref(false, HeapType.I31);
            }
            case ANY_CONVERT_EXTERN -> {
                return Types.ref(Types.nullable(stack.pop(Types.EXTERNREF, instruction)), HeapType.ANY);
            }
            case EXTERN_CONVERT_ANY -> {
                return Types.ref(Types.nullable(stack.pop(Types.ref(true, HeapType.ANY), instruction)), HeapType.EXTERN);
            }
            default -> throw new IllegalStateException("not a GC instruction: " + instruction);
        }
        return ctx.refTo((int) instruction.immediate()); // an allocation: a non-null reference to its type
    }

    private StructType struct(Instruction allocation) {
        StructType struct = ctx.structType(knownType(allocation));
        if (struct == null) {
            throw new InvalidModuleException(-1, allocation.offset(), "non-structure type " + allocation.immediate());
        }
        return struct;
    }

    private FieldType element(Instruction allocation) {
        FieldType element = ctx.arrayElement(knownType(allocation));
        if (element == null) {
            throw new InvalidModuleException(-1, allocation.offset(), "non-array type " + allocation.immediate());
        }
        return element;
    }

    private int knownType(Instruction allocation) {
        if (allocation.immediate() > Integer.MAX_VALUE || !ctx.knowsType((int) allocation.immediate())) {
            throw new InvalidModuleException(-1, allocation.offset(), "unknown type " + allocation.immediate());
        }
        return (int) allocation.immediate();
    }

    private void checkConstant(Instruction instruction, int visibleGlobals) {
        boolean constant = switch (instruction.op()) {
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST, V128_CONST, REF_NULL, REF_FUNC -> true;
            case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> extendedConst;
            case STRUCT_NEW, STRUCT_NEW_DEFAULT, ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED, REF_I31,
                    ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> gc;
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
            case STRUCT_NEW, STRUCT_NEW_DEFAULT, ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED, REF_I31,
                    ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> throw new IllegalStateException("gc() types " + instruction);
            case NOT_CONSTANT -> throw new IllegalStateException("checkConstant rejects " + instruction);
        };
    }
}
