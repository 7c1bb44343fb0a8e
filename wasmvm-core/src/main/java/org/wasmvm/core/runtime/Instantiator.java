package org.wasmvm.core.runtime;

import java.util.List;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.ResourceLimitException;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.lower.ModuleCode;
import org.wasmvm.core.model.DataSegment;
import org.wasmvm.core.model.ElementSegment;
import org.wasmvm.core.model.ExternKind;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.SegmentMode;
import org.wasmvm.core.model.TableDefinition;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.types.ModuleTypes;
import org.wasmvm.core.types.Subtyping;
import org.wasmvm.core.types.TypeRegistry;

/**
 * Instantiation in the spec's order: resolve and type-check imports, create functions, globals,
 * tags, tables and memories, evaluate element segments, copy active segments, run the start function.
 */
public final class Instantiator {
    /** Finds what the store offers under {@code module.name}, or {@code null}. */
    @FunctionalInterface
    public interface Resolver {
        Object resolve(String module, String name);
    }

    private final ModuleCode module;
    private final WasmModule model;
    private final ModuleInstance instance;
    private final ModuleTypes types;
    private final CodeTiers tiers;

    private Instantiator(ModuleCode module, CodeTiers tiers, StoreContext context) {
        this.module = module;
        this.model = module.model();
        this.types = module.types();
        this.tiers = tiers;
        this.instance = new ModuleInstance(module, context);
    }

    /**
     * Every step but the last: links the imports, creates the definitions and copies the active
     * segments. The caller then gives the instance its public view and calls {@link #start}.
     *
     * @param tiers the module's compiled tier in this store, or null when the store only interprets
     */
    public static ModuleInstance instantiate(ModuleCode module, CodeTiers tiers, StoreContext context, Resolver resolver) {
        var instantiator = new Instantiator(module, tiers, context);
        instantiator.link(resolver);
        try {
            instantiator.createDefinitions(); // constant expressions may trap: a GC array over the limits
            instantiator.initializeSegments();
        } catch (Trap trap) {
            throw new WasmTrap(trap.kind(), trap.detail(), List.of(), null);
        }
        return instantiator.instance;
    }

    /** The last step: runs the module's start function, if it has one. */
    public static void start(ModuleInstance instance) {
        int start = instance.module().model().startFunction();
        if (start >= 0) {
            instance.functions[start].apply();
        }
    }

    private void link(Resolver resolver) {
        int functions = 0, tables = 0, memories = 0, globals = 0, tags = 0;
        for (Import imp : model.imports()) {
            Object provided = resolver.resolve(imp.module(), imp.name());
            ImportDesc desc = imp.desc();
            if (provided == null) {
                throw LinkException.unknownImport(imp.module(), imp.name(), describe(desc));
            }
            if (desc instanceof ImportDesc.Function fn) {
                int expected = types.id(fn.typeIndex());
                if (!(provided instanceof FunctionInstance f) || !TypeRegistry.isSubtype(f.typeId(), expected)) {
                    throw incompatible(imp, provided);
                }
                instance.functions[functions++] = f;
            } else if (desc instanceof ImportDesc.Table tb) {
                if (!(provided instanceof TableInstance t) || !tableMatches(t, canonical(tb.type()))) {
                    throw incompatible(imp, provided);
                }
                instance.tables[tables++] = t;
            } else if (desc instanceof ImportDesc.Memory mem) {
                if (!(provided instanceof LinearMemory m) || !memoryMatches(m, mem.type())) {
                    throw incompatible(imp, provided);
                }
                instance.memories[memories++] = m;
            } else if (desc instanceof ImportDesc.Global gl) {
                if (!(provided instanceof GlobalInstance g) || !globalMatches(g.type(), canonical(gl.type()))) {
                    throw incompatible(imp, provided);
                }
                instance.globals[globals++] = g;
            } else if (desc instanceof ImportDesc.Tag tag) {
                // the very tag the import names, of exactly the type it expects
                if (!(provided instanceof TagInstance t) || t.typeId() != types.id(tag.type().typeIndex())) {
                    throw incompatible(imp, provided);
                }
                instance.tags[tags++] = t;
            }
        }
    }

