package org.wasmvm.core.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.model.ValType.I32;
import static org.wasmvm.core.model.ValType.I64;
import static org.wasmvm.core.validate.ModuleBuilder.expr;
import static org.wasmvm.core.validate.ModuleBuilder.globalGet;
import static org.wasmvm.core.validate.ModuleBuilder.i32Const;
import static org.wasmvm.core.validate.ModuleBuilder.i64Const;
import static org.wasmvm.core.validate.ModuleBuilder.op;

import org.junit.jupiter.api.Test;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.model.ConstExpr;
import org.wasmvm.core.model.ConstExpr.Op;
import org.wasmvm.core.model.DataSegment;
import org.wasmvm.core.model.Global;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.SegmentMode;
import org.wasmvm.core.model.ValType;

/** The constant-expression rules, with and without extended constants (Wasm 3.0). */
class ConstExprValidatorTest {
    private static final Features EXTENDED = Features.all();
    private static final Features WASM2 = Features.wasm2();

    private static void valid(ModuleBuilder b, Features features) {
        assertThatCode(() -> ModuleValidator.validate(b.build(), features)).doesNotThrowAnyException();
    }

    private static void invalid(ModuleBuilder b, Features features, String text) {
        assertThatThrownBy(() -> ModuleValidator.validate(b.build(), features))
                .isInstanceOf(InvalidModuleException.class)
                .extracting(e -> ((InvalidModuleException) e).reason()).asString().contains(text);
    }

    private static ModuleBuilder globals(ConstExpr... inits) {
        ModuleBuilder b = new ModuleBuilder();
        for (ConstExpr init : inits) {
            b.globals.add(new Global(new GlobalType(I32, false), init));
        }
        return b;
    }

    @Test
    void arithmeticNeedsExtendedConstants() {
        for (Op arithmetic : new Op[] {Op.I32_ADD, Op.I32_SUB, Op.I32_MUL}) {
            ModuleBuilder b = globals(expr(i32Const(1), i32Const(2), op(arithmetic)));
            valid(b, EXTENDED);
            invalid(b, WASM2, "constant expression required");
        }
        ModuleBuilder b = new ModuleBuilder();
        b.globals.add(new Global(new GlobalType(I64, false), expr(i64Const(1), i64Const(2), op(Op.I64_MUL))));
        valid(b, EXTENDED);
        invalid(b, WASM2, "constant expression required");
    }

    @Test
    void otherInstructionsStayNonConstant() {
        invalid(globals(expr(i32Const(1), i32Const(2), op(Op.NOT_CONSTANT))), EXTENDED, "constant expression required");
    }

    @Test
    void aGlobalSeesOnlyTheGlobalsBeforeIt() {
        ModuleBuilder earlier = globals(expr(i32Const(1)), expr(globalGet(0), i32Const(1), op(Op.I32_ADD)));
        valid(earlier, EXTENDED);
        invalid(earlier, WASM2, "unknown global 0"); // 2.0: imported globals only
        invalid(globals(expr(globalGet(1)), expr(i32Const(1))), EXTENDED, "unknown global 1");
        invalid(globals(expr(globalGet(0))), EXTENDED, "unknown global 0"); // not even itself
    }

    @Test
    void importedGlobalsComeFirst() {
        ModuleBuilder b = globals(expr(globalGet(0)), expr(globalGet(1)));
        b.imports.add(new Import("m", "g", new ImportDesc.Global(new GlobalType(I32, false))));
        valid(b, EXTENDED); // global 1 is the first own global, defined before global 2
        invalid(b, WASM2, "unknown global 1");
    }

    @Test
    void mutableGlobalsAreNotConstant() {
        ModuleBuilder own = new ModuleBuilder();
        own.globals.add(new Global(new GlobalType(I32, true), expr(i32Const(1))));
        own.globals.add(new Global(new GlobalType(I32, false), expr(globalGet(0))));
        invalid(own, EXTENDED, "constant expression required");
        ModuleBuilder imported = globals(expr(globalGet(0)));
        imported.imports.add(new Import("m", "g", new ImportDesc.Global(new GlobalType(I32, true))));
        invalid(imported, EXTENDED, "constant expression required");
    }

    @Test
    void segmentsSeeEveryGlobal() {
        ModuleBuilder b = globals(expr(i32Const(8)));
        b.memories.add(new MemoryType(new Limits(1, Limits.NO_MAX, false)));
        b.datas.add(new DataSegment(SegmentMode.ACTIVE, 0,
                expr(globalGet(0), i32Const(4), op(Op.I32_MUL)), new byte[0]));
        valid(b, EXTENDED);
        invalid(b, WASM2, "unknown global 0");
    }

    @Test
    void operandsAreTypeChecked() {
        invalid(globals(expr(i32Const(1), op(Op.I32_ADD))), EXTENDED, "type mismatch");
        invalid(globals(expr(i32Const(1), i64Const(2), op(Op.I32_ADD))), EXTENDED, "type mismatch");
        invalid(globals(expr(i64Const(1), i64Const(2), op(Op.I64_ADD))), EXTENDED, "type mismatch");
        invalid(globals(expr(i32Const(1), i32Const(2))), EXTENDED, "type mismatch");
    }

    @Test
    void constantnessIsCheckedBeforeTypes() {
        // the reference interpreter's order: the missing operand is not what gets reported
        invalid(globals(expr(op(Op.I32_ADD), op(Op.NOT_CONSTANT))), EXTENDED, "constant expression required");
        ModuleBuilder b = new ModuleBuilder();
        b.globals.add(new Global(new GlobalType(ValType.F32, false), expr(i32Const(1), op(Op.NOT_CONSTANT))));
        invalid(b, EXTENDED, "constant expression required");
    }
}
