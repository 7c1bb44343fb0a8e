package org.wasmvm.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the test modules in src/test/resources/modules (built from their .wat by regenerate.sh). */
final class TestModules {
    private TestModules() {
    }

    static Module load(String name) {
        return Wasm.load(bytes(name));
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestModules.class.getResourceAsStream("/modules/" + name + ".wasm")) {
            if (in == null) {
                throw new IllegalArgumentException("no test module " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
