package org.wasmvm.core.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import org.wasmvm.core.Instance;
import org.wasmvm.core.ProcessExit;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.WasmException;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;
import org.wasmvm.core.sandbox.GuestClock;
import org.wasmvm.core.sandbox.GuestRandom;
import org.wasmvm.core.sandbox.StandardStreams;

/**
 * The official WASI preview1 test suite (wasi-testsuite, 72 command modules in C, Rust and
 * AssemblyScript), run the way its runner runs wasmtime: argv {@code [<name>.wasm, args…]},
 * exactly the spec's environment, a fresh copy of the spec's {@code root} preopened as {@code /},
 * an empty stdin; the exit code must match and stdout/stderr must start with the expected text.
 *
 * <p>The suite is vendored in {@code src/test/wasi-testsuite}; {@code -Dwasmvm.wasi.testsuite=DIR}
 * points at another copy. Known failures are listed with their reasons in
 * {@code wasi-exclusions.txt} on the test classpath: an excluded test still runs, is reported as
 * skipped when it fails, and fails the build when it passes (a stale exclusion).
 */
class WasiTestSuiteTest {
    static final String PROPERTY = "wasmvm.wasi.testsuite";
    static final String EXCLUSIONS = "/wasi-exclusions.txt";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final AtomicInteger SKIPPED = new AtomicInteger();
    private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();

    static Path suiteDirectory() {
        String configured = System.getProperty(PROPERTY);
        return configured != null ? Path.of(configured) : Path.of("src/test/wasi-testsuite");
    }

