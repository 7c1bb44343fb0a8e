/* The trivial module: what a build pays to load, instantiate and call a tiny program once. */
#include "common.h"

EXPORT("run") i64 run(int n) { return (i64)n * 3 + 1; }
