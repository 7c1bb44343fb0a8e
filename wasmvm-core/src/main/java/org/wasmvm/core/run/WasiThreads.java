package org.wasmvm.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Memory;
import org.wasmvm.core.Module;
import org.wasmvm.core.ProcessExit;
import org.wasmvm.core.Store;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.wasi.WasiErrno;

/**
 * wasi-threads for one run: the shared memory a wasm32 WASI program imports as {@code env.memory}, and {@code
 * wasi.thread-spawn (start_arg i32) -> i32}, which starts a Java thread that instantiates the program again in a
 * store of its own (sharing only that memory and the run's host modules) and calls its export {@code
 * wasi_thread_start(tid, start_arg)}.
 *
 * <p>The run ends at the first of: the main thread's end, any thread's {@code proc_exit}, any thread's trap; a
 * thread's exit or trap is then the run's result. Every other thread is stopped (its store interrupted, and its
 * Java thread, which ends a wait or a sleep) and joined, so no thread outlives its run. At most {@link
 * org.wasmvm.core.RuntimeLimits#maxThreads()} threads are alive at once besides the main one; a spawn beyond that,
 * or once the run is ending, returns {@code -EAGAIN}.
 */
final class WasiThreads implements AutoCloseable {
    static final String MODULE = "wasi";
    private static final String SPAWN = "thread-spawn";
    private static final String START = "wasi_thread_start";
    private static final String MEMORY_MODULE = "env";
    private static final String MEMORY = "memory";
    /** Thread ids are positive and below 2^29 (wasi-libc keeps a tid's top bits for its own flags). */
    private static final int MAX_TID = (1 << 29) - 1;
    /** For a program without a shared {@code env.memory}, and for a run without host modules. */
    static final WasiThreads NONE = new WasiThreads(null, null, null, 0);

    private final Function<Store, Instance> program;
    private final Supplier<Store> newStore;
    private final Memory memory;
    private final int maxThreads;
    /** The spawned Java threads not yet seen to have ended, joined by {@link #close()}; guarded by this. */
    private final List<Thread> threads = new ArrayList<>();
    /** The stores of the threads whose {@code wasi_thread_start} runs; guarded by this. */
    private final List<Store> stores = new ArrayList<>();
    private Store mainStore;
    private int lastTid;
    /** Set when the run ends: by the main thread ({@link #MAIN}) or by a thread's exit or trap; guarded by this. */
    private Ending ending;

    /** How a spawned thread ended the run: with an exit or with a failure. */
    private record Ending(ProcessExit exit, RuntimeException failure) {
    }

    private static final Ending MAIN = new Ending(null, null);

    private WasiThreads(Function<Store, Instance> program, Supplier<Store> newStore, MemoryType memoryType,
            int maxThreads) {
        this.program = program;
        this.newStore = newStore;
        this.memory = memoryType == null ? null : Memory.create(memoryType);
        this.maxThreads = maxThreads;
    }

    /** Whether the run provides {@code imp}: it is the shared memory of a wasi-threads program. */
    static boolean provides(Import imp) {
        return imp.module().equals(MEMORY_MODULE) && imp.name().equals(MEMORY)
                && imp.desc() instanceof ImportDesc.Memory memory && memory.type().shared();
    }

    /**
     * The threads of a run whose main module is {@code main}; none unless it imports a shared {@code env.memory}.
     *
     * @param program instantiates the program in a store (again for each thread)
     * @param newStore a new store on the run's limits and engine, the run's host modules defined in it
     */
    static WasiThreads of(Module main, Function<Store, Instance> program, Supplier<Store> newStore, int maxThreads) {
        return main.imports().stream().filter(WasiThreads::provides).findFirst()
                .map(imp -> new WasiThreads(program, newStore, ((ImportDesc.Memory) imp.desc()).type(), maxThreads))
                .orElse(NONE);
    }

    /** Defines the shared memory and {@code thread-spawn} in the main thread's {@code store}. */
    void start(Store store) {
        if (this != NONE) {
            mainStore = store;
            define(store);
        }
    }

    private void define(Store store) {
        store.define(MEMORY_MODULE, MEMORY, memory);
        store.define(MODULE, SPAWN, FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
                (caller, args) -> new long[] {spawn((int) args[0])});
    }

    /** {@code thread-spawn}: the new thread's id, or {@code -EAGAIN}. */
    private int spawn(int startArg) {
        int tid;
        synchronized (this) {
            if (ending != null || stores.size() >= maxThreads || lastTid == MAX_TID) {
                return -WasiErrno.AGAIN;
            }
            tid = ++lastTid;
            threads.removeIf(thread -> !thread.isAlive());
        }
        Store store = newStore.get();
        define(store);
        Instance instance = program.apply(store); // a start function's trap is the spawning call's
        Thread thread = new Thread(() -> run(tid, startArg, instance, store), "wasmvm-wasi-thread-" + tid);
        thread.setDaemon(true); // joined when the run ends; never what keeps a JVM alive
        synchronized (this) {
            if (ending != null || stores.size() >= maxThreads) {
                return -WasiErrno.AGAIN;
            }
            threads.add(thread);
            stores.add(store);
            thread.start();
        }
        return tid;
    }

    private void run(int tid, int startArg, Instance instance, Store store) {
        try {
            instance.function(START).apply(tid, startArg);
        } catch (ProcessExit exit) {
            end(new Ending(exit, null));
        } catch (RuntimeException failure) {
            end(new Ending(null, failure));
        } catch (Error error) { // e.g. out of memory: the run ends with it rather than waiting for this thread
            end(new Ending(null, new IllegalStateException("wasi-threads thread " + tid + " failed: " + error, error)));
        } finally {
            synchronized (this) {
                stores.remove(store);
            }
        }
    }

    /** A spawned thread ends the run, unless it has ended already: every other thread stops, the main one too. */
    private void end(Ending end) {
        synchronized (this) {
            if (ending != null) {
                return;
            }
            ending = end;
        }
        stopThreads();
        mainStore.interrupt();
    }

    /**
     * The run's result once the main thread ended with {@code result}: a spawned thread's exit or trap when that
     * came first (the main thread then ended because it was interrupted), else {@code result}.
     */
    RunResult outcome(RunResult result) {
        Ending first;
        synchronized (this) {
            first = ending;
            if (first == null) {
                ending = MAIN;
            }
        }
        if (first == null || first == MAIN) {
            return result;
        }
        return first.exit() != null ? RunResult.exited(first.exit().code()) : RunResult.failed(first.failure());
    }

    /** Stops every spawned thread and joins them (none starts once the run has ended). */
    @Override
    public void close() {
        List<Thread> started;
        synchronized (this) {
            if (ending == null) {
                ending = MAIN;
            }
            started = List.copyOf(threads);
        }
        stopThreads();
        boolean interrupted = false;
        for (Thread thread : started) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // the threads are stopping; the caller learns of its interrupt afterwards
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopThreads() {
        List<Store> running;
        List<Thread> javaThreads;
        synchronized (this) {
            running = List.copyOf(stores);
            javaThreads = List.copyOf(threads);
        }
        running.forEach(Store::interrupt);
        javaThreads.forEach(Thread::interrupt);
    }
}
