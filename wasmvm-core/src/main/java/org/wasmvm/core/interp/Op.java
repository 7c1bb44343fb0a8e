package org.wasmvm.core.interp;

/**
 * Opcodes of the lowered code. Plain wasm instructions keep their wasm byte (numeric ops have no
 * immediates); control flow uses resolved forms; the 0xFC family is moved to 0xE0 + subopcode so
 * that every opcode is below 0x100 and the interpreter's switch compiles to a dense table.
 *
 * <p>Immediates, in order, follow each opcode in the {@code int[]} code:
 * <ul>
 * <li>{@code BR target}, {@code BR_IF target}, {@code BR_LOOP target}, {@code BR_IF_LOOP target},
 *     {@code IF elseTarget} (pops the condition)
 * <li>{@code BR_UNWIND / BR_IF_UNWIND target height arity}: move the top {@code arity} slots down
 *     to frame slot {@code height} before jumping
 * <li>{@code BR_TABLE count (target height arity) × (count + 1)}, the last entry being the default
 * <li>{@code CALL function}, {@code CALL_INDIRECT typeIndex table}
 * <li>memory access {@code memory offsetLow offsetHigh}; bit 31 of {@code memory} marks a 64-bit memory
 * <li>{@code I64_CONST / F64_CONST low high}; {@code I32_CONST / F32_CONST bits}
 * <li>table ops and {@code CALL_INDIRECT} mark a 64-bit table with bit 31 of the table index
 * </ul>
 */
final class Op {
    private Op() {
    }

    /** Marks a 64-bit memory or table in an index immediate. */
    static final int INDEX_64 = 0x8000_0000;

    /** Branches back to a loop header: like BR / BR_IF, but they also count down the fuel slice. */
    static final int BR_LOOP = 0x08;
    static final int BR_IF_LOOP = 0x09;
    static final int BR_UNWIND = 0x06;
    static final int BR_IF_UNWIND = 0x07;
    /** Offset of the 0xFC-prefixed family: lowered opcode = FC_BASE + subopcode. */
    static final int FC_BASE = 0xE0;
}
