package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.ThrownException;
import org.wasmvm.core.Wasm;

/**
 * A wasm exception that leaves the entry point fails the build as a trap does: the tag, the payload, the wasm stack,
 * the same on every engine.
 */
class ExceptionOutcomeTest {
    /** Exports "f", which throws tag 0 (no payload) and catches nothing. */
    private static final byte[] THROWS = module(
            new byte[] {1, 4, 1, 0x60, 0, 0}, // type 0: [] -> []
            new byte[] {3, 2, 1, 0}, // func 0: type 0
            new byte[] {13, 3, 1, 0, 0}, // tag 0: type 0
            new byte[] {7, 5, 1, 1, 'f', 0, 0}, // export "f" func 0
            new byte[] {10, 6, 1, 4, 0, 0x08, 0, 0x0B}); // throw 0

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUncaughtExceptionIsABuildFailureWithTheWasmStackAndNoJavaCause(Engine engine) {
        ThrownException thrown = catchThrowableOfType(ThrownException.class,
                () -> new Store(RuntimeLimits.DEFAULT, engine).instantiate(Wasm.load(THROWS)).function("f").apply());

        var error = RunOutcome.failure(thrown, "hello.wasm", false);

        assertThat(error).isInstanceOf(MojoFailureException.class).hasNoCause();
        // the throw is byte 35 of THROWS
        assertThat(error.getMessage()).isEqualTo("hello.wasm failed: wasm exception: tag (tag 0) []\n    at func 0 @ 0x23");
    }

    private static byte[] module(byte[]... sections) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        for (byte[] section : sections) {
            out.writeBytes(section);
        }
        return out.toByteArray();
    }
}
