package org.wasmvm.core.tier;

import java.lang.System.Logger.Level;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The compiler tier of this JVM: the {@link JvmCompiler} found on the class path (if any) and the
 * bounded pool of background threads that compile hot functions for {@link org.wasmvm.core.Engine#TIERED}.
 */
public final class CompilerTier {
    private static final JvmCompiler COMPILER = findCompiler();
    /** Half the cores, at most 4: the JIT's own compiler threads and the guest need the rest. */
    private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
    /** Requests beyond this wait for the function's next tier-up signal instead of piling up. */
    private static final int QUEUE = 4096;
    private static final ThreadPoolExecutor BACKGROUND = backgroundPool();

    private static final AtomicInteger COMPILED = new AtomicInteger();
    private static final AtomicInteger INTERPRETED = new AtomicInteger();
    private static final AtomicInteger FROM_CACHE = new AtomicInteger();
    private static final AtomicInteger PROMOTED = new AtomicInteger();
    private static final AtomicInteger REPLACED_FRAMES = new AtomicInteger();
    private static final ConcurrentHashMap<String, AtomicInteger> REASONS = new ConcurrentHashMap<>();

    private CompilerTier() {
    }

    /** Functions this JVM compiled, and functions that stayed interpreted with why, so far (for reports). */
    public static String statistics() {
        var reasons = new TreeMap<String, Integer>();
        REASONS.forEach((reason, count) -> reasons.put(reason, count.get()));
        return "compiled=" + COMPILED.get() + " (from-cache=" + FROM_CACHE.get() + ", promoted=" + PROMOTED.get()
                + ") interpreted=" + INTERPRETED.get()
                + " replaced-frames=" + REPLACED_FRAMES.get()
                + (reasons.isEmpty() ? "" : " " + reasons);
    }

    /** How many interpreter frames on-stack replacement moved to compiled code in this JVM. */
    public static int replacedFrames() {
        return REPLACED_FRAMES.get();
    }

    /** Counts an interpreter frame that on-stack replacement moved to compiled code. */
    public static void frameReplaced() {
        REPLACED_FRAMES.incrementAndGet();
    }

    /** Functions whose code came out of a code cache instead of the compiler, in this JVM. */
    public static int loadedFromCache() {
        return FROM_CACHE.get();
    }

    static void countLoadedFromCache() {
        FROM_CACHE.incrementAndGet();
    }

    /** Functions whose baseline code this JVM replaced with code for C2 ({@link HotCodeSampler}). */
    public static int promoted() {
        return PROMOTED.get();
    }

    static void countPromoted() {
        PROMOTED.incrementAndGet();
    }

    static void compiled() {
        COMPILED.incrementAndGet();
    }

    static void staysInterpreted(int functionIndex, Throwable why) {
        INTERPRETED.incrementAndGet();
        String reason = why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage();
        REASONS.computeIfAbsent(reason.replaceAll("\\d+ bytes", "N bytes"), r -> new AtomicInteger()).incrementAndGet();
        log(Level.DEBUG, "func " + functionIndex + " stays interpreted: " + why);
    }

    /** The {@link JvmCompiler#identity} of the compiler on the class path, or "none". */
    public static String identity() {
        return COMPILER == null ? "none" : COMPILER.identity();
    }

    /** Whether a compiler is on the class path. */
    public static boolean available() {
        return COMPILER != null;
    }

    static JvmCompiler compiler() {
        return COMPILER;
    }

    /** Runs {@code task} on a background compiler thread; false when the queue is full. */
    static boolean submit(Runnable task) {
        try {
            BACKGROUND.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    static void log(Level level, String message) {
        if (Log.LOGGER.isLoggable(level)) {
            Log.LOGGER.log(level, message);
        }
    }

    /** The logger, made when first used: {@code System.getLogger} costs a cold start 15 ms. */
    private static final class Log {
        static final System.Logger LOGGER = System.getLogger("org.wasmvm.compiler");
    }

    private static JvmCompiler findCompiler() {
        try {
            return ServiceLoader.load(JvmCompiler.class, CompilerTier.class.getClassLoader()).findFirst().orElse(null);
        } catch (ServiceConfigurationError e) {
            log(Level.WARNING, "the wasm compiler on the class path cannot be loaded, only the interpreter runs: " + e);
            return null;
        }
    }

    private static ThreadPoolExecutor backgroundPool() {
        var counter = new AtomicInteger();
        var pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
            Thread thread = new Thread(task, "wasmvm-compiler-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
