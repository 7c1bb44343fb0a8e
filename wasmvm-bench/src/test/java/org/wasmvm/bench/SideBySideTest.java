package org.wasmvm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The side-by-side comparison's statistics, and a short real run of it. */
class SideBySideTest {

    @Test
    void quartilesInterpolateBetweenTheSortedValues() {
        double[] q = SideBySide.quartiles(new double[] {4, 1, 3, 2, 5});

        assertThat(q).containsExactly(2.0, 3.0, 4.0);
        assertThat(SideBySide.quartiles(new double[] {1, 2})[1]).isEqualTo(1.5);
    }

    @Test
    void theRatiosAreTakenPerRoundAgainstChicorysCompiler() {
        SideBySide.Result fib = SideBySide.compare("fib", 3, 5);

        assertThat(fib.medianMs()).containsOnlyKeys("wasmvm compiler", "wasmvm tiered", "Chicory compiler");
        assertThat(fib.medianMs().values()).allSatisfy(ms -> assertThat(ms).isPositive().isFinite());
        assertThat(fib.ratioQuartiles()).containsOnlyKeys("wasmvm compiler", "wasmvm tiered");
        fib.ratioQuartiles().values().forEach(q -> assertThat(q[0]).isPositive().isLessThanOrEqualTo(q[1]).isLessThanOrEqualTo(q[2]));
    }

    @Test
    void theTableHasARowPerWorkloadAndTheGeometricMeanOfTheMedianRatios() {
        SideBySide.Result a = new SideBySide.Result(Map.of("wasmvm compiler", 1.0, "Chicory compiler", 2.0),
            Map.of("wasmvm compiler", new double[] {1.5, 2.0, 2.5}));
        SideBySide.Result b = new SideBySide.Result(Map.of("wasmvm compiler", 4.0, "Chicory compiler", 2.0),
            Map.of("wasmvm compiler", new double[] {0.25, 0.5, 0.75}));

        Map<String, SideBySide.Result> results = new LinkedHashMap<>();
        results.put("a", a);
        results.put("b", b);

        String table = SideBySide.render(results);

        assertThat(table).contains("| a |", "2.00 (1.50–2.50)", "| b |", "0.50 (0.25–0.75)", "**1.00**"); // sqrt(2 * 0.5)
    }
}
