package org.wasmvm.core.sysenv;

import java.util.List;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Store;
import org.wasmvm.core.model.FuncType;
import org.wasmvm.core.model.ValType;
import org.wasmvm.core.sandbox.Errno;

/**
 * Registers the functions of one host module into a {@link Store}. Each function has at most one
 * result; a {@link GuestFault} thrown by its body becomes {@code -EFAULT}, so no binding needs its
 * own fault handling.
 */
final class HostModule {
    /** The body of a host function: the single result slot (ignored when the type has none). */
    @FunctionalInterface
    interface Body {
        long call(Instance caller, long[] args);
    }

    private static final long[] NO_RESULTS = new long[0];

    private final Store store;
    private final String module;

    HostModule(Store store, String module) {
        this.store = store;
        this.module = module;
    }

    /** A signature with the given parameters and one result, or none when {@code result} is null. */
    static FuncType type(ValType result, ValType... params) {
        return new FuncType(List.of(params), result == null ? List.of() : List.of(result));
    }

    HostModule function(String name, FuncType type, Body body) {
        boolean hasResult = !type.results().isEmpty();
        store.define(module, name, type, (caller, args) -> {
            long result;
            try {
                result = body.call(caller, args);
            } catch (GuestFault fault) {
                result = -Errno.EFAULT;
            }
            return hasResult ? new long[] {result} : NO_RESULTS;
        });
        return this;
    }
}
