package org.wasmvm.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.Engine;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.LoadedModules;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.ResourceLimitException;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.sysenv.Guests;
import org.wasmvm.core.tier.CompilerTier;

/** ProgramRunner.run end to end with the guest programs: entry rules, exit codes, failures, noSystem. */
class ProgramRunnerTest {
    @TempDir
    Path root;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void helloPrintsItsArgumentsAndEnvironmentAndExitsWithItsCode() {
        RunResult result = run(request("hello").arguments(List.of("a b", "exit=3"))
                .environment(Map.of("GREETING", "hi there")));
        assertThat(result).isEqualTo(RunResult.exited(3));
        assertThat(out()).isEqualTo("argc=3\nargv[0]=hello.wasm\nargv[1]=a b\nargv[2]=exit=3\nGREETING=hi there\n");
    }

    @Test
    void guestSeesOnlyTheGivenEnvironment() {
        run(request("hello"));
        assertThat(out()).endsWith("GREETING unset\n");
    }

    @Test
    void exitFromDeepRecursionEndsTheRun() {
        assertThat(run(request("sysenv-exit-deep"))).isEqualTo(RunResult.exited(42));
    }

    @Test
    void mainsResultIsTheExitCodeAndAModuleImportingNothingRunsWithoutSystem() {
        assertThat(run(request("sysenv-main").noSystem(true))).isEqualTo(RunResult.exited(7));
        assertThat(run(request("sysenv-main"))).isEqualTo(RunResult.exited(7));
    }

    @Test
    void configuredEntryPointIsCalled() {
        assertThat(run(request("sysenv-main").entryPoint("main"))).isEqualTo(RunResult.exited(7));
    }

    @Test
    void missingConfiguredEntryPointIsALinkError() {
        RunResult result = run(request("sysenv-main").entryPoint("run"));
        assertThat(result.failure()).isInstanceOf(LinkException.class).hasMessageContaining("'run'");
        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR_EXIT_CODE);
    }

    @Test
    void startFunctionAloneIsAProgram() {
        assertThat(run(request("sysenv-start-only"))).isEqualTo(RunResult.exited(0));
        assertThat(out()).isEqualTo("started\n");
    }

    @Test
    void moduleWithoutEntryPointOrStartFails() {
        RunResult result = run(request("sysenv-no-entry"));
        assertThat(result.failure()).isInstanceOf(LinkException.class)
                .hasMessageContaining("no entry point").hasMessageContaining("_start").hasMessageContaining("main");
    }

    @Test
    void trapIsAFailureWithTheWasmStack() {
        RunResult result = run(request("sysenv-trap"));
        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR_EXIT_CODE);
        assertThat(result.failure()).isInstanceOfSatisfying(WasmTrap.class,
                trap -> assertThat(trap.wasmStack()).anyMatch(frame -> frame.contains("fail")));
    }

    @Test
    void noSystemMakesSysenvImportsALinkErrorNamingTheImport() {
        RunResult result = run(request("hello").noSystem(true));
        assertThat(result.failure()).isInstanceOf(LinkException.class).hasMessageContaining("sys_proc.argc");
        assertThat(out()).isEmpty();
    }

    @Test
    void malformedModuleIsAFailure() {
        RunResult result = ProgramRunner.run(RunRequest.builder(new byte[] {0, 'a', 's', 'x'}, "bad.wasm")
                .root(root).stdout(stdout).stderr(stderr).build());
        assertThat(result.failure()).isInstanceOf(MalformedModuleException.class);
    }

    @Test
    void unreadableModuleFileIsAFailure() {
        RunResult result = ProgramRunner.run(RunRequest.builder(root.resolve("missing.wasm")).root(root).build());
        assertThat(result.failure()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void moduleFileIsReadAndItsPathIsArgvZero() throws IOException {
        Path module = Files.write(root.resolve("hello.wasm"), Guests.bytes("hello"));
        RunResult result = ProgramRunner.run(RunRequest.builder(module).root(root).stdout(stdout).stderr(stderr).build());
        assertThat(result).isEqualTo(RunResult.exited(0));
        assertThat(out()).contains("argv[0]=" + module + "\n");
    }

    @Test
    void runsGivenLoadedModulesShareOneLoad() {
        LoadedModules modules = new LoadedModules(1 << 20);
        assertThat(run(request("sysenv-main").modules(modules))).isEqualTo(RunResult.exited(7));
        assertThat(run(request("sysenv-main").modules(modules))).isEqualTo(RunResult.exited(7));
        assertThat(modules.statistics()).isEqualTo(new LoadedModules.Statistics(1, 1, 1, Guests.bytes("sysenv-main").length));
    }

    @Test
    void memoryLimitIsAFailure() {
        RunResult result = run(request("hello").limits(RuntimeLimits.DEFAULT.withMaxMemoryPages(1)));
        assertThat(result.failure()).isInstanceOf(ResourceLimitException.class);
    }

    @Test
    void workingDirectoryOutsideTheTreeIsAFailureNotAnException() {
        RunResult result = run(request("hello").workingDirectory("/does/not/exist"));
        assertThat(result.exited()).isFalse();
    }

    @Test
    void stdinIsTheRequestsStream() {
        // hello does not read stdin; the fs guest transcript covers reads. Here: the stream is not closed.
        ByteArrayInputStream in = new ByteArrayInputStream("input".getBytes(StandardCharsets.UTF_8));
        run(request("hello").stdin(in));
        assertThat(in.available()).isEqualTo(5);
    }

    @Test
    void theEngineDefaultsToTheConfiguredOneAndRunsTheStore() {
        assertThat(request("hello").build().engine()).isEqualTo(Engine.configured());
        assertThat(run(request("sysenv-main").engine(Engine.INTERPRETER))).isEqualTo(RunResult.exited(7));
        assertThat(run(request("sysenv-main").engine(Engine.TIERED))).isEqualTo(RunResult.exited(7));
    }

    @Test
    void theCompilerEngineWithoutTheCompilerIsAFailureNotAnException() {
        assumeFalse(CompilerTier.available(), "wasmvm-compiler is on the class path");
        RunResult result = run(request("hello").engine(Engine.COMPILER));
        assertThat(result.failure()).isInstanceOf(IllegalStateException.class).hasMessageContaining("wasmvm-compiler");
        assertThat(out()).isEmpty();
    }

    private RunRequest.Builder request(String guest) {
        return RunRequest.builder(Guests.bytes(guest), guest + ".wasm").root(root).stdout(stdout).stderr(stderr);
    }

    private RunResult run(RunRequest.Builder request) {
        return ProgramRunner.run(request.build());
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
