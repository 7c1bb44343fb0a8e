package org.wasmvm.core.sysenv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The guest test programs in src/test/resources/modules: C ones built by src/test/c/build.sh, WAT
 * ones by regenerate.sh.
 */
public final class Guests {
    private Guests() {
    }

    /** The binary of module {@code name} (without ".wasm"). */
    public static byte[] bytes(String name) {
        try (InputStream in = Guests.class.getResourceAsStream("/modules/" + name + ".wasm")) {
            if (in == null) {
                throw new IllegalArgumentException("no guest module " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
