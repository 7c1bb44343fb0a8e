package org.wasmvm.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Value;
import org.wasmvm.core.sysenv.Guests;

/**
 * A run's clock and seed as the guest sees them, through both host families at once: the guest
 * (clocks.wat) prints WASI's and sysenv's realtime and monotonic clocks and 16 random bytes.
 */
class ReproducibleRunTest {
    private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");
    private static final long NEW_YEAR_NANOS = 1_767_225_600L * 1_000_000_000L;
    /** Longer than any of these runs takes, far shorter than the distance to the host's clock. */
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    /** What clocks.wasm printed. */
    private record Readings(long wasiRealtime, long wasiMonotonic, long sysenvRealtime, long sysenvMonotonic,
                            byte[] random) {
        static Readings of(byte[] out) {
            assertThat(out).hasSize(56);
            ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
            return new Readings(b.getLong(0), b.getLong(8), timespec(b, 16), timespec(b, 28),
                    Arrays.copyOfRange(out, 40, 56));
        }

        private static long timespec(ByteBuffer b, int at) {
            return b.getLong(at) * 1_000_000_000L + b.getInt(at + 8);
        }
    }

    @Test
    void aPinnedClockIsBothFamiliesRealtimeFromItsInstantAtTheFirstReading() {
        Readings r = run(request().clock(NEW_YEAR));
        assertThat(r.wasiRealtime()).as("the first reading").isEqualTo(NEW_YEAR_NANOS);
        assertThat(r.sysenvRealtime()).as("read after WASI's, on the same clock")
                .isBetween(r.wasiRealtime(), NEW_YEAR_NANOS + MINUTE);
    }

    @Test
    void theMonotonicClocksAreNotPinned() {
        Instant future = Instant.parse("2200-01-01T00:00:00Z");
        Readings pinned = run(request().clock(future));
        Readings host = run(request());
        long futureNanos = future.getEpochSecond() * 1_000_000_000L;
        assertThat(pinned.wasiRealtime()).isGreaterThanOrEqualTo(futureNanos);
        for (Readings r : List.of(pinned, host)) { // counted from this JVM's start, so far below any realtime
            assertThat(r.wasiMonotonic()).isPositive().isLessThan(NEW_YEAR_NANOS);
            assertThat(r.sysenvMonotonic()).isNotNegative().isLessThan(NEW_YEAR_NANOS);
        }
        assertThat(host.wasiMonotonic()).as("one clock across runs").isGreaterThan(pinned.wasiMonotonic());
    }

    @Test
    void withoutAClockTheGuestSeesTheHostsWallClock() {
        long before = Instant.now().toEpochMilli() * 1_000_000L;
        Readings r = run(request());
        long after = (Instant.now().toEpochMilli() + 1) * 1_000_000L;
        assertThat(r.wasiRealtime()).isBetween(before, after);
        assertThat(r.sysenvRealtime()).isBetween(before, after);
    }

    @Test
    void aSeedFixesTheRandomBytes() {
        Readings first = run(request().randomSeed(RunRequest.DEFAULT_SEED));
        Readings second = run(request().randomSeed(RunRequest.DEFAULT_SEED));
        Readings other = run(request().randomSeed(7L));
        assertThat(first.random()).as("SplitMix64's first two values from 0")
                .containsExactly(0xaf, 0xcd, 0x1d, 0x7b, 0x39, 0xa8, 0x20, 0xe2, 0xf4, 0x65, 0xb9, 0xa1, 0x6a, 0x9e, 0x78, 0x6e);
        assertThat(second.random()).isEqualTo(first.random());
        assertThat(other.random()).isNotEqualTo(first.random());
    }

    @Test
    void withoutASeedEveryRunGetsOtherBytes() {
        assertThat(run(request()).random()).isNotEqualTo(run(request()).random());
    }

    @Test
    void anAbsoluteRealtimeDeadlineIsOnThePinnedClock() {
        Instant past = Instant.parse("2000-01-01T00:00:00Z");
        long deadline = past.getEpochSecond() * 1_000_000_000L + 300_000_000L;
        long start = System.nanoTime();
        RunResult result = ProgramRunner.run(RunRequest.builder(Guests.bytes("clocks"), "clocks.wasm")
                .invoke("poll_realtime", List.of(Long.toString(deadline))).clock(past).build());
        long waited = System.nanoTime() - start;
        assertThat(result.results()).containsExactly(Value.i32(0));
        assertThat(waited).as("the pinned clock reaches the deadline 300 ms after poll_oneoff first read it")
                .isBetween(250_000_000L, MINUTE);
    }

    @Test
    void aClockNoGuestCanShowIsRefused() {
        assertThatThrownBy(() -> request().clock(Instant.parse("1969-07-20T20:17:00Z")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("1969-07-20T20:17:00Z is outside");
    }

    private static RunRequest.Builder request() {
        return RunRequest.builder(Guests.bytes("clocks"), "clocks.wasm");
    }

    private static Readings run(RunRequest.Builder request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunResult result = ProgramRunner.run(request.stdout(out).build());
        assertThat(result).isEqualTo(RunResult.exited(0));
        return Readings.of(out.toByteArray());
    }
}
