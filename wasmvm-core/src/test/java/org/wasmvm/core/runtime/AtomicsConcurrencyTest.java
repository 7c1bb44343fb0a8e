package org.wasmvm.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmvm.core.runtime.MemoryTesting.assertTrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.TrapKind;

/** The atomic operations across threads: no update lost, waits woken by notify, by an interrupt and by the run's time-out. */
@Timeout(60)
class AtomicsConcurrencyTest {
    private static final int THREADS = 4;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void narrowAndWideUpdatesOfOneWordLoseNothing() {
        LinearMemory memory = MemoryTesting.shared(1, 1);
        int rounds = 20_000;
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        // thread t adds 1 to byte t of the word at 16 (so bytes share a word), and to its own i64
        for (int t = 0; t < THREADS; t++) {
            int at = t;
            runs.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < rounds; i++) {
                    Atomics.readModifyWrite(16 + at, 1, 1, Atomics.ADD, memory);
                    Atomics.readModifyWrite(16, 1L << 31, 4, Atomics.XOR, memory); // flips the top bit under them
                    Atomics.readModifyWrite(24, 1, 2, Atomics.SUB, memory);
                    Atomics.readModifyWrite(32, 3, 8, Atomics.ADD, memory);
                }
            }, pool));
        }
        runs.forEach(CompletableFuture::join);
        // each byte: rounds mod 256 increments; the top bit flipped THREADS * rounds times (even) leaves byte 3's own count
        long perByte = rounds % 256;
        assertThat(memory.readInt(16)).isEqualTo((int) (perByte | perByte << 8 | perByte << 16 | perByte << 24));
        assertThat(memory.readInt(24) & 0xFFFF).isEqualTo((-THREADS * rounds) & 0xFFFF);
        assertThat(memory.readLong(32)).isEqualTo(3L * THREADS * rounds);
    }

    @Test
    void notifyWakesTheWaitersItCounts() throws Exception {
        LinearMemory memory = MemoryTesting.shared(1, 1);
        List<CompletableFuture<Integer>> waiters = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            waiters.add(CompletableFuture.supplyAsync(
                    () -> Atomics.await(64, 0, -1, 4, memory, MemoryTesting.context()), pool));
        }
        int woken = 0;
        while (woken < 2) { // the waiters queue up in their own time
            woken += Atomics.notify(64, 2 - woken, memory);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (done(waiters) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(50);
        assertThat(done(waiters)).as("the third still waits").isEqualTo(2);
        while (Atomics.notify(64, 5, memory) == 0) {
            Thread.onSpinWait();
        }
        for (CompletableFuture<Integer> waiter : waiters) {
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(Atomics.WOKEN);
        }
        assertThat(Atomics.notify(64, -1, memory)).isZero();
    }

    @Test
    void aWaitEndsWithItsStoresInterrupt() throws Exception {
        LinearMemory memory = MemoryTesting.shared(1, 1);
        StoreContext context = MemoryTesting.context();
        CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(
                () -> Atomics.await(0, 0, -1, 8, memory, context), pool);
        Thread.sleep(50);
        context.interrupt();
        assertTrap(TrapKind.TIMEOUT, () -> unwrap(waiter));
        assertThat(Atomics.notify(0, 1, memory)).as("the interrupted waiter left its queue").isZero();
    }

    @Test
    void aWaitEndsWhenTheCallsTimeIsUp() {
        LinearMemory memory = MemoryTesting.shared(1, 1);
        StoreContext context = MemoryTesting.context(RuntimeLimits.DEFAULT.withTimeout(Duration.ofMillis(100)));
        long start = System.nanoTime();
        context.startCall();
        try {
            assertTrap(TrapKind.TIMEOUT, () -> Atomics.await(0, 0, -1, 4, memory, context));
        } finally {
            context.endCall();
        }
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(100_000_000);
    }

    private static long done(List<CompletableFuture<Integer>> futures) {
        return futures.stream().filter(CompletableFuture::isDone).count();
    }

    private static int unwrap(CompletableFuture<Integer> future) throws Throwable {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
    }
}
