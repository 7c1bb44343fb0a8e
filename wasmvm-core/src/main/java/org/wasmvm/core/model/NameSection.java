package org.wasmvm.core.model;

import java.util.Map;

/**
 * The decoded {@code name} custom section, used for stack traces.
 *
 * @param moduleName the module's name, or {@code null}
 * @param functionNames names by function index
 */
public record NameSection(String moduleName, Map<Integer, String> functionNames) {
    public static final NameSection EMPTY = new NameSection(null, Map.of());

    public NameSection {
        functionNames = Map.copyOf(functionNames);
    }
}
