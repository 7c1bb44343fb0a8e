/* Shared by every workload: freestanding (no libc), so the same source builds for
 * wasm32-unknown-unknown, wasm64-unknown-unknown and the native host (build.sh). */
#ifndef WASMVM_BENCH_COMMON_H
#define WASMVM_BENCH_COMMON_H

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef long long i64;
typedef __SIZE_TYPE__ usize;

#if defined(__wasm__)
#define EXPORT(name) __attribute__((export_name(name)))
#else
#define EXPORT(name)
#endif

/* clang may emit calls to memcpy/memset even under -fno-builtin for struct copies;
 * tiny byte loops keep the modules free of imports. Defined in one place per workload. */
#define DEFINE_MEM_FUNCS                                                        \
  void *memcpy(void *d, const void *s, usize n) {                              \
    u8 *dp = (u8 *)d; const u8 *sp = (const u8 *)s;                            \
    while (n--) *dp++ = *sp++;                                                  \
    return d;                                                                   \
  }                                                                             \
  void *memset(void *d, int c, usize n) {                                      \
    u8 *dp = (u8 *)d;                                                           \
    while (n--) *dp++ = (u8)c;                                                  \
    return d;                                                                   \
  }

/* A deterministic pseudo-random generator (xorshift64*), so inputs need no files. */
static inline u64 rng_next(u64 *s) {
  u64 x = *s;
  x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
  *s = x;
  return x * 0x2545F4914F6CDD1DULL;
}

static inline u64 mix64(u64 h, u64 v) {
  h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
  return h;
}

#endif
