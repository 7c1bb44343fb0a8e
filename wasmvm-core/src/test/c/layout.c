/*
 * Reads struct wasmvm_stat, wasmvm_dirent and wasmvm_timespec through sysenv.h, as a program built
 * for the reference WasmVM would, and prints every field: the test compares them with the host.
 */
#include "guest.h"

static struct wasmvm_stat st;
static struct wasmvm_dirent entry;
static struct wasmvm_timespec ts;

#define S(lit) lit, (long long) (sizeof lit - 1)

void _start(void) {
    put_kv("stat", sys_stat(S("/data.bin"), &st));
    put_kv("dev", st.dev);
    put_kv("ino", st.ino);
    put_kv("mode", st.mode);
    put_kv("nlink", st.nlink);
    put_kv("uid", st.uid);
    put_kv("gid", st.gid);
    put_kv("size", (long long) st.size);
    put_kv("atime_ns", (long long) st.atime_ns);
    put_kv("mtime_ns", (long long) st.mtime_ns);
    put_kv("ctime_ns", (long long) st.ctime_ns);

    int dir = sys_opendir(S("/only"));
    put_kv("readdir", sys_readdir(dir, &entry));
    put_kv("d_ino", entry.ino);
    put_kv("d_type", entry.type);
    put("d_name=");
    put(entry.name);
    put("\n");
    sys_closedir(dir);

    put_kv("realtime", sys_clock_gettime(SYSENV_CLOCK_REALTIME, &ts));
    put_kv("realtime_sec", ts.tv_sec);
    put_kv("realtime_nsec_ok", ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
    put_kv("monotonic", sys_clock_gettime(SYSENV_CLOCK_MONOTONIC, &ts));
    put_kv("monotonic_ok", ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
    put_kv("bad_clock", sys_clock_gettime(7, &ts));
    sys_exit(0);
}
