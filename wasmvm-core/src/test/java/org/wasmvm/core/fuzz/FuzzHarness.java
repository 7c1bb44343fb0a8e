package org.wasmvm.core.fuzz;

import java.util.List;
import org.wasmvm.core.Engine;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Features;
import org.wasmvm.core.Global;
import org.wasmvm.core.Instance;
import org.wasmvm.core.LinkException;
import org.wasmvm.core.Memory;
import org.wasmvm.core.Module;
import org.wasmvm.core.ResourceLimitException;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Table;
import org.wasmvm.core.Tag;
import org.wasmvm.core.ThrownException;
import org.wasmvm.core.Value;
import org.wasmvm.core.WasmException;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.ExternKind;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.ValType;

/** What the fuzz targets share: the feature sets, the stub imports, calling every export. */
final class FuzzHarness {
    static final List<Features> FEATURES = List.of(Features.wasm2(), Features.all());

    /** Imported memories and tables are stubbed only up to these sizes (the host allocates them). */
    private static final long MAX_STUB_PAGES = 16;
    private static final long MAX_STUB_ELEMENTS = 10_000;
    /** Calls per export: the first with zero arguments, then a few "interesting" values (null for a reference parameter). */
    private static final long[] ARGUMENTS = {0, 1, -1, 0x7FFF_FFFFL, Long.MIN_VALUE};

    private FuzzHarness() {
    }

