/**
 * The immutable module model produced by decoding: types, imports, exports, functions, tables,
 * memories (limits in pages, i64 for memory64), globals, segments and custom sections. Read-only
 * values, exposed by {@link org.wasmvm.core.Module#model()} for tools that inspect modules.
 */
package org.wasmvm.core.model;
