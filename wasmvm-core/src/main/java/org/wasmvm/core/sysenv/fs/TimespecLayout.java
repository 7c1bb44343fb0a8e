package org.wasmvm.core.sysenv.fs;

/** The 12-byte {@code timespec} of the sysenv ABI: {@code 0 i64 tv_sec | 8 i32 tv_nsec}, little-endian. */
public final class TimespecLayout {
    public static final int SIZE = 12;

    private TimespecLayout() {
    }

    /** Encodes nanoseconds since an epoch (may be negative: tv_nsec stays in [0, 1e9)). */
    public static byte[] encode(long nanos) {
        byte[] out = new byte[SIZE];
        encode(nanos, out, 0);
        return out;
    }

    public static void encode(long nanos, byte[] out, int off) {
        long sec = Math.floorDiv(nanos, 1_000_000_000L);
        int nsec = (int) Math.floorMod(nanos, 1_000_000_000L);
        Le.putLong(out, off, sec);
        Le.putInt(out, off + 8, nsec);
    }
}
