/*
 * The linking demo's program (app/main.wasm): imports its library by a path relative to itself and
 * "shout" by name (found in an -e directory). Exits with mathlib's call count: 2 when main and
 * shout share one mathlib instance, as WasmVM links them.
 */
#include "guest.h"

#define MATHLIB(name) __attribute__((import_module("./lib/mathlib.wasm"), import_name(#name)))

MATHLIB(square) long long square(long long);
MATHLIB(calls) long long mathlib_calls(void);
__attribute__((import_module("shout"), import_name("shout"))) void shout(long long);

void _start(void) {
    put_kv("square(7)", square(7));
    shout(12);
    long long calls = mathlib_calls();
    put_kv("mathlib calls", calls);
    sys_exit((int) calls);
}
