package org.wasmvm.core.sysenv.fs;

import java.util.Arrays;

/**
 * The 260-byte {@code dirent} of the sysenv ABI, written whole and zero-filled:
 * {@code 0 u32 ino | 4 u8 type | 5 char[255] name} (NUL-terminated, at most 254 bytes).
 */
public final class DirentLayout {
    public static final int SIZE = 260;
    public static final int NAME_OFFSET = 5;
    /** The longest name that fits with its NUL. */
    public static final int MAX_NAME = 254;

    public static final int DT_UNKNOWN = 0;
    public static final int DT_DIR = 4;
    public static final int DT_REG = 8;
    public static final int DT_LNK = 10;

    private DirentLayout() {
    }

    /** Writes one entry into {@code out[off, off+260)}; {@code name} must be at most 254 bytes. */
    public static void encode(int ino, int type, byte[] name, byte[] out, int off) {
        if (name.length > MAX_NAME) {
            throw new IllegalArgumentException("dirent name longer than " + MAX_NAME + " bytes");
        }
        Arrays.fill(out, off, off + SIZE, (byte) 0);
        Le.putInt(out, off, ino);
        out[off + 4] = (byte) type;
        System.arraycopy(name, 0, out, off + NAME_OFFSET, name.length);
    }
}
