package org.wasmvm.core.run;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import org.wasmvm.core.Instance;
import org.wasmvm.core.ProcessExit;
import org.wasmvm.core.Store;
import org.wasmvm.core.WasmException;

/**
 * Carries out a {@link RunRequest}: load the program's modules ({@link ModuleGraph}), create the
 * store on the request's engine, link the host modules ({@link HostModules}), instantiate the
 * modules (running their start functions), call the entry point ({@link EntryPoint}). Everything a run touches — store, fd tables, cwd, arguments, environment —
 * is created here and dropped at the end, so runs may go on concurrently. A wasi-threads program's threads
 * ({@link WasiThreads}) end with its run.
 */
public final class ProgramRunner {
    private ProgramRunner() {
    }

    /** Runs the program; guest faults and unusable modules come back as a failed {@link RunResult}. */
    public static RunResult run(RunRequest request) {
        ModuleGraph program;
        try {
            program = ModuleGraph.load(request);
        } catch (IOException | WasmException e) {
            return RunResult.failed(e);
        }
        Store store;
        try {
            store = new Store(request.limits(), request.engine());
        } catch (IllegalStateException e) {
            return RunResult.failed(e); // the compiler engine without wasmvm-compiler on the class path
        }
        HostModules hostModules;
        try {
            hostModules = HostModules.open(request);
        } catch (IllegalArgumentException e) {
            return RunResult.failed(e); // root, working or preopened directory unusable
        }
        try (hostModules) {
            Set<String> imported = program.importedModules();
            hostModules.define(store, imported);
            WasiThreads threads = request.noSystem() ? WasiThreads.NONE
                    : WasiThreads.of(program.main(), program::instantiate, () -> {
                        Store threadStore = new Store(request.limits(), request.engine());
                        hostModules.define(threadStore, imported);
                        return threadStore;
                    }, request.limits().maxThreads());
            try (threads) {
                threads.start(store);
                return threads.outcome(runMain(program, store, request));
            }
        } finally {
            flush(request.stdout());
            flush(request.stderr());
            program.saveLoweredCode(); // after the output: the guest's work is done, this is for the next run
        }
    }

    /** Instantiates the program and calls its entry point on the caller's thread. */
    private static RunResult runMain(ModuleGraph program, Store store, RunRequest request) {
        try {
            Instance instance = program.instantiate(store);
            return EntryPoint.call(instance, request);
        } catch (ProcessExit exit) {
            return RunResult.exited(exit.code());
        } catch (WasmException | InvokeArgumentException e) {
            return RunResult.failed(e);
        }
    }

    /** Output the guest wrote must reach the embedder even when the stream buffers; failures are not the guest's. */
    private static void flush(OutputStream stream) {
        try {
            stream.flush();
        } catch (IOException ignored) {
            // The stream's owner sees the problem on its next use; the run's result stands.
        }
    }
}
