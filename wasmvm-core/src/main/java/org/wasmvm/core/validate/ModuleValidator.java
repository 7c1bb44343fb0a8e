package org.wasmvm.core.validate;

import java.util.HashSet;
import java.util.Set;
import org.wasmvm.core.Features;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.model.DataSegment;
import org.wasmvm.core.model.ElementSegment;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.Global;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.SegmentMode;
import org.wasmvm.core.model.TableDefinition;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.TagType;
import org.wasmvm.core.model.WasmModule;

/**
 * Validates a decoded module against the WebAssembly 2.0 rules (plus memory64, multi-memory, extended
 * constants and exception handling when enabled): imports, limits, globals, segments, exports, the start function,
 * and every function body. Throws {@link InvalidModuleException} with the reference interpreter's wording,
 * or {@link org.wasmvm.core.MalformedModuleException} for malformed function bodies.
 */
public final class ModuleValidator {
    /** The largest table size of a 32-bit table. */
    private static final long MAX_TABLE_32 = 0xFFFF_FFFFL;

    private final WasmModule module;
    private final Features features;
    private final ValidationContext ctx;
    private final ConstExprValidator constExprs;

    private ModuleValidator(WasmModule module, Features features) {
        this.module = module;
        this.features = features;
        DefinedTypes.checkReferences(module);
        checkTypeIndices(module);
        checkKnownTypes(module);
        this.ctx = new ValidationContext(module, features);
        DefinedTypes.checkSubtypes(module, ctx.types);
        this.constExprs = new ConstExprValidator(ctx, features);
    }

    /** Validates {@code module}; returns normally when it is valid. */
    public static void validate(WasmModule module, Features features) {
        new ModuleValidator(module, features).run();
    }

    private void run() {
        for (Import imp : module.imports()) {
            if (imp.desc() instanceof ImportDesc.Table t) {
                checkTable(t.type());
            } else if (imp.desc() instanceof ImportDesc.Memory m) {
                checkMemory(m.type());
            }
        }
        module.tables().forEach(this::checkTableDefinition);
        module.memories().forEach(this::checkMemory);
        for (int i = 0; i < module.globals().size(); i++) {
            Global g = module.globals().get(i);
            constExprs.validateGlobalInit(g.init(), ctx.of(g.type().valType()), i);
        }
        module.elements().forEach(this::checkElement);
        module.datas().forEach(this::checkData);
        Set<String> names = new HashSet<>();
        for (Export e : module.exports()) {
            checkExport(e);
            if (!names.add(e.name())) {
                throw ValidationContext.invalid("duplicate export name \"" + e.name() + "\"");
            }
        }
        checkStart();
        if (ctx.memoryIndexTypes.length > 1 && !features.multiMemory()) {
            throw ValidationContext.invalid("multiple memories");
        }
        FunctionValidator functions = new FunctionValidator(ctx);
        int imported = ctx.spaces.importedFunctionCount();
        functions.validate(imported, module.codes());
    }

    /** Function and tag type indices of imports and definitions; checked first because the context needs them. */
    private static void checkTypeIndices(WasmModule module) {
        for (Import imp : module.imports()) {
            if (imp.desc() instanceof ImportDesc.Function f) {
                checkFunctionType(module, f.typeIndex());
            } else if (imp.desc() instanceof ImportDesc.Tag t) {
                checkTagType(module, t.type());
            }
        }
        for (int t : module.functionTypes()) {
            checkFunctionType(module, t);
        }
        module.tags().forEach(t -> checkTagType(module, t));
        if (module.codes().size() != module.functionTypes().size()) {
            throw ValidationContext.invalid("function and code section have inconsistent lengths");
        }
    }

    private static void checkFunctionType(WasmModule module, int typeIndex) {
        if (typeIndex < 0 || typeIndex >= module.types().size()) {
            throw ValidationContext.invalid("unknown type " + Integer.toUnsignedString(typeIndex));
        }
        if (!(module.types().get(typeIndex).composite() instanceof FuncType)) {
            throw ValidationContext.invalid("type mismatch: type " + typeIndex + " is not a function type");
        }
    }

    /** A tag's type is a function type without results (its parameters are the exception's payload). */
    private static void checkTagType(WasmModule module, TagType type) {
        checkFunctionType(module, type.typeIndex());
        if (!module.funcType(type.typeIndex()).results().isEmpty()) {
            throw ValidationContext.invalid("non-empty tag result type");
        }
    }

    /** The value types outside function bodies name only defined types (those inside, FunctionValidator checks). */
    private static void checkKnownTypes(WasmModule module) {
        int known = module.types().size();
        for (Import imp : module.imports()) {
            if (imp.desc() instanceof ImportDesc.Table t) {
                DefinedTypes.checkKnown(t.type().elementType(), known);
            } else if (imp.desc() instanceof ImportDesc.Global g) {
                DefinedTypes.checkKnown(g.type().valType(), known);
            }
        }
        module.tables().forEach(t -> DefinedTypes.checkKnown(t.type().elementType(), known));
        module.globals().forEach(g -> DefinedTypes.checkKnown(g.type().valType(), known));
        module.elements().forEach(e -> DefinedTypes.checkKnown(e.type(), known));
    }

