/* Quicksort (Hoare partition, median of three, insertion sort for small ranges) of n
 * pseudo-random ints; checks the order and returns a position-weighted hash. */
#include "common.h"

#define MAX_N (1024 * 1024)
static int a[MAX_N];

static void isort(int *v, int lo, int hi) {
  for (int i = lo + 1; i <= hi; i++) {
    int x = v[i], j = i - 1;
    while (j >= lo && v[j] > x) { v[j + 1] = v[j]; j--; }
    v[j + 1] = x;
  }
}

static void qsort_rec(int *v, int lo, int hi) {
  while (hi - lo > 16) {
    int mid = lo + (hi - lo) / 2;
    int x = v[lo], y = v[mid], z = v[hi];
    int pivot = (x < y) ? ((y < z) ? y : ((x < z) ? z : x)) : ((x < z) ? x : ((y < z) ? z : y));
    int i = lo - 1, j = hi + 1;
    for (;;) {
      do i++; while (v[i] < pivot);
      do j--; while (v[j] > pivot);
      if (i >= j) break;
      int t = v[i]; v[i] = v[j]; v[j] = t;
    }
    if (j - lo < hi - j) { qsort_rec(v, lo, j); lo = j + 1; }
    else { qsort_rec(v, j + 1, hi); hi = j; }
  }
  isort(v, lo, hi);
}

EXPORT("run") i64 run(int n) {
  if (n > MAX_N) n = MAX_N;
  u64 s = 0x9E3779B97F4A7C15ULL;
  for (int i = 0; i < n; i++) a[i] = (int)(rng_next(&s) >> 33) - (1 << 30);
  qsort_rec(a, 0, n - 1);
  u64 h = 0;
  for (int i = 0; i < n; i++) {
    if (i > 0 && a[i - 1] > a[i]) return -1;     /* not sorted: a wrong answer */
    h = h * 1000003u + (u64)(unsigned)a[i];
  }
  return (i64)h;
}

#if defined(__wasm__)
DEFINE_MEM_FUNCS
#endif
