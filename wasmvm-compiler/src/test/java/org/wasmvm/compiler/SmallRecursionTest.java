package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Instance;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmTrap;

/**
 * A small function that calls itself gets a twin method, so that C2 inlines three levels of its recursion
 * instead of one ({@link BytecodeCompiler#FREQ_INLINE_SIZE}); its results, traps, depth limit and fuel stay
 * those of the interpreter (modules/small-recursion.wat).
 */
class SmallRecursionTest {
    private static final RuntimeLimits SHALLOW = RuntimeLimits.DEFAULT.withMaxCallDepth(50);

    private static byte[] smallRecursion() throws IOException {
        try (InputStream in = SmallRecursionTest.class.getResourceAsStream("/modules/small-recursion.wasm")) {
            return in.readAllBytes();
        }
    }

    private static Instance instance(RuntimeLimits limits, Engine engine) throws IOException {
        return new Store(limits, engine).instantiate(Wasm.load(smallRecursion()));
    }

    /** Each engine's trap when {@code export} is called with {@code argument}: all of the same kind. */
    private static Map<Engine, List<String>> stacks(String export, long argument, TrapKind kind) throws IOException {
        var stacks = new EnumMap<Engine, List<String>>(Engine.class);
        for (Engine engine : Engine.values()) {
            Instance instance = instance(SHALLOW, engine);
            WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function(export).apply(argument));
            assertThat(trap).as(engine.toString()).isNotNull();
            assertThat(trap.kind()).as(engine.toString()).isEqualTo(kind);
            stacks.put(engine, trap.wasmStack());
        }
        return stacks;
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 7}) // the innermost frame in invoke, then in its twin
    void aTrapHasTheInterpretersStackOnEveryEngine(int depth) throws IOException {
        Map<Engine, List<String>> stacks = stacks("down", depth, TrapKind.UNREACHABLE);
        List<String> interpreted = stacks.get(Engine.INTERPRETER);
        assertThat(interpreted).hasSize(depth + 1).allSatisfy(frame -> assertThat(frame).startsWith("down (func 0) @ 0x"));
        assertThat(stacks).allSatisfy((engine, stack) -> assertThat(stack).as(engine.toString()).isEqualTo(interpreted));
    }

    @Test
    void theCallDepthLimitHoldsAcrossTheTwins() throws IOException {
        Map<Engine, List<String>> stacks = stacks("forever", 0, TrapKind.CALL_STACK_EXHAUSTED);
        List<String> interpreted = stacks.get(Engine.INTERPRETER);
        assertThat(interpreted).hasSize(SHALLOW.maxCallDepth());
        assertThat(stacks).allSatisfy((engine, stack) -> assertThat(stack).as(engine.toString()).isEqualTo(interpreted));
    }

    @Test
    void everyCallCountsItsFuelOnEveryEngine() throws IOException {
        var used = new EnumMap<Engine, Long>(Engine.class);
        for (Engine engine : Engine.values()) {
            Store store = new Store(SHALLOW.withFuel(1_000_000), engine);
            Instance instance = store.instantiate(Wasm.load(smallRecursion()));
            assertThat(instance.function("sum").apply(45)).as(engine.toString()).containsExactly(45 * 46 / 2);
            used.put(engine, 1_000_000 - store.fuelLeft());
        }
        long interpreted = used.get(Engine.INTERPRETER);
        assertThat(interpreted).isEqualTo(45); // a unit per call from wasm (the host's call counts nothing)
        assertThat(used).allSatisfy((engine, units) -> assertThat(units).as(engine.toString()).isEqualTo(interpreted));
    }

    @Test
    void aSmallFunctionThatCallsItselfCallsItsTwinAndTheTwinCallsIt() throws IOException {
        Map<String, List<String>> calls = selfCalls(smallRecursion(), 0);
        assertThat(calls).containsOnlyKeys("invoke", "invokeTwin", "call");
        assertThat(calls.get("invoke")).containsExactly("invokeTwin");
        assertThat(calls.get("invokeTwin")).containsExactly("invoke");
        assertThat(calls.get("call")).containsExactly("invoke"); // the entry from the interpreter
        // baseline code is compiled by C1 alone, which inlines no method that large
        assertThat(selfCalls(smallRecursion(), 0, true)).containsOnlyKeys("invoke", "call")
                .allSatisfy((method, called) -> assertThat(called).containsOnly("invoke"));
    }

    @Test
    void aLargerOrTailCallingFunctionHasNoTwin() {
        byte[] module = largerRecursions();
        // 30 self-calls: 150 bytes of wasm, but more bytecode than C2 inlines
        assertThat(selfCalls(module, 0)).containsOnlyKeys("invoke", "call")
                .allSatisfy((method, called) -> assertThat(called).containsOnly("invoke"));
        // 70 self-calls: 350 bytes of wasm, not even tried
        assertThat(selfCalls(module, 1)).containsOnlyKeys("invoke", "call");
        // a tail call of itself leaves the call to its caller
        assertThat(selfCalls(module, 2)).doesNotContainKey("invokeTwin");
    }

    /** (func (param i32) (result i32)) three times: 30 self-calls, 70 self-calls, a {@code return_call} of itself. */
    private static byte[] largerRecursions() {
        var code = new ModuleBytes().u(3);
        for (int function = 0; function < 2; function++) {
            var body = new ModuleBytes().u(0);
            for (int i = function == 0 ? 30 : 70; i > 0; i--) {
                body.raw(0x20, 0).raw(0x10, function).raw(0x1A); // local.get 0, call itself, drop
            }
            body.raw(0x20, 0, 0x0B);
            code.u(body.size()).bytes(body.toBytes());
        }
        code.u(6).raw(0, 0x20, 0, 0x12, 2, 0x0B); // local.get 0, return_call 2
        return new ModuleBytes().raw(0, 'a', 's', 'm', 1, 0, 0, 0)
                .section(1, new ModuleBytes().u(1).raw(0x60, 1, 0x7F, 1, 0x7F))
                .section(3, new ModuleBytes().u(3).raw(0, 0, 0))
                .section(10, code)
                .toBytes();
    }

    /** Per method of the compiled class of function {@code index}: the methods of that class it calls. */
    private static Map<String, List<String>> selfCalls(byte[] module, int index) {
        return selfCalls(module, index, false);
    }

    /** The same, of its baseline class or of its optimized one. */
    private static Map<String, List<String>> selfCalls(byte[] module, int index, boolean baseline) {
        byte[] classFile = new BytecodeCompiler().compile(Wasm.load(module).code(), index, -1, false, baseline).classFile();
        var reader = new ClassReader(classFile);
        String self = reader.getClassName();
        Map<String, List<String>> calls = new LinkedHashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                List<String> called = new ArrayList<>();
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                            boolean isInterface) {
                        if (owner.equals(self)) {
                            called.add(method);
                        }
                    }

                    @Override
                    public void visitEnd() {
                        if (!called.isEmpty()) {
                            calls.put(name, called.stream().distinct().toList());
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }
}
