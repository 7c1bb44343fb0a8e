package org.wasmvm.core.runtime;

import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.model.ExternKind;

/**
 * The state of one instance: its index spaces resolved to runtime objects (imports first) and
 * its segments. The arrays are read directly by the interpreter's hot loop, hence public fields.
 */
public final class ModuleInstance {
    private final ModuleCode module;
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
    /**
     * The public view of this instance ({@code org.wasmvm.core.Instance}), which host functions
     * receive as their caller; set by the API layer when it creates the instance, kept here so that
     * a host call need not create one (typed {@code Object}: the runtime does not know the API).
     */
    public Object facade;
    /**
     * 0, or above every call depth while the store's {@link StoreContext#stop} is raised: compiled code
     * that does not meter fuel enters a call only if its {@code depthLeft} is above it, one test for
     * both the depth limit and the stop flag. Kept here rather than in the store so that the test
     * loads one field of the instance the code holds, not one of the store behind it.
     */
    public volatile int entryFloor;

    ModuleInstance(ModuleCode module, StoreContext context) {
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
        context.adopt(this);
    }

    /** The module's code (shared by all its instances). */
    public ModuleCode module() {
        return module;
    }

    public StoreContext context() {
        return context;
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
