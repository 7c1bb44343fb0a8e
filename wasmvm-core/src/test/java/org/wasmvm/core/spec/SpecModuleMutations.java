package org.wasmvm.core.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Broken variants of the spec suite's modules for robustness tests: for each {@code .wasm} file,
 * a few truncations and a few byte mutations (fixed seed, so every run sees the same inputs).
 */
public final class SpecModuleMutations {
    /** One variant: what it was made from, and its bytes. */
    public record Variant(String description, byte[] bytes) {
    }

    private static final int VARIANTS_PER_KIND = 4;

    private SpecModuleMutations() {
    }

    /** The variants of every module of the {@code core} and {@code memory64} suites under {@code root}. */
    public static List<Variant> of(Path root) throws IOException {
        return of(root, List.of("core", "memory64"));
    }

    /** The variants of every module of the suite directories {@code suites} under {@code root}. */
    public static List<Variant> of(Path root, List<String> suites) throws IOException {
        Random random = new Random(20240613L);
        List<Variant> variants = new ArrayList<>();
        for (String suite : suites) {
            Path dir = root.resolve(suite);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
            }
            for (Path file : files) {
                byte[] original = Files.readAllBytes(file);
                for (int i = 0; i < VARIANTS_PER_KIND && original.length > 0; i++) {
                    int cut = random.nextInt(original.length);
                    variants.add(new Variant(file + " cut at " + cut, Arrays.copyOf(original, cut)));
                    variants.add(new Variant(file + " mutated", mutate(original, random)));
                }
            }
        }
        return variants;
    }

    /** One to three bytes after the header set to random values (or 0xFF, a frequent LEB breaker). */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] mutated = original.clone();
        for (int j = 0; j < 1 + random.nextInt(3); j++) {
            int at = 8 + random.nextInt(Math.max(1, original.length - 8));
            if (at < mutated.length) {
                mutated[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : 0xFF);
            }
        }
        return mutated;
    }
}
