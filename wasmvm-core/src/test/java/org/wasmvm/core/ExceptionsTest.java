package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;

/**
 * Wasm exceptions ({@code modules/exceptions.wat}) across host frames, compiled frames (this class runs
 * again on the compiler engine in wasmvm-compiler, where every function is compiled), deep recursion,
 * fuel and timeouts. The expected values follow from the module's code.
 */
class ExceptionsTest {
    private static final FuncType I32_PAYLOAD = FuncType.of(List.of(ValType.I32), List.of());

    private final Tag hostTag = Tag.create(I32_PAYLOAD, "host-tag");
    /** What the host function saw of an exception thrown by its wasm callee. */
    private final AtomicReference<ThrownException> seenByHost = new AtomicReference<>();

    private Instance instantiate(RuntimeLimits limits) {
        Store store = new Store(limits).define("host", "tag", hostTag)
                .define("host", "call", FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
                        (caller, args) -> hostCall(caller, (int) args[0]));
        return store.instantiate(TestModules.load("exceptions"));
    }

    /** 0: throws the host's tag with payload 5; 1: calls "thrower" 9, sees its exception and lets it go on; else returns 3. */
    private long[] hostCall(Instance caller, int mode) {
        if (mode == 0) {
            throw new ThrownException(hostTag, Value.i32(5));
        }
        if (mode == 1) {
            try {
                caller.function("thrower").apply(9);
            } catch (ThrownException e) {
                seenByHost.set(e);
                throw e;
            }
        }
        return new long[] {3};
    }

    private final Instance instance = instantiate(RuntimeLimits.DEFAULT);

    @Test
    void wasmCatchesAnExceptionTheHostThrows() {
        assertThat(instance.function("catch-host").apply(0)).containsExactly(2005);
    }

    @Test
    void theHostCatchesAnExceptionOfItsWasmCalleeAndWasmCatchesItAgain() {
        assertThat(instance.function("catch-host").apply(1)).containsExactly(1009);

        ThrownException seen = seenByHost.get();
        assertThat(seen.tag()).isEqualTo(instance.tag("e")).isNotEqualTo(hostTag);
        assertThat(seen.payload()).containsExactly(Value.i32(9));
        assertThat(instance.function("catch-host").apply(2)).containsExactly(3);
    }

    @Test
    void anUncaughtExceptionNamesItsTagAndCarriesItsPayloadAndWasmStack() {
        ThrownException e = catchThrowableOfType(ThrownException.class, () -> instance.function("throws-other").apply());

        assertThat(e).isInstanceOf(WasmException.class);
        assertThat(e.tag()).isEqualTo(instance.tag("other"));
        assertThat(e.tag().name()).isEqualTo("'other'");
        assertThat(e.payload()).containsExactly(Value.i64(-5), Value.f64(2.5));
        assertThat(e.wasmStack()).containsExactly("throws_other (func 2) @ 0x11c"); // the throw (wasm-objdump -d)
        assertThat(e.getMessage()).startsWith("wasm exception: tag 'other' [i64:-5, f64:2.5]")
                .contains("\n    at throws_other (func 2)");
        assertThat(e.getStackTrace()).isEmpty();
    }

    @Test
    void anExceptionOfAHostTagLeavesWithThatTag() {
        ThrownException e = catchThrowableOfType(ThrownException.class, () -> instance.function("thrower").apply(4));
        assertThat(e.tag()).isEqualTo(instance.tag("e"));

        var hostThrown = new ThrownException(hostTag, Value.i32(1));
        assertThat(hostThrown.tag()).isEqualTo(hostTag);
        assertThat(hostThrown.getMessage()).startsWith("wasm exception: tag host-tag [i32:1]");
    }

