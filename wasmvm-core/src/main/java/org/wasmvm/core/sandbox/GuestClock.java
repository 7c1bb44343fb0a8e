package org.wasmvm.core.sandbox;

import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The realtime clock a guest reads (sysenv's {@code CLOCK_REALTIME}, WASI's {@code clock_time_get}
 * of the realtime clock), in nanoseconds since the Unix epoch: the host's wall clock, or one pinned
 * at an instant when the run starts that then advances with the host's monotonic clock, so a tool
 * that stamps the time into its output stamps the same time in every build while its timers and
 * elapsed-time measurements still see time pass. The monotonic clocks are not the guest's to pin
 * and stay with each host module.
 */
public final class GuestClock {
    /** The earliest instant the clock can show: the guests' realtime is an unsigned count from the epoch. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The latest: nanoseconds since the epoch are a signed 64-bit count in sysenv's timespec. */
    public static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private final Supplier<Instant> wallClock;
    private final LongSupplier ticks;
    private final long pinnedNanos;
    private final long startTicks;

    private GuestClock(Supplier<Instant> wallClock, LongSupplier ticks, long pinnedNanos) {
        this.wallClock = wallClock;
        this.ticks = ticks;
        this.pinnedNanos = pinnedNanos;
        this.startTicks = ticks.getAsLong();
    }

    /** The host's wall clock, as is. */
    public static GuestClock host() {
        return new GuestClock(Instant::now, () -> 0, -1);
    }

    /**
     * A clock that shows {@code start} now and advances with {@link System#nanoTime()} from here.
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
        long elapsed = ticks.getAsLong() - startTicks; // differences of nanoTime are exact even across its overflow
        long now = pinnedNanos + elapsed;
        return now < pinnedNanos ? Long.MAX_VALUE : now; // elapsed is never negative: a smaller sum overflowed
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
