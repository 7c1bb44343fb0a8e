package org.wasmvm.core.wasi;

import org.wasmvm.core.sandbox.GuestClock;

/**
 * WASI's clock ids as one run sees them: the realtime clock is the run's {@link GuestClock}
 * (pinned for a reproducible build); the monotonic and CPU-time clocks are the host's monotonic
 * clock, counted from when this class was loaded.
 */
final class WasiClocks {
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;

    /** One before the first reading, so the monotonic clocks are positive. */
    private static final long MONOTONIC_ORIGIN = System.nanoTime() - 1;

    private final GuestClock realtime;

    WasiClocks(GuestClock realtime) {
        this.realtime = realtime;
    }

    /** {@code clock_res_get}: the realtime clock claims microseconds, the others nanoseconds. */
    static long resolution(int clock) {
        return switch (clock) {
            case CLOCK_REALTIME -> 1_000L;
            case CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME, CLOCK_THREAD_CPUTIME -> 1L;
            default -> throw new WasiException(WasiErrno.INVAL);
        };
    }

    /** The time of {@code clock} in nanoseconds. */
    long now(int clock) {
        return switch (clock) {
            case CLOCK_REALTIME -> realtime.realtimeNanos();
            case CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME, CLOCK_THREAD_CPUTIME -> monotonic();
            default -> throw new WasiException(WasiErrno.INVAL);
        };
    }

    /** The monotonic clock, which poll_oneoff's timers run on. */
    static long monotonic() {
        return System.nanoTime() - MONOTONIC_ORIGIN;
    }
}
