package org.wasmvm.core.runtime;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One daemon thread that raises the stop flag of calls whose timeout is up. */
final class Alarms {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Alarms() {
    }

    static ScheduledFuture<?> schedule(Runnable action, long nanos) {
        return TIMER.schedule(action, nanos, TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        var timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "wasmvm-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a finished call's alarm goes at once, not at its deadline
        return timer;
    }
}
