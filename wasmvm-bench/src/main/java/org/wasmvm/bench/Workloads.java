package org.wasmvm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The committed workload modules ({@code /workloads/<name>.<target>.wasm}) and their expected results
 * ({@code /workloads/expected.properties}, written by {@code src/main/c/build.sh} from native runs of
 * the same C sources).
 */
public final class Workloads {

    /** The compute workloads, in table order. */
    public static final String[] COMPUTE = {
        "sha256", "nbody", "fannkuch", "sieve", "quicksort", "matmul", "fib", "membw"
    };

    /** The compute workloads and the trivial module (what a single short program run pays), in table order. */
    public static final String[] ALL = {
        "sha256", "nbody", "fannkuch", "sieve", "quicksort", "matmul", "fib", "membw", "trivial"
    };

    private static final Properties EXPECTED = new Properties();

    static {
        try (InputStream in = Workloads.class.getResourceAsStream("/workloads/expected.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing /workloads/expected.properties");
            }
            EXPECTED.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Workloads() {
    }

    /** The module bytes of {@code workload} built for {@code target} ("wasm32", "wasm64", "wasm32-simd" or "wasm64-simd"). */
    public static byte[] bytes(String workload, String target) {
        String name = "/workloads/" + workload + "." + target + ".wasm";
        try (InputStream in = Workloads.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The argument of {@code run(n)} the expected result was computed for. */
    public static long argument(String workload) {
        return Long.parseLong(property(workload + ".n"));
    }

    /** The native result of {@code run(argument(workload))}. */
    public static long expected(String workload) {
        return Long.parseLong(property(workload + ".expected"));
    }

    /** Fails the benchmark when a runtime computes a different checksum than the native build. */
    public static long check(String workload, String runtime, long actual) {
        long expected = expected(workload);
        if (actual != expected) {
            throw new IllegalStateException(
                "wrong checksum: " + workload + " on " + runtime + " returned " + actual + ", native " + expected);
        }
        return actual;
    }

    private static String property(String key) {
        String value = EXPECTED.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("expected.properties has no " + key + " (re-run src/main/c/build.sh)");
        }
        return value;
    }
}
