package org.wasmvm.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.ModuleInstance;

/** An instantiated module: its exports and its memories. */
public final class Instance {
    private final ModuleInstance runtime;
    private final Map<String, Object> exports = new LinkedHashMap<>();

    /** Internal: instances are created by {@link Store#instantiate}. */
    public Instance(ModuleInstance runtime) {
        this.runtime = runtime;
        for (Export export : runtime.module().exports()) {
            exports.put(export.name(), runtime.externValue(export.kind(), export.index()));
        }
    }

    public Module module() {
        return runtime.module();
    }

    /** The exported function {@code name}. */
    public ExportedFunction function(String name) {
        if (export(name) instanceof FunctionInstance function) {
            return function;
        }
        throw new IllegalArgumentException("no exported function '" + name + "'");
    }

    /** The exported memory {@code name}. */
    public Memory memory(String name) {
        if (export(name) instanceof Memory memory) {
            return memory;
        }
        throw new IllegalArgumentException("no exported memory '" + name + "'");
    }

    /** The memory at {@code index} of this instance's memory index space (imports first). */
    public Memory memory(int index) {
        return runtime.memory(index);
    }

    /** The number of memories in this instance's index space. */
    public int memoryCount() {
        return runtime.memoryCount();
    }

    /** The exported global {@code name}. */
    public Global global(String name) {
        if (export(name) instanceof Global global) {
            return global;
        }
        throw new IllegalArgumentException("no exported global '" + name + "'");
    }

    /** The exported table {@code name}. */
    public Table table(String name) {
        if (export(name) instanceof Table table) {
            return table;
        }
        throw new IllegalArgumentException("no exported table '" + name + "'");
    }

    /** The exported tag {@code name}. */
    public Tag tag(String name) {
        if (export(name) instanceof Tag tag) {
            return tag;
        }
        throw new IllegalArgumentException("no exported tag '" + name + "'");
    }

    /** Whether the module exports something called {@code name}. */
    public boolean hasExport(String name) {
        return exports.containsKey(name);
    }

    /** Internal: the runtime state behind this instance. */
    public ModuleInstance runtime() {
        return runtime;
    }

    Map<String, Object> exports() {
        return exports;
    }

    private Object export(String name) {
        return exports.get(name);
    }
}
