package org.wasmvm.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.Value;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.sysenv.Guests;

/** ProgramRunner.run of an invocation: arguments read by the export's parameter types, results returned, errors named. */
class InvokeTest {
    private RunResult invoke(String export, String... arguments) {
        return ProgramRunner.run(RunRequest.builder(Guests.bytes("invoke"), "invoke.wasm")
                .stdout(new ByteArrayOutputStream()).stderr(new ByteArrayOutputStream())
                .invoke(export, List.of(arguments)).build());
    }

    @Test
    void everyValueTypeGoesInAndComesBack() {
        RunResult result = invoke("echo", "-5", "0x7fffffffffffffff", "nan:0x1", "-0x1.8p1",
                "0x000102030405060708090a0b0c0d0e0f", "null", "null");
        assertThat(result.exited()).as("%s", result.failure()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.results()).containsExactly(Value.i32(-5), Value.i64(Long.MAX_VALUE),
                Value.fromBits(ValType.F32, 0x7f800001L), Value.f64(-3.0),
                Value.v128(0x08090a0b0c0d0e0fL, 0x0001020304050607L), Value.nullRef(ValType.FUNCREF),
                Value.nullRef(ValType.EXTERNREF));
        assertThat(result.results().stream().map(ValueText::format)).containsExactly("-5", "9223372036854775807",
                "nan:0x1", "-3.0", "0x000102030405060708090a0b0c0d0e0f", "null", "null");
    }

    @Test
    void anI32ResultIsAResultNotTheExitCode() {
        assertThat(invoke("add", "40", "2")).isEqualTo(RunResult.invoked(List.of(Value.i32(42))));
        assertThat(invoke("nothing")).isEqualTo(RunResult.invoked(List.of()));
        assertThat(invoke("self").results()).singleElement().extracting(ValueText::format).isEqualTo("func");
    }

    @Test
    void aWrongArgumentCountNamesTheParameters() {
        assertThat(invoke("add", "1").failure()).isInstanceOf(InvokeArgumentException.class)
                .hasMessage("'add' takes 2 arguments (i32, i32), but 1 was given");
        assertThat(invoke("nothing", "1").failure()).isInstanceOf(InvokeArgumentException.class)
                .hasMessage("'nothing' takes 0 arguments, but 1 was given");
    }

    @Test
    void aMalformedArgumentNamesItsParameterIndexAndType() {
        RunResult result = invoke("add", "1", "two");
        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR_EXIT_CODE);
        assertThat(result.failure()).isInstanceOf(InvokeArgumentException.class)
                .hasMessage("'add' parameter 1 (i32): 'two' is not an i32");
        assertThat(invoke("echo", "0", "0", "0", "0", "0", "f", "null").failure())
                .hasMessage("'echo' parameter 5 (funcref): 'f' is not null, the only funcref that can be given");
    }

    @Test
    void aMissingExportIsALinkErrorAndATrapATrap() {
        assertThat(invoke("missing").failure()).isInstanceOf(LinkException.class)
                .hasMessageContaining("'missing' is not an exported function");
        assertThat(invoke("fail", "1").failure()).isInstanceOf(WasmTrap.class);
    }
}
