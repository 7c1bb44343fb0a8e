package org.wasmvm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmvm.core.Engine;

/**
 * Every committed build of every compute workload computes the checksum of the native build on
 * each of wasmvm's engines, so a benchmark never times a wrong answer (the SIMD builds are what the
 * auto-vectorizer made of the same C).
 */
class WorkloadsTest {
    static Stream<Arguments> builds() {
        return Arrays.stream(Workloads.COMPUTE).flatMap(workload -> Stream.of("wasm32", "wasm64", "wasm32-simd", "wasm64-simd")
                .flatMap(target -> Arrays.stream(Engine.values()).map(engine -> Arguments.of(workload, target, engine))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("builds")
    void computesTheNativeChecksum(String workload, String target, Engine engine) {
        var run = Runtimes.run("wasmvm-" + target, engine, Workloads.bytes(workload, target));

        assertThat(run.applyAsLong(Workloads.argument(workload))).isEqualTo(Workloads.expected(workload));
    }
}
