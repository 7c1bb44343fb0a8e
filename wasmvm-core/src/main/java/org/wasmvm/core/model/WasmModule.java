package org.wasmvm.core.model;

import java.util.List;

/**
 * The decoded form of a module binary: every section, in index-space order. Immutable; index
 * spaces of functions, tables, memories, tags and globals start with the imports.
 *
 * @param types the type section, flattened: every defined type in index order
 * @param recGroups the size of each recursion group of the type section, in order (summing to the type count)
 * @param imports the import section
 * @param functionTypes the type index of every defined (not imported) function
 * @param tables defined tables
 * @param memories defined memories
 * @param tags defined tags (exception handling)
 * @param globals defined globals
 * @param exports the export section
 * @param startFunction the start function index, or -1
 * @param elements the element section
 * @param dataCount the data count section's value, or -1 when absent
 * @param codes one body per defined function
 * @param datas the data section
 * @param customSections every custom section, in order
 * @param names the decoded name section ({@link NameSection#EMPTY} when absent)
 */
public record WasmModule(
        List<SubType> types,
        List<Integer> recGroups,
        List<Import> imports,
        List<Integer> functionTypes,
        List<TableDefinition> tables,
        List<MemoryType> memories,
        List<TagType> tags,
        List<Global> globals,
        List<Export> exports,
        int startFunction,
        List<ElementSegment> elements,
        int dataCount,
        List<FunctionBody> codes,
        List<DataSegment> datas,
        List<CustomSection> customSections,
        NameSection names) {

    public WasmModule {
        types = List.copyOf(types);
        recGroups = List.copyOf(recGroups);
        imports = List.copyOf(imports);
        functionTypes = List.copyOf(functionTypes);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        tags = List.copyOf(tags);
        globals = List.copyOf(globals);
        exports = List.copyOf(exports);
        elements = List.copyOf(elements);
        codes = List.copyOf(codes);
        datas = List.copyOf(datas);
        customSections = List.copyOf(customSections);
    }

    /**
     * The function type at {@code typeIndex}.
     *
     * @throws IllegalArgumentException when that type is a struct or array type (validation rules this out)
     */
    public FuncType funcType(int typeIndex) {
        if (types.get(typeIndex).composite() instanceof FuncType f) {
            return f;
        }
        throw new IllegalArgumentException("type " + typeIndex + " is not a function type: " + types.get(typeIndex));
    }
}
