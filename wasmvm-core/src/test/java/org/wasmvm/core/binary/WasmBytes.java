package org.wasmvm.core.binary;

import java.io.ByteArrayOutputStream;

/** A tiny module writer for tests: header, sections with computed sizes, LEB128 integers. */
final class WasmBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static WasmBytes module() {
        WasmBytes m = new WasmBytes();
        m.raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
        return m;
    }

    /** A section with id {@code id} whose size prefix is computed from {@code content}. */
    WasmBytes section(int id, byte[] content) {
        out.write(id);
        out.writeBytes(leb(content.length));
        out.writeBytes(content);
        return this;
    }

    WasmBytes section(int id, int... content) {
        return section(id, bytes(content));
    }

    WasmBytes raw(int... content) {
        out.writeBytes(bytes(content));
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    /** Unsigned LEB128. */
    static byte[] leb(long value) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            o.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return o.toByteArray();
    }

    /** A name: LEB128 length and UTF-8 bytes. */
    static byte[] name(String s) {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return concat(leb(utf8.length), utf8);
    }
}
