package org.wasmvm.core;

import java.util.HashMap;
import java.util.Map;
import org.wasmvm.core.interp.Interpreter;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.runtime.CodeTiers;
import org.wasmvm.core.runtime.HostFunctionInstance;
import org.wasmvm.core.runtime.Instantiator;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.StoreContext;
import org.wasmvm.core.tier.CompilerTier;

/**
 * Instances and the names they import from. Define host functions, memories, tables,
 * globals and tags, register instances under a module name, then instantiate modules that import them.
 * A store is not
 * thread-safe; use one per thread (modules are shareable).
 */
public final class Store {
    private final StoreContext context;
    private final Map<String, Map<String, Object>> namespace = new HashMap<>();

    /** A store with the default limits, on the engine of {@link Engine#configured()}. */
    public Store() {
        this(RuntimeLimits.DEFAULT);
    }

    /** A store on the engine of {@link Engine#configured()} (default {@link Engine#TIERED}). */
    public Store(RuntimeLimits limits) {
        this(limits, Engine.configured());
    }

    /**
     * A store whose code runs on {@code engine}.
     *
     * @throws IllegalStateException for {@link Engine#COMPILER} when {@code wasmvm-compiler} is not
     *     on the class path
     */
    public Store(RuntimeLimits limits, Engine engine) {
        if (engine == Engine.COMPILER && !CompilerTier.available()) {
            throw new IllegalStateException("the compiler engine needs org.wasmvm:wasmvm-compiler on the class path");
        }
        this.context = new StoreContext(limits, engine, Interpreter.ENTRY);
    }

    public RuntimeLimits limits() {
        return context.limits();
    }

    public Engine engine() {
        return context.engine();
    }

    /** Makes {@code function} importable as {@code module.name} with the given signature. */
    public Store define(String module, String name, FuncType type, HostFunction function) {
        return put(module, name, HostFunctionInstance.numeric(type,
                (caller, args) -> function.call(Instance.of(caller), args), module + "." + name));
    }

    /** Makes {@code function} importable as {@code module.name}: any signature, references included. */
    public Store define(String module, String name, FuncType type, ValueHostFunction function) {
        return put(module, name, HostFunctionInstance.typed(type,
                (caller, args, results) -> function.call(Instance.of(caller), args, results), module + "." + name));
    }

    /** Makes a memory importable as {@code module.name}. */
    public Store define(String module, String name, Memory memory) {
        return put(module, name, memory.runtime);
    }

    /** Makes a table importable as {@code module.name}. */
    public Store define(String module, String name, Table table) {
        return put(module, name, table.runtime);
    }

    /** Makes a global importable as {@code module.name}. */
    public Store define(String module, String name, Global global) {
        return put(module, name, global.runtime);
    }

    /** Makes a tag importable as {@code module.name} (exception handling). */
    public Store define(String module, String name, Tag tag) {
        return put(module, name, tag.runtime);
    }

    /** Makes every export of {@code instance} importable as {@code module.<export name>}. */
    public Store register(String module, Instance instance) {
        instance.exports().forEach((name, value) -> put(module, name, unwrap(value)));
        return this;
    }

    /** The runtime object behind an export as the public API hands it out. */
    private static Object unwrap(Object export) {
        return export instanceof RuntimeView<?> view ? view.runtime : export;
    }

    /**
     * Links the module's imports against this store's definitions, then instantiates it:
     * globals, tables and memories are created, segments copied, the start function run.
     *
     * @throws LinkException when an import is missing or has an incompatible type
     * @throws WasmTrap when a segment is out of bounds or the start function traps
     */
    public Instance instantiate(Module module) {
        return instantiate(module, Map.of());
    }

    /**
     * Instantiates {@code module} with the imports of each module name in {@code linked} taken from
     * that instance's exports (a program of several modules, each importing its own dependencies
     * by name), the rest from this store's definitions as {@link #instantiate(Module)} does.
     *
     * @throws LinkException when an import is missing or has an incompatible type
     * @throws WasmTrap when a segment is out of bounds or the start function traps
     */
    public Instance instantiate(Module module, Map<String, Instance> linked) {
        CodeTiers tiers = context.engine() != Engine.INTERPRETER && CompilerTier.available()
                ? module.tiers(context.metered()) : null;
        Instantiator.Resolver resolver = (name, field) -> {
            Instance exporter = linked.get(name);
            return exporter == null ? lookup(name, field) : unwrap(exporter.exports().get(field));
        };
        ModuleInstance runtime = Instantiator.instantiate(module.code(), tiers, context, resolver);
        Instance instance = new Instance(module, runtime); // before the start function, which may call the host
        Instantiator.start(runtime);
        return instance;
    }

    /**
     * Asks code running in this store to stop: it traps with {@link TrapKind#TIMEOUT} at its next
     * loop iteration or call, or at once when it waits in {@code memory.atomic.wait}. Safe to call from any
     * thread (e.g. a watchdog or a build's cancel).
     */
    public void interrupt() {
        context.interrupt();
    }

    /** The fuel this store's code has left, or {@link RuntimeLimits#UNLIMITED}. */
    public long fuelLeft() {
        return context.fuelLeft();
    }

    private Object lookup(String module, String name) {
        Map<String, Object> fields = namespace.get(module);
        return fields == null ? null : fields.get(name);
    }

    private Store put(String module, String name, Object value) {
        namespace.computeIfAbsent(module, m -> new HashMap<>()).put(name, value);
        return this;
    }
}
