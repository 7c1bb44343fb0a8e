package org.wasmvm.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.sysenv.Guests;

/**
 * What a guest sees of its standard streams (stdio-types.wat prints, for fds 0, 1 and 2, WASI's
 * fdstat filetype, wasi-libc's isatty, WASI's filestat filetype and sysenv's fstat type): a pipe
 * unless the request says the stream is a terminal, then a character device.
 */
class TerminalsTest {
    /** WASI's {@code UNKNOWN} twice, not a tty, sysenv's {@code S_IFIFO >> 12}. */
    private static final byte[] PIPE = {0, 0, 0, 1};
    /** WASI's {@code CHARACTER_DEVICE} twice, a tty, sysenv's {@code S_IFCHR >> 12}. */
    private static final byte[] TERMINAL = {2, 1, 2, 2};

    @TempDir
    Path root;

    @Test
    void noStreamIsATerminalByDefault() {
        assertThat(types(request())).containsExactly(concat(PIPE, PIPE, PIPE));
    }

    @Test
    void theStreamsTheRequestNamesAreTerminals() {
        assertThat(types(request().terminals(new Terminals(true, false, true))))
                .containsExactly(concat(TERMINAL, PIPE, TERMINAL));
        assertThat(types(request().terminals(new Terminals(false, true, false))))
                .containsExactly(concat(PIPE, TERMINAL, PIPE));
    }

    private RunRequest.Builder request() {
        return RunRequest.builder(Guests.bytes("stdio-types"), "stdio-types.wasm").root(root);
    }

    private static byte[] types(RunRequest.Builder request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunResult result = ProgramRunner.run(request.stdout(out).stderr(err).build());
        assertThat(result).as("%s", result.failure()).isEqualTo(RunResult.exited(0));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] fd0, byte[] fd1, byte[] fd2) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(fd0);
        all.writeBytes(fd1);
        all.writeBytes(fd2);
        return all.toByteArray();
    }
}
