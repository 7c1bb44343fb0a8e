package org.wasmvm.core;

import java.io.ByteArrayOutputStream;

/** Hand-assembled test modules: the binary header followed by sections already encoded. */
final class ModuleBinary {
    private ModuleBinary() {
    }

    static byte[] of(byte[]... sections) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        for (byte[] section : sections) {
            out.writeBytes(section);
        }
        return out.toByteArray();
    }
}
