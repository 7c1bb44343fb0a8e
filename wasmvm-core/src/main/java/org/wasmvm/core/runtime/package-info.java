/**
 * Internal: the runtime structures (memories, tables, globals, function instances, the store,
 * linking and instantiation). Not part of the public API; use {@link org.wasmvm.core}.
 */
package org.wasmvm.core.runtime;
