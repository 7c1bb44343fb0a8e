package org.wasmvm.core.published;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wasmvm.core.ExportedFunction;
import org.wasmvm.core.HostFunction;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Memory;
import org.wasmvm.core.Module;
import org.wasmvm.core.Store;
import org.wasmvm.core.Value;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ImportDesc;

/**
 * Just enough of emscripten's embind JavaScript runtime to call a function an emscripten module
 * registers with {@code EMSCRIPTEN_BINDINGS} from Java: the registration imports record functions,
 * value objects (structs built field by field through setters) and wire types; {@code emval} handles
 * hold the few JavaScript objects a module creates (a global's name, a {@code Uint8Array} copied out of
 * memory). The module's minified import names map to embind's by the table its JavaScript glue has
 * ({@code wasmImports}). What it does not model (classes, enums as values, wide strings) fails loudly.
 */
final class Embind {
    /** A registered function: its argument types (the return type first) and where to call it. */
    record Function(int[] argTypes, int invoker, int target) {
    }

    /** A field of a value object, set through {@code setter(context, object, value)}; its value type is the setter signature's last character. */
    record Field(String name, int setter, int context, char valueType) {
    }

    /** A value object: a struct made by its constructor, filled through its fields' setters. */
    record ValueObject(int constructor, int destructor, List<Field> fields) {
    }

    /** A wire type: how a JavaScript value of it becomes a wasm value (bool: its true value). */
    private record WireType(String name, int trueValue) {
    }

    private static final int FIRST_HANDLE = 5; // emval reserves 0..4 (undefined, null, true, false, reserved)

    private final Map<String, Function> functions = new HashMap<>();
    private final Map<Integer, ValueObject> valueObjects = new HashMap<>();
    private final Map<Integer, WireType> types = new HashMap<>();
    private final List<Object> emvals = new ArrayList<>();
    private Instance instance;

    /** The instance of {@code module} on a store with embind's imports, named as {@code names} maps them (minified name → embind name); constructors run. */
    Instance instantiate(Module module, Map<String, String> names, String constructors) {
        Store store = new Store();
        for (var imp : module.imports()) {
            if (!(imp.desc() instanceof ImportDesc.Function f)) {
                throw new IllegalArgumentException("embind modules import only functions, not " + imp);
            }
            String name = names.get(imp.name());
            if (name == null) {
                throw new IllegalArgumentException("no embind import for " + imp.module() + "." + imp.name());
            }
            FuncType type = module.model().funcType(f.typeIndex());
            store.define(imp.module(), imp.name(), type, handler(name));
        }
        instance = store.instantiate(module);
        instance.function(constructors).apply();
        return instance;
    }

    private HostFunction handler(String name) {
        return switch (name) {
            case "_embind_register_function" -> (caller, a) -> {
                int[] argTypes = new int[(int) a[1]];
                for (int i = 0; i < argTypes.length; i++) {
                    argTypes[i] = memory().readInt(a[2] + 4L * i);
                }
                functions.put(string(a[0]), new Function(argTypes, (int) a[4], (int) a[5]));
                return none();
            };
            case "_embind_register_value_object" -> (caller, a) -> {
                valueObjects.put((int) a[0], new ValueObject((int) a[3], (int) a[5], new ArrayList<>()));
                return none();
            };
            case "_embind_register_value_object_field" -> (caller, a) -> {
                String setterSignature = string(a[7]);
                valueObjects.get((int) a[0]).fields().add(new Field(string(a[1]), (int) a[8], (int) a[9],
                        setterSignature.charAt(setterSignature.length() - 1)));
                return none();
            };
            case "_embind_register_bool" -> (caller, a) -> {
                types.put((int) a[0], new WireType(string(a[1]), (int) a[3]));
                return none();
            };
            case "_embind_register_integer", "_embind_register_float", "_embind_register_std_string",
                    "_embind_register_std_wstring", "_embind_register_emval", "_embind_register_void",
                    "_embind_register_bigint", "_embind_register_enum" -> (caller, a) -> {
                types.put((int) a[0], new WireType(string(a[1]), 1));
                return none();
            };
            case "_embind_register_memory_view" -> (caller, a) -> {
                types.put((int) a[0], new WireType(string(a[2]), 1));
                return none();
            };
            case "_embind_register_enum_value", "_embind_finalize_value_object", "_emval_incref", "_emval_decref" ->
                    (caller, a) -> none();
            case "_emval_get_global" -> (caller, a) -> new long[] {handle(string(a[0]))};
            case "_emval_new" -> (caller, a) -> new long[] {construct(emvals.get((int) a[0] - FIRST_HANDLE), (int) a[1], a[2], a[3])};
            case "emscripten_memcpy_big" -> (caller, a) -> {
                memory().write(a[0], memory().read(a[1], (int) a[2]));
                return none();
            };
            case "emscripten_resize_heap" -> (caller, a) -> {
                long missing = (a[0] & 0xFFFF_FFFFL) - memory().byteSize();
                return new long[] {missing <= 0 || memory().grow((missing + 0xFFFF) >>> 16) >= 0 ? 1 : 0};
            };
            case "abort", "__cxa_throw" -> (caller, a) -> {
                throw new IllegalStateException("the module called " + name);
            };
            default -> throw new IllegalArgumentException("embind import " + name + " is not modelled");
        };
    }