    @TestFactory
    Stream<DynamicTest> wasiTestsuite() throws IOException {
        Path suite = suiteDirectory();
        Assumptions.assumeTrue(Files.isDirectory(suite), "no wasi-testsuite at " + suite.toAbsolutePath());
        Map<String, String> exclusions = loadExclusions();
        List<Path> modules = new ArrayList<>();
        for (String language : List.of("assemblyscript", "c", "rust")) {
            Path dir = suite.resolve(language);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.toString().endsWith(".wasm")).sorted().forEach(modules::add);
                }
            }
        }
        assertThat(modules).as("test modules in " + suite).isNotEmpty();
        return modules.stream().map(wasm -> {
            String name = wasm.getParent().getFileName() + "/" + wasm.getFileName().toString().replace(".wasm", "");
            return DynamicTest.dynamicTest(name, () -> runCase(name, wasm, exclusions.get(name)));
        });
    }

    private static void runCase(String name, Path wasm, String exclusionReason) throws IOException {
        String failure;
        try {
            failure = run(wasm);
        } catch (RuntimeException | IOException e) {
            failure = "harness error: " + e;
        }
        if (exclusionReason != null) {
            if (failure == null) {
                FAILED.incrementAndGet();
                OUTCOMES.put(name, "FAIL (stale exclusion)");
                throw new AssertionError(name + " passes but is listed in " + EXCLUSIONS + ": remove it");
            }
            SKIPPED.incrementAndGet();
            OUTCOMES.put(name, "skip: " + exclusionReason);
            throw new TestAbortedException("excluded: " + exclusionReason + " (" + failure + ")");
        }
        if (failure != null) {
            FAILED.incrementAndGet();
            OUTCOMES.put(name, "FAIL: " + failure.lines().findFirst().orElse(""));
            throw new AssertionError(name + ": " + failure);
        }
        PASSED.incrementAndGet();
        OUTCOMES.put(name, "pass");
    }

    /** Runs one test module; null when it passed, else what went wrong. */
    static String run(Path wasm) throws IOException {
        String base = wasm.getFileName().toString().replace(".wasm", "");
        Path specFile = wasm.resolveSibling(base + ".json");
        JsonObject spec = Files.exists(specFile)
                ? JsonParser.parseString(Files.readString(specFile)).getAsJsonObject() : new JsonObject();
        List<String> args = new ArrayList<>();
        if (spec.has("args")) {
            spec.getAsJsonArray("args").forEach(a -> args.add(a.getAsString()));
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (spec.has("env")) {
            spec.getAsJsonObject("env").entrySet().forEach(e -> env.put(e.getKey(), e.getValue().getAsString()));
        }
        int expectedExit = spec.has("exit_code") ? spec.get("exit_code").getAsInt() : 0;
        Path root = Files.createTempDirectory("wasi-test-");
        try {
            if (spec.has("root") && !spec.get("root").isJsonNull()) {
                copyTree(wasm.resolveSibling(spec.get("root").getAsString()), root);
            }
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            boolean hasRoot = spec.has("root") && !spec.get("root").isJsonNull();
            RunResult result = hasRoot
                    ? ProgramRunner.run(RunRequest.builder(wasm)
                            .programName(base + ".wasm")
                            .arguments(args)
                            .environment(env)
                            .root(root)
                            .stdin(new ByteArrayInputStream(new byte[0]))
                            .stdout(stdout)
                            .stderr(stderr)
                            .limits(RuntimeLimits.DEFAULT.withTimeout(TIMEOUT))
                            .build())
                    : runWithoutPreopens(wasm, base + ".wasm", args, env, stdout, stderr);
            String out = stdout.toString(StandardCharsets.UTF_8);
            String err = stderr.toString(StandardCharsets.UTF_8);
            List<String> problems = new ArrayList<>();
            if (!result.exited()) {
                problems.add("did not exit: " + result.failure());
            } else if (result.exitCode() != expectedExit) {
                problems.add("exit code " + result.exitCode() + ", expected " + expectedExit);
            }
            expectPrefix(spec, "stdout", out, problems);
            expectPrefix(spec, "stderr", err, problems);
            if (problems.isEmpty()) {
                return null;
            }
            return String.join("; ", problems) + (err.isBlank() ? "" : "\nstderr:\n" + err.strip());
        } finally {
            deleteTree(root);
        }
    }

    /**
     * A spec without {@code root} means no preopened directory at all (wasmtime without
     * {@code --dir}): fd 3 must be invalid. {@code ProgramRunner.run} always preopens the run's root, so these
     * tests link {@link WasiModule} alone.
     */
    private static RunResult runWithoutPreopens(Path wasm, String argv0, List<String> args, Map<String, String> env,
                                                ByteArrayOutputStream stdout, ByteArrayOutputStream stderr)
            throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(argv0);
        argv.addAll(args);
        try (WasiModule wasi = new WasiModule(argv, env, null, List.of(), StandardStreams.of(null, stdout, stderr),
                GuestClock.host(), GuestRandom.secure())) {
            Store store = new Store(RuntimeLimits.DEFAULT.withTimeout(TIMEOUT));
            wasi.define(store);
            Instance instance = store.instantiate(Wasm.load(Files.readAllBytes(wasm)));
            instance.function("_start").apply();
            return RunResult.exited(0);
        } catch (ProcessExit exit) {
            return RunResult.exited(exit.code());
        } catch (WasmException e) {
            return RunResult.failed(e);
        }
    }

    private static void expectPrefix(JsonObject spec, String stream, String actual, List<String> problems) {
        JsonElement expected = spec.get(stream);
        if (expected != null && !expected.isJsonNull() && !actual.startsWith(expected.getAsString())) {
            problems.add(stream + " does not start with '" + expected.getAsString() + "': '" + actual + "'");
        }
    }

    /** Copies the fixture (read-only in the shared copy) and makes the copy writable for the owner. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().setWritable(true, true);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    p.toFile().setWritable(true, true);
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** {@code language/name  reason} lines; {@code #} starts a comment. */
    static Map<String, String> loadExclusions() throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in = WasiTestSuiteTest.class.getResourceAsStream(EXCLUSIONS)) {
            if (in == null) {
                return reasons;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int hash = line.indexOf('#');
                String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!text.isEmpty()) {
                    String[] parts = text.split("\\s+", 2);
                    reasons.put(parts[0], parts.length > 1 ? parts[1] : "(no reason given)");
                }
            }
        }
        return reasons;
    }

    @AfterAll
    static void report() {
        if (OUTCOMES.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("wasi-testsuite: %d passed, %d failed, %d skipped of %d%n",
                PASSED.get(), FAILED.get(), SKIPPED.get(), OUTCOMES.size()));
        OUTCOMES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> !e.getValue().equals("pass"))
                .forEach(e -> sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        System.out.print(sb);
        try {
            Path report = Path.of("target", "wasi-testsuite-report.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, sb);
        } catch (IOException e) {
            // the console has it
        }
    }
}
