package org.wasmvm.core.runtime;

import java.util.concurrent.ConcurrentHashMap;
import org.wasmvm.core.model.FuncType;

/**
 * Interns function signatures to ints, process-wide (like wasmtime's engine-level type registry),
 * so that call_indirect's signature check is one int comparison even across stores and modules.
 */
public final class TypeIds {
    private static final ConcurrentHashMap<FuncType, Integer> IDS = new ConcurrentHashMap<>();

    private TypeIds() {
    }

    public static int of(FuncType type) {
        Integer id = IDS.get(type);
        return id != null ? id : IDS.computeIfAbsent(type, t -> IDS.size());
    }
}