    @Test
    void aPayloadThatDoesNotFitTheTagIsRefused() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new ThrownException(hostTag, Value.i64(1))))
                .hasMessageContaining("must be i32");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new ThrownException(hostTag)))
                .hasMessageContaining("takes 1 values, got 0");
    }

    @Test
    void anExceptionCrossesAFunctionWithoutHandlers() {
        assertThat(instance.function("catch-through-middle").apply(4)).containsExactly(4);
    }

    @Test
    void theWasmStackNamesEveryFrameAtItsInstructionOnEveryEngine() {
        // offsets from wasm-objdump -d
        ThrownException e = catchThrowableOfType(ThrownException.class, () -> instance.function("middle").apply(4));

        assertThat(e.wasmStack()).containsExactly("thrower (func 1) @ 0x10c", "middle (func 4) @ 0x139");
    }

    @Test
    void rethrowAndDelegateHandTheExceptionOutward() {
        assertThat(instance.function("catch-rethrown").apply(3)).containsExactly(3);
    }

    @Test
    void anExceptionFromADeepRecursionIsCaughtAtItsTop() {
        assertThat(instance.function("deep-catch").apply(5_000)).containsExactly(7);
        assertThat(instance.function("deep-catch-plain").apply(5_000)).containsExactly(8);
    }

    @Test
    void anUncaughtExceptionFromADeepRecursionHasABoundedStack() {
        ThrownException e = catchThrowableOfType(ThrownException.class, () -> instance.function("deep-uncaught").apply(5_000));

        assertThat(e.wasmStack().get(0)).startsWith("recurse (func ");
        assertThat(e.wasmStack().size()).isLessThan(100);
        assertThat(e.wasmStack().get(e.wasmStack().size() - 1)).matches("\\.\\.\\. \\d+ more frames");
    }

    @Test
    void theDepthLimitStillHoldsAndATinyJavaStackDoesNotOverflow() throws InterruptedException {
        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("deep-catch").apply(20_000));
        assertThat(trap.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);

        var outcome = new AtomicReference<Object>();
        Thread thread = new Thread(null, () -> {
            try {
                outcome.set(instance.function("deep-catch").apply(9_000)[0]);
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "tiny-stack", 128 * 1024);
        thread.start();
        thread.join();
        assertThat(outcome.get()).isEqualTo(7L);
    }

    @Test
    void aCaughtExceptionCostsOneUnitOfFuelBeyondTheCallThatThrewIt() {
        long fuel = 1_000_000;
        long throwing = fuelUsed(fuel, "throw-loop", 100);
        long returning = fuelUsed(fuel, "return-loop", 100);

        assertThat(throwing - returning).isEqualTo(100);
    }

    private long fuelUsed(long fuel, String function, int iterations) {
        Store store = new Store(RuntimeLimits.DEFAULT.withFuel(fuel)).define("host", "tag", hostTag)
                .define("host", "call", FuncType.of(List.of(ValType.I32), List.of(ValType.I32)), (caller, args) -> args);
        store.instantiate(TestModules.load("exceptions")).function(function).apply(iterations);
        return fuel - store.fuelLeft();
    }

    /** {@code (loop $l (try_table (catch_all $l) (throw $t)))}: only the catch goes round the loop. */
    private static final Module THROW_FOREVER = Wasm.load(ModuleBinary.of(
            new byte[] {1, 4, 1, 0x60, 0, 0}, // type 0: [] -> []
            new byte[] {3, 2, 1, 0}, // func 0: type 0
            new byte[] {13, 3, 1, 0, 0}, // tag 0: type 0
            new byte[] {7, 5, 1, 1, 'f', 0, 0}, // export "f" func 0
            new byte[] {10, 15, 1, 13, 0, 0x03, 0x40, 0x1F, 0x40, 1, 0x02, 0, 0x08, 0, 0x0B, 0x0B, 0x0B}));

    @Test
    void fuelStopsALoopThatOnlyThrowsAndCatches() {
        Instance spinner = new Store(RuntimeLimits.DEFAULT.withFuel(50_000)).instantiate(THROW_FOREVER);

        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> spinner.function("f").apply());

        assertThat(trap.kind()).isEqualTo(TrapKind.FUEL_EXHAUSTED);
        // the catching frame, once, at the instruction the exception came out of: the throw, byte 42 of THROW_FOREVER
        assertThat(trap.wasmStack()).containsExactly("func 0 @ 0x2a");
    }

    @Test
    void aTimeoutStopsALoopThatOnlyThrowsAndCatches() {
        Instance spinner = new Store(RuntimeLimits.DEFAULT.withTimeout(Duration.ofMillis(200))).instantiate(THROW_FOREVER);

        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> spinner.function("f").apply());

        assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT);
    }

    /**
     * "catch": {@code (block (result exnref) (try_table (catch_all_ref 0) (throw $t)) unreachable)};
     * "rethrow": {@code (throw_ref (local.get 0))} of its exnref parameter; "t": the tag, no payload.
     */
    private static final Module EXNREF = Wasm.load(ModuleBinary.of(
            new byte[] {1, 12, 3, 0x60, 0, 1, 0x69, 0x60, 1, 0x69, 0, 0x60, 0, 0}, // [] -> [exnref], [exnref] -> [], [] -> []
            new byte[] {3, 3, 2, 0, 1},
            new byte[] {13, 3, 1, 0, 2}, // tag 0: type 2
            new byte[] {7, 23, 3, 5, 'c', 'a', 't', 'c', 'h', 0, 0, 7, 'r', 'e', 't', 'h', 'r', 'o', 'w', 0, 1, 1, 't', 4, 0},
            new byte[] {10, 22, 2,
                14, 0, 0x02, 0x69, 0x1F, 0x40, 1, 0x03, 0, 0x08, 0, 0x0B, 0x00, 0x0B, 0x0B,
                5, 0, 0x20, 0, 0x0A, 0x0B}));

    @Test
    void anExnrefIsTheExceptionItselfOnTheWayOutAndIn() {
        Instance module = new Store().instantiate(EXNREF);

        Value caught = module.function("catch").call()[0];
        ThrownException exception = (ThrownException) caught.ref();
        assertThat(caught).isEqualTo(Value.exnref(exception));
        assertThat(exception.tag()).isEqualTo(module.tag("t"));

        ThrownException rethrown = catchThrowableOfType(ThrownException.class, () -> module.function("rethrow").call(caught));
        assertThat(rethrown).isSameAs(exception);
        assertThat(rethrown.wasmStack()).containsExactly("func 1 @ 0x4f"); // the throw_ref (byte 79 of EXNREF), which starts the stack anew
    }

    @Test
    void throwRefOfNullTrapsAndAnExnrefMustBeAnException() {
        Instance module = new Store().instantiate(EXNREF);

        WasmTrap trap = catchThrowableOfType(WasmTrap.class,
                () -> module.function("rethrow").call(Value.nullRef(ValType.EXNREF)));
        assertThat(trap.kind()).isEqualTo(TrapKind.NULL_EXCEPTION_REFERENCE);
        assertThat(trap.getMessage()).startsWith("null exception reference");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> module.function("rethrow").call(Value.fromRef(ValType.EXNREF, "not an exception"))))
                .hasMessageContaining("must be a wasm exception");
    }

}
