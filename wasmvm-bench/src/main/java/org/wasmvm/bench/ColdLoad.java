package org.wasmvm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.dylibso.chicory.wasm.Parser;
import org.wasmvm.core.Wasm;

/**
 * Decode + validate of one (large) module in a fresh JVM, the cost a build pays before a downloaded
 * tool runs: each measurement is a new {@code java} process that reads the file and loads it once,
 * class loading and JIT warm-up included. Side by side for wasmvm and Chicory.
 *
 * <pre>java -cp wasmvm-bench/target/benchmarks.jar org.wasmvm.bench.ColdLoad module.wasm [runs]</pre>
 */
public final class ColdLoad {
    private static final List<String> RUNTIMES = List.of("wasmvm", "chicory");
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    private ColdLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--once")) {
            System.out.println(loadOnceMillis(args[1], Path.of(args[2])));
            return;
        }
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ColdLoad module.wasm [runs, default 5]");
            System.exit(64);
        }
        Path module = Path.of(args[0]);
        int runs = args.length == 2 ? Integer.parseInt(args[1]) : 5;
        System.out.printf("%s (%.1f MB), %d fresh JVMs per runtime, %s %s%n%n", module.getFileName(),
                Files.size(module) / 1e6, runs, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.println("| runtime | median ms | min ms | max ms |");
        System.out.println("|---|---|---|---|");
        for (String runtime : RUNTIMES) {
            long[] millis = new long[runs];
            for (int i = 0; i < runs; i++) {
                millis[i] = inFreshJvm(runtime, module);
            }
            Arrays.sort(millis);
            System.out.printf("| %s | %d | %d | %d |%n", runtime, millis[runs / 2], millis[0], millis[runs - 1]);
        }
    }

    /** Reads and loads (decode + validate) the module once in this JVM; the milliseconds it took. */
    private static long loadOnceMillis(String runtime, Path module) throws IOException {
        long start = System.nanoTime();
        byte[] bytes = Files.readAllBytes(module);
        Object loaded = switch (runtime) {
            case "wasmvm" -> Wasm.load(bytes);
            case "chicory" -> Parser.parse(bytes); // Chicory validates the bodies while parsing
            default -> throw new IllegalArgumentException("unknown runtime " + runtime);
        };
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (loaded == null) {
            throw new IllegalStateException("nothing loaded");
        }
        return millis;
    }

    private static long inFreshJvm(String runtime, Path module) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ColdLoad.class.getName(), "--once", runtime, module.toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || child.exitValue() != 0) {
            child.destroyForcibly();
            throw new IllegalStateException(runtime + " failed to load " + module + ": " + out);
        }
        return Long.parseLong(out);
    }
}
