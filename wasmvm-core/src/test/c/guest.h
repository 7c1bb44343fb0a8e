/* Tiny freestanding helpers for the test guests (no libc with -nostdlib). */
#ifndef WASMVM_TEST_GUEST_H
#define WASMVM_TEST_GUEST_H
#include "sysenv.h"

/* clang may turn loops into calls to these; they must exist. */
void *memcpy(void *dst, const void *src, unsigned long n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

void *memset(void *dst, int c, unsigned long n) {
    unsigned char *d = dst;
    while (n--) *d++ = (unsigned char) c;
    return dst;
}

static inline long long str_len(const char *s) {
    long long n = 0;
    while (s[n]) n++;
    return n;
}

static inline void put_bytes(const char *s, long long n) { sys_write(SYSENV_STDOUT, s, n); }
static inline void put(const char *s) { put_bytes(s, str_len(s)); }

static inline void put_int(long long v) {
    char buf[24];
    int i = sizeof buf;
    int negative = v < 0;
    unsigned long long u = negative ? -(unsigned long long) v : (unsigned long long) v;
    do { buf[--i] = (char) ('0' + u % 10); u /= 10; } while (u);
    if (negative) buf[--i] = '-';
    put_bytes(buf + i, sizeof buf - i);
}

/* "label=value\n" */
static inline void put_kv(const char *label, long long value) {
    put(label);
    put("=");
    put_int(value);
    put("\n");
}

static inline int to_int(const char *s) {
    int v = 0, sign = 1;
    if (*s == '-') { sign = -1; s++; }
    while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0');
    return sign * v;
}
#endif
