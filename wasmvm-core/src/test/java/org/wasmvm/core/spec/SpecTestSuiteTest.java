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
import org.wasmvm.core.spec.SpecSuites.Suite;
import org.wasmvm.core.tier.CompilerTier;

/**
 * The official WebAssembly spec tests (pre-converted to JSON, see the testsuites' READMEs): one container per
 * suite of {@link SpecSuites} ({@code core} as Wasm 2.0, {@code memory64} with the memory64 proposal, then
 * {@code wasm3/<dir>} for each directory of the 3.0 suite), one per {@code .json} script, one test per command,
 * executed in order against the script's state, then a summary. A {@code thread}'s commands run on their own
 * Java thread ({@link SpecThread}); each is reported, with what it did, after the {@code wait} that joined it.
 *
 * <p>System properties: {@code wasmvm.testsuite} and {@code wasmvm.testsuite3} (the testsuite directories;
 * surefire passes the pom's), {@code wasmvm.spec.only} (comma-separated script names to run, e.g.
 * {@code i32,br_table}, {@code memory64/address} or {@code wasm3/core/return_call}). Known failures are
 * listed in {@code spec-exclusions.txt} (2.0) and {@code spec-ratchet-wasm3.txt} (3.0). A suite whose feature
 * decodes and validates but does not execute yet ({@code wasm3/simd}, {@code wasm3/relaxed-simd}) runs only the
 * commands that load modules and assert malformed or invalid ones; the others are skipped with the suite's
 * reason and counted as {@code not-executed} in its summary.
 */
class SpecTestSuiteTest {
    @TestFactory
    Stream<DynamicNode> spec() {
        for (Path root : List.of(SpecSuite.root(), SpecSuite.root3())) {
            Assertions.assertTrue(Files.isDirectory(root), () -> "spec testsuite not found at "
                    + root.toAbsolutePath() + "; set -D" + SpecSuite.PROPERTY + " / -D" + SpecSuite.PROPERTY_WASM3);
        }
        Set<String> only = only();
        return SpecSuites.all().stream()
                .filter(suite -> only == null || (suite.runs() && hasSelected(suite.dir(), suite.name(), only)))
                .map(suite -> suite.runs() ? suite(suite, only) : notImplemented(suite));
    }

    /** A suite whose feature is not built: one skipped test whose summary line gives the reason. */
    private static DynamicNode notImplemented(Suite suite) {
        String reason = "not implemented: " + suite.notImplemented();
        return dynamicTest(suite.name() + " (" + reason + ")", suite.dir().toUri(), () -> {
            System.out.println("spec " + suite.name() + ": skipped (" + reason + ")");
            Assumptions.abort(reason);
        });
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

    private DynamicNode suite(Suite suite, Set<String> only) {
        Path dir = suite.dir();
        List<Path> scripts;
        try {
            scripts = SpecSuite.scripts(dir).stream()
                    .filter(json -> selected(only, suite.name(), scriptName(json)))
                    .toList();
        } catch (IOException e) {
            return dynamicTest(suite.name(), () -> Assertions.fail("cannot list spec suite " + dir.toAbsolutePath(), e));
        }
        var stats = new SpecStats(suite.name(), suite.exclusions().label(), suite.validationOnly());
        Set<String> started = ConcurrentHashMap.newKeySet();
        Stream<DynamicNode> files = scripts.stream()
                .map(json -> script(suite, json, stats, started));
        DynamicTest summary = dynamicTest(suite.name() + " summary", () -> summary(suite, stats, started));
        return dynamicContainer(suite.name(), dir.toUri(), Stream.concat(files, Stream.of(summary)));
    }

    private static String scriptName(Path json) {
        String file = json.getFileName().toString();
        return file.substring(0, file.length() - ".json".length());
    }

    /** The script's container; it is read and its state created only when the container runs. */
    private DynamicNode script(Suite suite, Path json, SpecStats stats, Set<String> started) {
        String fileName = json.getFileName().toString();
        return dynamicContainer(fileName, json.toUri(),
                Stream.of(json).flatMap(p -> commands(suite, p, stats, started)));
    }

    private Stream<DynamicNode> commands(Suite suite, Path json, SpecStats stats, Set<String> started) {
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
        stats.file((int) script.allCommands().count());
        var runner = new SpecFileRunner(script.directory(), suite.features(), suite.validationOnly() != null);
        return script.commands().stream().flatMap(command -> {
            DynamicNode test = dynamicTest(fileName + ":" + command.line() + " " + command.describe(),
                    source(script, command), () -> execute(suite, fileName, command, stats, () -> runner.run(command)));
            return command.type().equals("wait")
                    ? Stream.concat(Stream.of(test), threadCommands(suite, script, runner, command, stats))
                    : Stream.of(test);
        });
    }

    /**
     * The commands of the thread that {@code wait} joined, each a test reporting the result the thread recorded;
     * the stream is lazy, so they come after the {@code wait}'s own test has joined the thread.
     */
    private static Stream<DynamicNode> threadCommands(Suite suite, SpecScript script, SpecFileRunner runner,
            SpecCommand wait, SpecStats stats) {
        String fileName = script.json().getFileName().toString();
        return Stream.of(wait).flatMap(w -> {
            List<SpecThread.Result> results;
            try {
                results = runner.joined(w).results();
            } catch (AssertionError noSuchThread) { // the wait's own test failed with it
                results = List.of();
            }
            return results.stream().map(result -> dynamicTest(
                    fileName + ":" + result.command().line() + " " + result.command().describe() + " (in a thread)",
                    source(script, result.command()),
                    () -> execute(suite, fileName, result.command(), stats, result::replay)));
        });
    }

    private static URI source(SpecScript script, SpecCommand command) {
        return URI.create(script.wast().toUri() + "?line=" + command.line());
    }

    /** A command's run: what the runner does, or the result a thread recorded. */
    @FunctionalInterface
    private interface Step {
        SpecFileRunner.Outcome run() throws Throwable;
    }

    private static void execute(Suite suite, String fileName, SpecCommand command, SpecStats stats, Step step) {
        SpecExclusions exclusions = suite.exclusions();
        String key = SpecExclusions.key(suite.name(), fileName, command.line());
        String excludedBecause = exclusions.reason(key);
        SpecFileRunner.Outcome outcome;
        try {
            outcome = step.run();
        } catch (Throwable t) {
            if (excludedBecause != null) {
                stats.excluded();
                Assumptions.abort("listed in " + exclusions.resource() + " (" + excludedBecause + "): "
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
        if (outcome == SpecFileRunner.Outcome.SKIPPED_NOT_EXECUTED) {
            stats.notExecuted();
            Assumptions.abort("validation only (" + suite.validationOnly() + ")");
        }
        if (excludedBecause != null) {
            stats.failed(fileName, false);
            throw new AssertionFailedError("stale entry of " + exclusions.resource() + ", remove it: '" + key
                    + "' (" + excludedBecause + ") passes now");
        }
        stats.passed();
    }

    private static void summary(Suite suite, SpecStats stats, Set<String> started) {
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
                .flatMap(file -> suite.exclusions().unmatched(suite.name(), file).stream())
                .toList();
        if (!unmatched.isEmpty()) {
            Assertions.fail("stale exclusions (no command at that line), remove them: " + unmatched);
        }
    }
}
