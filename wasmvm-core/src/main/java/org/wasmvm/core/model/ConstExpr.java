package org.wasmvm.core.model;

/**
 * A constant expression (global initializer, segment offset or element), kept as its raw bytes
 * up to and including the final {@code end}; the validator checks it and instantiation evaluates it.
 *
 * @param code the module's bytes
 * @param offset where the expression starts in {@code code}
 * @param length its length in bytes, including the {@code end} opcode
 */
public record ConstExpr(byte[] code, int offset, int length) {
}
