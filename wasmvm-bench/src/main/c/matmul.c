/* Dense n x n matrix product on doubles (i-k-j loop order); returns the bits of a
 * deterministic sum over the result. */
#include "common.h"

#define MAX_N 512
static double A[MAX_N * MAX_N], B[MAX_N * MAX_N], C[MAX_N * MAX_N];

static u64 bits(double d) { union { double d; u64 u; } v; v.d = d; return v.u; }

EXPORT("run") i64 run(int n) {
  if (n > MAX_N) n = MAX_N;
  u64 s = 42;
  for (int i = 0; i < n * n; i++) {
    A[i] = (double)(rng_next(&s) >> 11) * (1.0 / 9007199254740992.0) - 0.5;
    B[i] = (double)(rng_next(&s) >> 11) * (1.0 / 9007199254740992.0) - 0.5;
    C[i] = 0.0;
  }
  for (int i = 0; i < n; i++)
    for (int k = 0; k < n; k++) {
      double aik = A[i * n + k];
      double *ci = &C[i * n];
      const double *bk = &B[k * n];
      for (int j = 0; j < n; j++) ci[j] += aik * bk[j];
    }
  double sum = 0.0;
  u64 h = 0;
  for (int i = 0; i < n * n; i++) { sum += C[i]; if ((i & 1023) == 0) h = mix64(h, bits(C[i])); }
  return (i64)mix64(h, bits(sum));
}

#if defined(__wasm__)
DEFINE_MEM_FUNCS
#endif
