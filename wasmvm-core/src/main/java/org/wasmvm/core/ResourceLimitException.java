package org.wasmvm.core;

/** A module asked for more than the configured {@link RuntimeLimits} allow. */
public class ResourceLimitException extends WasmException {
    public ResourceLimitException(String message) {
        super(message);
    }
}
