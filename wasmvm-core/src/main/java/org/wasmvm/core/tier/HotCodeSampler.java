package org.wasmvm.core.tier;

import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import org.wasmvm.core.interp.DeepStack;

/**
 * Finds the baseline code (compiled wasm that the JVM compiles with C1 only) that guests spend their
 * time in, by sampling their stacks, and has a function recompiled for C2 once it has run in
 * baseline code for {@link #HOT_SAMPLES} samples: C2's work on a function (and on the callees it
 * inlines) is repaid only by a function that keeps running, and time already spent in it is the
 * best guess of the time to come (RATIONALE "Baseline code first, C2 for what stays hot"). One
 * daemon thread per JVM, started with the first baseline class and parked while no guest runs.
 */
final class HotCodeSampler {
    /** Time between two samples of every running guest. */
    static final int INTERVAL_MS = 10;
    /** The samples that promote a function: half a second of time in its baseline code. */
    static final int HOT_SAMPLES = 50;
    /** Samples between two sweeps of the entries of modules that are gone. */
    private static final int SWEEP_TICKS = 1000;
    private static final String BASELINE = JvmCompiler.BASELINE_CLASS_PREFIX.replace('/', '.');
    private static final String OPTIMIZED = JvmCompiler.OPTIMIZED_CLASS_PREFIX.replace('/', '.');
    private static final String INTERPRETER = "org.wasmvm.core.interp.Interpreter";
    /** The baseline classes still watched, by name (as stack frames give it). */
    private static final ConcurrentHashMap<String, Watched> WATCHED = new ConcurrentHashMap<>();

    /** A baseline class of one function; {@code samples} is written by the sampler thread only. */
    private static final class Watched {
        final WeakReference<FunctionTiers> tiers;
        final int functionIndex;
        int samples;

        Watched(FunctionTiers tiers, int functionIndex) {
            this.tiers = new WeakReference<>(tiers);
            this.functionIndex = functionIndex;
        }
    }

    private HotCodeSampler() {
    }

    /** Watches {@code baselineClass}, the code of {@code functionIndex} in {@code tiers}, from now on. */
    static void watch(Class<?> baselineClass, FunctionTiers tiers, int functionIndex) {
        Sampler.start();
        WATCHED.put(baselineClass.getName(), new Watched(tiers, functionIndex));
    }

    /**
     * Counts one sample of a guest's stack (innermost frame first) for the compiled function running
     * at its top: the first frame of compiled wasm, unless the interpreter is running above it.
     * Promotes the function when this was its {@link #HOT_SAMPLES}th (once: its baseline class is
     * watched no more), or counts again from zero when the compiler's queue is full.
     */
    static void count(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName();
            if (name.equals(INTERPRETER)) {
                return;
            }
            if (name.startsWith(BASELINE) || name.startsWith(OPTIMIZED)) {
                Watched watched = WATCHED.get(name);
                if (watched != null && ++watched.samples == HOT_SAMPLES) {
                    FunctionTiers tiers = watched.tiers.get();
                    if (tiers == null || tiers.promote(watched.functionIndex)) {
                        WATCHED.remove(name);
                    } else {
                        watched.samples = 0;
                    }
                }
                return;
            }
        }
    }

    /** The sampling thread, started on first use. */
    private static final class Sampler {
        private static final Thread THREAD = new Thread(Sampler::run, "wasmvm-hot-code-sampler");

        static {
            THREAD.setDaemon(true);
            THREAD.start();
        }

        /** Loads this class, which starts the thread. */
        static void start() {
        }

        private static void run() {
            try {
                for (long tick = 1; ; tick++) {
                    var guests = DeepStack.awaitRunning();
                    Thread.sleep(INTERVAL_MS);
                    if (!WATCHED.isEmpty()) {
                        for (Thread guest : guests) {
                            count(guest.getStackTrace());
                        }
                    }
                    if (tick % SWEEP_TICKS == 0) {
                        WATCHED.values().removeIf(watched -> watched.tiers.get() == null);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // nobody interrupts it; the JVM's exit ends it
            }
        }
    }
}
