/**
 * Internal: the sysenv host modules {@code sys_fs} ({@link org.wasmvm.core.sysenv.SysFs}, its
 * semantics in {@code fs}) and {@code sys_proc} ({@link org.wasmvm.core.sysenv.SysProc}), the
 * bindings between a guest's memory and the host (ABI: docs/sysenv.md). Paths and errnos come from
 * the shared {@code org.wasmvm.core.sandbox}; this package knows nothing of WASI, and a run links it
 * through {@code org.wasmvm.core.run}.
 */
package org.wasmvm.core.sysenv;
