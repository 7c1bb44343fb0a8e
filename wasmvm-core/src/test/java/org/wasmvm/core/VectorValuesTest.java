package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;

/** {@code v128} values through the public API: arguments, results, globals, host functions and memory. */
class VectorValuesTest {
    private static final FuncType V128_TO_V128 = FuncType.of(List.of(ValType.V128), List.of(ValType.V128));

    /** i32x4 lanes 1 2 3 4 as two halves: lane 0 in the low bits of the low half. */
    private static final Value ONE_TO_FOUR = Value.v128(0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L);

    private final Store store = new Store().define("host", "swap", V128_TO_V128,
            (caller, args, results) -> results[0] = Value.v128(args[0].high(), args[0].bits()));
    private final Instance module = store.instantiate(TestModules.load("simd"));

    @Test
    void lanesAddAcrossBothHalves() {
        Value result = module.function("add").call(ONE_TO_FOUR, Value.v128(-1L, 0x7FFF_FFFF_0000_0010L))[0];

        // lanes (1, 2, 3, 4) + (-1, -1, 16, 0x7FFFFFFF) = (0, 1, 19, 0x80000003), each wrapping at 32 bits
        assertThat(result).isEqualTo(Value.v128(0x0000_0001_0000_0000L, 0x8000_0003_0000_0013L));
        assertThat(result.toString()).isEqualTo("v128:0x80000003000000130000000100000000");
    }

    @Test
    void aTypedHostFunctionTakesAndReturnsVectors() {
        assertThat(module.function("swap-twice").call(ONE_TO_FOUR)).containsExactly(ONE_TO_FOUR);
    }

    @Test
    void aHostFunctionReturningAnotherTypeForAVectorFails() {
        var wrong = new Store().define("host", "swap", V128_TO_V128, (caller, args, results) -> results[0] = Value.i64(1));
        Instance instance = wrong.instantiate(TestModules.load("simd"));

        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> instance.function("swap-twice").call(ONE_TO_FOUR));

        assertThat(trap.kind()).isEqualTo(TrapKind.HOST_ERROR);
        assertThat(trap.getMessage()).contains("returned i64:1 as result 0, its type declares v128");
    }

    @Test
    void globalsHoldBothHalves() {
        module.function("add-global").call(Value.v128(0x0000_0001_0000_0001L, 0x0000_0001_0000_0001L));

        assertThat(module.global("g").get()).isEqualTo(Value.v128(0x0000_0003_0000_0002L, 0x0000_0005_0000_0004L));
        module.global("g").set(ONE_TO_FOUR);
        assertThat(module.global("g").get()).isEqualTo(ONE_TO_FOUR);
    }

    @Test
    void aVectorRoundTripsThroughMemoryLittleEndian() {
        assertThat(module.function("store-load").call(Value.i32(16), ONE_TO_FOUR)).containsExactly(ONE_TO_FOUR);
        assertThat(module.memory("memory").readInt(16 + 12)).isEqualTo(4);
    }

    @Test
    void aStoreThatDoesNotFitTrapsAndWritesNothing() {
        Memory memory = module.memory("memory");
        int address = 65536 - 8; // the low half would fit, the high half would not
        memory.writeLong(address, 0x1122_3344_5566_7788L);

        WasmTrap trap = catchThrowableOfType(WasmTrap.class,
                () -> module.function("store-load").call(Value.i32(address), ONE_TO_FOUR));

        assertThat(trap.kind()).isEqualTo(TrapKind.MEMORY_OUT_OF_BOUNDS);
        assertThat(memory.readLong(address)).isEqualTo(0x1122_3344_5566_7788L);
    }

    @Test
    void declaredVectorLocalsStartAtZero() {
        module.function("add").call(ONE_TO_FOUR, ONE_TO_FOUR); // leaves non-zero high halves in the slots

        assertThat(module.function("zero-local").call()).containsExactly(Value.v128(0, 0));
    }

    @Test
    void rawSlotsCannotCarryAVector() {
        assertThatThrownBy(() -> module.function("add").apply(1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has references or v128 in its type");
        assertThatThrownBy(() -> new Store().define("host", "swap", V128_TO_V128, (caller, args) -> args))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ValueHostFunction");
    }

    @Test
    void deadVectorCodeIsSteppedOverAndScalarSimdRuns() {
        assertThat(module.function("dead").apply()).containsExactly(7);
        assertThat(module.function("splat").apply()).containsExactly(7);
    }
}
