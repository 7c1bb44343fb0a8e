package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;

class PublicApiTest {
    private static final FuncType I32_TO_I32 = FuncType.of(List.of(ValType.I32), List.of(ValType.I32));

    private Instance instantiate(HostFunction addOffset) {
        return new Store().define("env", "add_offset", I32_TO_I32, addOffset).instantiate(TestModules.load("api"));
    }

    @Test
    void callsAHostFunctionWrittenAsALambda() {
        Instance instance = instantiate((caller, args) -> new long[] {(int) args[0] + 1000});

        assertThat(instance.function("double_then_offset").apply(21)).containsExactly(1042);
    }

    @Test
    void typedCallsCheckAndConvertValues() {
        Instance instance = instantiate((caller, args) -> new long[] {args[0]});

        Value[] results = instance.function("div_pair").call(Value.f64(1.0), Value.f64(4.0));

        assertThat(results).containsExactly(Value.f64(0.25), Value.f64(4.0));
        assertThatThrownBy(() -> instance.function("div_pair").call(Value.i32(1), Value.f64(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("argument 0 must be f64");
    }

    @Test
    void readsAndWritesExportedMemory() {
        Instance instance = instantiate((caller, args) -> new long[] {args[0]});
        Memory memory = instance.memory("memory");

        assertThat(new String(memory.read(16, 5), StandardCharsets.US_ASCII)).isEqualTo("hello");
        byte[] bytes = {1, 2, 3, 4, 5, 6};
        memory.write(100, bytes);
        int expected = 0;
        for (byte b : bytes) {
            expected += b;
        }
        assertThat(instance.function("sum_bytes").apply(100, bytes.length)).containsExactly(expected);
        memory.writeInt(200, 0x01020304);
        assertThat(memory.readByte(200)).isEqualTo((byte) 4);
    }

    @Test
    void globalsAreSharedBetweenJavaAndWasm() {
        Instance instance = instantiate((caller, args) -> new long[] {args[0]});
        Global counter = instance.global("counter");

        assertThat(instance.function("bump").apply()).containsExactly(42L);
        counter.set(Value.i64(100));
        assertThat(instance.function("bump").apply()).containsExactly(102L);
        assertThat(counter.get()).isEqualTo(Value.i64(102));
    }

    @Test
    void hostFunctionSeesItsCallersMemory() {
        Instance[] seen = new Instance[1];
        Instance instance = instantiate((caller, args) -> {
            seen[0] = caller;
            return new long[] {caller.memory(0).readByte(16)};
        });

        assertThat(instance.function("double_then_offset").apply(0)).containsExactly((long) 'h');
        assertThat(seen[0]).isSameAs(instance);
    }

    @Test
    void missingImportIsALinkErrorNamingIt() {
        Module module = TestModules.load("api");

        assertThatThrownBy(module::instantiate)
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("unknown import env.add_offset");
    }

    @Test
    void importOfTheWrongTypeIsALinkErrorWithBothTypes() {
        Store store = new Store().define("env", "add_offset", FuncType.of(List.of(ValType.I64), List.of()), (c, a) -> null);

        assertThatThrownBy(() -> store.instantiate(TestModules.load("api")))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("incompatible import type for env.add_offset")
                .hasMessageContaining("[i32] -> [i32]")
                .hasMessageContaining("[i64] -> []");
    }

    @Test
    void javaExceptionInAHostFunctionBecomesATrap() {
        Instance instance = instantiate((caller, args) -> {
            throw new IllegalStateException("boom");
        });

        assertThatThrownBy(() -> instance.function("double_then_offset").apply(1))
                .isInstanceOf(WasmTrap.class)
                .satisfies(e -> assertThat(((WasmTrap) e).kind()).isEqualTo(TrapKind.HOST_ERROR))
                .hasMessageContaining("boom")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedBytesNameTheOffset() {
        assertThatThrownBy(() -> Wasm.load(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}))
                .isInstanceOf(MalformedModuleException.class)
                .hasMessageContaining("offset 0x4")
                .hasMessageContaining("unknown binary version");
    }
}
