package org.wasmvm.core.validate;

import static org.wasmvm.core.validate.Types.F32;
import static org.wasmvm.core.validate.Types.F64;
import static org.wasmvm.core.validate.Types.I32;
import static org.wasmvm.core.validate.Types.I64;
import static org.wasmvm.core.validate.Types.NONE;

/**
 * Static signatures of the instruction families that need no context: numeric operators
 * (params and result packed in one int) and memory accesses (value type and natural alignment).
 */
final class OperatorTables {
    private OperatorTables() {
    }

    /**
     * Numeric operators 0x45..0xC4 by opcode, and the saturating truncations 0xFC00..0xFC07 at
     * index {@code 0x100 + sub}: {@code param1 | param2 << 4 | result << 8}, param2 = NONE for unary
     * operators; 0 = not a numeric operator.
     */
    static final int[] NUMERIC = new int[0x108];

    /** Loads and stores 0x28..0x3E, by {@code opcode - 0x28}: value type. */
    static final int[] MEM_TYPE = new int[0x3E - 0x28 + 1];
    /** Loads and stores 0x28..0x3E, by {@code opcode - 0x28}: log2 of the natural alignment. */
    static final int[] MEM_ALIGN = new int[0x3E - 0x28 + 1];

    private static void range(int from, int to, int p1, int p2, int result) {
        for (int op = from; op <= to; op++) {
            NUMERIC[op] = p1 | p2 << 4 | result << 8;
        }
    }

    private static void unary(int from, int to, int param, int result) {
        range(from, to, param, NONE, result);
    }

    private static void binary(int from, int to, int type, int result) {
        range(from, to, type, type, result);
    }

    private static void mem(int op, int type, int alignLog2) {
        MEM_TYPE[op - 0x28] = type;
        MEM_ALIGN[op - 0x28] = alignLog2;
    }

    static {
        unary(0x45, 0x45, I32, I32);     // i32.eqz
        binary(0x46, 0x4F, I32, I32);    // i32 comparisons
        unary(0x50, 0x50, I64, I32);     // i64.eqz
        binary(0x51, 0x5A, I64, I32);    // i64 comparisons
        binary(0x5B, 0x60, F32, I32);    // f32 comparisons
        binary(0x61, 0x66, F64, I32);    // f64 comparisons
        unary(0x67, 0x69, I32, I32);     // clz ctz popcnt
        binary(0x6A, 0x78, I32, I32);    // i32 arithmetic
        unary(0x79, 0x7B, I64, I64);
        binary(0x7C, 0x8A, I64, I64);
        unary(0x8B, 0x91, F32, F32);
        binary(0x92, 0x98, F32, F32);
        unary(0x99, 0x9F, F64, F64);
        binary(0xA0, 0xA6, F64, F64);
        unary(0xA7, 0xA7, I64, I32);     // i32.wrap_i64
        unary(0xA8, 0xA9, F32, I32);
        unary(0xAA, 0xAB, F64, I32);
        unary(0xAC, 0xAD, I32, I64);
        unary(0xAE, 0xAF, F32, I64);
        unary(0xB0, 0xB1, F64, I64);
        unary(0xB2, 0xB3, I32, F32);
        unary(0xB4, 0xB5, I64, F32);
        unary(0xB6, 0xB6, F64, F32);
        unary(0xB7, 0xB8, I32, F64);
        unary(0xB9, 0xBA, I64, F64);
        unary(0xBB, 0xBB, F32, F64);
        unary(0xBC, 0xBC, F32, I32);     // reinterpretations
        unary(0xBD, 0xBD, F64, I64);
        unary(0xBE, 0xBE, I32, F32);
        unary(0xBF, 0xBF, I64, F64);
        unary(0xC0, 0xC1, I32, I32);     // sign extension
        unary(0xC2, 0xC4, I64, I64);
        unary(0x100, 0x101, F32, I32);   // trunc_sat
        unary(0x102, 0x103, F64, I32);
        unary(0x104, 0x105, F32, I64);
        unary(0x106, 0x107, F64, I64);

        mem(0x28, I32, 2);
        mem(0x29, I64, 3);
        mem(0x2A, F32, 2);
        mem(0x2B, F64, 3);
        mem(0x2C, I32, 0);
        mem(0x2D, I32, 0);
        mem(0x2E, I32, 1);
        mem(0x2F, I32, 1);
        mem(0x30, I64, 0);
        mem(0x31, I64, 0);
        mem(0x32, I64, 1);
        mem(0x33, I64, 1);
        mem(0x34, I64, 2);
        mem(0x35, I64, 2);
        mem(0x36, I32, 2);
        mem(0x37, I64, 3);
        mem(0x38, F32, 2);
        mem(0x39, F64, 3);
        mem(0x3A, I32, 0);
        mem(0x3B, I32, 1);
        mem(0x3C, I64, 0);
        mem(0x3D, I64, 1);
        mem(0x3E, I64, 2);
    }
}
