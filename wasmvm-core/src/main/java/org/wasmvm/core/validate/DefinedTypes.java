package org.wasmvm.core.validate;

import java.util.List;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.model.ArrayType;
import org.wasmvm.core.model.CompositeType;
import org.wasmvm.core.model.FieldType;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.model.SubType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.types.ModuleTypes;
import org.wasmvm.core.types.Subtyping;
import org.wasmvm.core.types.TypeRegistry;

/**
 * The type section's rules: a type refers only to types of earlier groups or its own group, declares
 * at most one supertype, an earlier one that is not final and that its definition matches.
 */
final class DefinedTypes {
    private DefinedTypes() {
    }

    /** The references of every type, checked before the types can be canonicalized. */
    static void checkReferences(WasmModule module) {
        List<SubType> types = module.types();
        int start = 0;
        for (int size : module.recGroups()) {
            int end = start + size;
            for (int i = start; i < end; i++) {
                SubType type = types.get(i);
                for (int sup : type.supertypes()) {
                    if (sup < 0 || sup >= i) {
                        throw ValidationContext.invalid("unknown type " + Integer.toUnsignedString(sup));
                    }
                }
                checkComposite(type.composite(), end);
            }
            start = end;
        }
    }

    private static void checkComposite(CompositeType composite, int known) {
        if (composite instanceof FuncType f) {
            f.params().forEach(t -> checkKnown(t, known));
            f.results().forEach(t -> checkKnown(t, known));
        } else if (composite instanceof StructType s) {
            s.fields().forEach(field -> checkKnown(field.type(), known));
        } else {
            FieldType element = ((ArrayType) composite).element();
            checkKnown(element.type(), known);
        }
    }

    /** A value type may name only the first {@code known} types. */
    static void checkKnown(ValType type, int known) {
        if (type.isReference() && !HeapType.isAbstract(type.heapType())
                && Integer.compareUnsigned(type.heapType(), known) >= 0) {
            throw ValidationContext.invalid("unknown type " + Integer.toUnsignedString(type.heapType()));
        }
    }

    /** Each declared supertype is not final and the type's definition matches it. */
    static void checkSubtypes(WasmModule module, ModuleTypes types) {
        for (int i = 0; i < module.types().size(); i++) {
            for (int sup : module.types().get(i).supertypes()) {
                SubType parent = TypeRegistry.type(types.id(sup));
                if (parent.isFinal() || !Subtyping.matches(TypeRegistry.composite(types.id(i)), parent.composite())) {
                    throw new InvalidModuleException(-1, -1, "sub type " + i + " does not match super type " + sup);
                }
            }
        }
    }
}
