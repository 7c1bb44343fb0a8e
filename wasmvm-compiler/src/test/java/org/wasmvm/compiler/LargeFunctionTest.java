package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Value;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.binary.SimdOpcodes;
import org.wasmvm.core.runtime.WasmFunction;

/**
 * Functions far beyond HotSpot's 8000-byte JIT limit compile on the compiler engine, split into
 * several methods, with no interpreted fallback. Each module is generated here, and the expected
 * results come from the same recipe computed in Java.
 */
class LargeFunctionTest {
    private static final int I32 = 0x7F, V128 = 0x7B;

    @Test
    void aFunctionOfOverAHundredThousandInstructions() {
        // 20 groups of 20 blocks of 50 steps `acc = (acc + k) * 31`, 6 instructions each: 120 000 instructions
        var code = new ModuleBytes();
        int k = 0;
        for (int group = 0; group < 20; group++) {
            code.op(0x02).op(0x40);
            for (int block = 0; block < 20; block++) {
                code.op(0x02).op(0x40);
                for (int step = 0; step < 50; step++, k++) {
                    code.op(0x20).u(0).op(0x41).s(k).op(0x6A).op(0x41).s(31).op(0x6C).op(0x21).u(0);
                }
                code.op(0x0B);
            }
            code.op(0x0B);
        }
        code.op(0x20).u(0).op(0x0B);
        Instance instance = compiled(code, 0);
        for (int input : new int[] {0, 1, -7}) {
            int acc = input;
            for (int i = 0; i < k; i++) {
                acc = (acc + i) * 31;
            }
            assertThat(instance.function("f").apply(input)).containsExactly(acc);
        }
        assertCompiled(instance);
    }

    @Test
    void aFunctionOfVectorsSplitIntoMethods() {
        // 10 groups of 20 blocks, each (result v128) of 40 steps `acc = (acc + splat(k)) * splat(31)` on i32x4
        // lanes: the vector local and each block's vector result cross the methods' boundaries
        var code = new ModuleBytes();
        int k = 0;
        for (int group = 0; group < 10; group++) {
            code.op(0x02).op(0x40);
            for (int block = 0; block < 20; block++) {
                code.op(0x02).op(V128).op(0x20).u(0);
                for (int step = 0; step < 40; step++, k++) {
                    code.op(0x41).s(k).op(0xFD).u(SimdOpcodes.I32X4_SPLAT).op(0xFD).u(SimdOpcodes.I32X4_ADD)
                            .op(0x41).s(31).op(0xFD).u(SimdOpcodes.I32X4_SPLAT).op(0xFD).u(SimdOpcodes.I32X4_MUL);
                }
                code.op(0x0B).op(0x21).u(0);
            }
            code.op(0x0B);
        }
        code.op(0x20).u(0).op(0x0B);
        Instance instance = compiled(code, V128, 0);
        int[] lanes = {0, 1, -7, Integer.MAX_VALUE};
        for (int i = 0; i < k; i++) {
            for (int lane = 0; lane < 4; lane++) {
                lanes[lane] = (lanes[lane] + i) * 31;
            }
        }
        Value input = Value.v128((1L << 32) | 0, (long) Integer.MAX_VALUE << 32 | (-7 & 0xFFFF_FFFFL));
        Value expected = Value.v128((long) lanes[1] << 32 | (lanes[0] & 0xFFFF_FFFFL),
                (long) lanes[3] << 32 | (lanes[2] & 0xFFFF_FFFFL));
        assertThat(instance.function("f").call(input)).containsExactly(expected);
        assertCompiled(instance);
    }

