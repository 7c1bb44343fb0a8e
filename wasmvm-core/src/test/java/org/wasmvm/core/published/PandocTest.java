package org.wasmvm.core.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Memory;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.sandbox.GuestClock;
import org.wasmvm.core.sandbox.GuestRandom;
import org.wasmvm.core.sandbox.StandardStreams;
import org.wasmvm.core.wasi.WasiModule;

/**
 * A real published program that needs SIMD and exception handling: pandoc 3.10, compiled by GHC's wasm
 * backend, from npm's {@code pandoc-wasm} 1.1.0 (~58 MB, not in git). Runs only when the module exists:
 * {@code scripts/fetch-pandoc.sh} puts it at {@code ~/.cache/wasmvm-tools/pandoc.wasm};
 * {@code -Dwasmvm.pandoc=FILE} points elsewhere. The module is a library driven as the package's
 * {@code core.js} drives it: constructors, {@code hs_init_with_rtsopts} with the same RTS options, then
 * {@code convert} with the options as JSON, reading {@code /stdin} and writing {@code /stdout} in the
 * preopened root. The HTML must be node's ({@code published/pandoc/node.html}, from
 * {@code scripts/pandoc-node.mjs}).
 */
class PandocTest {
    private static final List<String> ARGS = List.of("pandoc.wasm", "+RTS", "-H64m", "-RTS");

    @TempDir
    Path root;
    private Path pandoc;

    @BeforeEach
    void findModule() {
        pandoc = PublishedTools.require("pandoc", "scripts/fetch-pandoc.sh");
    }

    @Test
    void convertsMarkdownToTheHtmlNodeGives() throws IOException {
        Files.write(root.resolve("stdin"), resource("input.md"));
        for (String name : new String[] {"stdout", "stderr", "warnings"}) {
            Files.createFile(root.resolve(name));
        }
        var err = new ByteArrayOutputStream();
        try (var wasi = new WasiModule(ARGS, Map.of(), root, List.of(), StandardStreams.of(null, null, err),
                GuestClock.host(), GuestRandom.secure())) {
            var store = new Store(RuntimeLimits.DEFAULT);
            wasi.define(store);
            Instance instance = store.instantiate(Wasm.load(Files.readAllBytes(pandoc)));
            instance.function("__wasm_call_ctors").apply();
            var memory = instance.memory("memory");

            int argc = malloc(instance, 4);
            memory.writeInt(argc, ARGS.size());
            int argv = malloc(instance, 4 * (ARGS.size() + 1));
            for (int i = 0; i < ARGS.size(); i++) {
                memory.writeInt(argv + 4L * i, cString(instance, memory, ARGS.get(i)));
            }
            memory.writeInt(argv + 4L * ARGS.size(), 0);
            int argvPointer = malloc(instance, 4);
            memory.writeInt(argvPointer, argv);
            instance.function("hs_init_with_rtsopts").apply(argc, argvPointer);

            byte[] options = "{\"from\":\"markdown\",\"to\":\"html\",\"standalone\":false}".getBytes(StandardCharsets.UTF_8);
            int optionsAddress = malloc(instance, options.length);
            memory.write(optionsAddress, options);
            instance.function("convert").apply(optionsAddress, options.length);
        }

        assertThat(Files.readString(root.resolve("stderr"))).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(root.resolve("stdout")))
                .isEqualTo(new String(resource("node.html"), StandardCharsets.UTF_8));
    }

    private static int malloc(Instance instance, int size) {
        return (int) instance.function("malloc").apply(size)[0];
    }

    private static int cString(Instance instance, Memory memory, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int address = malloc(instance, bytes.length + 1);
        memory.write(address, bytes);
        memory.writeByte(address + bytes.length, (byte) 0);
        return address;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PandocTest.class.getResourceAsStream("/published/pandoc/" + name)) {
            return in.readAllBytes();
        }
    }
}
