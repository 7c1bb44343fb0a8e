package org.wasmvm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.Engine;
import org.wasmvm.core.run.RunResult;
import org.wasmvm.core.run.Terminals;
import org.wasmvm.core.tier.CompilerTier;

/** The wasmvm command end to end, with captured streams instead of the JVM's. */
class MainTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path hello;

    @BeforeEach
    void copyGuests() throws IOException {
        hello = copy("hello");
    }

    @Test
    void exitCodeAndArgumentsPassThroughInTheWasmvmForm() {
        int code = run(Map.of(), hello.toString(), "--args", "a", "b", "exit=5");
        assertThat(code).isEqualTo(5);
        assertThat(out()).startsWith("argc=4\nargv[0]=" + hello + "\nargv[1]=a\nargv[2]=b\n");
    }

    @Test
    void argvZeroIsTheModulePathAsGiven() {
        run(Map.of(), "--root", dir.toString(), hello.toString());
        assertThat(out()).contains("argv[0]=" + hello + "\n");
    }

    @Test
    void envIsPassedAndTheHostEnvironmentIsNot() {
        assertThat(run(Map.of("GREETING", "from host"), "--env", "GREETING=from cli", hello.toString())).isZero();
        assertThat(out()).endsWith("GREETING=from cli\n");
        out.reset();
        run(Map.of("GREETING", "from host"), hello.toString());
        assertThat(out()).endsWith("GREETING unset\n");
        out.reset();
        run(Map.of("GREETING", "from host"), "--inherit-env", hello.toString());
        assertThat(out()).endsWith("GREETING=from host\n");
    }

    @Test
    void theCodeCacheKeepsTheVerdictUnlessTurnedOff() throws IOException {
        Path cache = dir.resolve("cache");
        assertThat(run(Map.of(), "--no-cache", "--cache-dir", cache.toString(), hello.toString())).isZero();
        assertThat(cache).doesNotExist();
        assertThat(run(Map.of(), "--cache-dir", cache.toString(), hello.toString())).isZero();
        try (var files = Files.walk(cache)) {
            assertThat(files.map(file -> file.getFileName().toString())).contains("valid");
        }
    }

    @Test
    void noSystemOnAModuleImportingSysenvIsALinkError() {
        int code = run(Map.of(), "-ns", hello.toString());
        assertThat(code).isEqualTo(RunResult.ERROR_EXIT_CODE);
        assertThat(err()).startsWith("wasmvm: error: ").contains("sys_proc.argc");
        assertThat(out()).isEmpty();
    }

    @Test
    void noSystemOnAModuleImportingNothingRuns() throws IOException {
        assertThat(run(Map.of(), "--no-system", copy("sysenv-main").toString())).isEqualTo(7);
    }

    @Test
    void trapPrintsTheErrorAndTheWasmStack() throws IOException {
        int code = run(Map.of(), copy("sysenv-trap").toString());
        assertThat(code).isEqualTo(70);
        assertThat(err()).startsWith("wasmvm: error: unreachable").contains("\n    at ").contains("fail");
    }

    @Test
    void missingOrMalformedModuleIsAnError() throws IOException {
        assertThat(run(Map.of(), dir.resolve("nope.wasm").toString())).isEqualTo(70);
        assertThat(err()).isEqualTo("wasmvm: error: cannot read " + dir.resolve("nope.wasm") + ": no such file\n");
        err.reset();
        assertThat(run(Map.of(), dir.toString())).isEqualTo(70);
        assertThat(err()).startsWith("wasmvm: error: cannot read " + dir + ": ");
        err.reset();
        Path bad = Files.write(dir.resolve("bad.wasm"), new byte[] {1, 2, 3});
        assertThat(run(Map.of(), bad.toString())).isEqualTo(70);
        assertThat(err()).startsWith("wasmvm: error: ");
    }

    @Test
    void rootConfinesTheGuest() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        assertThat(run(Map.of(), "--root", root.toString(), copy("fs").toString())).isZero();
        assertThat(out()).contains("open_escape=-13");
        assertThat(root.resolve("sub")).isDirectory();
        assertThat(dir.resolve("sub")).doesNotExist();
    }

    @Test
    void usageErrorsExit64() {
        assertThat(run(Map.of())).isEqualTo(Main.USAGE_EXIT_CODE);
        assertThat(err()).startsWith("wasmvm: usage: wasmvm [-h|--help]").contains("missing the module");
        err.reset();
        assertThat(run(Map.of(), "--bogus", "m.wasm")).isEqualTo(64);
        assertThat(err()).contains("unknown option --bogus");
        err.reset();
        assertThat(run(Map.of(), "--engine", "fast", "m.wasm")).isEqualTo(64);
        assertThat(err()).startsWith("wasmvm: usage: ").contains("[--engine interpreter|compiler|tiered]")
                .contains("wasmvm: --engine: unknown engine 'fast' (interpreter, compiler or tiered)");
    }

    @Test
    void engineSelectsHowTheGuestRuns() throws IOException {
        Path main = copy("sysenv-main");
        assertThat(run(Map.of(), "--engine", "interpreter", main.toString())).isEqualTo(7);
        assertThat(run(Map.of(), "--engine=tiered", main.toString())).isEqualTo(7);
        // the command always has the compiler (wasmvm-cli depends on it); without it, COMPILER is
        // refused by the run API itself, which ProgramRunnerTest checks in wasmvm-core
        assertThat(CompilerTier.available()).as("wasmvm-compiler is on the command's class path").isTrue();
        assertThat(run(Map.of(), "--engine", "compiler", main.toString())).as(err()).isEqualTo(7);
        assertThat(err()).isEmpty();
    }

    @Test
    void theEnginePropertyIsTheDefaultAndABadValueIsAUsageError() throws IOException {
        Path main = copy("sysenv-main");
        String saved = System.getProperty(Engine.PROPERTY);
        try {
            System.setProperty(Engine.PROPERTY, "compiler");
            assertThat(run(Map.of(), main.toString())).as(err()).isEqualTo(7);
            System.setProperty(Engine.PROPERTY, "fast");
            assertThat(run(Map.of(), main.toString())).isEqualTo(Main.USAGE_EXIT_CODE);
            assertThat(err()).startsWith("wasmvm: usage: ")
                    .contains("wasmvm: -D" + Engine.PROPERTY + ": unknown engine 'fast' (interpreter, compiler or tiered)");
            err.reset();
            assertThat(run(Map.of(), "--engine", "interpreter", main.toString())).as("--engine wins").isEqualTo(7);
            assertThat(err()).isEmpty();
        } finally {
            if (saved == null) {
                System.clearProperty(Engine.PROPERTY);
            } else {
                System.setProperty(Engine.PROPERTY, saved);
            }
        }
    }

    @Test
    void aProgramOfSeveralModulesSharesOneInstanceOfTheLibraryItsModulesImport() throws IOException {
        Path main = copyLinkedDemo();
        int code = run(Map.of(), "-e", dir.resolve("ext").toString(), main.toString());
        assertThat(code).as(err()).isEqualTo(2);
        assertThat(out()).isEqualTo("square(7)=49\nSHOUT: 12 SQUARED IS 144!\nmathlib calls=2\n");
    }

    @Test
    void aModuleImportedByNameButInNoSearchedDirectoryIsALinkError() throws IOException {
        Path main = copyLinkedDemo();
        assertThat(run(Map.of(), main.toString())).isEqualTo(RunResult.ERROR_EXIT_CODE);
        assertThat(err()).startsWith("wasmvm: error: import shout.shout of " + main.toRealPath() + ": module 'shout' not found; tried ");
        assertThat(out()).as("nothing runs before the whole program is linked").isEmpty();
    }

    @Test
    void noParentLeavesTheImportersDirectoryOutOfTheSearch() throws IOException {
        Path main = copyLinkedDemo();
        Files.move(dir.resolve("ext/shout.wasm"), dir.resolve("app/shout.wasm"));
        assertThat(run(Map.of(), main.toString())).as(err()).isEqualTo(2);
        out.reset();
        assertThat(run(Map.of(), "-np", main.toString())).isEqualTo(RunResult.ERROR_EXIT_CODE);
        assertThat(err()).contains("module 'shout' not found");
    }

    @Test
    void forceIsAcceptedButAnInvalidModuleStillFails() throws IOException {
        // a function of type [] -> [i32] whose body is empty
        Path invalid = Files.write(dir.resolve("invalid.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0,
                1, 5, 1, 0x60, 0, 1, 0x7f, 3, 2, 1, 0, 10, 4, 1, 2, 0, 0x0b});
        assertThat(run(Map.of(), invalid.toString())).isEqualTo(RunResult.ERROR_EXIT_CODE);
        assertThat(err()).startsWith("wasmvm: error: invalid module").doesNotContain("--force");
        err.reset();
        assertThat(run(Map.of(), "-f", invalid.toString())).isEqualTo(RunResult.ERROR_EXIT_CODE);
        assertThat(err()).startsWith("wasmvm: error: invalid module")
                .endsWith(" (--force does not skip validation: wasmvm runs only valid modules)\n");
        err.reset();
        assertThat(run(Map.of(), "--force", copy("sysenv-main").toString())).isEqualTo(7);
    }

    @Test
    void helpDescribesEveryOption() {
        assertThat(run(Map.of(), "--help")).isZero();
        for (String option : new String[] {"-h, --help", "-v, --version", "--  ", "--root DIR", "--env NAME=VALUE",
                "--inherit-env", "--dir HOST[::GUEST][:ro]", "-ns, --no-system", "-e, --extra DIR", "-np, --no-parent",
                "-f, --force", "--invoke NAME", "--engine interpreter|compiler|tiered", "--cache-dir DIR", "--no-cache",
                "--clock INSTANT", "--deterministic", "--seed N"}) {
            assertThat(out()).as(option).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(option));
        }
    }

    @Test
    void helpAndVersion() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out()).startsWith("usage: wasmvm ");
        out.reset();
        assertThat(run(Map.of(), "-v")).isZero();
        assertThat(out()).startsWith("wasmvm ").isEqualTo("wasmvm " + Main.version() + "\n");
    }

    @Test
    void withoutAConsoleNoStreamIsATerminal() {
        assertThat(Main.terminals(null)).isEqualTo(Terminals.NONE);
    }

    /**
     * wasmvm-core's stdio-types.wasm prints, for fds 0, 1 and 2, WASI's fdstat filetype (0 unknown, 2 a
     * character device), wasi-libc's isatty, WASI's filestat filetype and sysenv's fstat type (1 a pipe).
     */
    @Test
    void theGuestSeesTheStreamsTheCommandSaysAreTerminalsAsSuch() throws IOException {
        Path types = copy("stdio-types");
        assertThat(run(Map.of(), types.toString())).as(err()).isZero();
        assertThat(out.toByteArray()).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1);
        out.reset();
        assertThat(run(new Terminals(true, true, true), Map.of(), types.toString())).as(err()).isZero();
        assertThat(out.toByteArray()).containsExactly(2, 1, 2, 2, 2, 1, 2, 2, 2, 1, 2, 2);
    }

    private Path copy(String guest) throws IOException {
        try (InputStream in = MainTest.class.getResourceAsStream("/modules/" + guest + ".wasm")) {
            return Files.write(dir.resolve(guest + ".wasm"), in.readAllBytes());
        }
    }

    /** The linking demo (src/test/c/linked): app/main.wasm, app/lib/mathlib.wasm, ext/shout.wasm; returns main. */
    private Path copyLinkedDemo() throws IOException {
        for (String file : new String[] {"app/main.wasm", "app/lib/mathlib.wasm", "ext/shout.wasm"}) {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = MainTest.class.getResourceAsStream("/linked/" + file)) {
                Files.write(target, in.readAllBytes());
            }
        }
        return dir.resolve("app/main.wasm");
    }

    private int run(Map<String, String> hostEnv, String... args) {
        return run(Terminals.NONE, hostEnv, args);
    }

    private int run(Terminals terminals, Map<String, String> hostEnv, String... args) {
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Main.run(args, new ByteArrayInputStream(new byte[0]), stdout, stderr, terminals, hostEnv);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