    /** A table's limits; without an initializer its elements start null, so its type must be nullable. */
    private void checkTableDefinition(TableDefinition table) {
        checkTable(table.type());
        int elementType = ctx.of(table.type().elementType());
        if (table.init() != null) {
            constExprs.validateTableInit(table.init(), elementType);
        } else if (!Types.nullable(elementType)) {
            throw ValidationContext.invalid("type mismatch: a table of non-nullable references needs an initializer");
        }
    }

    private void checkTable(TableType type) {
        Limits l = type.limits();
        if (l.is64() && !features.memory64()) {
            throw ValidationContext.invalid("64-bit tables require the memory64 feature");
        }
        checkLimits(l, l.is64() ? -1L : MAX_TABLE_32, "table size must be at most 2^32-1");
    }

    private void checkMemory(MemoryType type) {
        Limits l = type.limits();
        if (l.is64()) {
            if (!features.memory64()) {
                throw ValidationContext.invalid("64-bit memories require the memory64 feature");
            }
            checkLimits(l, MemoryType.MAX_PAGES_64, "memory size must be at most 2^48 pages (256TiB)");
        } else {
            checkLimits(l, MemoryType.MAX_PAGES_32, "memory size must be at most 65536 pages (4GiB)");
        }
        if (type.shared() && !l.hasMax()) {
            throw ValidationContext.invalid("shared memory must have maximum");
        }
    }

    /** The reference interpreter's check_limits: both bounds within {@code range} (unsigned), min <= max. */
    private static void checkLimits(Limits l, long range, String message) {
        if (Long.compareUnsigned(l.min(), range) > 0) {
            throw ValidationContext.invalid(message);
        }
        if (l.hasMax()) {
            if (Long.compareUnsigned(l.max(), range) > 0) {
                throw ValidationContext.invalid(message);
            }
            if (Long.compareUnsigned(l.min(), l.max()) > 0) {
                throw ValidationContext.invalid("size minimum must not be greater than maximum");
            }
        }
    }

    private void checkElement(ElementSegment seg) {
        int type = ctx.of(seg.type());
        if (!Types.isReference(type)) {
            throw ValidationContext.invalid("malformed reference type");
        }
        if (seg.mode() == SegmentMode.ACTIVE) {
            int table = seg.tableIndex();
            if (table < 0 || table >= ctx.tableElemTypes.length) {
                throw ValidationContext.invalid("unknown table " + Integer.toUnsignedString(table));
            }
            constExprs.validateSegmentExpr(seg.offset(), ctx.tableIndexTypes[table]);
            if (!Types.isSubtype(type, ctx.tableElemTypes[table])) {
                throw ValidationContext.invalid("type mismatch: element segment type differs from table type");
            }
        }
        for (var init : seg.init()) {
            constExprs.validateSegmentExpr(init, type);
        }
    }

    private void checkData(DataSegment seg) {
        if (seg.mode() == SegmentMode.ACTIVE) {
            int mem = seg.memoryIndex();
            if (mem < 0 || mem >= ctx.memoryIndexTypes.length) {
                throw ValidationContext.invalid("unknown memory " + Integer.toUnsignedString(mem));
            }
            constExprs.validateSegmentExpr(seg.offset(), ctx.memoryIndexTypes[mem]);
        }
    }

    private void checkExport(Export e) {
        int index = e.index();
        int count = switch (e.kind()) {
            case FUNCTION -> ctx.funcParams.length;
            case TABLE -> ctx.tableElemTypes.length;
            case MEMORY -> ctx.memoryIndexTypes.length;
            case GLOBAL -> ctx.globalTypes.length;
            case TAG -> ctx.tagParams.length;
        };
        if (index < 0 || index >= count) {
            throw ValidationContext.invalid("unknown " + e.kind() + " " + Integer.toUnsignedString(index));
        }
        if (e.kind() == org.wasmvm.core.model.ExternKind.FUNCTION) {
            ctx.declareFunction(index, -1);
        }
    }

    private void checkStart() {
        int start = module.startFunction();
        if (start == -1) {
            return;
        }
        if (start < 0 || start >= ctx.funcParams.length) {
            throw ValidationContext.invalid("unknown function " + Integer.toUnsignedString(start));
        }
        FuncType type = ctx.spaces.functionType(start);
        if (!type.params().isEmpty() || !type.results().isEmpty()) {
            throw ValidationContext.invalid("start function must have type [] -> []");
        }
    }
}
