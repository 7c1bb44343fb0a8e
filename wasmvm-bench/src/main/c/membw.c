/* Memory bandwidth: n rounds of an 8-byte-word fill (memset-like) and copy (memcpy-like) over
 * 256 KiB buffers, plus a byte-wise fill and copy of a 16 KiB block; returns a hash of the contents. */
#include "common.h"

#define WORDS (32 * 1024) /* 256 KiB of u64 */
static u64 src[WORDS], dst[WORDS];
static u8 bsrc[16 * 1024], bdst[16 * 1024];

EXPORT("run") i64 run(int n) {
  u64 h = 0;
  for (int r = 0; r < n; r++) {
    u64 v = 0x0101010101010101ULL * (u64)(r & 0xff);
    for (int i = 0; i < WORDS; i++) src[i] = v;                 /* fill */
    src[r % WORDS] ^= (u64)r * 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < WORDS; i++) dst[i] = src[i];            /* copy */
    for (int i = 0; i < (int)sizeof bsrc; i++) bsrc[i] = (u8)(i + r);
    for (int i = 0; i < (int)sizeof bdst; i++) bdst[i] = bsrc[i];
    h = mix64(h, dst[(r * 7919) % WORDS] ^ dst[r % WORDS]);
    h = mix64(h, bdst[(r * 31) % (int)sizeof bdst]);
  }
  return (i64)h;
}

#if defined(__wasm__)
DEFINE_MEM_FUNCS
#endif
