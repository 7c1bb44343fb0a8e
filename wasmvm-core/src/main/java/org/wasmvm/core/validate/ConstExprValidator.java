package org.wasmvm.core.validate;

import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.Opcodes;
import org.wasmvm.core.model.ConstExpr;

/**
 * Validates constant expressions (global initializers, segment offsets and element initializers)
 * under the Wasm 2.0 rules: only {@code t.const}, {@code ref.null}, {@code ref.func} and
 * {@code global.get} of an imported immutable global, producing exactly one value of the expected
 * type. Function indices named by {@code ref.func} are recorded as declared (C.refs).
 */
final class ConstExprValidator {
    private final ValidationContext ctx;

    ConstExprValidator(ValidationContext ctx) {
        this.ctx = ctx;
    }

    void validate(ConstExpr expr, int expected) {
        ByteReader r = new ByteReader(expr.code(), expr.offset(), expr.length());
        int count = 0;
        int last = Types.UNKNOWN;
        while (true) {
            if (!r.hasMore()) {
                throw r.error("unexpected end");
            }
            int at = r.position();
            int op = r.u8();
            switch (op) {
                case Opcodes.END -> {
                    if (count != 1 || !Types.isSubtype(last, expected)) {
                        throw new InvalidModuleException(-1, at, "type mismatch: constant expression must produce "
                                + Types.name(expected));
                    }
                    return;
                }
                case Opcodes.I32_CONST -> {
                    r.s32();
                    last = Types.I32;
                }
                case Opcodes.I64_CONST -> {
                    r.s64();
                    last = Types.I64;
                }
                case Opcodes.F32_CONST -> {
                    r.f32Bits();
                    last = Types.F32;
                }
                case Opcodes.F64_CONST -> {
                    r.f64Bits();
                    last = Types.F64;
                }
                case Opcodes.REF_NULL -> last = FunctionValidator.readNullType(r, ctx);
                case Opcodes.REF_FUNC -> {
                    int function = r.u32();
                    ctx.declareFunction(function, at);
                    last = ctx.refTo(ctx.spaces.functionTypeIndex(function));
                }
                case Opcodes.GLOBAL_GET -> {
                    int g = r.u32();
                    if (g < 0 || g >= ctx.importedGlobals) {
                        throw new InvalidModuleException(-1, at, "unknown global " + Integer.toUnsignedString(g));
                    }
                    if (ctx.globalMutable[g]) {
                        throw new InvalidModuleException(-1, at, "constant expression required");
                    }
                    last = ctx.globalTypes[g];
                }
                default -> {
                    if (!FunctionValidator.isKnownOpcode(op)) {
                        throw new MalformedModuleException(at, "illegal opcode");
                    }
                    throw new InvalidModuleException(-1, at, "constant expression required");
                }
            }
            count++;
        }
    }
}
