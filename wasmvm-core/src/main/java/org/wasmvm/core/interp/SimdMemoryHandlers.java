package org.wasmvm.core.interp;

import static org.wasmvm.core.binary.SimdOpcodes.*;

import org.wasmvm.core.interp.simd.SimdCalls;
import org.wasmvm.core.interp.simd.WideningLanes;
import org.wasmvm.core.runtime.LinearMemory;

/**
 * The SIMD loads and stores (see {@link SimdHandlers} for the two halves of a {@code v128}). The lowered
 * forms: a load {@code d address memory offsetLow offsetHigh}, {@code v128.store address value memory
 * offsetLow offsetHigh}, a lane load {@code d address vector memory offsetLow offsetHigh lane}, a lane store
 * {@code address vector memory offsetLow offsetHigh lane}; the memory immediate and effective address as
 * for the scalar accesses ({@link Interpreter#address}). A 16-byte access checks its upper half first, so
 * a store that does not fit writes nothing. Returns the pc after the instruction.
 */
final class SimdMemoryHandlers {
    private SimdMemoryHandlers() {
    }

    static int execute(int sub, long[] s, long[] h, int fp, int[] c, int pc, LinearMemory[] memories) {
        switch (sub) {
            case V128_LOAD, V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S,
                    V128_LOAD32X2_U, V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT,
                    V128_LOAD32_ZERO, V128_LOAD64_ZERO -> {
                load(sub, s, h, fp + c[pc], Interpreter.memory(memories, c, pc + 2),
                        Interpreter.address(s[fp + c[pc + 1]], c, pc + 2));
                return pc + 5;
            }
            case V128_STORE -> {
                int value = fp + c[pc + 1];
                long lo = s[value], hi = h[value];
                LinearMemory memory = Interpreter.memory(memories, c, pc + 2);
                long address = Interpreter.address(s[fp + c[pc]], c, pc + 2);
                memory.store64(upperHalf(address), hi);
                memory.store64(address, lo);
                return pc + 5;
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                int vector = fp + c[pc + 2];
                long lo = s[vector], hi = h[vector];
                long scalar = loadLane(sub, Interpreter.memory(memories, c, pc + 3),
                        Interpreter.address(s[fp + c[pc + 1]], c, pc + 3));
                SimdHandlers.writeReplaced(sub, s, h, fp + c[pc], lo, hi, c[pc + 6], scalar);
                return pc + 7;
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> {
                int vector = fp + c[pc + 1];
                int lane = c[pc + 5];
                long lane64 = SimdHandlers.extractLane(sub, lane < SimdCalls.lanes(sub) / 2 ? s[vector] : h[vector], lane);
                storeLane(sub, Interpreter.memory(memories, c, pc + 2), Interpreter.address(s[fp + c[pc]], c, pc + 2), lane64);
                return pc + 6;
            }
            default -> throw SimdHandlers.unknown(sub);
        }
    }

    private static void load(int sub, long[] s, long[] h, int d, LinearMemory memory, long address) {
        switch (sub) {
            case V128_LOAD -> {
                long hi = memory.load64(upperHalf(address));
                SimdHandlers.write(s, h, d, memory.load64(address), hi);
            }
            case V128_LOAD32_ZERO -> SimdHandlers.write(s, h, d, memory.load32(address) & 0xFFFF_FFFFL, 0);
            case V128_LOAD64_ZERO -> SimdHandlers.write(s, h, d, memory.load64(address), 0);
            case V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT -> {
                long half = SimdHandlers.splat(sub, loadLane(sub, memory, address));
                SimdHandlers.write(s, h, d, half, half);
            }
            default -> {
                long loaded = memory.load64(address);
                SimdHandlers.write(s, h, d, extend(sub, (int) loaded), extend(sub, (int) (loaded >>> 32)));
            }
        }
    }

    /** One half of an extending load ({@code v128.load8x8_s} …) from 32 of the 64 bits loaded. */
    static long extend(int sub, int bits) {
        return switch (sub) {
            case V128_LOAD8X8_S -> WideningLanes.i16x8ExtendI8x16S(bits);
            case V128_LOAD8X8_U -> WideningLanes.i16x8ExtendI8x16U(bits);
            case V128_LOAD16X4_S -> WideningLanes.i32x4ExtendI16x8S(bits);
            case V128_LOAD16X4_U -> WideningLanes.i32x4ExtendI16x8U(bits);
            case V128_LOAD32X2_S -> WideningLanes.i64x2ExtendI32x4S(bits);
            case V128_LOAD32X2_U -> WideningLanes.i64x2ExtendI32x4U(bits);
            default -> throw SimdHandlers.unknown(sub);
        };
    }

    /** A lane's worth of memory, zero-extended: the width is the instruction's lane width. */
    private static long loadLane(int sub, LinearMemory memory, long address) {
        return switch (sub) {
            case V128_LOAD8_SPLAT, V128_LOAD8_LANE -> memory.load8(address) & 0xFFL;
            case V128_LOAD16_SPLAT, V128_LOAD16_LANE -> memory.load16(address) & 0xFFFFL;
            case V128_LOAD32_SPLAT, V128_LOAD32_LANE -> memory.load32(address) & 0xFFFF_FFFFL;
            default -> memory.load64(address);
        };
    }

    private static void storeLane(int sub, LinearMemory memory, long address, long lane) {
        switch (sub) {
            case V128_STORE8_LANE -> memory.store8(address, (byte) lane);
            case V128_STORE16_LANE -> memory.store16(address, (short) lane);
            case V128_STORE32_LANE -> memory.store32(address, (int) lane);
            default -> memory.store64(address, lane);
        }
    }

    /**
     * The address of the upper 8 bytes of a 16-byte access at {@code address}: out of bounds (negative)
     * when the access is, even when {@code address} itself is the -1 of an address past 2^63.
     */
    private static long upperHalf(long address) {
        return address < 0 ? -1 : address + 8;
    }
}
