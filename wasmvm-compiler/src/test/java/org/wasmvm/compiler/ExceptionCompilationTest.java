package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.ThrownException;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.runtime.WasmFunction;
import org.wasmvm.core.tier.CompilerTier;

/**
 * Exception handling where compiled code's JVM handlers differ from the interpreter's handler tables: values
 * below a try that a catch's target keeps (the JVM empties the stack for a handler), locals a catch must see,
 * functions split into several methods (a throw inside a region method, a {@code delegate} that must not
 * leave its method), on-stack replacement into a try's body and a catch's, and frames whose locals live in
 * arrays. Every case runs on the interpreter and the compiler, whose results must be the ones worked out
 * from the code ({@code modules/exceptions-compiled.wat}, or the modules built here).
 */
class ExceptionCompilationTest {
    private static final int I32 = 0x7F, VOID = 0x40;
    private static final int BLOCK = 0x02, TRY = 0x06, CATCH = 0x07, THROW = 0x08, END = 0x0B, CALL = 0x10, DROP = 0x1A,
            DELEGATE = 0x18, CATCH_ALL = 0x19, TRY_TABLE = 0x1F, LOCAL_GET = 0x20, LOCAL_SET = 0x21, I32_CONST = 0x41,
            I32_ADD = 0x6A;
    /** Enough iterations for many budget slices, so that the background compilation finishes meanwhile. */
    private static final long LONG = 100_000_000L;