    private TableType canonical(TableType type) {
        return new TableType(types.canonical(type.elementType()), type.limits());
    }

    private GlobalType canonical(GlobalType type) {
        return new GlobalType(types.canonical(type.valType()), type.mutable());
    }

    /** A mutable global's type must be equal, an immutable one's a subtype (both canonical). */
    private static boolean globalMatches(GlobalType actual, GlobalType expected) {
        if (actual.mutable() != expected.mutable()) {
            return false;
        }
        return expected.mutable() ? actual.valType().equals(expected.valType())
                : Subtyping.isSubtype(actual.valType(), expected.valType());
    }

    private static boolean tableMatches(TableInstance actual, TableType expected) {
        return actual.type().elementType().equals(expected.elementType())
                && limitsMatch(actual.size(), actual.type().limits(), expected.limits());
    }

    /** Limits as below, and the sharedness must be the same (threads). */
    private static boolean memoryMatches(LinearMemory actual, MemoryType expected) {
        return actual.type().shared() == expected.shared() && limitsMatch(actual.pages(), actual.type().limits(), expected.limits());
    }

    /** Import subtyping of limits: the current size covers the minimum, the maximum is within. */
    private static boolean limitsMatch(long currentSize, Limits actual, Limits expected) {
        if (actual.is64() != expected.is64() || Long.compareUnsigned(currentSize, expected.min()) < 0) {
            return false;
        }
        if (!expected.hasMax()) {
            return true;
        }
        return actual.hasMax() && Long.compareUnsigned(actual.max(), expected.max()) <= 0;
    }

    private LinkException incompatible(Import imp, Object provided) {
        return LinkException.incompatible(imp.module(), imp.name(), describe(imp.desc()), describeValue(provided));
    }

    private String describe(ImportDesc desc) {
        if (desc instanceof ImportDesc.Function fn) {
            return "func " + model.funcType(fn.typeIndex());
        } else if (desc instanceof ImportDesc.Table t) {
            return t.type().toString();
        } else if (desc instanceof ImportDesc.Memory m) {
            return m.type().toString();
        } else if (desc instanceof ImportDesc.Tag t) {
            return "tag " + model.funcType(t.type().typeIndex());
        }
        return "global " + ((ImportDesc.Global) desc).type();
    }

    private static String describeValue(Object value) {
        if (value instanceof FunctionInstance f) {
            return "func " + f.type();
        } else if (value instanceof TableInstance t) {
            return t.type() + " (size " + t.size() + ")";
        } else if (value instanceof LinearMemory m) {
            return m.type() + " (" + m.pages() + " pages)";
        } else if (value instanceof GlobalInstance g) {
            return "global " + g.type();
        } else if (value instanceof TagInstance t) {
            return "tag " + t.type();
        }
        return String.valueOf(value);
    }

    /** How messages name the defined tag {@code index}: by its first export name, else by its index. */
    private String tagName(int index) {
        return model.exports().stream()
                .filter(export -> export.kind() == ExternKind.TAG && export.index() == index)
                .map(export -> "'" + export.name() + "'")
                .findFirst().orElse("(tag " + index + ")");
    }

