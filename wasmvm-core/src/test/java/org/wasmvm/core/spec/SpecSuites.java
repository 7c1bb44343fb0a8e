package org.wasmvm.core.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.wasmvm.core.Features;

/**
 * The suites the spec runner runs, each with its features and its list of known failures: the Wasm 2.0
 * {@code core} and {@code memory64} (with 2.0 features, as always), then every directory of the Wasm 3.0 suite
 * as {@code wasm3/<dir>}, with all of wasmvm's features, or a proposal's own suite with the features of the
 * proposal ({@link #PROPOSAL_FEATURES}). A 3.0 directory whose feature is not built yet is listed, not run, with
 * the reason; one whose feature is decoded and validated but does not execute yet runs in validation-only mode
 * ({@link Suite#validationOnly()}).
 */
final class SpecSuites {
    /**
     * A suite directory.
     *
     * @param notImplemented the missing feature that keeps the suite from running, or {@code null} when it runs
     * @param validationOnly {@code null} when every command runs; else why only the commands that decode and
     *     validate modules run ({@code module}, {@code module_definition}, {@code assert_malformed},
     *     {@code assert_invalid}; a {@code module} is loaded, not instantiated) and every other is skipped
     */
    record Suite(String name, Path dir, Features features, SpecExclusions exclusions, String notImplemented,
            String validationOnly) {
        boolean runs() {
            return notImplemented == null;
        }
    }

    /**
     * The 3.0 directories that do not run yet, and the feature each needs. When a feature lands, delete its
     * lines: the directory then runs, and must pass.
     */
    private static final Map<String, String> NOT_IMPLEMENTED = Map.of();

    /**
     * The 3.0 directories whose instructions are decoded and validated but do not execute yet, and why: they run
     * in validation-only mode (a proposal's front end lands before its execution, as SIMD's did). When execution
     * lands, delete the line: then every command runs.
     */
    private static final Map<String, String> VALIDATION_ONLY = Map.of();

    /**
     * The 3.0 directories that hold a proposal's own suite, with the features that proposal is defined over: its
     * scripts assert what its base version says (the threads proposal extends Wasm 2.0, so a second memory is
     * invalid there), which {@link Features#all()} would contradict. The others run with {@link Features#all()}.
     */
    private static final Map<String, Features> PROPOSAL_FEATURES = Map.of("threads", Features.wasm2().withThreads(true));

    private SpecSuites() {
    }

    static List<Suite> all() {
        SpecExclusions exclusions = SpecExclusions.load(SpecExclusions.EXCLUSIONS, "excluded");
        Path root = SpecSuite.root();
        var suites = new ArrayList<Suite>(List.of(
                new Suite("core", root.resolve("core"), Features.wasm2(), exclusions, null, null),
                new Suite("memory64", root.resolve("memory64"), Features.wasm2().withMemory64(true), exclusions, null,
                        null)));
        SpecExclusions ratchet = SpecExclusions.load(SpecExclusions.RATCHET_WASM3, "ratchet");
        List<String> directories = directories(SpecSuite.root3());
        for (String dir : directories) {
            suites.add(new Suite("wasm3/" + dir, SpecSuite.root3().resolve(dir),
                    PROPOSAL_FEATURES.getOrDefault(dir, Features.all()), ratchet, NOT_IMPLEMENTED.get(dir),
                    VALIDATION_ONLY.get(dir)));
        }
        List<String> stale = Stream.of(NOT_IMPLEMENTED.keySet(), VALIDATION_ONLY.keySet(), PROPOSAL_FEATURES.keySet())
                .flatMap(Set::stream).filter(dir -> !directories.contains(dir)).toList();
        if (!stale.isEmpty()) {
            throw new IllegalStateException("SpecSuites.NOT_IMPLEMENTED, VALIDATION_ONLY or PROPOSAL_FEATURES names directories that "
                    + SpecSuite.root3() + " does not have: " + stale);
        }
        return suites;
    }

    private static List<String> directories(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Wasm 3.0 spec suite at " + root.toAbsolutePath()
                    + "; set -D" + SpecSuite.PROPERTY_WASM3 + "=<dir>", e);
        }
    }
}
