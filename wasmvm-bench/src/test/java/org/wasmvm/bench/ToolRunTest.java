package org.wasmvm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real-tool table's statistics. */
class ToolRunTest {
    /**
     * Three rounds in which the machine's speed changed: wasmvm took twice node's time in the two rounds
     * where both ran at the same speed and six times in the one where wasmvm met a slow minute. The
     * ratio is the rounds' median, 2.0; the medians' ratio would pair node's fast round with wasmvm's
     * slow one (6.0).
     */
    @Test
    void theRatioIsTheMedianOfTheRoundsRatios() {
        Map<String, List<Double>> row = new LinkedHashMap<>();
        for (ToolRun.Column column : ToolRun.COLUMNS) {
            row.put(column.name(), column.name().equals("node") ? List.of(1.0, 1.0, 3.0) : List.of(2.0, 6.0, 6.0));
        }
        String table = ToolRun.table(Map.of("a tool", row));
        String line = table.lines().filter(l -> l.startsWith("| a tool |")).findFirst().orElseThrow();
        assertThat(line).startsWith("| a tool | 1.00 | 6.00 |").endsWith(" 2.0× |").doesNotContain("6.0×");
    }
}
