package org.wasmvm.core.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * A script's {@code thread} command (threads proposal): its commands run in order on a Java thread of their own,
 * against a runner of their own (store, registry, module names; see {@link SpecFileRunner#forThread}), so that
 * they race with the script's other threads on the shared memories. The thread records each command's result;
 * a {@code wait} joins it and its results are then reported as the commands' own, a nested thread's after the
 * {@code wait} that joined it.
 */
final class SpecThread {
    /**
     * How long a {@code wait} waits. Every call already has the runner's time limit; this bounds a thread's
     * whole run, so that an engine bug (a lost wake-up, a deadlock) fails the {@code wait}, not the build.
     */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    /** How a command of the thread ended: an outcome, or what it threw. */
    record Result(SpecCommand command, SpecFileRunner.Outcome outcome, Throwable failure) {
        /** The outcome again, or the failure thrown again, on the thread that reports it. */
        SpecFileRunner.Outcome replay() throws Throwable {
            if (failure != null) {
                throw failure;
            }
            return outcome;
        }
    }

    private final String name;
    private final SpecFileRunner runner;
    private final List<Result> results = new ArrayList<>();
    private final Thread thread;

    private SpecThread(String name, SpecFileRunner runner, List<SpecCommand> commands) {
        this.name = name;
        this.runner = runner;
        this.thread = new Thread(() -> commands.forEach(this::run), "spec-thread-" + name);
        thread.setDaemon(true); // a thread nobody waits for must not keep the test JVM alive
    }

    /** Starts running {@code commands} with {@code runner}. */
    static SpecThread start(String name, SpecFileRunner runner, List<SpecCommand> commands) {
        var specThread = new SpecThread(name, runner, commands);
        specThread.thread.start();
        return specThread;
    }

    private void run(SpecCommand command) {
        Result result;
        try {
            result = new Result(command, runner.run(command), null);
        } catch (Throwable t) { // recorded for the wait to report, like the script's own failures
            result = new Result(command, null, t);
        }
        record(result);
        if (command.type().equals("wait") && result.failure() == null) {
            runner.joined(command).results().forEach(this::record);
        }
    }

    private synchronized void record(Result result) {
        results.add(result);
    }

    /**
     * Waits for the thread to finish; when it does not within {@link #JOIN_TIMEOUT}, interrupts its code and
     * fails. Its results are then in {@link #results()}.
     */
    void join() {
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                runner.interrupt();
                thread.join(Duration.ofSeconds(5).toMillis());
                throw new AssertionFailedError("thread " + name + " did not finish within " + JOIN_TIMEOUT.toSeconds()
                        + " s; its code was interrupted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runner.interrupt();
            throw new AssertionFailedError("interrupted while waiting for thread " + name, e);
        }
    }

    /** The results of the commands run so far, in order; all of them after {@link #join()}. */
    synchronized List<Result> results() {
        return List.copyOf(results);
    }

    /** Stops the thread's code: its calls trap at their next loop iteration, call or atomic wait. */
    void interrupt() {
        runner.interrupt();
    }
}