    @Test
    void aGiantBrTable() {
        // four nested blocks; a br_table of 65 000 entries (near the decoder's limit) picks block (i % 4); after block b, return 10 + b
        int entries = 65_000;
        var code = new ModuleBytes();
        for (int b = 0; b < 4; b++) {
            code.op(0x02).op(0x40);
        }
        code.op(0x20).u(0).op(0x0E).u(entries);
        for (int i = 0; i < entries; i++) {
            code.u(i % 4);
        }
        code.u(3); // default
        for (int b = 0; b < 4; b++) {
            code.op(0x0B).op(0x41).s(10 + b).op(0x0F);
        }
        code.op(0x41).s(-1).op(0x0B);
        Instance instance = compiled(code, 0);
        for (int i : new int[] {0, 1, 2, 3, 4, entries - 2, entries - 1, entries, Integer.MAX_VALUE, -1}) {
            int expected = Integer.compareUnsigned(i, entries) < 0 ? 10 + i % 4 : 13;
            assertThat(instance.function("f").apply(i)).as("index %d", i).containsExactly(expected);
        }
        assertCompiled(instance);
    }

    @Test
    void deeplyNestedBlocks() {
        // level i: block { acc += 1; <level i+1>; acc *= 3 }; the innermost branches out `depth` levels when b != 0
        int levels = 5_000;
        int depth = 2_500;
        var code = new ModuleBytes();
        for (int i = 0; i < levels; i++) {
            code.op(0x02).op(0x40).op(0x20).u(0).op(0x41).s(1).op(0x6A).op(0x21).u(0);
        }
        code.op(0x20).u(1).op(0x0D).u(depth); // br_if depth (local 1)
        for (int i = 0; i < levels; i++) {
            code.op(0x20).u(0).op(0x41).s(3).op(0x6C).op(0x21).u(0).op(0x0B);
        }
        code.op(0x20).u(0).op(0x0B);
        Instance instance = compiled(code, 1);
        for (int branch = 0; branch <= 1; branch++) {
            int acc = 5 + levels;
            for (int i = 0; i < (branch != 0 ? levels - 1 - depth : levels); i++) {
                acc *= 3;
            }
            assertThat(instance.function("f").apply(5, branch)).containsExactly(acc);
        }
        assertCompiled(instance);
    }

    @Test
    void aLongStraightRunOfStatements() {
        // block { 4000 statements `acc = acc * 31 + k`, with `br_if 0 (b)` after the 2500th } acc: no block
        // to outline, so runs of statements become methods, and the br_if leaves one of them
        int statements = 4_000;
        int exit = 2_500;
        var code = new ModuleBytes().op(0x02).op(0x40);
        for (int k = 0; k < statements; k++) {
            code.op(0x20).u(0).op(0x41).s(31).op(0x6C).op(0x41).s(k).op(0x6A).op(0x21).u(0);
            if (k == exit - 1) {
                code.op(0x20).u(1).op(0x0D).u(0);
            }
        }
        code.op(0x0B).op(0x20).u(0).op(0x0B);
        Instance instance = compiled(code, 1);
        for (int branch = 0; branch <= 1; branch++) {
            int acc = 3;
            for (int k = 0; k < (branch != 0 ? exit : statements); k++) {
                acc = acc * 31 + k;
            }
            assertThat(instance.function("f").apply(3, branch)).containsExactly(acc);
        }
        assertCompiled(instance);
    }

    @Test
    void blocksThatEachUseHundredsOfLocals() {
        // 400 i32 locals (all within the JVM slots a method gives locals), 30 blocks each updating every
        // local `l = (l + k) * 31`: every outlined block would copy 400 locals in and out of registers
        // around its call, more bytecode than the JIT accepts, so the function compiles with its locals in arrays
        int locals = 400;
        int blocks = 30;
        var code = new ModuleBytes().op(0x20).u(0).op(0x21).u(1);
        for (int block = 0; block < blocks; block++) {
            code.op(0x02).op(0x40);
            for (int i = 0; i < locals; i++) {
                int local = 1 + i;
                code.op(0x20).u(local).op(0x41).s(block * locals + i).op(0x6A).op(0x41).s(31).op(0x6C).op(0x21).u(local);
            }
            code.op(0x0B);
        }
        code.op(0x20).u(1);
        for (int i = 1; i < locals; i++) {
            code.op(0x20).u(1 + i).op(0x6A);
        }
        code.op(0x0B);
        Instance instance = compiled(code, I32, 0, locals);
        for (int input : new int[] {0, 5, -3}) {
            int[] values = new int[locals];
            values[0] = input;
            for (int block = 0; block < blocks; block++) {
                for (int i = 0; i < locals; i++) {
                    values[i] = (values[i] + block * locals + i) * 31;
                }
            }
            int sum = 0;
            for (int value : values) {
                sum += value;
            }
            assertThat(instance.function("f").apply(input)).containsExactly(sum);
        }
        assertCompiled(instance);
    }

