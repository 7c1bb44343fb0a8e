package org.wasmvm.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The realtime arithmetic of a pinned clock, on a tick source the test advances by hand. */
class GuestClockTest {
    private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");
    private static final long NEW_YEAR_NANOS = 1_767_225_600L * 1_000_000_000L;

    private final AtomicLong ticks = new AtomicLong(123_456_789);

    @Test
    void aPinnedClockShowsItsInstantAtTheFirstReading() {
        GuestClock clock = GuestClock.pinnedAt(NEW_YEAR, ticks::get);
        ticks.addAndGet(3_000_000_000L); // loading and compiling before the guest looks
        assertThat(clock.realtimeNanos()).isEqualTo(NEW_YEAR_NANOS);
        assertThat(clock.realtimeNanos()).as("no tick, no time").isEqualTo(NEW_YEAR_NANOS);
    }

    @Test
    void aPinnedClockAdvancesWithTheTicks() {
        GuestClock clock = GuestClock.pinnedAt(NEW_YEAR, ticks::get);
        assertThat(clock.realtimeNanos()).isEqualTo(NEW_YEAR_NANOS);
        ticks.addAndGet(1_500_000_000L);
        assertThat(clock.realtimeNanos()).isEqualTo(NEW_YEAR_NANOS + 1_500_000_000L);
        ticks.addAndGet(1);
        assertThat(clock.realtimeNanos()).isEqualTo(NEW_YEAR_NANOS + 1_500_000_001L);
    }

    @Test
    void theTickCounterMayOverflowBetweenReadings() {
        ticks.set(Long.MAX_VALUE - 10); // System.nanoTime() may be anywhere, and wraps
        GuestClock clock = GuestClock.pinnedAt(NEW_YEAR, ticks::get);
        clock.realtimeNanos();
        ticks.addAndGet(30);
        assertThat(clock.realtimeNanos()).isEqualTo(NEW_YEAR_NANOS + 30);
    }

    @Test
    void theFractionOfASecondIsKept() {
        GuestClock clock = GuestClock.pinnedAt(Instant.ofEpochSecond(5, 999_999_999), ticks::get);
        assertThat(clock.realtimeNanos()).isEqualTo(5_999_999_999L);
        ticks.addAndGet(2);
        assertThat(clock.realtimeNanos()).isEqualTo(6_000_000_001L);
    }

    @Test
    void aClockPinnedAtTheLatestInstantStaysThere() {
        GuestClock clock = GuestClock.pinnedAt(GuestClock.LATEST, ticks::get);
        assertThat(clock.realtimeNanos()).isEqualTo(Long.MAX_VALUE);
        ticks.addAndGet(1_000);
        assertThat(clock.realtimeNanos()).as("saturated, not wrapped to the past").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theEpochIsTheEarliest() {
        assertThat(GuestClock.pinnedAt(Instant.EPOCH, ticks::get).realtimeNanos()).isZero();
        assertThatThrownBy(() -> GuestClock.pinnedAt(Instant.EPOCH.minusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1969-12-31T23:59:59.999999999Z is outside what a guest's clock can show"
                        + " (1970-01-01T00:00:00Z to 2262-04-11T23:47:16.854775807Z)");
        assertThatThrownBy(() -> GuestClock.pinnedAt(GuestClock.LATEST.plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2262-04-11T23:47:16.854775807Z");
    }

    @Test
    void theHostClockIsTheWallClock() {
        long before = Instant.now().toEpochMilli();
        long now = GuestClock.host().realtimeNanos() / 1_000_000L;
        long after = Instant.now().toEpochMilli();
        assertThat(now).isBetween(before, after);
    }

    @Test
    void aPinnedClockOnTheRealTicksMovesForwardFromItsInstant() throws InterruptedException {
        GuestClock clock = GuestClock.pinnedAt(NEW_YEAR);
        long first = clock.realtimeNanos();
        Thread.sleep(20);
        long second = clock.realtimeNanos();
        assertThat(first).isBetween(NEW_YEAR_NANOS, NEW_YEAR_NANOS + 1_000_000_000L);
        assertThat(second - first).isBetween(20_000_000L, 10_000_000_000L);
    }
}
