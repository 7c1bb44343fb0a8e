package org.wasmvm.compiled;

import org.wasmvm.core.runtime.Atomics;
import org.wasmvm.core.runtime.LinearMemory;
import org.wasmvm.core.tier.CompiledSupport;

/**
 * The memory instructions of compiled code, one static method each, with the operands in wasm stack
 * order and then the immediates, so that the generated code only pushes the offset and the memory
 * and calls: a few bytes per access (large functions stay under the JIT's size limit), and C2
 * inlines them into plain array accesses. A 32-bit address is zero-extended (the sum cannot
 * overflow); a 64-bit one is checked as the interpreter does ({@link CompiledSupport#address64}).
 */
public final class MemoryAccess {
    private MemoryAccess() {
    }

    private static long at(int base, long offset) {
        return (base & 0xFFFFFFFFL) + offset;
    }

    private static long at(long base, long offset) {
        return CompiledSupport.address64(base, offset);
    }

    /** The effective address of an access that does more than one load or store (SIMD, {@link VectorAccess}). */
    public static long address(int base, long offset) {
        return at(base, offset);
    }

    public static long address(long base, long offset) {
        return at(base, offset);
    }

    /** The effective address of an atomic access of {@code width} bytes, which traps first when it is unaligned. */
    public static long atomicAddress(int base, long offset, int width) {
        Atomics.checkAlignment(base, offset, width);
        return at(base, offset);
    }

    public static long atomicAddress(long base, long offset, int width) {
        Atomics.checkAlignment(base, offset, width);
        return at(base, offset);
    }

    public static int i32Load(int base, long offset, LinearMemory memory) {
        return memory.load32(at(base, offset));
    }

    public static int i32Load(long base, long offset, LinearMemory memory) {
        return memory.load32(at(base, offset));
    }

    public static long i64Load(int base, long offset, LinearMemory memory) {
        return memory.load64(at(base, offset));
    }

    public static long i64Load(long base, long offset, LinearMemory memory) {
        return memory.load64(at(base, offset));
    }

    public static float f32Load(int base, long offset, LinearMemory memory) {
        return Float.intBitsToFloat(memory.load32(at(base, offset)));
    }

    public static float f32Load(long base, long offset, LinearMemory memory) {
        return Float.intBitsToFloat(memory.load32(at(base, offset)));
    }

    public static double f64Load(int base, long offset, LinearMemory memory) {
        return Double.longBitsToDouble(memory.load64(at(base, offset)));
    }

    public static double f64Load(long base, long offset, LinearMemory memory) {
        return Double.longBitsToDouble(memory.load64(at(base, offset)));
    }

    public static int i32Load8S(int base, long offset, LinearMemory memory) {
        return memory.load8(at(base, offset));
    }

    public static int i32Load8S(long base, long offset, LinearMemory memory) {
        return memory.load8(at(base, offset));
    }

    public static int i32Load8U(int base, long offset, LinearMemory memory) {
        return memory.load8(at(base, offset)) & 0xFF;
    }

    public static int i32Load8U(long base, long offset, LinearMemory memory) {
        return memory.load8(at(base, offset)) & 0xFF;
    }

    public static int i32Load16S(int base, long offset, LinearMemory memory) {
        return memory.load16(at(base, offset));
    }

    public static int i32Load16S(long base, long offset, LinearMemory memory) {
        return memory.load16(at(base, offset));
    }

    public static int i32Load16U(int base, long offset, LinearMemory memory) {
        return memory.load16(at(base, offset)) & 0xFFFF;
    }

    public static int i32Load16U(long base, long offset, LinearMemory memory) {
        return memory.load16(at(base, offset)) & 0xFFFF;
    }

    public static long i64Load8S(int base, long offset, LinearMemory memory) {
        return memory.load8(at(base, offset));
    }

    public static long i64Load8S(long base, long offset, LinearMemory memory) {
        return memory.load8(at(base, offset));
    }

