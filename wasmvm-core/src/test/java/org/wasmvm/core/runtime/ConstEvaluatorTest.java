package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Global;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Store;
import org.wasmvm.core.Value;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.ValType;

/**
 * Extended constant expressions evaluated at instantiation (modules/extended-const.wat). The expected
 * values follow the spec's wrapping two's-complement arithmetic; wabt's wasm-interp gives the same for the
 * constant-only initializers.
 */
class ConstEvaluatorTest {
    private static Instance instance;

    @BeforeAll
    static void instantiate() throws IOException {
        byte[] bytes;
        try (InputStream in = ConstEvaluatorTest.class.getResourceAsStream("/modules/extended-const.wasm")) {
            bytes = in.readAllBytes();
        }
        instance = new Store()
                .define("env", "base", Global.create(new GlobalType(ValType.I32, false), Value.i32(100)))
                .define("env", "base64", Global.create(new GlobalType(ValType.I64, false), Value.i64(5)))
                .instantiate(Wasm.load(bytes));
    }

    private static Value global(String name) {
        return instance.global(name).get();
    }

    @Test
    void globalGetReadsImportedAndEarlierOwnGlobals() {
        assertThat(global("sum")).isEqualTo(Value.i32(108)); // base + 8
        assertThat(global("chain")).isEqualTo(Value.i32(324)); // sum * 3
        assertThat(global("i64-sub")).isEqualTo(Value.i64(-2)); // base64 - 7
    }

    @Test
    void i32ArithmeticWraps() {
        assertThat(global("i32-add-wraps")).isEqualTo(Value.i32(Integer.MIN_VALUE)); // 0x7fffffff + 1
        assertThat(global("i32-sub-wraps")).isEqualTo(Value.i32(Integer.MAX_VALUE)); // 0x80000000 - 1
        assertThat(global("i32-mul-wraps")).isEqualTo(Value.i32(0x20001)); // 0x100020001 mod 2^32
    }

    @Test
    void i64ArithmeticWraps() {
        assertThat(global("i64-mul-wraps")).isEqualTo(Value.i64(0x2_0000_0001L)); // (2^32+1)^2 mod 2^64
        assertThat(global("i64-add-wraps")).isEqualTo(Value.i64(Long.MIN_VALUE + 1)); // 2^63-1 + 2
    }

    @Test
    void segmentOffsetsAreComputed() {
        assertThat(instance.memory("memory").read(102, 2)).containsExactly('h', 'i'); // base + 2
        var table = instance.table("table");
        assertThat(table.get(323)).isNotNull(); // chain - 1
        assertThat(table.get(322)).isNull();
        assertThat(table.get(324)).isNull();
    }
}
