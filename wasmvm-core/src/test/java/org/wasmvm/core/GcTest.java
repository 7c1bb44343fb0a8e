package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.gc.GcArray;
import org.wasmvm.core.gc.GcStruct;
import org.wasmvm.core.gc.I31;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.ValueText;

/**
 * GC beyond the spec suite ({@code modules/gc.wat}, {@code gc-host.wat}): packed, vector and float storage bit for
 * bit, {@code i31} equality, GC objects and host objects at the host boundary (arguments, results, host functions), the array length limit and a heap that runs out.
 * Expected values are the spec's rules applied by hand (sign and zero extension of 8 and 16 bits, 31-bit wrapping).
 */
class GcTest {
    private static final Module GC = TestModules.load("gc");
    private static final Module GC_HOST = TestModules.load("gc-host");

    private final Instance gc = new Store().instantiate(GC);

    private Value[] call(String export, Value... args) {
        return gc.function(export).call(args);
    }

    @Test
    void packedFieldsKeepTheirLowBitsAndExtendOnRead() {
        // 0x1FF80: i8 0x80 (-128 / 128), i16 0xFF80 (-128 / 65408)
        assertThat(call("packed", Value.i32(0x1FF80)))
                .containsExactly(Value.i32(-128), Value.i32(128), Value.i32(-128), Value.i32(0xFF80));
        assertThat(call("packed", Value.i32(-1)))
                .containsExactly(Value.i32(-1), Value.i32(0xFF), Value.i32(-1), Value.i32(0xFFFF));
        assertThat(call("packed", Value.i32(0x7F)))
                .containsExactly(Value.i32(0x7F), Value.i32(0x7F), Value.i32(0x7F), Value.i32(0x7F));
    }

    @Test
    void vectorsAndNanPayloadsAreStoredBitForBit() {
        Value vector = Value.v128(0x0123_4567_89AB_CDEFL, 0xFEDC_BA98_7654_3210L);
        assertThat(call("v128-field", vector)).containsExactly(vector);
        assertThat(call("v128-element", vector)).containsExactly(vector);
        Value signalingF64 = Value.fromBits(ValType.F64, 0x7FF0_0000_0000_0001L);
        assertThat(call("f64-field", signalingF64)).containsExactly(signalingF64);
        Value signalingF32 = Value.fromBits(ValType.F32, 0x7FA0_0001L);
        assertThat(call("f32-element", signalingF32)).containsExactly(signalingF32);
    }

    @Test
    void i31sAreEqualByValueAndWrapTo31Bits() {
        assertThat(call("i31-eq", Value.i32(1000), Value.i32(1000))).containsExactly(Value.i32(1));
        assertThat(call("i31-eq", Value.i32(1000), Value.i32(1000 | 0x8000_0000))).containsExactly(Value.i32(1));
        assertThat(call("i31-eq", Value.i32(1000), Value.i32(1001))).containsExactly(Value.i32(0));
        assertThat(call("i31", Value.i32(0x4000_0000))[0].ref()).isEqualTo(new I31(-0x4000_0000));
        assertThat(call("i31", Value.i32(-1))[0].ref()).isEqualTo(new I31(-1));
    }

