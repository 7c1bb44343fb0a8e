/**
 * The public API of wasmvm: load a module ({@link org.wasmvm.core.Wasm}), instantiate it in a
 * {@link org.wasmvm.core.Store} with host functions, memories, tables and globals as imports,
 * call its exports ({@link org.wasmvm.core.ExportedFunction}), read and write its
 * {@link org.wasmvm.core.Memory}, or run it as a program ({@link org.wasmvm.core.run.ProgramRunner#run}, a layer above).
 * Errors are {@link org.wasmvm.core.WasmException}s: malformed, invalid, link, trap, resource limit.
 */
package org.wasmvm.core;
