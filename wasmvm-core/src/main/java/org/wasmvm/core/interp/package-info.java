/**
 * Internal: lowering of validated function bodies to the interpreter's {@code int[]} code, and the
 * interpreter loop. Not part of the public API.
 */
package org.wasmvm.core.interp;