    @Test
    void aStructGoesToTheHostAndBackAsItsObject() {
        Value point = call("point", Value.i32(3), Value.i64(4))[0];
        assertThat(point.ref()).isInstanceOf(GcStruct.class);
        assertThat(call("x", point)).containsExactly(Value.i32(3));
        assertThat(call("as-point", Value.fromRef(ValType.ANYREF, point.ref()))[0].ref()).isSameAs(point.ref());

        WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> call("x", Value.nullRef(ValType.STRUCTREF)));
        assertThat(trap.kind()).isEqualTo(TrapKind.NULL_STRUCTURE_REFERENCE);
        Value bytes = call("bytes", Value.i32(2))[0];
        assertThat(catchThrowableOfType(WasmTrap.class, () -> call("as-point", Value.fromRef(ValType.ANYREF, bytes.ref())))
                .kind()).isEqualTo(TrapKind.CAST_FAILURE);
    }

    @Test
    void theBoundaryRefusesAnObjectOfAnotherType() {
        Value bytes = call("bytes", Value.i32(2))[0];
        assertThatThrownBy(() -> call("x", Value.fromRef(ValType.STRUCTREF, bytes.ref())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument 0");
        assertThatThrownBy(() -> call("x", Value.fromRef(ValType.STRUCTREF, "a string")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
        Value otherPoint = new Store().instantiate(GC).function("point").call(Value.i32(5), Value.i64(6))[0];
        assertThat(call("x", otherPoint)).containsExactly(Value.i32(5)); // the same canonical type in another store
    }

    @Test
    void aHostFunctionTakesAndGivesGcObjectsAsTheirObjects() {
        var type = new FuncType(List.of(ValType.ANYREF), List.of(ValType.STRUCTREF));
        Store store = new Store().define("host", "pass", type,
                (caller, args, results) -> results[0] = Value.fromRef(ValType.STRUCTREF, args[0].ref()));
        assertThat(store.instantiate(GC_HOST).function("round-trip").call(Value.i32(7))).containsExactly(Value.i32(7));

        Store wrong = new Store().define("host", "pass", type,
                (caller, args, results) -> results[0] = Value.fromRef(ValType.STRUCTREF, I31.of(7)));
        WasmTrap trap = catchThrowableOfType(WasmTrap.class,
                () -> wrong.instantiate(GC_HOST).function("round-trip").call(Value.i32(7)));
        assertThat(trap.kind()).isEqualTo(TrapKind.HOST_ERROR);
        assertThat(trap.getMessage()).contains("result 0", "must be a struct", I31.class.getName());
    }

    @Test
    void aHostObjectIsAnAnyrefThatIsNotEq() {
        Object host = new StringBuilder("host");
        Value internal = call("internalize", Value.externref(host))[0];
        assertThat(internal.ref()).isSameAs(host);
        assertThat(call("is-eq", internal)).containsExactly(Value.i32(0));
        assertThat(call("externalize", internal)[0].ref()).isSameAs(host);
        Value point = call("point", Value.i32(1), Value.i64(2))[0];
        assertThat(call("is-eq", Value.fromRef(ValType.ANYREF, point.ref()))).containsExactly(Value.i32(1));
        assertThat(call("externalize", Value.fromRef(ValType.ANYREF, point.ref()))[0].ref()).isSameAs(point.ref());
    }

    @Test
    void anArrayOverTheLimitTrapsBeforeItIsAllocated() {
        Instance limited = new Store(RuntimeLimits.DEFAULT.withMaxArrayElements(1000)).instantiate(GC);
        assertThat(((GcArray) limited.function("bytes").call(Value.i32(1000))[0].ref()).length).isEqualTo(1000);
        for (int length : new int[] {1001, -1}) {
            WasmTrap trap = catchThrowableOfType(WasmTrap.class, () -> limited.function("bytes").call(Value.i32(length)));
            assertThat(trap.kind()).isEqualTo(TrapKind.ALLOCATION_TOO_LARGE);
            assertThat(trap.getMessage()).contains(Integer.toUnsignedString(length) + " elements, over the limit of 1000");
        }
    }

    @Test
    void aHeapThatRunsOutIsATrapAndTheJvmGoesOn() {
        long bytes = (Integer.MAX_VALUE - 16L) * Long.BYTES;
        assumeTrue(Runtime.getRuntime().maxMemory() < bytes, "the heap could hold a 16 GiB array");
        Instance unlimited = new Store(RuntimeLimits.DEFAULT.withMaxArrayElements(Integer.MAX_VALUE)).instantiate(GC);
        WasmTrap trap = catchThrowableOfType(WasmTrap.class,
                () -> unlimited.function("longs").call(Value.i32(Integer.MAX_VALUE - 16)));
        assertThat(trap.kind()).isEqualTo(TrapKind.OUT_OF_MEMORY);
        assertThat(unlimited.function("longs").call(Value.i32(16))[0].ref()).isInstanceOf(GcArray.class);
    }

    @Test
    void invokePrintsGcValues() {
        assertThat(invoke("point", "3", "4")).isEqualTo("(ref struct)");
        assertThat(invoke("bytes", "3")).isEqualTo("(ref array)");
        assertThat(invoke("i31", "-5")).isEqualTo("i31 -5");
    }

    private static String invoke(String export, String... arguments) {
        var result = ProgramRunner.run(RunRequest.builder(TestModules.bytes("gc"), "gc.wasm")
                .invoke(export, List.of(arguments)).build());
        return ValueText.format(result.results().get(0));
    }
}
