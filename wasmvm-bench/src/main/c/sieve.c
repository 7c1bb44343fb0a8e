/* Sieve of Eratosthenes up to n (bytes, one per number); returns count and a hash of the primes. */
#include "common.h"

#define MAX_N (16 * 1024 * 1024)
static u8 composite[MAX_N + 1];

EXPORT("run") i64 run(int n) {
  if (n > MAX_N) n = MAX_N;
  for (int i = 0; i <= n; i++) composite[i] = 0;
  for (int i = 2; (i64)i * i <= n; i++)
    if (!composite[i])
      for (int j = i * i; j <= n; j += i) composite[j] = 1;
  u64 count = 0, h = 0;
  for (int i = 2; i <= n; i++)
    if (!composite[i]) { count++; h = h * 31 + (u64)i; }
  return (i64)mix64(count, h);
}

#if defined(__wasm__)
DEFINE_MEM_FUNCS
#endif
