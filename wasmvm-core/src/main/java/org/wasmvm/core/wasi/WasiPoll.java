package org.wasmvm.core.wasi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code poll_oneoff}: clock subscriptions (relative or absolute) and fd readiness. Files,
 * directories and the standard streams are always ready (a read or write would not block for
 * long), so the call only sleeps when nothing but clocks was asked for.
 */
final class WasiPoll {
    static final int SUBSCRIPTION_SIZE = 48;
    static final int EVENT_SIZE = 32;
    static final int EVENTTYPE_CLOCK = 0;
    static final int EVENTTYPE_FD_READ = 1;
    static final int EVENTTYPE_FD_WRITE = 2;
    static final int SUBCLOCKFLAG_ABSTIME = 1;

    private final WasiFdTable fds;
    private final WasiClocks clocks;

    WasiPoll(WasiFdTable fds, WasiClocks clocks) {
        this.fds = fds;
        this.clocks = clocks;
    }

    private record Event(long userdata, int error, int type, long nbytes) {
    }

    private record Timer(long userdata, long deadline) {
    }

    int poll(WasiMemory memory, long in, long out, int count, long neventsPtr) throws IOException {
        if (count == 0) {
            throw new WasiException(WasiErrno.INVAL);
        }
        long n = Integer.toUnsignedLong(count);
        memory.check(in, n * SUBSCRIPTION_SIZE);
        memory.check(out, n * EVENT_SIZE);
        memory.check(neventsPtr, 4);
        List<Event> events = new ArrayList<>();
        List<Timer> timers = new ArrayList<>();
        long start = WasiClocks.monotonic();
        for (long i = 0; i < n; i++) {
            long s = in + i * SUBSCRIPTION_SIZE;
            long userdata = memory.u64(s);
            int tag = memory.u8(s + 8);
            switch (tag) {
                case EVENTTYPE_CLOCK -> {
                    int clock = memory.u32(s + 16);
                    long timeout = memory.u64(s + 24);
                    int flags = memory.u16(s + 40);
                    long deadline;
                    try {
                        if ((flags & SUBCLOCKFLAG_ABSTIME) != 0) {
                            long now = clocks.now(clock);
                            deadline = start + Math.max(0, timeout - now);
                        } else {
                            clocks.now(clock);
                            deadline = timeout > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + timeout;
                        }
                    } catch (WasiException e) {
                        events.add(new Event(userdata, e.errno(), EVENTTYPE_CLOCK, 0));
                        continue;
                    }
                    timers.add(new Timer(userdata, deadline));
                }
                case EVENTTYPE_FD_READ, EVENTTYPE_FD_WRITE -> {
                    synchronized (fds) { // the run's other threads may open and close fds meanwhile
                        events.add(fdEvent(userdata, tag, memory.u32(s + 16)));
                    }
                }
                default -> events.add(new Event(userdata, WasiErrno.INVAL, tag, 0));
            }
        }
        if (events.isEmpty() && !timers.isEmpty()) {
            long first = timers.stream().mapToLong(Timer::deadline).min().getAsLong();
            sleepUntil(first);
        }
        long now = WasiClocks.monotonic();
        for (Timer t : timers) {
            if (t.deadline() <= now) {
                events.add(new Event(t.userdata(), 0, EVENTTYPE_CLOCK, 0));
            }
        }
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            long at = out + (long) i * EVENT_SIZE;
            memory.zero(at, EVENT_SIZE);
            memory.putU64(at, e.userdata());
            memory.putU16(at + 8, e.error());
            memory.putU8(at + 10, e.type());
            memory.putU64(at + 16, e.nbytes());
        }
        memory.putU32(neventsPtr, events.size());
        return 0;
    }

    private Event fdEvent(long userdata, int type, int fd) throws IOException {
        WasiFd f;
        try {
            f = fds.get(fd);
        } catch (WasiException e) {
            return new Event(userdata, WasiErrno.BADF, type, 0);
        }
        long needed = type == EVENTTYPE_FD_READ ? WasiRights.FD_READ : WasiRights.FD_WRITE;
        if ((f.rightsBase & (needed | WasiRights.POLL_FD_READWRITE)) == 0) {
            return new Event(userdata, WasiErrno.NOTCAPABLE, type, 0);
        }
        long nbytes = 0;
        if (type == EVENTTYPE_FD_READ && f.kind == WasiFd.Kind.FILE && f.channel != null) {
            nbytes = Math.max(0, f.channel.size() - f.channel.position());
        } else if (type == EVENTTYPE_FD_READ && f.kind == WasiFd.Kind.STREAM && f.stream.readable()) {
            nbytes = Math.max(0, f.stream.available());
        }
        return new Event(userdata, 0, type, nbytes);
    }

    private static void sleepUntil(long deadline) {
        while (true) {
            long left = deadline - WasiClocks.monotonic();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
