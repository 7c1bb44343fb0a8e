package org.wasmvm.core.run;

import java.util.List;
import java.util.Optional;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Instance;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.Value;
import org.wasmvm.core.model.ExternKind;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;

/**
 * Chooses and calls the function a run starts in: the configured export, else {@code _start},
 * else {@code main} when it takes no parameters. A module without any of them is still a program
 * when it has a start function (which instantiation already ran). An invocation
 * ({@link RunRequest#invokeArguments()}) calls the configured export with arguments instead, as
 * wasmtime's {@code --invoke} does, and its results are the run's.
 *
 * <p>Entry-point problems are reported as {@link LinkException}: like a missing import, they are
 * a mismatch between what the embedder expects and what the module offers, found before any of
 * the program's own code runs, and the CLI and the Maven plugin report both the same way.
 */
final class EntryPoint {
    static final String START = "_start";
    static final String MAIN = "main";
    /** A WASI reactor's initialiser, called before the entry point when there is no {@code _start}. */
    static final String INITIALIZE = "_initialize";

    private EntryPoint() {
    }

    /**
     * Calls the entry point of {@code instance} as {@code request} says.
     *
     * @return for an invocation, the export's results (exit code 0); else the exit code: the i32
     *     the entry point returned, else 0
     * @throws LinkException when there is no usable entry point (see the class comment)
     * @throws InvokeArgumentException when an invocation's arguments do not fit the export's parameters
     */
    static RunResult call(Instance instance, RunRequest request) {
        String configured = request.entryPoint();
        if (request.invokeArguments() != null) {
            ExportedFunction function = exported(instance, configured);
            Value[] arguments = InvokeArguments.parse(configured, function.type(), request.invokeArguments());
            initializeReactor(instance);
            return RunResult.invoked(List.of(function.call(arguments)));
        }
        Optional<ExportedFunction> entry = configured != null ? Optional.of(required(instance, configured)) : byDefault(instance);
        if (entry.isEmpty()) {
            if (isFunctionExport(instance, INITIALIZE)) {
                instance.function(INITIALIZE).apply(); // a WASI reactor run without an entry point
                return RunResult.exited(0);
            }
            if (instance.module().model().startFunction() >= 0) {
                return RunResult.exited(0);
            }
            throw new LinkException("no entry point: the module exports neither " + START
                    + " nor a parameterless " + MAIN + ", and has no start function");
        }
        initializeReactor(instance);
        long[] results = entry.get().apply();
        return RunResult.exited(returnsI32(entry.get().type()) ? (int) results[0] : 0);
    }

    /** A WASI reactor (no {@code _start}) is initialised before the export the run calls. */
    private static void initializeReactor(Instance instance) {
        if (!isFunctionExport(instance, START) && isFunctionExport(instance, INITIALIZE)) {
            instance.function(INITIALIZE).apply();
        }
    }

    private static Optional<ExportedFunction> byDefault(Instance instance) {
        if (isFunctionExport(instance, START)) {
            return Optional.of(required(instance, START));
        }
        if (isFunctionExport(instance, MAIN) && instance.function(MAIN).type().params().isEmpty()) {
            return Optional.of(instance.function(MAIN));
        }
        return Optional.empty();
    }

    /** The parameterless export {@code name}. */
    private static ExportedFunction required(Instance instance, String name) {
        ExportedFunction function = exported(instance, name);
        if (!function.type().params().isEmpty()) {
            throw new LinkException("entry point '" + name + "' must take no parameters, but has type "
                    + function.type());
        }
        return function;
    }

    private static ExportedFunction exported(Instance instance, String name) {
        if (!isFunctionExport(instance, name)) {
            throw new LinkException("entry point '" + name + "' is not an exported function");
        }
        return instance.function(name);
    }

    private static boolean isFunctionExport(Instance instance, String name) {
        return instance.module().exports().stream()
                .anyMatch(e -> e.name().equals(name) && e.kind() == ExternKind.FUNCTION);
    }

    private static boolean returnsI32(FuncType type) {
        return type.results().equals(List.of(ValType.I32));
    }
}
