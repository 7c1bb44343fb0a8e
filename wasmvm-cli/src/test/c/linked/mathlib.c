/*
 * The library of the linking demo: arithmetic that counts its calls, so the program can tell one
 * shared instance (the count covers every caller) from one instance per importer.
 */
static long long calls;

__attribute__((export_name("square"))) long long square(long long x) {
    calls++;
    return x * x;
}

__attribute__((export_name("calls"))) long long mathlib_calls(void) {
    return calls;
}
