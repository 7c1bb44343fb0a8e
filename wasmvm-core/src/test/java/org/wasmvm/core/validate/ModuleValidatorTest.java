package org.wasmvm.core.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.model.ValType.FUNCREF;
import static org.wasmvm.core.model.ValType.I32;
import static org.wasmvm.core.model.ValType.I64;
import static org.wasmvm.core.validate.ModuleBuilder.expr;
import static org.wasmvm.core.validate.ModuleBuilder.globalGet;
import static org.wasmvm.core.validate.ModuleBuilder.i32Const;
import static org.wasmvm.core.validate.ModuleBuilder.i64Const;
import static org.wasmvm.core.validate.ModuleBuilder.op;
import static org.wasmvm.core.validate.ModuleBuilder.refFunc;
import static org.wasmvm.core.validate.ModuleBuilder.refNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.model.ConstExpr.Op;
import org.wasmvm.core.model.ElementSegment;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.ExternKind;
import org.wasmvm.core.model.Global;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.SegmentMode;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.ValType;

/** Module-level rules: limits, globals, segments, exports, start, declared references. */
class ModuleValidatorTest {
    private static final List<ValType> NO = List.of();

    private static void valid(ModuleBuilder b) {
        assertThatCode(() -> ModuleValidator.validate(b.build(), Features.wasm2())).doesNotThrowAnyException();
    }

    private static void invalid(ModuleBuilder b, Features features, String text) {
        assertThatThrownBy(() -> ModuleValidator.validate(b.build(), features))
                .isInstanceOf(InvalidModuleException.class)
                .extracting(e -> ((InvalidModuleException) e).reason()).asString().contains(text);
    }

    private static void invalid(ModuleBuilder b, String text) {
        invalid(b, Features.wasm2(), text);
    }

    @Test
    void memoryLimits() {
        ModuleBuilder b = new ModuleBuilder();
        b.memories.add(new MemoryType(new Limits(65537, Limits.NO_MAX, false)));
        invalid(b, "memory size must be at most 65536 pages (4GiB)");
        ModuleBuilder c = new ModuleBuilder();
        c.memories.add(new MemoryType(new Limits(2, 1, false)));
        invalid(c, "size minimum must not be greater than maximum");
        ModuleBuilder d = new ModuleBuilder();
        d.memories.add(new MemoryType(new Limits(1L << 48, Limits.NO_MAX, true)));
        assertThatCode(() -> ModuleValidator.validate(d.build(), Features.all())).doesNotThrowAnyException();
        d.memories.set(0, new MemoryType(new Limits((1L << 48) + 1, Limits.NO_MAX, true)));
        invalid(d, Features.all(), "memory size must be at most");
    }

    @Test
    void multipleMemories() {
        ModuleBuilder b = new ModuleBuilder();
        b.imports.add(new Import("m", "mem", new ImportDesc.Memory(new MemoryType(new Limits(0, 1, false)))));
        b.memories.add(new MemoryType(new Limits(0, 1, false)));
        invalid(b, "multiple memories");
        assertThatCode(() -> ModuleValidator.validate(b.build(), Features.all())).doesNotThrowAnyException();
    }

    @Test
    void globalInitializers() {
        ModuleBuilder b = new ModuleBuilder();
        b.globals.add(new Global(new GlobalType(I32, false), expr(i32Const(0))));
        valid(b);
        b.globals.add(new Global(new GlobalType(I32, false), expr(globalGet(0))));
        invalid(b, "unknown global 0"); // only imported globals in 2.0
        ModuleBuilder c = new ModuleBuilder();
        c.imports.add(new Import("m", "g", new ImportDesc.Global(new GlobalType(I32, true))));
        c.globals.add(new Global(new GlobalType(I32, false), expr(globalGet(0))));
        invalid(c, "constant expression required");
        ModuleBuilder d = new ModuleBuilder();
        d.globals.add(new Global(new GlobalType(I64, false), expr(i32Const(0))));
        invalid(d, "type mismatch");
        ModuleBuilder e = new ModuleBuilder();
        e.globals.add(new Global(new GlobalType(I32, false), expr(i32Const(0), i32Const(0), op(Op.I32_ADD))));
        invalid(e, "constant expression required");
        ModuleBuilder f = new ModuleBuilder();
        f.globals.add(new Global(new GlobalType(I32, false), expr()));
        invalid(f, "type mismatch");
    }

    @Test
    void exports() {
        ModuleBuilder b = new ModuleBuilder();
        b.func(b.type(NO, NO), NO);
        b.exports.add(new Export("a", ExternKind.FUNCTION, 0));
        b.exports.add(new Export("a", ExternKind.FUNCTION, 0));
        invalid(b, "duplicate export name");
        ModuleBuilder c = new ModuleBuilder();
        c.exports.add(new Export("t", ExternKind.TABLE, 0));
        invalid(c, "unknown table 0");
    }

    @Test
    void startFunction() {
        ModuleBuilder b = new ModuleBuilder();
        b.func(b.type(List.of(I32), NO), NO);
        b.start = 0;
        invalid(b, "start function");
        b.start = 1;
        invalid(b, "unknown function");
    }

    @Test
    void functionReferencesMustBeDeclared() {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(NO, NO);
        b.func(t, NO, 0xD2, 1, 0x1A); // ref.func 1 drop
        b.func(t, NO);
        invalid(b, "undeclared function reference");
        b.elements.add(new ElementSegment(SegmentMode.DECLARATIVE, 0, null, FUNCREF, List.of(expr(refFunc(1)))));
        valid(b);

        ModuleBuilder c = new ModuleBuilder();
        c.func(c.type(NO, NO), NO, 0xD2, 0, 0x1A);
        c.exports.add(new Export("f", ExternKind.FUNCTION, 0));
        valid(c);
    }

    @Test
    void elementSegments() {
        ModuleBuilder b = new ModuleBuilder();
        b.tables.add(new TableType(ValType.EXTERNREF, new Limits(1, Limits.NO_MAX, false)));
        b.elements.add(new ElementSegment(SegmentMode.ACTIVE, 0, expr(i32Const(0)), FUNCREF, List.of()));
        invalid(b, "type mismatch");
        ModuleBuilder c = new ModuleBuilder();
        c.elements.add(new ElementSegment(SegmentMode.ACTIVE, 0, expr(i32Const(0)), FUNCREF, List.of()));
        invalid(c, "unknown table 0");
        ModuleBuilder d = new ModuleBuilder();
        d.tables.add(new TableType(FUNCREF, new Limits(1, Limits.NO_MAX, false)));
        d.elements.add(new ElementSegment(SegmentMode.ACTIVE, 0, expr(i64Const(0)), FUNCREF, List.of()));
        invalid(d, "type mismatch");
        d.elements.set(0, new ElementSegment(SegmentMode.PASSIVE, 0, null, FUNCREF, List.of(expr(refNull(ValType.EXTERNREF)))));
        invalid(d, "type mismatch");
    }

    @Test
    void unknownFunctionType() {
        ModuleBuilder b = new ModuleBuilder();
        b.imports.add(new Import("m", "f", new ImportDesc.Function(3)));
        invalid(b, "unknown type");
    }
}
