package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wasmvm.core.model.GlobalType;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.MemoryType;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.ValType;

/**
 * A memory, table or global is one object however the API reaches it: the host's own, an export, a
 * re-export through another instance, by name or by index. The public objects are views of the
 * runtime's ({@code RuntimeView}), so equality is the identity of what they view; writes through one
 * view are seen through every other, which the tests check too (equality alone could be wrong).
 */
class ExportIdentityTest {
    /** Imports memory "m" "mem", table "m" "tab" (funcref) and global "m" "g" (mut i32), and exports them. */
    private static final Module REEXPORTER = Wasm.load(ModuleBinary.of(
            section(2, 3,
                    1, 'm', 3, 'm', 'e', 'm', 2, 0, 1,
                    1, 'm', 3, 't', 'a', 'b', 1, 0x70, 0, 1,
                    1, 'm', 1, 'g', 3, 0x7F, 1),
            section(7, 3, 3, 'm', 'e', 'm', 2, 0, 3, 't', 'a', 'b', 1, 0, 1, 'g', 3, 0)));
    /** Defines a memory of one page and exports it as "mem". */
    private static final Module MEMORY_OWNER = Wasm.load(ModuleBinary.of(
            section(5, 1, 0, 1),
            section(7, 1, 3, 'm', 'e', 'm', 2, 0)));


    private static byte[] section(int id, int... content) {
        byte[] bytes = new byte[content.length + 2];
        bytes[0] = (byte) id;
        bytes[1] = (byte) content.length; // every section here is shorter than 128 bytes
        for (int i = 0; i < content.length; i++) {
            bytes[i + 2] = (byte) content[i];
        }
        return bytes;
    }

    @Test
    void aHostMemoryTableAndGlobalComeBackAsThemselves() {
        Memory memory = Memory.create(1, 2);
        Table table = Table.create(new TableType(ValType.FUNCREF, new Limits(1, Limits.NO_MAX, false)));
        Global global = Global.create(new GlobalType(ValType.I32, true), Value.i32(7));
        Instance instance = new Store().define("m", "mem", memory).define("m", "tab", table).define("m", "g", global)
                .instantiate(REEXPORTER);

        assertThat(instance.memory("mem")).isEqualTo(memory).hasSameHashCodeAs(memory);
        assertThat(instance.table("tab")).isEqualTo(table).hasSameHashCodeAs(table);
        assertThat(instance.global("g")).isEqualTo(global).hasSameHashCodeAs(global);

        memory.writeInt(8, 0x1234_5678);
        assertThat(instance.memory("mem").readInt(8)).isEqualTo(0x1234_5678);
        instance.global("g").set(Value.i32(42));
        assertThat(global.get()).isEqualTo(Value.i32(42));
        instance.memory("mem").grow(1);
        assertThat(memory.pages()).isEqualTo(2);
    }

    @Test
    void aMemoryByNameIsTheMemoryByIndex() {
        Instance instance = new Store().instantiate(MEMORY_OWNER);
        assertThat(instance.memory("mem")).isEqualTo(instance.memory(0)).hasSameHashCodeAs(instance.memory(0));
        instance.memory(0).writeLong(16, -1L);
        assertThat(instance.memory("mem").readLong(16)).isEqualTo(-1L);
    }

    @Test
    void aReexportIsTheExportersOwnAndInstancesDoNotShare() {
        Store store = new Store();
        Instance owner = store.instantiate(MEMORY_OWNER);
        Table table = Table.create(new TableType(ValType.FUNCREF, new Limits(1, Limits.NO_MAX, false)));
        Global global = Global.create(new GlobalType(ValType.I32, true), Value.i32(0));
        Instance reexporter = store.register("m", owner).define("m", "tab", table).define("m", "g", global)
                .instantiate(REEXPORTER);

        assertThat(reexporter.memory("mem")).isEqualTo(owner.memory("mem"));
        reexporter.memory("mem").writeByte(3, (byte) 9);
        assertThat(owner.memory("mem").readByte(3)).isEqualTo((byte) 9);

        Instance other = store.instantiate(MEMORY_OWNER);
        assertThat(other.memory("mem")).isNotEqualTo(owner.memory("mem"));
        assertThat(other.memory("mem").readByte(3)).isZero();
    }
}
