package org.wasmvm.core.runtime;

import org.wasmvm.core.Instance;
import org.wasmvm.core.Module;
import org.wasmvm.core.model.ExternKind;

/**
 * The state of one instance: its index spaces resolved to runtime objects (imports first) and
 * its segments. The arrays are read directly by the interpreter's hot loop, hence public fields.
 */
public final class ModuleInstance {
    private final Module module;
    private final StoreContext context;
    public final FunctionInstance[] functions;
    public final TableInstance[] tables;
    public final LinearMemory[] memories;
    public final GlobalInstance[] globals;
    public final TagInstance[] tags;
    /** What a dropped element segment holds. */
    public static final Object[] DROPPED_ELEMENTS = {};
    /** Element segments' references; {@link #DROPPED_ELEMENTS} once dropped. */
    public final Object[][] elements;
    /** Data segments' bytes; an empty array once dropped. */
    public final byte[][] datas;
    private Instance facade;

    ModuleInstance(Module module, StoreContext context) {
        this.module = module;
        this.context = context;
        var spaces = module.indexSpaces();
        this.functions = new FunctionInstance[spaces.functionCount()];
        this.tables = new TableInstance[spaces.tableCount()];
        this.memories = new LinearMemory[spaces.memoryCount()];
        this.globals = new GlobalInstance[spaces.globalCount()];
        this.tags = new TagInstance[spaces.tagCount()];
        this.elements = new Object[module.model().elements().size()][];
        this.datas = new byte[module.model().datas().size()][];
    }

    public Module module() {
        return module;
    }

    public StoreContext context() {
        return context;
    }

    /** The public view of this instance (what host functions receive as their caller). */
    public Instance facade() {
        if (facade == null) {
            facade = new Instance(this);
        }
        return facade;
    }

    public LinearMemory memory(int index) {
        return memories[index];
    }

    public int memoryCount() {
        return memories.length;
    }

    /** The runtime object behind an export of {@code kind} at {@code index}. */
    public Object externValue(ExternKind kind, int index) {
        return switch (kind) {
            case FUNCTION -> functions[index];
            case TABLE -> tables[index];
            case MEMORY -> memories[index];
            case GLOBAL -> globals[index];
            case TAG -> tags[index];
        };
    }
}
