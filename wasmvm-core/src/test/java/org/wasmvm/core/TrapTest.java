package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TrapTest {
    private final Instance instance = TestModules.load("traps").instantiate();

    @Test
    void trapCarriesKindAndNamedWasmStack() {
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("outer").apply(0));

        assertThat(trap.kind()).isEqualTo(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        assertThat(trap.wasmStack()).hasSize(2);
        assertThat(trap.wasmStack().get(0)).startsWith("inner (func 0) @ 0x");
        assertThat(trap.wasmStack().get(1)).startsWith("outer (func 1) @ 0x");
        assertThat(trap.getMessage()).startsWith("integer divide by zero").contains("at inner (func 0)");
    }

    @Test
    void runawayRecursionIsACallStackExhaustedTrapWithABoundedTrace() {
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("forever").apply(0));

        assertThat(trap.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);
        assertThat(trap.wasmStack().get(0)).startsWith("forever (func 2)");
        assertThat(trap.wasmStack().size()).isLessThan(100);
        assertThat(trap.wasmStack().get(trap.wasmStack().size() - 1)).matches("\\.\\.\\. \\d+ more frames");
    }

    @Test
    void recursionTrapsEvenOnATinyJavaStack() throws InterruptedException {
        var outcome = new AtomicReference<Throwable>();
        // 128 KiB of Java stack: far too little for 10 000 nested Java calls, enough for the interpreter
        Thread thread = new Thread(null, () -> {
            try {
                instance.function("forever").apply(0);
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "tiny-stack", 128 * 1024);
        thread.start();
        thread.join();

        assertThat(outcome.get()).isInstanceOf(WasmTrap.class);
        assertThat(((WasmTrap) outcome.get()).kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);
    }

    @Test
    void callDepthLimitIsConfigurable() {
        var limits = RuntimeLimits.DEFAULT.withMaxCallDepth(50);
        Instance shallow = new Store(limits).instantiate(TestModules.load("traps"));

        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> shallow.function("forever").apply(0));

        assertThat(trap.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);
        assertThat(trap.wasmStack()).hasSize(50);
    }

    @Test
    void recursionWithHugeFramesHitsTheStackLimitNotTheHeap() {
        // 40 000 locals per frame: 9 000 frames would need 2.9 GB of stack
        Instance deep = TestModules.load("big-frames").instantiate();

        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> deep.function("deep").apply(9_000));

        assertThat(trap.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);
        assertThat(trap.getMessage()).contains("value stack would exceed " + RuntimeLimits.DEFAULT.maxStackSlots());
        assertThat(deep.function("deep").apply(100)).containsExactly(0L);
    }
}
