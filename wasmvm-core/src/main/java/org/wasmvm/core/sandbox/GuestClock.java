package org.wasmvm.core.sandbox;

import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The realtime clock a guest reads (sysenv's {@code CLOCK_REALTIME}, WASI's {@code clock_time_get}
 * of the realtime clock), in nanoseconds since the Unix epoch: the host's wall clock, or one pinned
 * at an instant. A pinned clock shows its instant at the guest's first reading and advances with
 * the host's monotonic clock from there, so a tool that stamps the time into its output stamps the
 * same time in every build, however long loading and compiling took before it, while its timers
 * and elapsed-time measurements still see time pass. The monotonic clocks are not the guest's to
 * pin and stay with each host module. One run's, read on the run's thread.
 */
public final class GuestClock {
    /** The earliest instant the clock can show: the guests' realtime is an unsigned count from the epoch. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The latest: nanoseconds since the epoch are a signed 64-bit count in sysenv's timespec. */
    public static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    /** The host's clock, or {@code null} for a pinned one. */
    private final Supplier<Instant> wallClock;
    private final LongSupplier ticks;
    private final long pinnedNanos;
    private boolean started;
    /** The ticks at the first reading. */
    private long startTicks;

    private GuestClock(Supplier<Instant> wallClock, LongSupplier ticks, long pinnedNanos) {
        this.wallClock = wallClock;
        this.ticks = ticks;
        this.pinnedNanos = pinnedNanos;
    }

    /** The host's wall clock, as is. */
    public static GuestClock host() {
        return new GuestClock(Instant::now, null, 0);
    }

    /**
     * A clock that shows {@code start} at its first reading and advances with {@link System#nanoTime()} from there.
     *
     * @throws IllegalArgumentException when {@code start} is outside {@link #EARLIEST}…{@link #LATEST}
     */
    public static GuestClock pinnedAt(Instant start) {
        return pinnedAt(start, System::nanoTime);
    }

    /** {@link #pinnedAt(Instant)} advancing with {@code ticks}, nanoseconds from any origin (tests give their own). */
    static GuestClock pinnedAt(Instant start, LongSupplier ticks) {
        return new GuestClock(null, ticks, epochNanos(requireInRange(start)));
    }

    /**
     * {@code instant}, checked to be one the guests' clocks can show.
     *
     * @throws IllegalArgumentException naming the range otherwise
     */
    public static Instant requireInRange(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException(instant + " is outside what a guest's clock can show ("
                    + EARLIEST + " to " + LATEST + ")");
        }
        return instant;
    }

    /** The realtime clock now, in nanoseconds since the epoch; a pinned clock stops at {@link #LATEST}. */
    public long realtimeNanos() {
        if (wallClock != null) {
            return epochNanos(wallClock.get());
        }
        long now = ticks.getAsLong();
        if (!started) {
            started = true;
            startTicks = now;
        }
        long nanos = pinnedNanos + (now - startTicks); // differences of nanoTime are exact even across its overflow
        return nanos < pinnedNanos ? Long.MAX_VALUE : nanos; // the difference is never negative: a smaller sum overflowed
    }

    /** Nanoseconds since the epoch; saturated to the non-negative longs (the host's clock may be anywhere). */
    private static long epochNanos(Instant instant) {
        try {
            return Math.max(0, Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano()));
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? 0 : Long.MAX_VALUE;
        }
    }
}