    /**
     * Calls the registered function {@code name} as embind's invoker does: a {@code byte[]} as a
     * {@code std::string} (copied into memory, freed after), an {@code int} as itself, a {@code Map} as
     * the value object of that parameter; returns the emval result (a {@code byte[]} for a Uint8Array).
     */
    Object call(String name, String malloc, String free, String table, Object... args) {
        Function function = functions.get(name);
        if (function == null || function.argTypes().length != args.length + 1) {
            throw new IllegalArgumentException(name + " is not registered with " + args.length + " parameters: " + functions.keySet());
        }
        List<Value> wired = new ArrayList<>(List.of(Value.i32(function.target())));
        List<Runnable> destructors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            int type = function.argTypes()[i + 1];
            if (args[i] instanceof byte[] bytes) {
                int base = (int) instance.function(malloc).apply(4 + bytes.length + 1)[0];
                memory().writeInt(base, bytes.length);
                memory().write(base + 4L, bytes);
                memory().writeByte(base + 4L + bytes.length, (byte) 0);
                destructors.add(() -> instance.function(free).apply(base));
                wired.add(Value.i32(base));
            } else if (args[i] instanceof Integer value) {
                wired.add(Value.i32(value));
            } else if (args[i] instanceof Map<?, ?> fields) {
                ValueObject object = valueObjects.get(type);
                int pointer = (int) tableFunction(table, object.constructor()).apply()[0];
                for (Field field : object.fields()) {
                    Object value = fields.get(field.name());
                    if (value == null) {
                        throw new IllegalArgumentException("no value for field " + field.name());
                    }
                    double number = Double.parseDouble(value.toString());
                    Value wire = switch (field.valueType()) {
                        case 'f' -> Value.f32((float) number);
                        case 'd' -> Value.f64(number);
                        case 'i' -> Value.i32((int) number);
                        default -> throw new IllegalArgumentException("field " + field.name() + " of wire type " + field.valueType());
                    };
                    tableFunction(table, field.setter()).call(Value.i32(field.context()), Value.i32(pointer), wire);
                }
                destructors.add(() -> tableFunction(table, object.destructor()).apply(pointer));
                wired.add(Value.i32(pointer));
            } else {
                throw new IllegalArgumentException("no wire form for " + args[i]);
            }
        }
        Value[] result = tableFunction(table, function.invoker()).call(wired.toArray(Value[]::new));
        destructors.forEach(Runnable::run);
        return emvals.get(result[0].asInt() - FIRST_HANDLE);
    }

    /** {@code new constructor(args…)} for the one constructor modelled: a Uint8Array of a memory view, copied out. */
    private long construct(Object constructor, int argCount, long argTypes, long args) {
        String argType = types.get(memory().readInt(argTypes)).name();
        if (!"Uint8Array".equals(constructor) || argCount != 1 || !argType.startsWith("emscripten::memory_view")) {
            throw new IllegalArgumentException("new " + constructor + " of " + argCount + " " + argType + " is not modelled");
        }
        // a memory view's wire form, {size, data}, is in the argument pack itself
        return handle(memory().read(memory().readInt(args + 4) & 0xFFFF_FFFFL, memory().readInt(args)));
    }

    private long handle(Object value) {
        emvals.add(value);
        return FIRST_HANDLE + emvals.size() - 1;
    }

    private ExportedFunction tableFunction(String table, int index) {
        return (ExportedFunction) instance.table(table).get(index);
    }

    private Memory memory() {
        return instance.memory(0);
    }

    /** A NUL-terminated Latin-1 string at {@code address}, as embind reads names. */
    private String string(long address) {
        var bytes = new java.io.ByteArrayOutputStream();
        for (long at = address & 0xFFFF_FFFFL; ; at++) {
            byte b = memory().readByte(at);
            if (b == 0) {
                return bytes.toString(StandardCharsets.ISO_8859_1);
            }
            bytes.write(b);
        }
    }

    private static long[] none() {
        return new long[0];
    }
}
