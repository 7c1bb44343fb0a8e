package org.wasmvm.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The module's index spaces, imports first then definitions, computed once so that the validator,
 * the lowering and instantiation look up any function, table, memory, tag or global type in O(1).
 */
public final class IndexSpaces {
    private final FuncType[] functions;
    private final int[] functionTypeIndices;
    private final TableType[] tables;
    private final MemoryType[] memories;
    private final GlobalType[] globals;
    private final TagType[] tags;
    private final int importedFunctions;
    private final int importedGlobals;
    private final int importedTables;
    private final int importedMemories;
    private final int importedTags;

    public IndexSpaces(WasmModule module) {
        var f = new ArrayList<FuncType>();
        var fi = new ArrayList<Integer>();
        var t = new ArrayList<TableType>();
        var m = new ArrayList<MemoryType>();
        var g = new ArrayList<GlobalType>();
        var tg = new ArrayList<TagType>();
        for (Import imp : module.imports()) {
            ImportDesc desc = imp.desc();
            if (desc instanceof ImportDesc.Function fn) {
                f.add(typeAt(module, fn.typeIndex()));
                fi.add(fn.typeIndex());
            } else if (desc instanceof ImportDesc.Table tb) {
                t.add(tb.type());
            } else if (desc instanceof ImportDesc.Memory mem) {
                m.add(mem.type());
            } else if (desc instanceof ImportDesc.Global gl) {
                g.add(gl.type());
            } else if (desc instanceof ImportDesc.Tag tag) {
                tg.add(tag.type());
            }
        }
        importedFunctions = f.size();
        importedTables = t.size();
        importedMemories = m.size();
        importedGlobals = g.size();
        importedTags = tg.size();
        for (int typeIndex : module.functionTypes()) {
            f.add(typeAt(module, typeIndex));
            fi.add(typeIndex);
        }
        module.tables().forEach(table -> t.add(table.type()));
        m.addAll(module.memories());
        module.globals().forEach(global -> g.add(global.type()));
        tg.addAll(module.tags());
        functions = f.toArray(FuncType[]::new);
        functionTypeIndices = fi.stream().mapToInt(Integer::intValue).toArray();
        tables = t.toArray(TableType[]::new);
        memories = m.toArray(MemoryType[]::new);
        globals = g.toArray(GlobalType[]::new);
        tags = tg.toArray(TagType[]::new);
    }

    /** The function type at {@code index}, or {@code null} when out of range or not a function type (the validator reports it). */
    private static FuncType typeAt(WasmModule module, int index) {
        List<SubType> types = module.types();
        return index >= 0 && index < types.size() && types.get(index).composite() instanceof FuncType f ? f : null;
    }

    public int functionCount() {
        return functions.length;
    }

    public int tableCount() {
        return tables.length;
    }

    public int memoryCount() {
        return memories.length;
    }

    public int globalCount() {
        return globals.length;
    }

    public int tagCount() {
        return tags.length;
    }

    public int importedFunctionCount() {
        return importedFunctions;
    }

    public int importedTableCount() {
        return importedTables;
    }

    public int importedMemoryCount() {
        return importedMemories;
    }

    public int importedGlobalCount() {
        return importedGlobals;
    }

    public int importedTagCount() {
        return importedTags;
    }

    public FuncType functionType(int index) {
        return functions[index];
    }

    /** The type index of function {@code index}'s type. */
    public int functionTypeIndex(int index) {
        return functionTypeIndices[index];
    }

    public TableType table(int index) {
        return tables[index];
    }

    public MemoryType memory(int index) {
        return memories[index];
    }

    public GlobalType global(int index) {
        return globals[index];
    }

    public TagType tag(int index) {
        return tags[index];
    }
}
