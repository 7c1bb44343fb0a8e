package org.wasmvm.core.model;

import java.util.List;

/**
 * The decoded form of a module binary: every section, in index-space order. Immutable; index
 * spaces of functions, tables, memories and globals start with the imports.
 *
 * @param types the type section
 * @param imports the import section
 * @param functionTypes the type index of every defined (not imported) function
 * @param tables defined tables
 * @param memories defined memories
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
        List<FuncType> types,
        List<Import> imports,
        List<Integer> functionTypes,
        List<TableType> tables,
        List<MemoryType> memories,
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
        imports = List.copyOf(imports);
        functionTypes = List.copyOf(functionTypes);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        globals = List.copyOf(globals);
        exports = List.copyOf(exports);
        elements = List.copyOf(elements);
        codes = List.copyOf(codes);
        datas = List.copyOf(datas);
        customSections = List.copyOf(customSections);
    }

    /** The type of a block whose block type (an s33) is {@code encoded}: empty, one value type, or a type index. */
    public FuncType blockType(long encoded) {
        if (encoded == -64) {
            return FuncType.of(List.of(), List.of());
        }
        if (encoded < 0) {
            return FuncType.of(List.of(), List.of(ValType.fromCode((int) (encoded & 0x7F))));
        }
        return types.get((int) encoded);
    }
}
