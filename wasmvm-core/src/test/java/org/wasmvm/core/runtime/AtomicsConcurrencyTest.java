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
                    Atomics.readModifyWrite(memory, 16 + at, 1, Atomics.ADD, 1);
                    Atomics.readModifyWrite(memory, 16, 4, Atomics.XOR, 1L << 31); // flips the top bit under them
                    Atomics.readModifyWrite(memory, 24, 2, Atomics.SUB, 1);
                    Atomics.readModifyWrite(memory, 32, 8, Atomics.ADD, 3);
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
                    () -> Atomics.await(memory, 64, 4, 0, -1, MemoryTesting.context()), pool));
        }
        int woken = 0;
        while (woken < 2) { // the waiters queue up in their own time
            woken += Atomics.notify(memory, 64, 2 - woken);
        }
        Thread.sleep(50);
        assertThat(waiters.stream().filter(CompletableFuture::isDone).count()).isEqualTo(2);
        while (Atomics.notify(memory, 64, 5) == 0) {
            Thread.onSpinWait();
        }
        for (CompletableFuture<Integer> waiter : waiters) {
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(Atomics.WOKEN);
        }
        assertThat(Atomics.notify(memory, 64, -1)).isZero();
    }

    @Test
    void aWaitEndsWithItsStoresInterrupt() throws Exception {
        LinearMemory memory = MemoryTesting.shared(1, 1);
        StoreContext context = MemoryTesting.context();
        CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(
                () -> Atomics.await(memory, 0, 8, 0, -1, context), pool);
        Thread.sleep(50);
        context.interrupt();
        assertTrap(TrapKind.TIMEOUT, () -> unwrap(waiter));
        assertThat(Atomics.notify(memory, 0, 1)).as("the interrupted waiter left its queue").isZero();
    }

    @Test
    void aWaitEndsWhenTheCallsTimeIsUp() {
        LinearMemory memory = MemoryTesting.shared(1, 1);
        StoreContext context = MemoryTesting.context(RuntimeLimits.DEFAULT.withTimeout(Duration.ofMillis(100)));
        long start = System.nanoTime();
        context.startCall();
        try {
            assertTrap(TrapKind.TIMEOUT, () -> Atomics.await(memory, 0, 4, 0, -1, context));
        } finally {
            context.endCall();
        }
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(100_000_000);
    }

    private static int unwrap(CompletableFuture<Integer> future) throws Throwable {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
    }
}
