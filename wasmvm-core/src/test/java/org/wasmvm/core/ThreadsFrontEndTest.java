package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.binary.AtomicOpcodes;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;

/**
 * The threads front end (issue 24): shared memories and the atomic instructions decode and validate, and the
 * test modules run.
 */
class ThreadsFrontEndTest {
    /** {@code (memory 1 1 shared)} and {@code i32.atomic.load align=2}: alignment below natural. */
    private static final String MISALIGNED = "0061736d010000000105016000017f030201000504010301010a0a0108004100fe1001000b";
    /** {@code (memory i64 1 1 shared)} and {@code i64.atomic.rmw.add} on an i32 address. */
    private static final String I32_ADDRESS_ON_64 =
            "0061736d010000000105016000017e030201000504010701010a0c010a0041004201fe1f03000b";
    /** {@code (memory 1 shared)}: no maximum. */
    private static final String NO_MAXIMUM = "0061736d010000000503010201";
    private static final String IMPORTS_SHARED = "0061736d01000000020d0103656e76036d656d02030102";
    private static final String IMPORTS_UNSHARED = "0061736d01000000020d0103656e76036d656d02010102";

    private static byte[] hex(String bytes) {
        return HexFormat.of().parseHex(bytes);
    }

    private static Features withoutThreads() {
        return new Features(true, true, true, true, true, true, true, false, true);
    }

    @Test
    void sharedMemoriesDecode32And64Bit() {
        MemoryType memory = TestModules.load("threads").model().memories().get(0);
        assertThat(memory.shared()).isTrue();
        assertThat(memory.limits()).isEqualTo(new Limits(1, 2, false));

        MemoryType memory64 = TestModules.load("threads64").model().memories().get(0);
        assertThat(memory64.shared()).isTrue();
        assertThat(memory64.is64()).isTrue();
        assertThat(memory64.limits().max()).isEqualTo(1);
    }

    @Test
    void withoutTheFeatureSharedAndAtomicAreMalformed() {
        assertThatThrownBy(() -> Wasm.load(TestModules.bytes("threads"), withoutThreads()))
                .isInstanceOf(MalformedModuleException.class);
        assertThatThrownBy(() -> Wasm.load(hex(MISALIGNED), Features.wasm2()))
                .isInstanceOf(MalformedModuleException.class);
        assertThat(Features.wasm2().threads()).isFalse();
        assertThat(Features.all().threads()).isTrue();
    }

    @Test
    void sharedMemoryMustHaveAMaximum() {
        assertThatThrownBy(() -> Wasm.load(hex(NO_MAXIMUM)))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining("shared memory must have maximum");
    }

    @Test
    void atomicAlignmentMustEqualNatural() {
        assertThatThrownBy(() -> Wasm.load(hex(MISALIGNED)))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining("atomic alignment must be natural");
    }

    @Test
    void atomicAddressIsI64OnA64BitMemory() {
        assertThatThrownBy(() -> Wasm.load(hex(I32_ADDRESS_ON_64)))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining("type mismatch");
    }

    @Test
    void sharednessMustMatchOnImport() {
        Memory shared = Memory.create(new MemoryType(new Limits(1, 2, false), true));
        Memory unshared = Memory.create(new MemoryType(new Limits(1, 2, false)));

        Store store = new Store().define("env", "mem", shared);
        assertThat(store.instantiate(Wasm.load(hex(IMPORTS_SHARED)))).isNotNull();
        assertThatThrownBy(() -> store.instantiate(Wasm.load(hex(IMPORTS_UNSHARED))))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("incompatible import type");

        Store other = new Store().define("env", "mem", unshared);
        assertThat(other.instantiate(Wasm.load(hex(IMPORTS_UNSHARED)))).isNotNull();
        assertThatThrownBy(() -> other.instantiate(Wasm.load(hex(IMPORTS_SHARED))))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("incompatible import type");
    }

    @Test
    void theModulesRun() {
        Instance module = TestModules.load("threads").instantiate();

        assertThat(module.function("add").apply()).containsExactly(0); // the old value
        assertThat(module.function("add").apply()).containsExactly(5);
        assertThat(module.function("fence").apply()).containsExactly(3);
        assertThat(module.function("dead").apply()).containsExactly(7);
        assertThat(module.function("plain").apply()).containsExactly(9);
    }

    @Test
    void aWaitOnA64BitMemoryTimesOut() {
        Instance module = TestModules.load("threads64").instantiate();

        assertThat(module.function("wait").apply()).containsExactly(2); // memory holds the 0 expected, 10 ns pass
        assertThat(module.function("load").apply()).containsExactly(0);
    }

    @Test
    void everyAtomicOpcodeHasItsTextName() {
        assertThat(AtomicOpcodes.name(0x00)).isEqualTo("memory.atomic.notify");
        assertThat(AtomicOpcodes.name(0x03)).isEqualTo("atomic.fence");
        assertThat(AtomicOpcodes.name(0x16)).isEqualTo("i64.atomic.load32_u");
        assertThat(AtomicOpcodes.name(0x1D)).isEqualTo("i64.atomic.store32");
        assertThat(AtomicOpcodes.name(0x1E)).isEqualTo("i32.atomic.rmw.add");
        assertThat(AtomicOpcodes.name(0x21)).isEqualTo("i32.atomic.rmw16.add_u");
        assertThat(AtomicOpcodes.name(0x43)).isEqualTo("i32.atomic.rmw8.xchg_u");
        assertThat(AtomicOpcodes.name(0x4E)).isEqualTo("i64.atomic.rmw32.cmpxchg_u");
        assertThat(AtomicOpcodes.naturalAlignment(0x4E)).isEqualTo(2);
        assertThat(AtomicOpcodes.naturalAlignment(0x02)).isEqualTo(3);
        assertThat(AtomicOpcodes.isDefined(0x04)).isFalse();
        assertThat(AtomicOpcodes.isDefined(0x4F)).isFalse();
    }
}
