package org.wasmvm.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmvm.core.Engine;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.sysenv.Guests;
import org.wasmvm.core.tier.CompilerTier;

/**
 * wasi-threads end to end (src/test/c/wasi-threads, a wasm32 program built with {@code
 * --target=wasm32-wasi-threads}): threads that count, a thread's {@code proc_exit} and trap ending the run, the
 * timeout ending a deadlock, the thread limit; and no thread outlives its run. Expected counts are the
 * program's arithmetic: 4 threads of 100 000 increments each.
 */
@Timeout(120)
class WasiThreadsTest {
    @TempDir
    Path root;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private RunResult run(Engine engine, String entryPoint, RuntimeLimits limits) {
        Assumptions.assumeTrue(engine == Engine.INTERPRETER || CompilerTier.available(), "no compiler on the class path");
        RunResult result = ProgramRunner.run(RunRequest.builder(Guests.bytes("wasi-threads"), "wasi-threads.wasm")
                .root(root).stdout(stdout).stderr(new ByteArrayOutputStream()).entryPoint(entryPoint).limits(limits)
                .engine(engine).build());
        assertThat(guestThreads()).as("threads alive after the run").isEmpty();
        return result;
    }

    private static Set<String> guestThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("wasmvm-wasi-thread-")).collect(java.util.stream.Collectors.toSet());
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void threadsCountExactly(Engine engine) {
        assertThat(run(engine, "_start", RuntimeLimits.DEFAULT)).isEqualTo(RunResult.exited(0));
        assertThat(out()).isEqualTo("atomic 400000\natomic64 400000\nlocked 400000\n");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aThreadsExitEndsTheRun(Engine engine) {
        assertThat(run(engine, "exit_in_thread", RuntimeLimits.DEFAULT)).isEqualTo(RunResult.exited(7));
        assertThat(out()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aThreadsTrapEndsTheRunWithThatTrap(Engine engine) {
        RunResult result = run(engine, "trap_in_thread", RuntimeLimits.DEFAULT);
        assertThat(result.failure()).isInstanceOfSatisfying(WasmTrap.class,
                trap -> assertThat(trap.kind()).isEqualTo(TrapKind.UNREACHABLE));
        assertThat(out()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theTimeoutEndsADeadlock(Engine engine) {
        RunResult result = run(engine, "deadlock", RuntimeLimits.DEFAULT.withTimeout(Duration.ofMillis(300)));
        assertThat(result.failure()).isInstanceOfSatisfying(WasmTrap.class,
                trap -> assertThat(trap.kind()).isEqualTo(TrapKind.TIMEOUT));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void spawnsBeyondTheLimitFailAndBlockedThreadsEndWithTheRun(Engine engine) {
        assertThat(run(engine, "too_many", RuntimeLimits.DEFAULT.withMaxThreads(3))).isEqualTo(RunResult.exited(0));
        assertThat(out()).isEqualTo("spawned 3\nthen -6\n"); // -EAGAIN; the 3 threads wait forever
    }
}
