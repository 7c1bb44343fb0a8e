package org.wasmvm.core.model;

/**
 * The code of one defined function: its declared locals (parameters excluded) and the raw
 * instruction bytes, which the validator checks and the interpreter lowers.
 *
 * @param locals the declared local types, one entry per local (already expanded)
 * @param code the module's bytes
 * @param offset where the instructions start in {@code code} (after the local declarations)
 * @param length the length of the instructions in bytes, including the final {@code end}
 */
public record FunctionBody(ValType[] locals, byte[] code, int offset, int length) {
}
