package org.wasmvm.compiler;

import java.io.ByteArrayOutputStream;

/** Bytes of a module under construction, with LEB128 helpers: modules too large or odd to write as text. */
final class ModuleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ModuleBytes op(int b) {
        out.write(b);
        return this;
    }

    ModuleBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    ModuleBytes bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    ModuleBytes u(long value) {
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return this;
    }

    ModuleBytes s(long value) {
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    ModuleBytes section(int id, ModuleBytes content) {
        return op(id).u(content.size()).bytes(content.toBytes());
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
