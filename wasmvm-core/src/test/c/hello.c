/*
 * Prints its arguments and the variables named by WASMVM_SHOW (or GREETING), then exits with the
 * code given as the last argument when it is "exit=N". Output:
 *   argc=N / argv[i]=... / GREETING=value or GREETING unset
 */
#include "guest.h"

static char buf[4096];

static void show_env(const char *name) {
    int n = sys_getenv(name, str_len(name), buf, sizeof buf);
    put(name);
    if (n < 0) {
        put(" unset\n");
        return;
    }
    put("=");
    put_bytes(buf, n);
    put("\n");
}

void _start(void) {
    int argc = sys_argc();
    int code = 0;
    put_kv("argc", argc);
    for (int i = 0; i < argc; i++) {
        int n = sys_argv(i, buf, sizeof buf);
        put("argv[");
        put_int(i);
        put("]=");
        put_bytes(buf, n);
        put("\n");
        if (i == argc - 1 && i > 0 && buf[0] == 'e' && buf[1] == 'x' && buf[2] == 'i' && buf[3] == 't' && buf[4] == '=') {
            code = to_int(buf + 5);
        }
    }
    show_env("GREETING");
    sys_exit(code);
}
