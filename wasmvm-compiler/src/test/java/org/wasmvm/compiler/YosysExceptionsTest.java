package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.published.PublishedTools;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;

/**
 * A published C++ WASI command whose exceptions are wasm exceptions: yosys 0.69+62 from npm's
 * {@code @yowasp/yosys} 0.70.62-dev.1236, built by wasi-sdk 33 (clang 22) with {@code -fwasm-exceptions}
 * (the exnref form: 84 543 {@code try_table}, 55 850 {@code throw_ref} and the one {@code throw} of
 * libunwind; ~66 MB, not in git). Runs only when the module exists:
 * {@code scripts/fetch-yosys-exceptions.sh} puts it at {@code ~/.cache/wasmvm-tools/yosys-exceptions.wasm};
 * {@code -Dwasmvm.yosys-exceptions=FILE} points elsewhere.
 *
 * <p>{@code input.ys} is an interactive session in which three commands fail: yosys reports each by
 * throwing {@code log_cmd_error_exception} from deep in the pass ({@code Pass::call}, the pass's
 * {@code execute}, {@code Pass::cmd_error}, {@code log_cmd_error}), through frames whose destructors
 * run on the way, and catching it in its shell loop, which goes on to the next command and finally
 * synthesizes and prints statistics. The output must be node's ({@code node.stdout} and
 * {@code node.stderr}, from {@code scripts/yosys-exceptions-node.mjs}) on the interpreter and on the
 * compiler, up to the logfile hash of the closing line (a hash of everything yosys logged; the rest
 * of the line and the lines after it are times).
 */
class YosysExceptionsTest {
    private static final Pattern END = Pattern.compile("\nEnd of script\\. Logfile hash: [0-9a-f]+");

    @TempDir
    Path root;
    private Path yosys;

    @BeforeEach
    void findModule() {
        yosys = PublishedTools.require("yosys-exceptions", "scripts/fetch-yosys-exceptions.sh");
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void catchesFailingCommandsAndGoesOnAsUnderNode(Engine engine) throws IOException {
        Files.write(root.resolve("counter.v"), resource("counter.v"));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        RunResult result = ProgramRunner.run(RunRequest.builder(yosys).programName("yosys").root(root).engine(engine)
                .stdin(new ByteArrayInputStream(resource("input.ys"))).stdout(out).stderr(err).build());

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(result.exited()).as("%s\n%s", result.failure(), stderr).isTrue();
        assertThat(result.exitCode()).as(stderr).isZero();
        assertThat(stderr).isEqualTo(text("node.stderr"));
        Matcher end = END.matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(end.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8).substring(0, end.end()) + "\n").isEqualTo(text("node.stdout"));
    }

    private static String text(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = YosysExceptionsTest.class.getResourceAsStream("/published/yosys-exceptions/" + name)) {
            return in.readAllBytes();
        }
    }
}