    public static long i64Load8U(int base, long offset, LinearMemory memory) {
        return memory.load8(at(base, offset)) & 0xFFL;
    }

    public static long i64Load8U(long base, long offset, LinearMemory memory) {
        return memory.load8(at(base, offset)) & 0xFFL;
    }

    public static long i64Load16S(int base, long offset, LinearMemory memory) {
        return memory.load16(at(base, offset));
    }

    public static long i64Load16S(long base, long offset, LinearMemory memory) {
        return memory.load16(at(base, offset));
    }

    public static long i64Load16U(int base, long offset, LinearMemory memory) {
        return memory.load16(at(base, offset)) & 0xFFFFL;
    }

    public static long i64Load16U(long base, long offset, LinearMemory memory) {
        return memory.load16(at(base, offset)) & 0xFFFFL;
    }

    public static long i64Load32S(int base, long offset, LinearMemory memory) {
        return memory.load32(at(base, offset));
    }

    public static long i64Load32S(long base, long offset, LinearMemory memory) {
        return memory.load32(at(base, offset));
    }

    public static long i64Load32U(int base, long offset, LinearMemory memory) {
        return memory.load32(at(base, offset)) & 0xFFFFFFFFL;
    }

    public static long i64Load32U(long base, long offset, LinearMemory memory) {
        return memory.load32(at(base, offset)) & 0xFFFFFFFFL;
    }

    public static void i32Store(int base, int value, long offset, LinearMemory memory) {
        memory.store32(at(base, offset), value);
    }

    public static void i32Store(long base, int value, long offset, LinearMemory memory) {
        memory.store32(at(base, offset), value);
    }

    public static void i64Store(int base, long value, long offset, LinearMemory memory) {
        memory.store64(at(base, offset), value);
    }

    public static void i64Store(long base, long value, long offset, LinearMemory memory) {
        memory.store64(at(base, offset), value);
    }

    public static void f32Store(int base, float value, long offset, LinearMemory memory) {
        memory.store32(at(base, offset), Float.floatToRawIntBits(value));
    }

    public static void f32Store(long base, float value, long offset, LinearMemory memory) {
        memory.store32(at(base, offset), Float.floatToRawIntBits(value));
    }

    public static void f64Store(int base, double value, long offset, LinearMemory memory) {
        memory.store64(at(base, offset), Double.doubleToRawLongBits(value));
    }

    public static void f64Store(long base, double value, long offset, LinearMemory memory) {
        memory.store64(at(base, offset), Double.doubleToRawLongBits(value));
    }

    public static void i32Store8(int base, int value, long offset, LinearMemory memory) {
        memory.store8(at(base, offset), (byte) value);
    }

    public static void i32Store8(long base, int value, long offset, LinearMemory memory) {
        memory.store8(at(base, offset), (byte) value);
    }

    public static void i32Store16(int base, int value, long offset, LinearMemory memory) {
        memory.store16(at(base, offset), (short) value);
    }

    public static void i32Store16(long base, int value, long offset, LinearMemory memory) {
        memory.store16(at(base, offset), (short) value);
    }

    public static void i64Store8(int base, long value, long offset, LinearMemory memory) {
        memory.store8(at(base, offset), (byte) value);
    }

    public static void i64Store8(long base, long value, long offset, LinearMemory memory) {
        memory.store8(at(base, offset), (byte) value);
    }

    public static void i64Store16(int base, long value, long offset, LinearMemory memory) {
        memory.store16(at(base, offset), (short) value);
    }

    public static void i64Store16(long base, long value, long offset, LinearMemory memory) {
        memory.store16(at(base, offset), (short) value);
    }

    public static void i64Store32(int base, long value, long offset, LinearMemory memory) {
        memory.store32(at(base, offset), (int) value);
    }

    public static void i64Store32(long base, long value, long offset, LinearMemory memory) {
        memory.store32(at(base, offset), (int) value);
    }
}
