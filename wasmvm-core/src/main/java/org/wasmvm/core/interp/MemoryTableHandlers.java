package org.wasmvm.core.interp;

import static org.wasmvm.core.binary.Opcodes.MEMORY_GROW;
import static org.wasmvm.core.binary.Opcodes.MEMORY_SIZE;
import static org.wasmvm.core.binary.Opcodes.TABLE_GET;
import static org.wasmvm.core.binary.Opcodes.TABLE_SET;

import org.wasmvm.core.lower.Op;
import org.wasmvm.core.runtime.LinearMemory;
import org.wasmvm.core.runtime.ModuleInstance;

/**
 * The memory and table instructions other than loads and stores, out of the dispatch loop:
 * {@code memory.size/grow}, {@code table.get/set} and the bulk family of 0xFC (init, copy, fill,
 * drop, table grow and size), over {@link BulkOps}. Returns the next pc.
 */
final class MemoryTableHandlers {
    private MemoryTableHandlers() {
    }

    static boolean handles(int op) {
        return switch (op) {
            case MEMORY_SIZE, MEMORY_GROW, TABLE_GET, TABLE_SET -> true;
            default -> false;
        };
    }

    static int execute(int op, long[] s, Object[] refs, int fp, int[] c, int pc, ModuleInstance instance) {
        switch (op) {
            case MEMORY_SIZE -> {
                LinearMemory mem = instance.memories[c[pc + 1]];
                s[fp + c[pc]] = mem.type().is64() ? mem.pages() : (int) mem.pages();
                return pc + 2;
            }
            case MEMORY_GROW -> s[fp + c[pc]] = BulkOps.memoryGrow(instance.memories[c[pc + 2]], s[fp + c[pc + 1]]);
            case TABLE_GET -> refs[fp + c[pc]] = BulkOps.tableGet(instance.tables[c[pc + 2] & ~Op.INDEX_64], s[fp + c[pc + 1]]);
            case TABLE_SET -> BulkOps.tableSet(instance.tables[c[pc + 2] & ~Op.INDEX_64], s[fp + c[pc]], refs[fp + c[pc + 1]]);
            default -> throw new IllegalStateException("unknown lowered opcode 0x" + Integer.toHexString(op));
        }
        return pc + 3;
    }

    /** The bulk instructions: 0xFC sub-opcodes 8 to 17. */
    static int executeBulk(int sub, long[] s, Object[] refs, int fp, int[] c, int pc, ModuleInstance instance) {
        switch (sub) {
            case 8 -> BulkOps.memoryInit(instance, c[pc], c[pc + 1], s[fp + c[pc + 2]], s[fp + c[pc + 3]], s[fp + c[pc + 4]]);
            case 10 -> BulkOps.memoryCopy(instance, c[pc], c[pc + 1], s[fp + c[pc + 2]], s[fp + c[pc + 3]], s[fp + c[pc + 4]]);
            case 11 -> BulkOps.memoryFill(instance, c[pc], s[fp + c[pc + 2]], s[fp + c[pc + 3]], s[fp + c[pc + 4]]);
            case 12 -> BulkOps.tableInit(instance, c[pc], c[pc + 1], s[fp + c[pc + 2]], s[fp + c[pc + 3]], s[fp + c[pc + 4]]);
            case 14 -> BulkOps.tableCopy(instance, c[pc], c[pc + 1], s[fp + c[pc + 2]], s[fp + c[pc + 3]], s[fp + c[pc + 4]]);
            case 17 -> BulkOps.tableFill(instance.tables[c[pc]], s[fp + c[pc + 2]], refs[fp + c[pc + 3]], s[fp + c[pc + 4]]);
            case 9 -> {
                instance.datas[c[pc]] = new byte[0];
                return pc + 1;
            }
            case 13 -> {
                instance.elements[c[pc]] = ModuleInstance.DROPPED_ELEMENTS;
                return pc + 1;
            }
            case 15 -> {
                s[fp + c[pc]] = BulkOps.tableGrow(instance.tables[c[pc + 3]], refs[fp + c[pc + 1]], s[fp + c[pc + 2]]);
                return pc + 4;
            }
            case 16 -> {
                s[fp + c[pc]] = BulkOps.tableSize(instance.tables[c[pc + 1]]);
                return pc + 2;
            }
            default -> throw new IllegalStateException("unknown lowered opcode 0x" + Integer.toHexString(Op.FC_BASE + sub));
        }
        return pc + 5;
    }
}
