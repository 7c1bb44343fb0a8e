package org.wasmvm.core.interp;

import org.wasmvm.core.TrapKind;
import org.wasmvm.core.runtime.FunctionInstance;
import org.wasmvm.core.runtime.LinearMemory;
import org.wasmvm.core.runtime.ModuleInstance;
import org.wasmvm.core.runtime.TableInstance;
import org.wasmvm.core.runtime.Trap;

/**
 * Bulk memory and table instructions, and the other table instructions. Operands arrive as raw
 * slots; i32 operands of 32-bit memories and tables are unsigned, so they are zero-extended here.
 */
public final class BulkOps {
    private BulkOps() {
    }

    private static long unsigned(long slot, boolean is64) {
        return is64 ? slot : slot & 0xFFFFFFFFL;
    }

    public static void memoryInit(ModuleInstance instance, int data, int memory, long dst, long src, long length) {
        LinearMemory mem = instance.memories[memory];
        mem.init(unsigned(dst, mem.type().is64()), instance.datas[data], src & 0xFFFFFFFFL, length & 0xFFFFFFFFL);
    }

    public static void memoryCopy(ModuleInstance instance, int dstMemory, int srcMemory, long dst, long src, long length) {
        LinearMemory to = instance.memories[dstMemory];
        LinearMemory from = instance.memories[srcMemory];
        boolean bothWide = to.type().is64() && from.type().is64();
        to.copy(unsigned(dst, to.type().is64()), from, unsigned(src, from.type().is64()), unsigned(length, bothWide));
    }

    public static void memoryFill(ModuleInstance instance, int memory, long dst, long value, long length) {
        LinearMemory mem = instance.memories[memory];
        boolean is64 = mem.type().is64();
        mem.fill(unsigned(dst, is64), (byte) value, unsigned(length, is64));
    }

    public static long memoryGrow(LinearMemory mem, long delta) {
        boolean is64 = mem.type().is64();
        long old = mem.grow(unsigned(delta, is64));
        return is64 ? old : (int) old;
    }

    private static boolean wide(TableInstance table) {
        return table.type().limits().is64();
    }

    public static Object tableGet(TableInstance table, long index) {
        return table.elementAt(unsigned(index, wide(table)));
    }

    public static void tableSet(TableInstance table, long index, Object ref) {
        table.setElement(unsigned(index, wide(table)), ref);
    }

    public static void tableInit(ModuleInstance instance, int element, int table, long dst, long src, long length) {
        TableInstance tab = instance.tables[table];
        tab.init(unsigned(dst, wide(tab)), instance.elements[element], src & 0xFFFFFFFFL, length & 0xFFFFFFFFL);
    }

    public static void tableCopy(ModuleInstance instance, int dstTable, int srcTable, long dst, long src, long length) {
        TableInstance to = instance.tables[dstTable];
        TableInstance from = instance.tables[srcTable];
        to.copy(unsigned(dst, wide(to)), from, unsigned(src, wide(from)), unsigned(length, wide(to) && wide(from)));
    }

    public static long tableGrow(TableInstance table, Object init, long delta) {
        long old = table.growBy(unsigned(delta, wide(table)), init);
        return wide(table) ? old : (int) old;
    }

    /** table.size: an i32 for a 32-bit table, an i64 for table64. */
    public static long tableSize(TableInstance table) {
        long size = table.size();
        return wide(table) ? size : (int) size;
    }

    public static void tableFill(TableInstance table, long index, Object ref, long length) {
        boolean is64 = wide(table);
        table.fill(unsigned(index, is64), ref, unsigned(length, is64));
    }

    /** The function call_indirect calls through: traps on an index out of range or a null entry. */
    public static FunctionInstance indirectTarget(TableInstance table, long index) {
        long i = unsigned(index, wide(table));
        if (i < 0 || i >= table.size()) {
            throw new Trap(TrapKind.UNDEFINED_ELEMENT);
        }
        Object function = table.elementAt(i);
        if (function == null) {
            throw new Trap(TrapKind.UNINITIALIZED_ELEMENT);
        }
        return (FunctionInstance) function;
    }
}
