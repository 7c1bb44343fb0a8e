package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * GC objects are collected by the JVM: a module allocates about 10 GB of short-lived structs and arrays (2.5 million
 * structs, each with a fresh 4 KiB array; the last 16 stay alive) in a JVM of 256 MiB of heap, which it can only
 * survive if the dropped objects are freed. The workload runs in a JVM of its own ({@link GcChurn}), so that its
 * heap limit is real and a failure cannot take the build's JVM with it; on the engine of this run
 * ({@code -Dwasmvm.engine}: wasmvm-compiler runs it again with the compiler, where the churn loop is compiled code).
 */
class GcCollectionTest {
    private static final int COUNT = 2_500_000, SIZE = 4096;

    @Test
    void tenGigabytesOfShortLivedObjectsFitInASmallHeap() throws IOException, InterruptedException {
        String output = run("-Xmx256m", GcChurn.class, Integer.toString(COUNT), Integer.toString(SIZE));
        assertThat(output).isEqualTo(Integer.toString((int) ((long) COUNT * SIZE))); // the i32 sum wraps
    }

    /** Structs that stay alive until the heap is full: {@code struct.new} traps, and the JVM goes on. */
    @Test
    void aHeapFullOfLiveStructsIsATrapAndTheJvmGoesOn() throws IOException, InterruptedException {
        String output = run("-Xmx64m", GcHoard.class);
        // on the compiler engine, the trap comes out of compiled code (the interpreter's run has its own)
        String tier = Engine.configured() == Engine.COMPILER ? "compiled" : "interpreted";
        assertThat(output.lines()).containsExactly(TrapKind.OUT_OF_MEMORY.name(), tier, "42");
    }

    /** Runs {@code main} in a child JVM of heap {@code heap}, on this run's engine; returns its output once it exited 0. */
    private static String run(String heap, Class<?> main, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, heap,
                "-D" + Engine.PROPERTY + "=" + System.getProperty(Engine.PROPERTY, "tiered"),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = child.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(finished).as("finished within 5 minutes").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }
}
