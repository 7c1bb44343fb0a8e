/**
 * Internal: reading the binary format (LEB128 reader, section decoders) into the
 * {@link org.wasmvm.core.model} records. Not part of the public API; use {@link org.wasmvm.core.Wasm}.
 */
package org.wasmvm.core.binary;