    static void checkMessage(WasmException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("exception without a message", e);
        }
    }

    /**
     * Instantiates {@code module} in a store with {@code limits}, its imports stubbed (functions
     * return zeros, memories/tables/globals of the declared type), then calls every exported
     * function with a few argument vectors. Declared exceptions are expected; anything else escapes.
     */
    static void instantiateAndRunExports(Module module, RuntimeLimits limits) {
        transcript(module, limits, Engine.configured());
    }

    /**
     * Does what {@link #instantiateAndRunExports} does on {@code engine} and tells what could be
     * observed: each call's raw results or trap (kind, detail and wasm stack), then every memory's
     * contents (as a hash) and every exported global. Two engines must give the same transcript.
     */
    static String transcript(Module module, RuntimeLimits limits, Engine engine) {
        var out = new StringBuilder();
        Store store = new Store(limits, engine);
        if (!stubImports(store, module)) {
            return "imports not stubbed";
        }
        Instance instance;
        try {
            instance = store.instantiate(module);
        } catch (LinkException | WasmTrap | ResourceLimitException expected) {
            checkMessage(expected);
            return "instantiation: " + expected.getMessage();
        } catch (ThrownException thrown) { // by the start function
            return "instantiation: " + describe(thrown);
        }
        for (Export export : module.exports()) {
            if (export.kind() != ExternKind.FUNCTION) {
                continue;
            }
            ExportedFunction function = instance.function(export.name());
            List<ValType> paramTypes = function.type().params();
            int params = paramTypes.size();
            // a reference argument must be a value of its type, and null is the only one at hand
            if (paramTypes.stream().anyMatch(type -> type.isReference() && !type.nullable())) {
                out.append(export.name()).append(": not called, it takes a non-null reference\n");
                continue;
            }
            for (long value : ARGUMENTS) {
                Value[] args = new Value[params];
                for (int i = 0; i < params; i++) {
                    ValType type = paramTypes.get(i);
                    args[i] = argument(type, value);
                }
                out.append(export.name()).append(java.util.Arrays.stream(args).map(FuzzHarness::format).toList()).append(" -> ");
                try {
                    Value[] results = function.call(args);
                    if (results.length != function.type().results().size()) {
                        throw new AssertionError(export.name() + " returned " + results.length + " results for " + function.type());
                    }
                    for (Value result : results) {
                        out.append(format(result)).append(' ');
                    }
                    out.append('\n');
                } catch (WasmTrap | ResourceLimitException expected) {
                    checkMessage(expected);
                    out.append(expected.getMessage()).append('\n');
                } catch (ThrownException thrown) {
                    out.append(describe(thrown)).append('\n');
                }
                if (params == 0) {
                    break;
                }
            }
        }
        for (int i = 0; i < instance.memoryCount(); i++) {
            Memory memory = instance.memory(i);
            byte[] bytes = new byte[(int) Math.min(memory.byteSize(), MAX_STUB_PAGES << 16)];
            memory.read(0, bytes, 0, bytes.length);
            out.append("memory ").append(i).append(": ").append(memory.byteSize()).append(" bytes, hash ")
                    .append(java.util.Arrays.hashCode(bytes)).append('\n');
        }
        for (Export export : module.exports()) {
            if (export.kind() == ExternKind.GLOBAL) {
                out.append("global ").append(export.name()).append(" = ").append(format(instance.global(export.name()).get())).append('\n');
            }
        }
        return out.toString();
    }

    /** An argument of {@code type} made of {@code value}: a v128 gets it and its bit reversal, a reference is null. */
    private static Value argument(ValType type, long value) {
        if (type == ValType.V128) {
            return Value.v128(value, Long.reverse(value)); // halves that differ, so a lane mix-up shows
        }
        return type.isReference() ? Value.nullRef(type) : Value.fromBits(type, value);
    }

    /** What stubs give: zero, or the null reference. */
    static Value zero(ValType type) {
        return type.isReference() ? Value.nullRef(type) : Value.fromBits(type, 0);
    }

    /**
     * A value as transcripts show it: a reference only as "null" or "ref" (objects differ between stores); a
     * v128 in hex with every f64 or f32 NaN lane as "nan", as a scalar NaN prints as "NaN": which NaN an
     * operation on NaNs gives is not deterministic (the spec allows any, and the JIT may commute operands).
     */
    static String format(Value value) {
        if (value.type() == ValType.V128) {
            return "v128:" + half(value.high()) + " " + half(value.bits());
        }
        return !value.type().isReference() ? value.toString() : value.type() + ":" + (value.isNull() ? "null" : "ref");
    }

    private static String half(long bits) {
        return Double.isNaN(Double.longBitsToDouble(bits)) ? "nan" : lane((int) (bits >>> 32)) + lane((int) bits);
    }

    private static String lane(int bits) {
        return Float.isNaN(Float.intBitsToFloat(bits)) ? "nan" : "%08x".formatted(bits);
    }

    /** An uncaught wasm exception as transcripts show it: its tag, its payload as {@link #format} shows values, its wasm stack. */
    private static String describe(ThrownException thrown) {
        checkMessage(thrown);
        return "exception " + thrown.tag().name() + " " + thrown.payload().stream().map(FuzzHarness::format).toList() + " at "
                + thrown.wasmStack();
    }

    private static boolean stubImports(Store store, Module module) {
        for (Import imp : module.imports()) {
            ImportDesc desc = imp.desc();
            if (desc instanceof ImportDesc.Function f) {
                FuncType type = module.model().funcType(f.typeIndex());
                store.define(imp.module(), imp.name(), type, (caller, args, results) -> {
                    for (int i = 0; i < results.length; i++) {
                        results[i] = zero(type.results().get(i));
                    }
                });
            } else if (desc instanceof ImportDesc.Memory m) {
                if (Long.compareUnsigned(m.type().limits().min(), MAX_STUB_PAGES) > 0) {
                    return false;
                }
                store.define(imp.module(), imp.name(), Memory.create(m.type()));
            } else if (desc instanceof ImportDesc.Table t) {
                if (Long.compareUnsigned(t.type().limits().min(), MAX_STUB_ELEMENTS) > 0) {
                    return false;
                }
                store.define(imp.module(), imp.name(), Table.create(t.type()));
            } else if (desc instanceof ImportDesc.Global g) {
                store.define(imp.module(), imp.name(), Global.create(g.type(), zero(g.type().valType())));
            } else if (desc instanceof ImportDesc.Tag t) {
                store.define(imp.module(), imp.name(), Tag.create(module.model().funcType(t.type().typeIndex()),
                        imp.module() + "." + imp.name()));
            }
        }
        return true;
    }
}
