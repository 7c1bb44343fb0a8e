/* Naive doubly recursive Fibonacci: a call-heavy workload. */
#include "common.h"

__attribute__((noinline)) static u64 fib(int n) {
  if (n < 2) return (u64)n;
  return fib(n - 1) + fib(n - 2);
}

EXPORT("run") i64 run(int n) { return (i64)fib(n); }

#if defined(__wasm__)
DEFINE_MEM_FUNCS
#endif
