package org.wasmvm.core.interp.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every SIMD instruction of the spec's list has vectors, unless it only moves a v128 between memory or code and the stack. */
class SimdCoverageTest {
    private static final List<String> FAMILIES = List.of("IntegerLanes", "IntegerComparisons", "BitwiseLanes", "WideningLanes",
            "LaneMoves", "FloatLanes", "FloatConversions", "RelaxedLanes");
    /** Plain loads and stores and the constant: the tiers do them on memory (a *_zero load's upper part is zero). */
    private static final Set<String> NOTHING_TO_COMPUTE = Set.of("v128.load", "v128.store", "v128.const", "v128.load32_zero",
            "v128.load64_zero");

    @Test
    void everySpecInstructionHasVectors() throws IOException {
        List<String> spec;
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/simd-vectors/spec-instructions.txt"))) {
            spec = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#")).map(line -> line.split(" ")[1]).toList();
        }
        Set<String> withVectors = FAMILIES.stream().flatMap(family -> SimdVectors.read(family).tests.stream())
                .map(SimdVectors.Test::instruction).collect(Collectors.toCollection(TreeSet::new));

        assertThat(spec).hasSize(256).doesNotHaveDuplicates().containsAll(NOTHING_TO_COMPUTE);
        assertThat(withVectors).containsExactlyInAnyOrderElementsOf(
                spec.stream().filter(name -> !NOTHING_TO_COMPUTE.contains(name)).toList());
    }
}
