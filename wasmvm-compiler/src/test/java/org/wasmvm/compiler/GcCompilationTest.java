package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Instance;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.Value;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.gc.GcStruct;
import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.ValType;

/**
 * GC compiles (core's {@code modules/gc.wat}, whose results GcTest checks on every engine): every function of the
 * module is compiled code, and a struct made by one tier is the same kind of object to the other, so one store's
 * compiled code reads and casts what another store's interpreter made, and the reverse (type ids are per process).
 */
class GcCompilationTest {
    private static Instance instance(Engine engine) throws IOException {
        try (InputStream in = GcCompilationTest.class.getResourceAsStream("/modules/gc.wasm")) {
            return new Store(RuntimeLimits.DEFAULT, engine).instantiate(Wasm.load(in.readAllBytes()));
        }
    }

    /** Each defined function of core's GC test modules, compiled here (a wrong operand-stack model fails in ASM's frames). */
    @ParameterizedTest
    @ValueSource(strings = {"gc", "gc-churn", "gc-hoard", "gc-host"})
    void everyFunctionOfTheGcModulesCompiles(String name) throws IOException {
        try (InputStream in = GcCompilationTest.class.getResourceAsStream("/modules/" + name + ".wasm")) {
            ModuleCode code = Wasm.load(in.readAllBytes()).code();
            int imported = code.indexSpaces().importedFunctionCount();
            for (int function = imported; function < imported + code.model().codes().size(); function++) {
                assertThat(new BytecodeCompiler().compile(code, function, -1, false, false).classFile()).isNotEmpty();
            }
        }
    }

    @Test
    void everyGcFunctionIsCompiled() throws IOException {
        Instance compiled = instance(Engine.COMPILER);
        for (Export export : compiled.module().exports()) { // each compiles before its first call
            ExportedFunction function = compiled.function(export.name());
            Value[] zeros = function.type().params().stream().map(GcCompilationTest::zero).toArray(Value[]::new);
            try {
                function.call(zeros);
            } catch (WasmTrap nullOperand) { // x and as-point of null
                assertThat(nullOperand.kind()).isIn(TrapKind.NULL_STRUCTURE_REFERENCE, TrapKind.CAST_FAILURE);
            }
        }
        ReferenceCompilationTest.assertEveryFunctionCompiled(compiled);
    }

    private static Value zero(ValType type) {
        return type.isReference() ? Value.nullRef(type) : type == ValType.V128 ? Value.v128(0, 0) : Value.fromBits(type, 0);
    }

    @Test
    void objectsCrossBetweenTheTiers() throws IOException {
        Instance compiled = instance(Engine.COMPILER);
        Instance interpreted = instance(Engine.INTERPRETER);
        for (Instance[] pair : new Instance[][] {{compiled, interpreted}, {interpreted, compiled}}) {
            Value point = pair[0].function("point").call(Value.i32(-7), Value.i64(1L << 40))[0];
            assertThat(point.ref()).isInstanceOf(GcStruct.class);
            assertThat(pair[1].function("x").call(point)).containsExactly(Value.i32(-7));
            Value any = Value.fromRef(ValType.ANYREF, point.ref());
            assertThat(pair[1].function("as-point").call(any)[0].ref()).isSameAs(point.ref());
            Value i31 = Value.fromRef(ValType.ANYREF, pair[0].function("i31").call(Value.i32(5))[0].ref());
            WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> pair[1].function("as-point").call(i31));
            assertThat(trap.kind()).isEqualTo(TrapKind.CAST_FAILURE);
        }
    }

    @Test
    void aNullStructTrapsInCompiledCodeAsInTheInterpreter() throws IOException {
        for (Engine engine : new Engine[] {Engine.COMPILER, Engine.INTERPRETER}) {
            Value nothing = Value.fromRef(ValType.ref(true, 0), null);
            WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance(engine).function("x").call(nothing));
            assertThat(trap.kind()).as("%s", engine).isEqualTo(TrapKind.NULL_STRUCTURE_REFERENCE);
        }
    }
}