    @Test
    void aChainOfNestedBlocksAroundManySmallOnes() {
        // 70 nested blocks with a few statements after each inner end (a switch's shape), the innermost
        // holding 600 small blocks: once those are methods, their calls alone are over the limit, and
        // outlining the chain one level per round would not get under it in 64 rounds
        var code = new ModuleBytes().op(0x20).u(0).op(0x21).u(1);
        var steps = new ArrayList<Integer>();
        IntConsumer step = k -> {
            code.op(0x20).u(1).op(0x41).s(31).op(0x6C).op(0x41).s(k).op(0x6A).op(0x21).u(1);
            steps.add(k);
        };
        int levels = 70;
        for (int level = 0; level < levels; level++) {
            code.op(0x02).op(0x40);
        }
        for (int block = 0; block < 600; block++) {
            code.op(0x02).op(0x40);
            for (int i = 0; i < 4; i++) {
                step.accept(steps.size());
            }
            code.op(0x0B);
        }
        for (int level = 0; level < levels; level++) {
            code.op(0x0B);
            for (int i = 0; i < 5; i++) {
                step.accept(steps.size());
            }
        }
        code.op(0x20).u(1).op(0x0B);
        Instance instance = compiled(code, I32, 0, 1);
        for (int input : new int[] {0, 9}) {
            int acc = input;
            for (int k : steps) {
                acc = acc * 31 + k;
            }
            assertThat(instance.function("f").apply(input)).containsExactly(acc);
        }
        assertCompiled(instance);
    }

    /** Instantiates {@code (func (export "f") (param i32 [i32]) (result i32) code)} on the compiler engine. */
    private static Instance compiled(ModuleBytes body, int extraParams) {
        return compiled(body, I32, extraParams);
    }

    /** The function {@code f} with {@code body}: a parameter and a result of {@code valType}, and {@code extraParams} i32 ones. */
    private static Instance compiled(ModuleBytes body, int valType, int extraParams) {
        return compiled(body, valType, extraParams, 0);
    }

    /** The same with {@code i32Locals} declared i32 locals. */
    private static Instance compiled(ModuleBytes body, int valType, int extraParams, int i32Locals) {
        var module = new ModuleBytes();
        module.raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
        var type = new ModuleBytes().u(1).op(0x60).u(1 + extraParams).op(valType);
        for (int i = 0; i < extraParams; i++) {
            type.op(I32);
        }
        type.u(1).op(valType);
        module.section(1, type);
        module.section(3, new ModuleBytes().u(1).u(0));
        module.section(7, new ModuleBytes().u(1).u(1).op('f').op(0x00).u(0));
        var function = (i32Locals == 0 ? new ModuleBytes().u(0) : new ModuleBytes().u(1).u(i32Locals).op(I32)).bytes(body.toBytes());
        module.section(10, new ModuleBytes().u(1).u(function.size()).bytes(function.toBytes()));
        return new Store(RuntimeLimits.DEFAULT, Engine.COMPILER).instantiate(Wasm.load(module.toBytes()));
    }

    private static void assertCompiled(Instance instance) {
        var function = (WasmFunction) instance.runtime().functions[0];
        assertThat(function.compiledCode()).as("compiled, not left to the interpreter").isNotNull();
    }
}
