/*
 * A wasm32 wasi-threads program (wasi.thread-spawn, a shared env.memory), written without a libc: Debian's
 * wasi-libc has no wasm32-wasi-threads sysroot. Each export is one scenario of WasiThreadsTest; the run's entry
 * point chooses it.
 */
#include <stdint.h>

#define WASI(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

struct ciovec {
    const void *buf;
    uint32_t len;
};

WASI("fd_write") int32_t fd_write(int32_t fd, const struct ciovec *iovs, int32_t count, uint32_t *written);
WASI("proc_exit") _Noreturn void proc_exit(int32_t code);
__attribute__((import_module("wasi"), import_name("thread-spawn"))) int32_t thread_spawn(void *start_arg);

enum { THREADS = 4, ROUNDS = 100000, STACK = 16384 };
enum job { COUNT, EXIT, TRAP, BLOCK };

/* A thread's start argument: its stack's top (thread_start.s reads it first) and its job. */
struct start {
    unsigned char *stack_top;
    enum job job;
};

static unsigned char stacks[THREADS][STACK] __attribute__((aligned(16)));
static struct start starts[THREADS];
static int spawned;

static _Atomic int32_t counter;
static _Atomic int64_t counter64;
static int32_t guarded; /* plain accesses, under the mutex */
static _Atomic int32_t mutex; /* 0 free, 1 locked, 2 locked and maybe waited for: Drepper's "Futexes are tricky", mutex 2 */
static _Atomic int32_t finished;
static _Atomic int32_t never; /* stays 0: waiting for it to change blocks forever */

static int32_t wait32(_Atomic int32_t *at, int32_t expected) {
    return __builtin_wasm_memory_atomic_wait32((int32_t *) at, expected, -1);
}

static void lock(void) {
    int32_t c = 0;
    if (__c11_atomic_compare_exchange_strong(&mutex, &c, 1, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        return;
    }
    if (c != 2) {
        c = __c11_atomic_exchange(&mutex, 2, __ATOMIC_SEQ_CST);
    }
    while (c != 0) {
        wait32(&mutex, 2);
        c = __c11_atomic_exchange(&mutex, 2, __ATOMIC_SEQ_CST);
    }
}

static void unlock(void) {
    if (__c11_atomic_fetch_sub(&mutex, 1, __ATOMIC_SEQ_CST) != 1) {
        __c11_atomic_store(&mutex, 0, __ATOMIC_SEQ_CST);
        __builtin_wasm_memory_atomic_notify((int32_t *) &mutex, 1);
    }
}

static void print(const char *text) {
    uint32_t length = 0;
    while (text[length]) {
        length++;
    }
    struct ciovec iov = {text, length};
    uint32_t written;
    fd_write(1, &iov, 1, &written);
}

static void print_number(const char *label, int64_t n) {
    char digits[24];
    int at = sizeof digits - 1;
    int negative = n < 0;
    digits[at] = 0;
    do {
        int64_t digit = n % 10;
        digits[--at] = (char) ('0' + (digit < 0 ? -digit : digit));
        n /= 10;
    } while (n != 0);
    if (negative) {
        digits[--at] = '-';
    }
    print(label);
    print(digits + at);
    print("\n");
}

void thread_main(int32_t tid, struct start *start) {
    switch (start->job) {
    case COUNT:
        for (int i = 0; i < ROUNDS; i++) {
            __c11_atomic_fetch_add(&counter, 1, __ATOMIC_SEQ_CST);
            __c11_atomic_fetch_add(&counter64, 1, __ATOMIC_SEQ_CST);
            lock();
            guarded++;
            unlock();
        }
        break;
    case EXIT:
        proc_exit(7);
    case TRAP:
        __builtin_trap();
    case BLOCK:
        wait32(&never, 0);
        break;
    }
    __c11_atomic_fetch_add(&finished, 1, __ATOMIC_SEQ_CST);
    __builtin_wasm_memory_atomic_notify((int32_t *) &finished, 1);
}

/* Starts a thread with `job`; returns thread-spawn's result (a tid, or a negative errno). */
static int32_t spawn(enum job job) {
    struct start *start = &starts[spawned];
    start->stack_top = stacks[spawned] + STACK;
    start->job = job;
    int32_t tid = thread_spawn(start);
    if (tid > 0) {
        spawned++;
    }
    return tid;
}

/* Waits until `count` threads have finished their job. */
static void join(int32_t count) {
    int32_t now;
    while ((now = __c11_atomic_load(&finished, __ATOMIC_SEQ_CST)) < count) {
        wait32(&finished, now);
    }
}

/* THREADS threads count to ROUNDS each: atomically in 32 and 64 bits, and with plain accesses under a mutex. */
EXPORT("_start") void count(void) {
    for (int i = 0; i < THREADS; i++) {
        if (spawn(COUNT) <= 0) {
            print("thread-spawn failed\n");
            proc_exit(1);
        }
    }
    join(THREADS);
    print_number("atomic ", counter);
    print_number("atomic64 ", counter64);
    print_number("locked ", guarded);
}

/* A thread exits with 7 while the main thread waits for it forever. */
EXPORT("exit_in_thread") void exit_in_thread(void) {
    spawn(EXIT);
    join(1);
    print("not reached\n");
}

/* A thread traps (unreachable) while the main thread waits for it forever. */
EXPORT("trap_in_thread") void trap_in_thread(void) {
    spawn(TRAP);
    join(1);
    print("not reached\n");
}

/* The main thread waits forever: only the run's timeout ends it. */
EXPORT("deadlock") void deadlock(void) {
    wait32(&never, 0);
}

/* Spawns threads that block forever until a spawn fails, then returns: the run's end must stop them. */
EXPORT("too_many") void too_many(void) {
    int32_t result;
    while (spawned < THREADS && (result = spawn(BLOCK)) > 0) {
    }
    print_number("spawned ", spawned);
    print_number("then ", spawned < THREADS ? result : 0);
}
