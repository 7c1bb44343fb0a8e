package org.wasmvm.core.runtime;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads blocked in {@code memory.atomic.wait32/64} on one shared memory, a queue per address (longest
 * waiting first). One lock guards all of them: a wait compares the cell and joins its queue under it, and a
 * notify takes waiters off under it, so a notify after a store can never miss a waiter that saw the old value.
 * Waits and notifies are the slow path of guest locks (a futex), so the lock is not contended the way the
 * accesses are. A waiter parks outside the lock; its own store's {@link StoreContext#interrupt()} and time-out
 * alarm unpark it ({@link StoreContext#beginWait()}).
 */
final class WaiterQueues {
    private final Map<Long, ArrayDeque<Waiter>> queues = new HashMap<>();

    /** A blocked thread; {@code woken} is set under the lock and read by the thread without it. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile boolean woken;
    }

    /** See {@link Atomics#await}; {@code expected} is zero-extended from {@code width} bytes. */
    int await(LinearMemory memory, long addr, int width, long expected, long timeout, StoreContext context) {
        var waiter = new Waiter();
        synchronized (this) {
            if (Atomics.load(addr, width, memory) != expected) {
                return Atomics.NOT_EQUAL;
            }
            queues.computeIfAbsent(addr, a -> new ArrayDeque<>()).add(waiter);
        }
        long start = System.nanoTime();
        context.beginWait();
        try {
            while (!waiter.woken) {
                if (Thread.currentThread().isInterrupted()) {
                    context.interrupt(); // e.g. the run that owns this thread is ending
                }
                if (context.stop) {
                    context.checkStop(); // traps when interrupted or out of time; else the flag was stale
                }
                if (timeout < 0) {
                    LockSupport.park(this);
                } else {
                    long left = timeout - (System.nanoTime() - start);
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                }
            }
        } finally {
            context.endWait();
            leave(addr, waiter);
        }
        return waiter.woken ? Atomics.WOKEN : Atomics.TIMED_OUT;
    }

    /** Takes a waiter that stops waiting (timed out or trapped) off its queue, unless a notify took it already. */
    private synchronized void leave(long addr, Waiter waiter) {
        ArrayDeque<Waiter> queue = queues.get(addr);
        if (!waiter.woken && queue != null) {
            queue.remove(waiter);
            if (queue.isEmpty()) {
                queues.remove(addr);
            }
        }
    }

    /** See {@link Atomics#notify}. */
    synchronized int notify(long addr, long count) {
        ArrayDeque<Waiter> queue = queues.get(addr);
        int woken = 0;
        while (queue != null && !queue.isEmpty() && Long.compareUnsigned(woken, count) < 0) {
            Waiter waiter = queue.poll();
            waiter.woken = true;
            LockSupport.unpark(waiter.thread);
            woken++;
        }
        if (queue != null && queue.isEmpty()) {
            queues.remove(addr);
        }
        return woken;
    }
}
