package org.wasmvm.core.spec;

import java.util.List;

/**
 * An action of a spec-test command: {@code invoke} an exported function or {@code get} an exported global.
 *
 * @param type {@code invoke} or {@code get}
 * @param module the {@code $name} of the module to act on, or {@code null} for the current module
 * @param field the export name (any Unicode)
 * @param args the arguments of an {@code invoke} (empty for {@code get})
 */
record SpecAction(String type, String module, String field, List<SpecValue> args) {
    SpecAction {
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        return type + " " + (module == null ? "" : module + ".") + "\"" + field + "\"" + (type.equals("invoke") ? args : "");
    }
}
