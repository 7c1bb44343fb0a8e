/**
 * Internal: the Wasm 3.0 type system shared by the validator and the runtime. Defined types are
 * canonicalized process-wide by recursion group (iso-recursive equivalence), so that equal types of
 * different modules get the same id and a subtype check is a constant-time lookup.
 */
package org.wasmvm.core.types;
