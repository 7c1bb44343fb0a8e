package org.wasmvm.core.validate;

import static org.wasmvm.core.validate.Types.I32;
import static org.wasmvm.core.validate.Types.I64;

import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.binary.ByteReader;
import org.wasmvm.core.binary.MemArgFlags;
import org.wasmvm.core.binary.Opcodes;

/**
 * Memory instructions: loads and stores with their memarg (alignment, offset, memory index),
 * {@code memory.size}/{@code grow}, and bulk memory ({@code memory.init}/{@code copy}/{@code fill},
 * {@code data.drop}). An address is an {@code i64} in a 64-bit memory, else an {@code i32}.
 */
final class MemoryRules {
    private final BodyReader in;
    private final TypeStack stack;
    private final ValidationContext ctx;
    private final boolean memory64;
    private final boolean multiMemory;

    MemoryRules(BodyReader in, TypeStack stack) {
        this.in = in;
        this.stack = stack;
        this.ctx = in.ctx;
        this.memory64 = ctx.features.memory64();
        this.multiMemory = ctx.features.multiMemory();
    }

    /** The loads and stores 0x28..0x3E, typed by {@link OperatorTables#MEM_TYPE}. */
    void access(int op) {
        int i = op - Opcodes.I32_LOAD;
        int type = OperatorTables.MEM_TYPE[i];
        int addr = readMemarg(OperatorTables.MEM_ALIGN[i]);
        if (op <= Opcodes.I64_LOAD32_U) {
            stack.pop(addr);
            stack.push(type);
        } else {
            stack.pop(type);
            stack.pop(addr);
        }
    }

    void size() {
        stack.push(ctx.memoryIndexTypes[readMemoryIndex()]);
    }

    void grow() {
        stack.replace(ctx.memoryIndexTypes[readMemoryIndex()]);
    }

    void init() {
        int data = in.r.u32();
        int mem = readMemoryIndex();
        in.checkData(data);
        stack.pop(I32);
        stack.pop(I32);
        stack.pop(ctx.memoryIndexTypes[mem]);
    }

    void dataDrop() {
        in.checkData(in.r.u32());
    }

    /** The length is an {@code i64} only when both memories are 64-bit. */
    void copy() {
        int dst = readMemoryIndex();
        int src = readMemoryIndex();
        int dt = ctx.memoryIndexTypes[dst];
        int st = ctx.memoryIndexTypes[src];
        stack.pop(dt == I64 && st == I64 ? I64 : I32);
        stack.pop(st);
        stack.pop(dt);
    }

    void fill() {
        int t = ctx.memoryIndexTypes[readMemoryIndex()];
        stack.pop(t);
        stack.pop(I32);
        stack.pop(t);
    }

    /**
     * A load's or store's memarg (also a SIMD access's), whose alignment may be at most {@code naturalAlign}
     * (log2 of the access size); returns the address type of its memory.
     */
    int readMemarg(int naturalAlign) {
        return readMemarg(naturalAlign, false);
    }

    /** An atomic access's memarg (threads): its alignment must equal {@code naturalAlign}. */
    int readAtomicMemarg(int naturalAlign) {
        return readMemarg(naturalAlign, true);
    }

    private int readMemarg(int naturalAlign, boolean atomic) {
        ByteReader r = in.r;
        int start = r.position();
        int flags = r.u32();
        MemArgFlags.check(flags, multiMemory, start);
        int mem = MemArgFlags.hasMemoryIndex(flags) ? r.u32() : 0;
        long offset = memory64 ? r.u64() : r.u32() & 0xFFFFFFFFL;
        checkMemory(mem);
        if (atomic && MemArgFlags.alignment(flags) != naturalAlign) {
            throw in.invalid("atomic alignment must be natural");
        }
        if (MemArgFlags.alignment(flags) > naturalAlign) {
            throw in.invalid("alignment must not be larger than natural");
        }
        if (ctx.memoryIndexTypes[mem] == I32 && Long.compareUnsigned(offset, 0xFFFFFFFFL) > 0) {
            throw in.invalid("offset out of range");
        }
        return ctx.memoryIndexTypes[mem];
    }

    /** The memory index of memory.size/grow/fill/copy/init: a zero byte unless multi-memory is enabled. */
    private int readMemoryIndex() {
        ByteReader r = in.r;
        int m;
        if (multiMemory) {
            m = r.u32();
        } else {
            int start = r.position();
            m = r.u8();
            if (m != 0) {
                throw new MalformedModuleException(start, "zero byte expected");
            }
        }
        return checkMemory(m);
    }

    private int checkMemory(int m) {
        if (Integer.compareUnsigned(m, ctx.memoryIndexTypes.length) >= 0) {
            throw in.invalid("unknown memory " + Integer.toUnsignedString(m));
        }
        return m;
    }
}
