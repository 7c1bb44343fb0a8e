package org.wasmvm.core.sysenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;

/** Runs in parallel threads share nothing: each sees its own arguments, environment, root and fds. */
class ConcurrentRunsTest {
    private static final int RUNS = 8;

    @TempDir
    Path roots;

    @Test
    void eightParallelRunsDoNotMix() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        CyclicBarrier start = new CyclicBarrier(RUNS);
        try {
            List<Future<String>> outputs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                outputs.add(pool.submit(run(i, start)));
            }
            for (int i = 0; i < RUNS; i++) {
                String out = outputs.get(i).get(60, TimeUnit.SECONDS);
                assertThat(out).isEqualTo("argc=3\nargv[0]=run" + i + ".wasm\nargv[1]=arg-" + i + "\nargv[2]=exit=" + i
                        + "\nGREETING=hello " + i + "\n");
                // fs: each run's tree holds only what it created, and its first fd was 3
                assertThat(Files.readString(roots.resolve("r" + i + "/sub/../transcript"))).contains("open_fd=3");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<String> run(int i, CyclicBarrier start) {
        return () -> {
            Path root = Files.createDirectories(roots.resolve("r" + i));
            start.await();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RunResult hello = ProgramRunner.run(RunRequest.builder(Guests.bytes("hello"), "run" + i + ".wasm")
                    .arguments(List.of("arg-" + i, "exit=" + i)).environment(Map.of("GREETING", "hello " + i))
                    .root(root).stdout(out).stderr(out).build());
            assertThat(hello).isEqualTo(RunResult.exited(i));
            ByteArrayOutputStream fsOut = new ByteArrayOutputStream();
            RunResult fs = ProgramRunner.run(RunRequest.builder(Guests.bytes("fs"), "fs.wasm").root(root)
                    .stdout(fsOut).stderr(fsOut).build());
            assertThat(fs).isEqualTo(RunResult.exited(0));
            Files.write(root.resolve("transcript"), fsOut.toByteArray());
            return out.toString(StandardCharsets.UTF_8);
        };
    }
}
