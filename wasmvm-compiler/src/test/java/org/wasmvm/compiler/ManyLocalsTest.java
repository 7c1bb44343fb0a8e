package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Value;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.binary.SimdOpcodes;
import org.wasmvm.core.runtime.WasmFunction;

/**
 * A function with more locals than a JVM method has local slots (65 535) compiles: the locals beyond
 * the compiler's budget live in arrays, numbers, vectors and references alike, and keep their values.
 */
class ManyLocalsTest {
    private static final int I64 = 0x7E, V128 = 0x7B, EXTERNREF = 0x6F;
    /** i64 locals, two JVM slots each: 80 000 slots. */
    private static final int LONGS = 40_000;

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void aFunctionWithForty000LongLocals(Engine engine) {
        // params 0 (i64 x) and 1 (externref r); locals 2…40 001 i64, 40 002 externref, 40 003 v128
        int lastLong = 1 + LONGS, middle = 2 + LONGS / 2, ref = 2 + LONGS, vector = 3 + LONGS;
        var code = new ModuleBytes();
        code.op(0x20).u(0).op(0x21).u(lastLong);                                     // last = x
        code.op(0x20).u(lastLong).op(0x42).s(1).op(0x7C).op(0x21).u(middle);         // middle = last + 1
        code.op(0x20).u(1).op(0x21).u(ref);                                          // ref = r
        code.op(0xFD).u(SimdOpcodes.V128_CONST).bytes(vectorBytes(5, 6)).op(0x21).u(vector);
        code.op(0x20).u(middle).op(0x20).u(vector).op(0xFD).u(SimdOpcodes.I64X2_EXTRACT_LANE).op(1).op(0x7C);
        code.op(0x20).u(7).op(0x7C);                                                 // + an untouched local (0)
        code.op(0x20).u(ref).op(0x0B);
        Instance instance = new Store(RuntimeLimits.DEFAULT, engine).instantiate(Wasm.load(module(code)));
        Object marker = new Object();
        Value[] results = instance.function("f").call(Value.i64(100), Value.externref(marker));
        assertThat(results[0].asLong()).isEqualTo(100 + 1 + 6);
        assertThat(results[1].ref()).isSameAs(marker);
        if (engine == Engine.COMPILER) {
            var function = (WasmFunction) instance.runtime().functions[0];
            assertThat(function.compiledCode()).as("compiled, not left to the interpreter").isNotNull();
        }
    }

    private static byte[] vectorBytes(long low, long high) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (low >>> (8 * i));
            bytes[8 + i] = (byte) (high >>> (8 * i));
        }
        return bytes;
    }

    /** {@code (func (export "f") (param i64 externref) (result i64 externref) (local i64 × 40 000, externref, v128) code)}. */
    private static byte[] module(ModuleBytes body) {
        var module = new ModuleBytes();
        module.raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
        module.section(1, new ModuleBytes().u(1).op(0x60).u(2).op(I64).op(EXTERNREF).u(2).op(I64).op(EXTERNREF));
        module.section(3, new ModuleBytes().u(1).u(0));
        module.section(7, new ModuleBytes().u(1).u(1).op('f').op(0x00).u(0));
        var locals = new ModuleBytes().u(3).u(LONGS).op(I64).u(1).op(EXTERNREF).u(1).op(V128);
        var function = locals.bytes(body.toBytes());
        module.section(10, new ModuleBytes().u(1).u(function.size()).bytes(function.toBytes()));
        return module.toBytes();
    }
}
