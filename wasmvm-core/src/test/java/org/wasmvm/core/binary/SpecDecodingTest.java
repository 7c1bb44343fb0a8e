package org.wasmvm.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmvm.core.Features;
import org.wasmvm.core.MalformedModuleException;
import org.wasmvm.core.model.WasmModule;
import org.wasmvm.core.spec.SpecSuite;

/**
 * Runs the decoder over every binary module of the official spec tests (the {@code core} Wasm 2.0
 * suite and the {@code memory64} proposal suite): {@code assert_malformed} modules must be rejected
 * with the expected text, every other binary module must decode.
 */
class SpecDecodingTest {
    private static final Path SUITE_ROOT = SpecSuite.root();

    /** The suites and the features their modules are decoded with. */
    private static final Map<String, Features> SUITES = Map.of(
            "core", Features.wasm2(),
            "memory64", Features.wasm2().withMemory64(true));

    /** Command types whose binary modules are well-formed (they fail later, or not at all). */
    private static final Set<String> WELL_FORMED = Set.of("module", "assert_invalid", "assert_unlinkable",
            "assert_uninstantiable", "assert_trap", "assert_exhaustion", "assert_return");

    private static final AtomicInteger malformedPassed = new AtomicInteger();
    private static final AtomicInteger malformedFailed = new AtomicInteger();
    private static final AtomicInteger malformedWrongText = new AtomicInteger();
    private static final AtomicInteger wellFormedPassed = new AtomicInteger();
    private static final AtomicInteger wellFormedFailed = new AtomicInteger();
    private static final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final List<String> invalidRejectedByDecoder = java.util.Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    Stream<DynamicNode> specSuites() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SUITE_ROOT), "spec test suite not found at " + SUITE_ROOT);
        List<DynamicNode> suites = new ArrayList<>();
        for (String suite : List.of("core", "memory64")) {
            Path dir = SUITE_ROOT.resolve(suite);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<DynamicNode> files = new ArrayList<>();
            for (Path json : SpecSuite.scripts(dir)) {
                files.add(DynamicContainer.dynamicContainer(suite + "/" + json.getParent().getFileName(),
                        casesOf(json, suite, SUITES.get(suite))));
            }
            suites.add(DynamicContainer.dynamicContainer(suite, files));
        }
        return suites.stream();
    }

    private static Stream<DynamicNode> casesOf(Path json, String suite, Features features) throws IOException {
        List<DynamicNode> cases = new ArrayList<>();
        for (SpecSuite.ModuleCommand command : SpecSuite.binaryModuleCommands(json)) {
            String type = command.type();
            Path wasm = command.wasm();
            String name = type + " line " + command.line() + " (" + wasm.getFileName() + ")";
            String where = suite + "/" + json.getParent().getFileName() + ".wast:" + command.line();
            if (type.equals("assert_malformed")) {
                String text = command.text();
                cases.add(DynamicTest.dynamicTest(name, () -> expectMalformed(wasm, features, text, where)));
            } else if (WELL_FORMED.contains(type)) {
                cases.add(DynamicTest.dynamicTest(name, () -> expectWellFormed(wasm, features, type, where)));
            }
        }
        return cases.stream();
    }

    private static void expectMalformed(Path wasm, Features features, String text, String where) throws IOException {
        byte[] bytes = Files.readAllBytes(wasm);
        try {
            ModuleDecoder.decode(bytes, features);
        } catch (MalformedModuleException e) {
            if (e.reason().contains(text)) {
                malformedPassed.incrementAndGet();
                return;
            }
            malformedWrongText.incrementAndGet();
            record(where + ": expected \"" + text + "\" but got \"" + e.reason() + "\"");
            assertThat(e.reason()).as("reason").contains(text);
            return;
        } catch (RuntimeException | Error e) {
            record(where + ": expected \"" + text + "\" but got " + e);
            throw e;
        }
        record(where + ": expected \"" + text + "\" but decoded fine");
        fail("decoded a malformed module, expected \"" + text + "\"");
    }

    private static void expectWellFormed(Path wasm, Features features, String type, String where) throws IOException {
        byte[] bytes = Files.readAllBytes(wasm);
        try {
            WasmModule module = ModuleDecoder.decode(bytes, features);
            assertThat(module).isNotNull();
            wellFormedPassed.incrementAndGet();
        } catch (MalformedModuleException e) {
            if (type.equals("assert_invalid") && mayBeMalformed(e)) {
                invalidRejectedByDecoder.add(where + ": " + e.reason());
                return;
            }
            wellFormedFailed.incrementAndGet();
            record(where + ": well-formed module rejected: " + e);
            throw e;
        } catch (RuntimeException | Error e) {
            wellFormedFailed.incrementAndGet();
            record(where + ": well-formed module rejected: " + e);
            throw e;
        }
    }

    /**
     * An {@code assert_invalid} module (written in text, encoded by wabt) that the binary format itself
     * rejects: the binary format requires a data count section when code uses {@code memory.init} or
     * {@code data.drop}, but wabt omits it when the module has no data section. The reference
     * interpreter tests these from text, where that rule does not exist.
     */
    private static boolean mayBeMalformed(MalformedModuleException e) {
        return e.reason().contains("data count section required");
    }

    private static synchronized void record(String failure) {
        if (failure.contains("expected \"") && !failure.contains("well-formed")) {
            malformedFailed.incrementAndGet();
        }
        failures.add(failure);
    }

    @AfterAll
    static void summary() {
        System.out.printf("SpecDecodingTest: assert_malformed (binary): %d passed, %d failed (%d only on the text); "
                        + "well-formed binary modules: %d decoded, %d rejected, %d assert_invalid rejected as malformed (allowed)%n",
                malformedPassed.get(), malformedFailed.get(), malformedWrongText.get(),
                wellFormedPassed.get(), wellFormedFailed.get(), invalidRejectedByDecoder.size());
        failures.forEach(f -> System.out.println("  FAIL " + f));
        invalidRejectedByDecoder.forEach(f -> System.out.println("  assert_invalid module rejected as malformed (allowed): " + f));
    }

}
