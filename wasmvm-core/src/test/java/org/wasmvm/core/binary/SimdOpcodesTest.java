package org.wasmvm.core.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.SimdTable;
import org.wasmvm.core.binary.SimdOpcodes.Immediate;

/** {@link SimdOpcodes} against wabt's account of the instruction set ({@link SimdTable}). */
class SimdOpcodesTest {
    @Test
    void theConstantsAreWabtsNamesAndNumbers() throws IllegalAccessException {
        Map<String, Integer> expected = new TreeMap<>();
        SimdTable.rows().forEach(row -> expected.put(row.constantName(), row.sub()));
        Map<String, Integer> actual = new TreeMap<>();
        for (Field field : SimdOpcodes.class.getFields()) {
            if (field.getType() == int.class && Modifier.isStatic(field.getModifiers())) {
                actual.put(field.getName(), field.getInt(null));
            }
        }
        assertThat(actual).isEqualTo(expected);
        // the spec's counts: 236 fixed-width instructions of 2.0, 20 relaxed ones of 3.0
        assertThat(expected.values().stream().filter(sub -> sub < 0x100)).hasSize(236);
        assertThat(expected.values().stream().filter(sub -> sub >= 0x100)).hasSize(20);
    }

    @Test
    void exactlyTheTablesCodesAreDefinedAndTheRelaxedOnesAreRelaxed() {
        Set<Integer> defined = SimdTable.rows().stream().map(SimdTable.Row::sub).collect(Collectors.toSet());
        Set<Integer> relaxed = SimdTable.rows().stream().filter(row -> row.mnemonic().contains(".relaxed_"))
                .map(SimdTable.Row::sub).collect(Collectors.toSet());
        int[] codes = IntStream.concat(IntStream.rangeClosed(0, 0x400),
                Arrays.stream(new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE})).toArray();
        for (int sub : codes) {
            assertThat(SimdOpcodes.isDefined(sub)).as("isDefined(0x%x)", sub).isEqualTo(defined.contains(sub));
            assertThat(SimdOpcodes.isRelaxed(sub)).as("isRelaxed(0x%x)", sub).isEqualTo(relaxed.contains(sub));
        }
    }

    @Test
    void theImmediatesFollowFromWhatTheInstructionDoes() {
        for (SimdTable.Row row : SimdTable.rows()) {
            Immediate expected = row.memoryBytes() > 0 ? (row.hasLaneIndex() ? Immediate.MEMARG_LANE : Immediate.MEMARG)
                    : row.hasLaneIndex() ? Immediate.LANE
                    : row.hasSixteenBytes() ? Immediate.BYTES16
                    : Immediate.NONE;
            assertThat(SimdOpcodes.immediate(row.sub())).as(row.mnemonic()).isEqualTo(expected);
        }
    }
}
