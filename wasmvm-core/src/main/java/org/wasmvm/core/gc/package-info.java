/**
 * GC objects as the engines hold them (DESIGN §5, RATIONALE "GC objects are JVM objects"): a struct is a
 * {@link org.wasmvm.core.gc.GcStruct} (numeric fields in a {@code long[]}, references in an {@code Object[]}), an
 * array a {@link org.wasmvm.core.gc.GcArray} over the Java array of its storage type, an {@code i31} an
 * {@link org.wasmvm.core.gc.I31}. Each struct and array knows the canonical id of its type, which casts compare.
 * There is no handle table: the JVM's collector frees what wasm dropped. To a host these are opaque objects of
 * {@code anyref} values.
 */
package org.wasmvm.core.gc;
