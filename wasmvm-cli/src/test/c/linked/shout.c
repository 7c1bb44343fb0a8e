/*
 * Found through an -e directory (ext/), it reaches the demo's mathlib by another relative path
 * than main does, without ".wasm": the linker resolves both to one file, so one instance.
 */
#include "guest.h"

__attribute__((import_module("../app/lib/mathlib"), import_name("square"))) long long square(long long);

__attribute__((export_name("shout"))) void shout(long long x) {
    put("SHOUT: ");
    put_int(x);
    put(" SQUARED IS ");
    put_int(square(x));
    put("!\n");
}
