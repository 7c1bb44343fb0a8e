package org.wasmvm.compiled;

import org.wasmvm.core.interp.BulkOps;
import org.wasmvm.core.runtime.LinearMemory;
import org.wasmvm.core.runtime.ModuleInstance;

/**
 * The rarer instructions of compiled code: memory size and growth, bulk memory, tables and
 * references. Operands come widened to {@code long} in wasm stack order, then the instance and the
 * immediates; the semantics are the interpreter's own ({@link BulkOps}).
 */
public final class RuntimeCalls {
    private RuntimeCalls() {
    }

    public static long memorySize(LinearMemory memory) {
        return memory.pages();
    }

    public static long memoryGrow(long delta, LinearMemory memory) {
        return BulkOps.memoryGrow(memory, delta);
    }

    public static void memoryFill(long dst, long value, long length, ModuleInstance instance, int memory) {
        BulkOps.memoryFill(instance, memory, dst, value, length);
    }

    public static void memoryCopy(long dst, long src, long length, ModuleInstance instance, int dstMemory, int srcMemory) {
        BulkOps.memoryCopy(instance, dstMemory, srcMemory, dst, src, length);
    }

    public static void memoryInit(long dst, long src, long length, ModuleInstance instance, int data, int memory) {
        BulkOps.memoryInit(instance, data, memory, dst, src, length);
    }

    public static void dataDrop(ModuleInstance instance, int data) {
        instance.datas[data] = new byte[0];
    }

    public static long tableSize(ModuleInstance instance, int table) {
        return BulkOps.tableSize(instance.tables[table]);
    }

    public static void tableCopy(long dst, long src, long length, ModuleInstance instance, int dstTable, int srcTable) {
        BulkOps.tableCopy(instance, dstTable, srcTable, dst, src, length);
    }

    public static void tableInit(long dst, long src, long length, ModuleInstance instance, int element, int table) {
        BulkOps.tableInit(instance, element, table, dst, src, length);
    }

    public static Object tableGet(long index, ModuleInstance instance, int table) {
        return BulkOps.tableGet(instance.tables[table], index);
    }

    public static void tableSet(long index, Object ref, ModuleInstance instance, int table) {
        BulkOps.tableSet(instance.tables[table], index, ref);
    }

    public static long tableGrow(Object init, long delta, ModuleInstance instance, int table) {
        return BulkOps.tableGrow(instance.tables[table], init, delta);
    }

    public static void tableFill(long index, Object ref, long length, ModuleInstance instance, int table) {
        BulkOps.tableFill(instance.tables[table], index, ref, length);
    }

    public static void elemDrop(ModuleInstance instance, int element) {
        instance.elements[element] = ModuleInstance.DROPPED_ELEMENTS;
    }
}
