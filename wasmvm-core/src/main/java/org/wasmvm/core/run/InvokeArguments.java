package org.wasmvm.core.run;

import java.util.List;
import java.util.stream.Collectors;
import org.wasmvm.core.Value;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;

/** The arguments of an invoked export, read from their text by its parameter types. */
final class InvokeArguments {
    private InvokeArguments() {
    }

    /**
     * The values {@code texts} give for the parameters of {@code export}, of type {@code type}.
     *
     * @throws InvokeArgumentException when the count differs or a text is not a value of its
     *     parameter's type; the message names the parameter by its index (from 0, as in
     *     {@code local.get}) and type
     */
    static Value[] parse(String export, FuncType type, List<String> texts) {
        List<ValType> params = type.params();
        if (texts.size() != params.size()) {
            throw new InvokeArgumentException("'" + export + "' takes " + params.size()
                    + (params.size() == 1 ? " argument" : " arguments")
                    + (params.isEmpty() ? "" : params.stream().map(ValType::toString).collect(Collectors.joining(", ", " (", ")")))
                    + ", but " + texts.size() + (texts.size() == 1 ? " was" : " were") + " given");
        }
        Value[] values = new Value[params.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = ValueText.parse(params.get(i), texts.get(i));
            } catch (IllegalArgumentException e) {
                throw new InvokeArgumentException("'" + export + "' parameter " + i + " (" + params.get(i) + "): "
                        + e.getMessage());
            }
        }
        return values;
    }
}
