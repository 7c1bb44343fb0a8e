package org.wasmvm.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.wasmvm.core.Features;

/**
 * The spec runner's {@code thread} and {@code wait} (threads proposal) on scripts written here around the
 * modules of the vendored {@code threads/thread} script: {@code thread.0.wasm} exports a shared memory,
 * {@code thread.1.wasm} imports it as {@code mem.shared} and its {@code run} stores 42 at address 0,
 * {@code thread.2.wasm} imports it likewise and its {@code run} loads address 0.
 */
@Timeout(60)
class SpecThreadTest {
    private static final Path MODULES = SpecSuite.root3().resolve("threads/thread");

    @TempDir
    Path dir;

    @Test
    void aThreadsStoreIsSeenThroughTheSharedMemoryAfterTheWait() throws IOException {
        SpecScript script = script("""
                {"type": "module", "line": 1, "name": "$Mem", "filename": "thread.0.wasm"},
                {"type": "thread", "line": 2, "name": "$T", "shared_modules": ["$Mem"], "commands": [
                  {"type": "register", "line": 3, "name": "$Mem", "as": "mem"},
                  {"type": "module", "line": 4, "filename": "thread.1.wasm"},
                  {"type": "action", "line": 5, "action": {"type": "invoke", "field": "run", "args": []}}]},
                {"type": "wait", "line": 6, "thread": "$T"},
                {"type": "register", "line": 7, "name": "$Mem", "as": "mem"},
                {"type": "module", "line": 8, "filename": "thread.2.wasm"},
                {"type": "assert_return", "line": 9, "action": {"type": "invoke", "field": "run", "args": []},
                 "expected": [{"type": "i32", "value": "42"}]}""");
        List<SpecThread.Result> results = runAll(runner(), script);
        assertThat(results).extracting(r -> r.command().line()).containsExactly(1, 2, 6, 3, 4, 5, 7, 8, 9);
        assertThat(results).allSatisfy(r -> assertThat(r.failure()).isNull());
    }

    @Test
    void aFailedAssertionOfAThreadIsItsResult() throws IOException {
        SpecScript script = script("""
                {"type": "module", "line": 1, "name": "$Mem", "filename": "thread.0.wasm"},
                {"type": "thread", "line": 2, "shared_modules": ["$Mem"], "commands": [
                  {"type": "register", "line": 3, "name": "$Mem", "as": "mem"},
                  {"type": "module", "line": 4, "filename": "thread.2.wasm"},
                  {"type": "assert_return", "line": 5, "action": {"type": "invoke", "field": "run", "args": []},
                   "expected": [{"type": "i32", "value": "7"}]}]},
                {"type": "wait", "line": 6}""");
        List<SpecThread.Result> results = runAll(runner(), script);
        SpecThread.Result assertion = results.get(results.size() - 1);
        assertThat(assertion.command().line()).isEqualTo(5);
        assertThat(assertion.failure()).isInstanceOf(AssertionFailedError.class).hasMessageContaining("but got [i32:0 ");
        assertThatThrownBy(assertion::replay).isSameAs(assertion.failure());
    }

    @Test
    void aThreadHasItsOwnRegistry() throws IOException {
        SpecScript script = script("""
                {"type": "module", "line": 1, "name": "$Mem", "filename": "thread.0.wasm"},
                {"type": "register", "line": 2, "name": "$Mem", "as": "mem"},
                {"type": "thread", "line": 3, "name": "$T", "shared_modules": [], "commands": [
                  {"type": "module", "line": 4, "filename": "thread.2.wasm"}]},
                {"type": "wait", "line": 5, "thread": "$T"}""");
        List<SpecThread.Result> results = runAll(runner(), script);
        assertThat(results.get(results.size() - 1).failure()).as("the script's registration is not the thread's")
                .hasMessageContaining("LinkException").hasMessageContaining("unknown import");
    }

    @Test
    void aWaitForAnUnknownThreadFails() throws IOException {
        var runner = runner();
        SpecCommand wait = script("""
                {"type": "wait", "line": 1, "thread": "$Nobody"}""").commands().get(0);
        assertThatThrownBy(() -> runner.run(wait)).hasMessage("no thread named $Nobody");
    }

    /** Runs the script's commands as SpecTestSuiteTest does; the results in report order (a thread's after its wait). */
    private static List<SpecThread.Result> runAll(SpecFileRunner runner, SpecScript script) {
        var results = new ArrayList<SpecThread.Result>();
        for (SpecCommand command : script.commands()) {
            results.add(new SpecThread.Result(command, runner.run(command), null));
            if (command.type().equals("wait")) {
                results.addAll(runner.joined(command).results());
            }
        }
        return results;
    }

    private SpecFileRunner runner() {
        return new SpecFileRunner(dir, Features.wasm2().withThreads(true), false);
    }

    private SpecScript script(String commands) throws IOException {
        for (String module : List.of("thread.0.wasm", "thread.1.wasm", "thread.2.wasm")) {
            Files.copy(MODULES.resolve(module), dir.resolve(module), StandardCopyOption.REPLACE_EXISTING);
        }
        Path json = dir.resolve("script.json");
        Files.writeString(json, "{\"commands\": [" + commands + "]}");
        return SpecScript.read(json);
    }
}
