/*
 * argv / getenv edge cases. For each argument: its length, then what argv() writes into buffers
 * of length 0, len and len + 1 (bytes printed in hex, '.' marking bytes left untouched).
 * Then getenv of the variables named in the test.
 */
#include "guest.h"

static char buf[256];

static void put_hex_buffer(int size) {
    static const char digits[] = "0123456789abcdef";
    put("[");
    for (int i = 0; i < size; i++) {
        unsigned char c = (unsigned char) buf[i];
        char out[3] = {digits[c >> 4], digits[c & 15], ' '};
        if (c == 0xAA) { out[0] = '.'; out[1] = '.'; }
        put_bytes(out, 3);
    }
    put("]\n");
}

static void probe_argv(int idx, int buf_len) {
    memset(buf, 0xAA, sizeof buf);
    put("argv(");
    put_int(idx);
    put(",");
    put_int(buf_len);
    put(")=");
    put_int(sys_argv(idx, buf, buf_len));
    put(" ");
    put_hex_buffer(buf_len + 1);
}

static void probe_getenv(const char *name, long long name_len, int buf_len) {
    memset(buf, 0xAA, sizeof buf);
    put("getenv(");
    put_bytes(name, name_len);
    put(",");
    put_int(buf_len);
    put(")=");
    int n = sys_getenv(name, name_len, buf, buf_len);
    put_int(n);
    put(" ");
    put_hex_buffer(n >= 0 ? n + 2 : 1);
}

void _start(void) {
    int argc = sys_argc();
    put_kv("argc", argc);
    for (int i = 0; i < argc; i++) {
        int len = sys_argv_len(i);
        put_kv("argv_len", len);
        probe_argv(i, 0);
        probe_argv(i, len);
        probe_argv(i, len + 1);
    }
    put_kv("argv_len(-1)", sys_argv_len(-1));
    put_kv("argv_len(argc)", sys_argv_len(argc));
    put_kv("argv(argc)", sys_argv(argc, buf, sizeof buf));
    probe_getenv("EMPTY", 5, 1);
    probe_getenv("EMPTY", 5, 0);
    probe_getenv("UTF8", 4, 64);
    probe_getenv("UTF8", 4, 3);
    probe_getenv("MISSING", 7, 64);
    probe_getenv("", 0, 64);
    probe_getenv("A=B", 3, 64);
    sys_exit(0);
}