    private static Instance compiledModule(Engine engine, RuntimeLimits limits) throws IOException {
        try (InputStream in = ExceptionCompilationTest.class.getResourceAsStream("/modules/exceptions-compiled.wasm")) {
            return new Store(limits, engine).instantiate(Wasm.load(TieredModules.tiering(in.readAllBytes())));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void aValueBelowALegacyTryAndALocalSetInItSurviveTheCatch(Engine engine) throws IOException {
        Instance instance = compiledModule(engine, RuntimeLimits.DEFAULT);

        assertThat(instance.function("below-and-local").apply(3)).containsExactly(108);
        assertThat(instance.function("below-and-local").apply(0)).containsExactly(100);
        assertCompiled(instance, engine, 1);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void everyFrameLeftGivesBackTheArraySlotsOfItsLocals(Engine engine) throws IOException {
        // 600 i64 locals are 1 200 array elements a frame; a frame that kept them would exhaust 10 000 by the 9th throw
        Instance instance = compiledModule(engine, RuntimeLimits.DEFAULT.withMaxStackSlots(10_000));

        assertThat(instance.function("big-frames-caught").apply(100)).containsExactly(100 * 101 / 2);
        assertCompiled(instance, engine, 4);
    }

    @Test
    void aLoopInATryBodyContinuesInCompiledCodeWithTheValueBelowTheTry() throws IOException {
        int before = CompilerTier.replacedFrames();

        long[] result = compiledModule(Engine.TIERED, RuntimeLimits.DEFAULT).function("loop-in-try").apply(LONG);

        assertThat(result).containsExactly(1000 + LONG * (LONG - 1) / 2);
        assertThat(CompilerTier.replacedFrames()).isGreaterThan(before);
    }

    @Test
    void aLoopInACatchBodyContinuesInCompiledCodeAndRethrowsWhatItCaught() throws IOException {
        int before = CompilerTier.replacedFrames();

        long[] result = compiledModule(Engine.TIERED, RuntimeLimits.DEFAULT).function("loop-in-catch").apply(LONG);

        assertThat(result).containsExactly(2 * LONG + 1);
        assertThat(CompilerTier.replacedFrames()).isGreaterThan(before);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void aTryTableCatchKeepsTheValuesBelowItsTarget(Engine engine) {
        // 1000 (block (result i32) 7 (try_table (catch $e 0) (drop (call $thrower x))) drop -1) i32.add
        var body = new ModuleBytes().op(I32_CONST).s(1000).op(BLOCK).op(I32).op(I32_CONST).s(7)
                .op(TRY_TABLE).op(VOID).u(1).raw(0x00).u(0).u(0)
                .op(LOCAL_GET).u(0).op(CALL).u(0).op(DROP).op(END)
                .op(DROP).op(I32_CONST).s(-1).op(END).op(I32_ADD).op(END);
        Instance instance = instantiate(body, engine);

        assertThat(instance.function("f").apply(5)).containsExactly(1005);
        assertThat(instance.function("f").apply(0)).containsExactly(999);
        assertCompiled(instance, engine, 1);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void aThrowInAnOutlinedBlockIsCaughtWithTheLocalsItSet(Engine engine) {
        // (block $h (result i32) (try_table (catch $e $h) <padding, in which: local 2 = acc; drop (call $thrower x)>)
        //  (local.get 1)) (local.get 2) i32.add: a function split into methods, the throw in one of them
        var body = new ModuleBytes().op(BLOCK).op(I32).op(TRY_TABLE).op(VOID).u(1).raw(0x00).u(0).u(0);
        int[] accAtThrow = new int[1];
        int acc = padding(body, 10, (inner, accNow) -> {
            inner.op(LOCAL_GET).u(1).op(LOCAL_SET).u(2).op(LOCAL_GET).u(0).op(CALL).u(0).op(DROP);
            accAtThrow[0] = accNow;
        });
        body.op(END).op(LOCAL_GET).u(1).op(END).op(LOCAL_GET).u(2).op(I32_ADD).op(END);
        Instance instance = instantiate(body, engine);

        assertThat(instance.function("f").apply(5)).containsExactly(5 + accAtThrow[0]);
        assertThat(instance.function("f").apply(0)).containsExactly(acc + accAtThrow[0]);
        assertCompiled(instance, engine, 1);
    }

    @Test
    void anUncaughtExceptionNamesASplitFunctionOnceAtItsCallOnEveryEngine() {
        var body = new ModuleBytes();
        padding(body, 10, (inner, accNow) -> inner.op(LOCAL_GET).u(0).op(CALL).u(0).op(DROP));
        body.op(LOCAL_GET).u(1).op(END);
        ThrownException interpreted = catchThrowableOfType(ThrownException.class,
                () -> instantiate(body, Engine.INTERPRETER).function("f").apply(4));
        Instance instance = instantiate(body, Engine.COMPILER);

        ThrownException compiled = catchThrowableOfType(ThrownException.class, () -> instance.function("f").apply(4));

        assertThat(compiled.wasmStack()).hasSize(2).isEqualTo(interpreted.wasmStack());
        assertCompiled(instance, Engine.COMPILER, 1);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void aDelegatePastATryInASplitFunctionSkipsIt(Engine engine) {
        // (try (result i32) (do (try (result i32) (do (block <padding> (try (do (drop (call $thrower x))) (delegate 2)))
        //  (local.get 1)) (catch_all -5))) (catch $e 1000 i32.add)): the delegate's try goes to the outermost handler
        var body = new ModuleBytes().op(TRY).op(I32).op(TRY).op(I32).op(BLOCK).op(VOID);
        int acc = padding(body, 8, (inner, accNow) -> { });
        body.op(TRY).op(VOID).op(LOCAL_GET).u(0).op(CALL).u(0).op(DROP).op(DELEGATE).u(2)
                .op(END).op(LOCAL_GET).u(1)
                .op(CATCH_ALL).op(I32_CONST).s(-5).op(END)
                .op(CATCH).u(0).op(I32_CONST).s(1000).op(I32_ADD).op(END).op(END);
        Instance instance = instantiate(body, engine);

        assertThat(instance.function("f").apply(7)).containsExactly(1007);
        assertThat(instance.function("f").apply(0)).containsExactly(acc);
        assertCompiled(instance, engine, 1);
    }

    /** Code emitted in the middle of the padding, told the accumulator's value there. */
    private interface Middle {
        void emit(ModuleBytes body, int acc);
    }

    /**
     * Appends {@code groups} blocks of 20 blocks of 50 steps {@code acc = (acc + k) * 31} (acc: local 1), far over the
     * JIT's limit, with {@code middle} after the 25th step of the middle block; returns the final acc.
     */
    private static int padding(ModuleBytes body, int groups, Middle middle) {
        int acc = 0;
        int k = 0;
        for (int group = 0; group < groups; group++) {
            body.op(BLOCK).op(VOID);
            for (int block = 0; block < 20; block++) {
                body.op(BLOCK).op(VOID);
                for (int step = 0; step < 50; step++, k++) {
                    body.op(LOCAL_GET).u(1).op(I32_CONST).s(k).op(I32_ADD).op(I32_CONST).s(31).raw(0x6C).op(LOCAL_SET).u(1);
                    acc = (acc + k) * 31;
                    if (group == groups / 2 && block == 10 && step == 24) {
                        middle.emit(body, acc);
                    }
                }
                body.op(END);
            }
            body.op(END);
        }
        return acc;
    }

    /**
     * A module of tag 0 {@code (param i32)}, function 0 {@code $thrower} (throws tag 0 x unless x is 0, else returns
     * 0) and function 1, exported as "f", {@code (param i32) (result i32)} with two i32 locals and {@code body}.
     */
    private static Instance instantiate(ModuleBytes body, Engine engine) {
        var module = new ModuleBytes().raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
        module.section(1, new ModuleBytes().u(2).op(0x60).u(1).op(I32).u(1).op(I32).op(0x60).u(1).op(I32).u(0));
        module.section(3, new ModuleBytes().u(2).u(0).u(0));
        module.section(13, new ModuleBytes().u(1).op(0x00).u(1));
        module.section(7, new ModuleBytes().u(1).u(1).op('f').op(0x00).u(1));
        var thrower = new ModuleBytes().u(0).op(LOCAL_GET).u(0).op(0x04).op(VOID).op(LOCAL_GET).u(0).op(THROW).u(0)
                .op(END).op(I32_CONST).s(0).op(END);
        var function = new ModuleBytes().u(1).u(2).op(I32).bytes(body.toBytes());
        module.section(10, new ModuleBytes().u(2).u(thrower.size()).bytes(thrower.toBytes())
                .u(function.size()).bytes(function.toBytes()));
        return new Store(RuntimeLimits.DEFAULT, engine).instantiate(Wasm.load(module.toBytes()));
    }

    private static void assertCompiled(Instance instance, Engine engine, int functionIndex) {
        if (engine != Engine.INTERPRETER) {
            var function = (WasmFunction) instance.runtime().functions[functionIndex];
            assertThat(function.compiledCode()).as("compiled, not left to the interpreter").isNotNull();
        }
    }
}
