/**
 * Internal: WASI preview1 ({@code wasi_snapshot_preview1}, {@link org.wasmvm.core.wasi.WasiModule})
 * for wasm32 tools. Paths resolve beneath each directory fd with the shared sandbox resolver
 * ({@code org.wasmvm.core.sandbox.SandboxPaths}), and host failures are translated from its Linux
 * errnos to WASI's ({@link org.wasmvm.core.wasi.WasiErrno}). This package knows nothing of sysenv,
 * and a run links it through {@code org.wasmvm.core.run}.
 */
package org.wasmvm.core.wasi;
