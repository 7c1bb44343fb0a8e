package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.runtime.MemoryTesting.assertTrap;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Table;
import org.wasmvm.core.TrapKind;
import org.wasmvm.core.WasmTrap;
import org.wasmvm.core.model.Limits;
import org.wasmvm.core.model.TableType;
import org.wasmvm.core.model.ValType;

class TableInstanceTest {
    private static final Object NULL = null;

    /** An externref table: it holds any host object (here boxed numbers). */
    private static TableType tableType(long min, long max, boolean is64) {
        return new TableType(ValType.EXTERNREF, new Limits(min, max, is64));
    }

    private static void assertTableTrap(ThrowingCallable call) {
        assertTrap(TrapKind.TABLE_OUT_OF_BOUNDS, call);
    }

    @Test
    void startsAtTheMinimumFilledWithTheInitialReference() {
        TableInstance table = new TableInstance(tableType(3, 5, false), 7, Long.MAX_VALUE);
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.maxElements()).isEqualTo(5);
        assertThat(table.elementAt(0)).isEqualTo(7);
        assertThat(table.elementAt(2)).isEqualTo(7);
        assertThat(Table.create(tableType(2, Limits.NO_MAX, false)).get(1)).isEqualTo(NULL);
    }

    @Test
    void limits() {
        assertThat(new TableInstance(tableType(0, Limits.NO_MAX, false), NULL, Long.MAX_VALUE).maxElements())
                .isEqualTo(TableInstance.MAX_ELEMENTS);
        assertThat(new TableInstance(tableType(0, Limits.NO_MAX, true), NULL, 10).maxElements()).isEqualTo(10);
        assertThatThrownBy(() -> new TableInstance(tableType(11, 20, false), NULL, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table minimum of 11 elements exceeds the limit of 10 elements");
        assertThatThrownBy(() -> new TableInstance(tableType(-1, Limits.NO_MAX, true), NULL, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table minimum of 18446744073709551615 elements");
    }

    @Test
    void getAndSetCheckUnsignedIndices() {
        TableInstance table = new TableInstance(tableType(2, 2, true), NULL, Long.MAX_VALUE);
        table.setElement(1, 42);
        assertThat(table.elementAt(1)).isEqualTo(42);
        for (long bad : new long[] {2, -1, Long.MIN_VALUE, 1L << 32}) {
            assertTableTrap(() -> table.elementAt(bad));
            assertTableTrap(() -> table.setElement(bad, 1));
            assertPublicTrap(() -> table.get(bad));
            assertPublicTrap(() -> table.set(bad, 1));
        }
        table.set(0, 5);
        assertThat(table.get(0)).isEqualTo(5);
    }

    @Test
    void aFuncrefTableTakesOnlyFunctionsFromTheHost() {
        Table table = Table.create(new TableType(ValType.FUNCREF, new Limits(1, 2, false)));
        assertThatThrownBy(() -> table.set(0, "not a function")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.grow(1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(table.size()).isEqualTo(1);
        table.set(0, null);
    }

    private static void assertPublicTrap(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WasmTrap.class,
                trap -> assertThat(trap.kind()).isEqualTo(TrapKind.TABLE_OUT_OF_BOUNDS));
    }

    @Test
    void grow() {
        TableInstance table = new TableInstance(tableType(1, 4, false), NULL, Long.MAX_VALUE);
        assertThat(table.grow(0, 9)).isEqualTo(1);
        assertThat(table.grow(2, 9)).isEqualTo(1);
        assertThat(table.elementAt(0)).isEqualTo(NULL);
        assertThat(table.elementAt(2)).isEqualTo(9);
        assertThat(table.grow(2, 9)).isEqualTo(-1);
        assertThat(table.grow(-1, 9)).isEqualTo(-1);
        assertThat(table.grow(1, 8)).isEqualTo(3);
        assertThat(table.size()).isEqualTo(4);
        assertThat(table.elementAt(3)).isEqualTo(8);
        TableInstance limited = new TableInstance(tableType(0, Limits.NO_MAX, true), NULL, 3);
        assertThat(limited.grow(4, 0)).isEqualTo(-1);
        assertThat(limited.grow(3, 0)).isZero();
    }

    @Test
    void fillChecksBeforeWriting() {
        TableInstance table = new TableInstance(tableType(4, 4, false), NULL, Long.MAX_VALUE);
        table.fill(1, 6, 3);
        assertThat(elements(table)).containsExactly(NULL, 6, 6, 6);
        table.fill(4, 1, 0);
        assertTableTrap(() -> table.fill(2, 1, 3));
        assertTableTrap(() -> table.fill(5, 1, 0));
        assertTableTrap(() -> table.fill(-1, 1, 1));
        assertThat(elements(table)).containsExactly(NULL, 6, 6, 6);
    }

    @Test
    void copyIsMemmoveAndChecksBeforeWriting() {
        TableInstance table = new TableInstance(tableType(5, 5, false), NULL, Long.MAX_VALUE);
        table.init(0, new Object[] {1, 2, 3, 4, 5}, 0, 5);
        table.copy(1, table, 0, 3);
        assertThat(elements(table)).containsExactly(1, 1, 2, 3, 5);
        table.copy(0, table, 2, 3);
        assertThat(elements(table)).containsExactly(2, 3, 5, 3, 5);
        TableInstance other = new TableInstance(tableType(2, 2, false), 0, Long.MAX_VALUE);
        other.copy(0, table, 3, 2);
        assertThat(elements(other)).containsExactly(3, 5);
        table.copy(5, other, 2, 0);
        assertTableTrap(() -> table.copy(4, other, 0, 2));
        assertTableTrap(() -> other.copy(0, table, 4, 2));
        assertTableTrap(() -> table.copy(0, other, 3, 0));
        assertThat(elements(table)).containsExactly(2, 3, 5, 3, 5);
    }

    @Test
    void initChecksBeforeWriting() {
        TableInstance table = new TableInstance(tableType(3, 3, false), NULL, Long.MAX_VALUE);
        Object[] refs = {10, 11, 12};
        table.init(1, refs, 1, 2);
        assertThat(elements(table)).containsExactly(NULL, 11, 12);
        table.init(3, refs, 3, 0);
        assertTableTrap(() -> table.init(0, refs, 2, 2));
        assertTableTrap(() -> table.init(2, refs, 0, 2));
        assertTableTrap(() -> table.init(0, refs, 4, 0));
        assertThat(elements(table)).containsExactly(NULL, 11, 12);
    }

    private static Object[] elements(TableInstance table) {
        Object[] out = new Object[(int) table.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = table.elementAt(i);
        }
        return out;
    }
}
