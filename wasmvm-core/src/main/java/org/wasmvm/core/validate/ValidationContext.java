package org.wasmvm.core.validate;

import java.util.List;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.model.ArrayType;
import org.wasmvm.core.model.FieldType;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.model.SubType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.types.ModuleTypes;
import org.wasmvm.core.types.TypeRegistry;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.IndexSpaces;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.WasmModule;

/**
 * The spec's validation context C, flattened into primitive arrays once per module so that the
 * instruction walk looks types up without boxing: types, functions, tables, memories, globals,
 * tags, element segment types, the data count and the declared function references (C.refs).
 */
final class ValidationContext {
    final WasmModule module;
    final Features features;
    final IndexSpaces spaces;

    /** The module's types in canonical form; every type below is canonical too. */
    final ModuleTypes types;
    /** Per type index; {@code null} for a struct or array type. */
    final int[][] typeParams;
    final int[][] typeResults;
    /** Per function index; {@code null} when the function's type index is unknown. */
    final int[][] funcParams;
    final int[][] funcResults;
    final int[] globalTypes;
    final boolean[] globalMutable;
    final int importedGlobals;
    final int[] tableElemTypes;
    final int[] tableIndexTypes;
    final int[] memoryIndexTypes;
    /** Per tag index, the payload types (its function type's parameters; ModuleValidator checked the type). */
    final int[][] tagParams;
    final int[] elemTypes;
    final int dataCount;
    /** C.refs: functions that may be referenced by {@code ref.func} in function bodies. */
    final boolean[] declaredFunctions;

    ValidationContext(WasmModule module, Features features) {
        this.module = module;
        this.features = features;
        this.spaces = new IndexSpaces(module);
        this.types = ModuleTypes.of(module);
        List<SubType> defined = module.types();
        typeParams = new int[defined.size()][];
        typeResults = new int[defined.size()][];
        for (int i = 0; i < defined.size(); i++) {
            if (defined.get(i).composite() instanceof FuncType f) {
                typeParams[i] = of(f.params());
                typeResults[i] = of(f.results());
            }
        }
        int functions = spaces.functionCount();
        funcParams = new int[functions][];
        funcResults = new int[functions][];
        for (int i = 0; i < functions; i++) {
            // the type's arrays, shared: a module has far more functions than types
            if (spaces.functionType(i) != null) {
                funcParams[i] = typeParams[spaces.functionTypeIndex(i)];
                funcResults[i] = typeResults[spaces.functionTypeIndex(i)];
            }
        }
        int globals = spaces.globalCount();
        globalTypes = new int[globals];
        globalMutable = new boolean[globals];
        for (int i = 0; i < globals; i++) {
            GlobalType gt = spaces.global(i);
            globalTypes[i] = of(gt.valType());
            globalMutable[i] = gt.mutable();
        }
        importedGlobals = spaces.importedGlobalCount();
        tableElemTypes = new int[spaces.tableCount()];
        tableIndexTypes = new int[spaces.tableCount()];
        for (int i = 0; i < tableElemTypes.length; i++) {
            TableType tt = spaces.table(i);
            tableElemTypes[i] = of(tt.elementType());
            tableIndexTypes[i] = Types.of(tt.limits().indexType());
        }
        memoryIndexTypes = new int[spaces.memoryCount()];
        for (int i = 0; i < memoryIndexTypes.length; i++) {
            memoryIndexTypes[i] = Types.of(spaces.memory(i).limits().indexType());
        }
        tagParams = new int[spaces.tagCount()][];
        for (int i = 0; i < tagParams.length; i++) {
            tagParams[i] = typeParams[spaces.tag(i).typeIndex()];
        }
        elemTypes = new int[module.elements().size()];
        for (int i = 0; i < elemTypes.length; i++) {
            elemTypes[i] = of(module.elements().get(i).type());
        }
        dataCount = module.dataCount();
        declaredFunctions = new boolean[functions];
    }

    /** The validator's int of one of the module's value types. */
    int of(ValType type) {
        return Types.of(types.canonical(type));
    }

    int[] of(List<ValType> list) {
        return Types.of(list.stream().map(types::canonical).toList());
    }

    /** The type of {@code (ref $typeIndex)}: a non-null reference to the defined type. */
    int refTo(int typeIndex) {
        return Types.of(ValType.ref(false, types.id(typeIndex)));
    }

    /** Whether {@code typeIndex} names one of the module's types. */
    boolean knowsType(int typeIndex) {
        return Integer.compareUnsigned(typeIndex, types.count()) < 0;
    }

    /** The struct type at a known {@code typeIndex} in canonical form, or null when it is another kind of type. */
    StructType structType(int typeIndex) {
        return TypeRegistry.composite(types.id(typeIndex)) instanceof StructType struct ? struct : null;
    }

    /** The element of the array type at a known {@code typeIndex} in canonical form, or null when it is no array type. */
    FieldType arrayElement(int typeIndex) {
        return TypeRegistry.composite(types.id(typeIndex)) instanceof ArrayType array ? array.element() : null;
    }

    static InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(-1, -1, reason);
    }

    /** Marks function {@code index} as referenced outside function bodies ("unknown function" if out of range). */
    void declareFunction(int index, long offset) {
        if (index < 0 || index >= declaredFunctions.length) {
            throw new InvalidModuleException(-1, offset, "unknown function " + Integer.toUnsignedString(index));
        }
        declaredFunctions[index] = true;
    }
}
