package org.wasmvm.core.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.wasmvm.core.model.ArrayType;
import org.wasmvm.core.model.CompositeType;
import org.wasmvm.core.model.FieldType;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.HeapType;
import org.wasmvm.core.model.StructType;
import org.wasmvm.core.model.SubType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.model.WasmModule;

/**
 * The canonical ids of defined types, process-wide (like wasmtime's engine-level type registry).
 *
 * <p>Types are equivalent when their recursion groups are structurally equal, with references inside
 * the group compared by position and references outside it by canonical id (the spec's iso-recursive
 * equivalence). A group's key is therefore its types with every type index rewritten: an index inside
 * the group to {@code REC_SELF - position}, one outside to the canonical id it already has. Equal keys
 * get the same ids, so type equality between any two modules is {@code int} equality.
 *
 * <p>Each id keeps the chain of its declared supertypes from the root down to itself, so that
 * {@code a <: b} is one array lookup: {@code chain(a)[depth(b)] == b} (as in V8 and wasmtime).
 * Ids are never reused; the registry grows with the distinct groups a process loads.
 */
public final class TypeRegistry {
    /** Rewritten index of position 0 of the group being keyed; position p is {@code REC_SELF - p}. */
    private static final int REC_SELF = -1000;

    private static final ConcurrentHashMap<List<SubType>, Integer> GROUPS = new ConcurrentHashMap<>();
    private static final Object LOCK = new Object();
    private static volatile Entry[] entries = new Entry[64];
    private static int count;

    /** A canonical type: its definition (type indices replaced by canonical ids) and its supertype chain. */
    private record Entry(SubType type, int[] chain) {
    }

    private TypeRegistry() {
    }

    /**
     * The canonical id of each of {@code module}'s types, in index order.
     *
     * @throws IllegalArgumentException when a type refers to a type index past its own group, or a
     *     supertype is not an earlier type (validation reports these first)
     */
    public static int[] canonicalize(WasmModule module) {
        List<SubType> types = module.types();
        int[] ids = new int[types.size()];
        int next = 0;
        for (int size : module.recGroups()) {
            int start = next;
            List<SubType> key = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                SubType type = types.get(start + i);
                for (int sup : type.supertypes()) {
                    if (sup >= start + i) {
                        throw new IllegalArgumentException("supertype " + sup + " of type " + (start + i) + " is not an earlier type");
                    }
                }
                key.add(rewrite(type, index -> {
                    if (index >= start + size) {
                        throw new IllegalArgumentException("unknown type " + index);
                    }
                    return index >= start ? REC_SELF - (index - start) : ids[index];
                }));
            }
            int base = register(key);
            for (int i = 0; i < size; i++) {
                ids[start + i] = base + i;
            }
            next = start + size;
        }
        return ids;
    }

    /** The canonical id of a function type given on its own (a host function's, with no type indices in it). */
    public static int ofFunction(FuncType type) {
        SubType plain = SubType.plain(type);
        rewrite(plain, index -> {
            throw new IllegalArgumentException("a host function type cannot name type index " + index + ": " + type);
        });
        return register(List.of(plain));
    }

    /** Registers a keyed group (once), returning the id of its first type. */
    private static int register(List<SubType> key) {
        Integer known = GROUPS.get(key);
        if (known != null) {
            return known;
        }
        synchronized (LOCK) {
            known = GROUPS.get(key);
            if (known != null) {
                return known;
            }
            int base = count;
            Entry[] table = entries;
            if (base + key.size() > table.length) {
                table = Arrays.copyOf(table, Math.max(table.length * 2, base + key.size()));
            }
            for (int i = 0; i < key.size(); i++) {
                int self = base + i;
                SubType resolved = rewrite(key.get(i), index -> index <= REC_SELF ? base + (REC_SELF - index) : index);
                int[] chain;
                if (resolved.supertypes().isEmpty()) {
                    chain = new int[] {self};
                } else {
                    int[] parent = table[resolved.supertypes().get(0)].chain;
                    chain = Arrays.copyOf(parent, parent.length + 1);
                    chain[parent.length] = self;
                }
                table[self] = new Entry(resolved, chain);
            }
            entries = table; // publishes the new entries before their ids become known
            count = base + key.size();
            GROUPS.put(key, base);
            return base;
        }
    }

    /** The definition of canonical type {@code id}, its type indices replaced by canonical ids. */
    public static SubType type(int id) {
        return entries[id].type;
    }

    /** The composite type of canonical type {@code id}. */
    public static CompositeType composite(int id) {
        return entries[id].type.composite();
    }

    /** Whether canonical type {@code sub} is {@code sup} or declares it as a (transitive) supertype. */
    public static boolean isSubtype(int sub, int sup) {
        if (sub == sup) {
            return true;
        }
        Entry[] table = entries;
        int[] chain = table[sub].chain;
        int depth = table[sup].chain.length - 1;
        return depth < chain.length && chain[depth] == sup;
    }

    /** Maps the type indices in a definition. */
    @FunctionalInterface
    interface IndexMap {
        int map(int index);
    }

    private static SubType rewrite(SubType type, IndexMap map) {
        List<Integer> supers = type.supertypes().stream().map(map::map).toList();
        return new SubType(type.isFinal(), supers, rewrite(type.composite(), map));
    }

    private static CompositeType rewrite(CompositeType composite, IndexMap map) {
        if (composite instanceof FuncType f) {
            return new FuncType(rewrite(f.params(), map), rewrite(f.results(), map));
        }
        if (composite instanceof StructType s) {
            return new StructType(s.fields().stream().map(field -> rewrite(field, map)).toList());
        }
        return new ArrayType(rewrite(((ArrayType) composite).element(), map));
    }

    private static FieldType rewrite(FieldType field, IndexMap map) {
        return new FieldType(rewrite(field.type(), map), field.packedBits(), field.mutable());
    }

    private static List<ValType> rewrite(List<ValType> types, IndexMap map) {
        return types.stream().map(type -> rewrite(type, map)).toList();
    }

    /** {@code type} with its type index mapped; every other type as it is. */
    static ValType rewrite(ValType type, IndexMap map) {
        if (!type.isReference() || HeapType.isAbstract(type.heapType())) {
            return type;
        }
        return ValType.ref(type.nullable(), map.map(type.heapType()));
    }
}
