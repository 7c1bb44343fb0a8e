package org.wasmvm.core.sysenv;

import java.util.Arrays;
import org.wasmvm.core.Memory;

/**
 * A bounds-checked range of guest memory (see {@link GuestPointers#buffer}): reads and writes
 * within it cannot trap.
 *
 * @param memory the memory the pointer selected
 * @param offset where the range starts
 * @param length its length in bytes
 */
record GuestBuffer(Memory memory, long offset, int length) {
    /** A copy of the whole range. */
    byte[] read() {
        return memory.read(offset, length);
    }

    /** Writes {@code src[0, count)} at the start of the range; {@code count ≤ length}. */
    void write(byte[] src, int count) {
        if (count > length) {
            throw new IllegalArgumentException(count + " bytes do not fit a buffer of " + length);
        }
        memory.write(offset, src, 0, count);
    }

    void write(byte[] src) {
        write(src, src.length);
    }

    /**
     * Writes {@code src} and a terminating NUL at the start of the range, if both fit.
     *
     * @return whether they fit; when not, nothing is written
     */
    boolean writeTerminated(byte[] src) {
        if (length < src.length + 1) {
            return false;
        }
        write(Arrays.copyOf(src, src.length + 1));
        return true;
    }
}
