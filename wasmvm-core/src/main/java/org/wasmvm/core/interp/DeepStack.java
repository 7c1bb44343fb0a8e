package org.wasmvm.core.interp;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.wasmvm.core.runtime.StoreContext;

/**
 * Runs guest code of the compiling engines on threads whose stack holds the call-depth limit's
 * worth of JVM frames: compiled wasm calls are JVM calls, and the caller's thread (a Maven
 * thread, a test's) may have a 1 MiB stack or less. The limit, not the thread, then decides where
 * a deep recursion traps, as in the interpreter. The stack is reserved address space; only the
 * part a guest uses is committed.
 */
public final class DeepStack {
    /** Enough for the default 10 000 frames of large functions run by the JVM's own interpreter. */
    private static final long STACK_BYTES = 256L << 20;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(null, task, "wasmvm-guest-" + COUNTER.incrementAndGet(), STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });
    private static final ThreadLocal<Boolean> ON_DEEP_STACK = ThreadLocal.withInitial(() -> false);
    /** The threads running a guest now, for the sampler of hot code; guarded by itself. */
    private static final Set<Thread> RUNNING = new HashSet<>();

    private DeepStack() {
    }

    /** Whether the current thread is already one of these. */
    public static boolean current() {
        return ON_DEEP_STACK.get();
    }

    /** The threads running a guest now, waiting while there are none. */
    public static List<Thread> awaitRunning() throws InterruptedException {
        synchronized (RUNNING) {
            while (RUNNING.isEmpty()) {
                RUNNING.wait();
            }
            return List.copyOf(RUNNING);
        }
    }

    /**
     * Runs {@code task} on a deep-stack thread and waits for it. If the waiting thread is
     * interrupted (a cancelled build), the guest is interrupted too and the wait goes on until it stops.
     */
    public static <T> T call(Callable<T> task, StoreContext context) {
        Future<T> result = THREADS.submit(() -> {
            ON_DEEP_STACK.set(true);
            synchronized (RUNNING) {
                RUNNING.add(Thread.currentThread());
                RUNNING.notifyAll();
            }
            try {
                return task.call();
            } finally {
                synchronized (RUNNING) {
                    RUNNING.remove(Thread.currentThread());
                }
                ON_DEEP_STACK.set(false);
            }
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    context.interrupt();
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
