package org.wasmvm.core.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Module;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.Value;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.Export;
import org.wasmvm.core.model.ExternKind;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.Import;
import org.wasmvm.core.model.ImportDesc;
import org.wasmvm.core.model.ValType;

/**
 * The wasmvm half of {@code scripts/differential.sh}: for each {@code X.wasm} given, writes
 * {@code X.sig} (every exported function's parameter and result types, for the node half) and
 * {@code X.wasmvm.txt}, a transcript of calling every exported function in order with zero arguments
 * ({@code hangLimitInitializer} first, as binaryen's fuzz shell does): the values passed to the
 * {@code fuzzing-support} log imports, then the results or "trap". {@code scripts/differential.js}
 * writes the same transcript under node.
 */
public final class DifferentialMain {
    private DifferentialMain() {
    }

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            Path wasm = Path.of(arg);
            String base = arg.substring(0, arg.length() - ".wasm".length());
            List<String> out = new ArrayList<>();
            List<String> signatures = new ArrayList<>();
            try {
                run(Files.readAllBytes(wasm), out, signatures);
            } catch (RuntimeException | StackOverflowError e) {
                out.add("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            Files.write(Path.of(base + ".sig"), signatures, StandardCharsets.UTF_8);
            Files.write(Path.of(base + ".wasmvm.txt"), out, StandardCharsets.UTF_8);
        }
    }

    private static void run(byte[] bytes, List<String> out, List<String> signatures) {
        Module module = Wasm.load(bytes);
        Store store = new Store(RuntimeLimits.DEFAULT.withTimeout(Duration.ofSeconds(20)));
        for (Import imp : module.imports()) {
            if (!(imp.desc() instanceof ImportDesc.Function f) || !imp.module().equals("fuzzing-support")) {
                throw new IllegalArgumentException("unsupported import " + imp);
            }
            FuncType type = module.model().funcType(f.typeIndex());
            String name = imp.name();
            store.define(imp.module(), name, type, (caller, a, results) -> {
                StringBuilder line = new StringBuilder("log");
                for (Value arg : a) {
                    line.append(' ').append(format(arg));
                }
                out.add(line.toString());
                for (int i = 0; i < results.length; i++) {
                    results[i] = FuzzHarness.zero(type.results().get(i));
                }
            });
        }
        for (Export export : module.exports()) {
            if (export.kind() == ExternKind.FUNCTION) {
                FuncType type = module.indexSpaces().functionType(export.index());
                signatures.add(export.name() + " " + types(type.params()) + " -> " + types(type.results()));
            }
        }
        Instance instance;
        try {
            instance = store.instantiate(module);
        } catch (WasmTrap trap) {
            out.add("instantiate trap");
            return;
        }
        boolean hasInit = instance.hasExport("hangLimitInitializer");
        for (Export export : module.exports()) {
            if (export.kind() != ExternKind.FUNCTION || export.name().equals("hangLimitInitializer")) {
                continue;
            }
            if (hasInit) {
                instance.function("hangLimitInitializer").apply();
            }
            ExportedFunction function = instance.function(export.name());
            out.add("call " + export.name());
            try {
                Value[] args = function.type().params().stream().map(FuzzHarness::zero).toArray(Value[]::new);
                StringBuilder line = new StringBuilder("result");
                for (Value result : function.call(args)) {
                    line.append(' ').append(format(result));
                }
                out.add(line.toString());
            } catch (WasmTrap trap) {
                out.add("trap");
            }
        }
    }

    private static String types(List<ValType> types) {
        StringBuilder s = new StringBuilder();
        for (ValType t : types) {
            s.append(s.length() == 0 ? "" : ",").append(t.toString().toLowerCase());
        }
        return s.length() == 0 ? "-" : s.toString();
    }

    /** Integers in signed decimal; floats as the bits of their f64 value (as JS sees them), NaN as "nan". */
    static String format(Value value) {
        long bits = value.bits();
        switch (value.type().kind()) {
            case I32:
                return Integer.toString((int) bits);
            case I64:
                return Long.toString(bits);
            case F32: {
                float f = Float.intBitsToFloat((int) bits);
                return Float.isNaN(f) ? "nan" : Long.toHexString(Double.doubleToRawLongBits(f));
            }
            case F64: {
                double d = Double.longBitsToDouble(bits);
                return Double.isNaN(d) ? "nan" : Long.toHexString(Double.doubleToRawLongBits(d));
            }
            default:
                return value.isNull() ? "null" : "ref";
        }
    }
}
