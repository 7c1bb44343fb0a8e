package org.wasmvm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmvm.core.lower.LoweredFunction;

/**
 * The code cache keeps the lowered code of the functions a run called, and the next load of the same
 * bytes takes it instead of lowering them again; what it cannot trust it lowers again.
 */
class LoweredCodeCacheTest {
    @TempDir
    Path cacheDir;

    @ParameterizedTest
    @ValueSource(strings = {"hello", "exceptions", "simd", "traps", "big-frames"})
    void aSecondLoadTakesTheCodeTheFirstLowered(String name) {
        byte[] bytes = TestModules.bytes(name);
        Module first = load(bytes);
        List<LoweredFunction> lowered = defined(first).mapToObj(first.code()::function).toList();
        first.saveLoweredCode();

        Module second = load(bytes);
        List<LoweredFunction> taken = defined(second).mapToObj(second.code()::function).toList();

        assertThat(second.code().loweredHere()).isEmpty();
        assertThat(taken).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(lowered);
    }

    @Test
    void theCacheKeepsWhatEachRunLowered() {
        byte[] bytes = TestModules.bytes("traps");
        int[] functions = defined(load(bytes)).toArray();
        Module first = load(bytes);
        first.code().function(functions[0]);
        first.saveLoweredCode();
        Module second = load(bytes);
        second.code().function(functions[1]);
        second.saveLoweredCode();

        Module third = load(bytes);
        third.code().function(functions[0]);
        third.code().function(functions[1]);
        assertThat(third.code().loweredHere()).isEmpty();
        third.code().function(functions[2]);
        assertThat(third.code().loweredHere()).containsOnlyKeys(functions[2]);
    }

    @Test
    void aDamagedFunctionIsLoweredAgain() throws IOException {
        byte[] bytes = TestModules.bytes("exceptions");
        Module first = load(bytes);
        int[] functions = defined(first).toArray();
        List<LoweredFunction> lowered = IntStream.of(functions).mapToObj(first.code()::function).toList();
        first.saveLoweredCode();
        Path file = loweredFile();
        byte[] cached = Files.readAllBytes(file);
        cached[cached.length - 9] ^= 0x40; // inside the last function's block (the index orders them by function)
        Files.write(file, cached);

        Module second = load(bytes);
        List<LoweredFunction> taken = IntStream.of(functions).mapToObj(second.code()::function).toList();

        assertThat(second.code().loweredHere()).containsOnlyKeys(functions[functions.length - 1]);
        assertThat(taken).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(lowered);
    }

    @Test
    void aFileOfAnotherModuleIsNotUsed() throws IOException {
        Module hello = load(TestModules.bytes("hello"));
        defined(hello).forEach(hello.code()::function);
        hello.saveLoweredCode();
        byte[] helloCode = Files.readAllBytes(loweredFile());
        Module traps = load(TestModules.bytes("traps"));
        defined(traps).forEach(traps.code()::function);
        traps.saveLoweredCode();
        try (Stream<Path> files = Files.walk(cacheDir)) {
            for (Path file : files.filter(path -> path.endsWith("lowered")).toList()) {
                Files.write(file, helloCode); // hello's file in both places
            }
        }

        Module again = load(TestModules.bytes("traps"));
        defined(again).forEach(again.code()::function);

        assertThat(again.code().loweredHere()).hasSize((int) defined(again).count());
    }

    @Test
    void codeNamingCanonicalTypeIdsIsNotKept() throws IOException {
        Module gc = load(TestModules.bytes("gc"));
        defined(gc).forEach(gc.code()::function);
        gc.saveLoweredCode();

        assertThat(gc.code().loweringIsPortable()).isFalse();
        try (Stream<Path> files = Files.walk(cacheDir)) {
            assertThat(files.filter(path -> path.endsWith("lowered"))).isEmpty();
        }
    }

    private Module load(byte[] bytes) {
        return Wasm.load(bytes, Features.all(), CodeCache.at(cacheDir));
    }

    private Path loweredFile() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDir)) {
            return files.filter(path -> path.endsWith("lowered")).findFirst().orElseThrow();
        }
    }

    private static IntStream defined(Module module) {
        int imported = module.indexSpaces().importedFunctionCount();
        return IntStream.range(imported, imported + module.model().codes().size());
    }
}