    private void createDefinitions() {
        var spaces = module.indexSpaces();
        var context = instance.context();
        for (int i = spaces.importedFunctionCount(); i < spaces.functionCount(); i++) {
            var function = new WasmFunction(spaces.functionType(i), types.id(spaces.functionTypeIndex(i)), instance, i, tiers);
            instance.functions[i] = function;
        }
        int globalBase = spaces.importedGlobalCount();
        for (int i = 0; i < model.globals().size(); i++) {
            var global = model.globals().get(i);
            GlobalType type = canonical(global.type());
            instance.globals[globalBase + i] = new GlobalInstance(type, ConstEvaluator.evaluateValue(type.valType(), global.init(), instance));
        }
        int tagBase = spaces.importedTagCount();
        for (int i = 0; i < model.tags().size(); i++) {
            int typeIndex = model.tags().get(i).typeIndex();
            instance.tags[tagBase + i] = new TagInstance(types.canonical(model.funcType(typeIndex)), types.id(typeIndex),
                    tagName(tagBase + i));
        }
        var limits = context.limits();
        int tableBase = spaces.importedTableCount();
        // every table element is a reference slot allocated up front: the limit bounds each table and, so
        // that many tables cannot multiply it, the minimums of all the module's tables together
        long tableElements = 0;
        for (TableDefinition table : model.tables()) {
            TableType type = table.type();
            checkMinimum("table", type.limits().min(), limits.maxTableElements());
            tableElements = Math.min(Long.MAX_VALUE - type.limits().min(), tableElements) + type.limits().min();
        }
        if (tableElements > limits.maxTableElements()) {
            throw new ResourceLimitException("the module's " + model.tables().size() + " tables need at least "
                    + tableElements + " elements in all, over the limit of " + limits.maxTableElements());
        }
        for (int i = 0; i < model.tables().size(); i++) {
            TableDefinition table = model.tables().get(i);
            TableType type = canonical(table.type());
            Object init = table.init() == null ? null : ConstEvaluator.evaluateReference(table.init(), instance);
            try {
                instance.tables[tableBase + i] = new TableInstance(type, init, limits.maxTableElements());
            } catch (OutOfMemoryError e) {
                throw new ResourceLimitException("cannot allocate " + type + ": " + e.getMessage());
            }
        }
        int memoryBase = spaces.importedMemoryCount();
        for (int i = 0; i < model.memories().size(); i++) {
            MemoryType type = model.memories().get(i);
            checkMinimum("memory", type.limits().min(), limits.maxMemoryPages());
            try {
                instance.memories[memoryBase + i] = LinearMemory.create(type, limits.maxMemoryPages());
            } catch (IllegalArgumentException | OutOfMemoryError e) {
                throw new ResourceLimitException("cannot allocate " + type + ": " + e.getMessage());
            }
        }
        List<ElementSegment> elements = model.elements();
        for (int i = 0; i < elements.size(); i++) {
            var init = elements.get(i).init();
            Object[] refs = new Object[init.size()];
            for (int j = 0; j < refs.length; j++) {
                refs[j] = ConstEvaluator.evaluateReference(init.get(j), instance);
            }
            instance.elements[i] = refs;
        }
        List<DataSegment> datas = model.datas();
        for (int i = 0; i < datas.size(); i++) {
            instance.datas[i] = datas.get(i).bytes();
        }
    }

    private static void checkMinimum(String what, long min, long limit) {
        if (Long.compareUnsigned(min, limit) > 0) {
            throw new ResourceLimitException("the module's " + what + " needs at least " + Long.toUnsignedString(min)
                    + (what.equals("memory") ? " pages" : " elements") + ", over the limit of " + limit);
        }
    }

    /** Active segments are copied in order; a failing one traps but earlier copies remain (spec 2.0). */
    private void initializeSegments() {
        List<ElementSegment> elements = model.elements();
        for (int i = 0; i < elements.size(); i++) {
            ElementSegment segment = elements.get(i);
            if (segment.mode() == SegmentMode.ACTIVE) {
                TableInstance table = instance.tables[segment.tableIndex()];
                long offset = address(ConstEvaluator.evaluate(segment.offset(), instance), table.type().limits());
                Object[] refs = instance.elements[i];
                table.init(offset, refs, 0, refs.length);
            }
            if (segment.mode() != SegmentMode.PASSIVE) {
                instance.elements[i] = ModuleInstance.DROPPED_ELEMENTS;
            }
        }
        List<DataSegment> datas = model.datas();
        for (int i = 0; i < datas.size(); i++) {
            DataSegment segment = datas.get(i);
            if (segment.mode() == SegmentMode.ACTIVE) {
                LinearMemory memory = instance.memories[segment.memoryIndex()];
                long offset = address(ConstEvaluator.evaluate(segment.offset(), instance), memory.type().limits());
                memory.init(offset, segment.bytes(), 0, segment.bytes().length);
                instance.datas[i] = new byte[0];
            }
        }
    }

    /** An i32 offset is unsigned; an i64 one (memory64/table64) is taken as is. */
    private static long address(long raw, Limits limits) {
        return limits.is64() ? raw : raw & 0xFFFFFFFFL;
    }
}
