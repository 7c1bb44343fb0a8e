package org.wasmvm.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.GlobalInstance;
import org.wasmvm.core.runtime.LinearMemory;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.TableInstance;
import org.wasmvm.core.runtime.TagInstance;

/** An instantiated module: its exports and its memories. */
public final class Instance {
    private final Module module;
    private final ModuleInstance runtime;
    /** The exports as the public API hands them out: functions as they are, the rest wrapped once. */
    private final Map<String, Object> exports = new LinkedHashMap<>();
    /** The views of the memory index space, made on first use (host functions ask for them on every call). */
    private final Memory[] memories;

    /** Created by {@link Store#instantiate}: becomes the public view of {@code runtime} (what its host calls receive). */
    Instance(Module module, ModuleInstance runtime) {
        this.module = module;
        this.runtime = runtime;
        this.memories = new Memory[runtime.memoryCount()];
        for (Export export : module.exports()) {
            exports.put(export.name(), view(runtime.externValue(export.kind(), export.index())));
        }
        runtime.facade = this;
    }

    /** The public view of the instance whose code calls a host function; null for a call from Java. */
    static Instance of(ModuleInstance caller) {
        return caller == null ? null : (Instance) caller.facade;
    }

    /** The public object for a runtime object of an index space. */
    private static Object view(Object value) {
        if (value instanceof LinearMemory m) {
            return new Memory(m);
        } else if (value instanceof TableInstance t) {
            return new Table(t);
        } else if (value instanceof GlobalInstance g) {
            return new Global(g);
        } else if (value instanceof TagInstance t) {
            return new Tag(t);
        }
        return value; // a function is its own public object
    }

    public Module module() {
        return module;
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
        Memory memory = memories[index];
        if (memory == null) {
            memory = new Memory(runtime.memory(index));
            memories[index] = memory;
        }
        return memory;
    }

    /** The number of memories in this instance's index space. */
    public int memoryCount() {
        return memories.length;
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
