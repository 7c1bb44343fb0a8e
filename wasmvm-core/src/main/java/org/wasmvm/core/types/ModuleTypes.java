package org.wasmvm.core.types;

import java.util.List;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/**
 * One module's types in canonical form: the canonical id of each type index, and the module's value
 * types with their type indices replaced by those ids, so that they compare across modules.
 */
public final class ModuleTypes {
    private final int[] ids;

    private ModuleTypes(int[] ids) {
        this.ids = ids;
    }

    /** @throws IllegalArgumentException for a type section that does not validate (see {@link TypeRegistry#canonicalize}) */
    public static ModuleTypes of(WasmModule module) {
        return new ModuleTypes(TypeRegistry.canonicalize(module));
    }

    /** The canonical id of type index {@code typeIndex}. */
    public int id(int typeIndex) {
        return ids[typeIndex];
    }

    /** How many types the module defines. */
    public int count() {
        return ids.length;
    }

    /** {@code type} with its type index, if any, replaced by the canonical id. */
    public ValType canonical(ValType type) {
        if (!type.isReference() || HeapType.isAbstract(type.heapType())) {
            return type; // the common case, without the lambda
        }
        return TypeRegistry.rewrite(type, index -> ids[index]);
    }

    /** {@code type} with every type index replaced by its canonical id. */
    public FuncType canonical(FuncType type) {
        return new FuncType(canonical(type.params()), canonical(type.results()));
    }

    private List<ValType> canonical(List<ValType> types) {
        return types.stream().map(this::canonical).toList();
    }
}
