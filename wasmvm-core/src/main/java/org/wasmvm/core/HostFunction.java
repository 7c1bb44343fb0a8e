package org.wasmvm.core;

/**
 * A function written in Java that a module imports. Arguments and results use the raw slot
 * encoding of {@link Value#bits()} (i32 as int, floats as bit patterns), so calls do not box: for
 * numeric signatures only (a signature with references takes a {@link ValueHostFunction}). Throwing a {@link WasmException} (e.g. a {@link WasmTrap}) propagates it
 * unchanged; any other exception becomes a trap of kind {@link TrapKind#HOST_ERROR}.
 */
@FunctionalInterface
public interface HostFunction {
    /**
     * @param caller the instance whose code made the call (for access to its memories)
     * @param args the arguments, one slot per parameter
     * @return the results, one slot per result (an empty array or {@code null} for none)
     */
    long[] call(Instance caller, long[] args);
}
