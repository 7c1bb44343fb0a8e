/*
 * greeting.c - a code generator written in C, compiled to wasm64, run by wasmvm:run during the
 * build (see ../../../pom.xml). It writes com/example/hello/Greeting.java under the directory given
 * as argv[1], with a greeting for $GREETING_NAME and a number it computes (the primes below 10000),
 * and says what it did on standard output, which the plugin shows in the Maven log.
 *
 * No libc: the program talks to the host through the sysenv imports declared in sysenv.h.
 * Rebuild with ./build.sh (clang-16, lld-16).
 */
#include "sysenv.h"

/* clang may turn loops into calls to these; with -nostdlib they must exist */
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

static long long length(const char *s) {
    long long n = 0;
    while (s[n]) n++;
    return n;
}

/* a growable-by-hand text buffer */
static char text[4096];
static long long used;

static void add(const char *s) {
    long long n = length(s);
    if (used + n < (long long) sizeof text) {
        memcpy(text + used, s, (unsigned long) n);
        used += n;
    }
}

static void add_int(long long v) {
    char digits[24];
    int i = sizeof digits;
    do { digits[--i] = (char) ('0' + v % 10); v /= 10; } while (v > 0);
    while (i < (int) sizeof digits) {
        char one[2] = { digits[i++], 0 };
        add(one);
    }
}

static void say(int fd, const char *s, long long n) { sys_write(fd, s, n); }

static void fail(const char *message) {
    say(SYSENV_STDERR, message, length(message));
    sys_exit(1);
}

/* the sieve of Eratosthenes */
#define LIMIT 10000
static char composite[LIMIT];

static int count_primes(void) {
    int count = 0;
    for (int i = 2; i < LIMIT; i++) {
        if (composite[i]) continue;
        count++;
        for (int j = i * i; j < LIMIT; j += i) composite[j] = 1;
    }
    return count;
}

static char path[1024];
static long long path_len;

static void path_add(const char *s) {
    long long n = length(s);
    if (path_len + n >= (long long) sizeof path) fail("greeting: path too long\n");
    memcpy(path + path_len, s, (unsigned long) n);
    path_len += n;
    path[path_len] = 0;
}

/* mkdir that accepts an existing directory */
static void make_dir(void) {
    int r = sys_mkdir(path, path_len, 0755);
    if (r < 0 && r != -SYSENV_EEXIST) fail("greeting: cannot create a package directory\n");
}

void _start(void) {
    /* argv[1]: where to generate (a path inside the project, which is the guest's root) */
    if (sys_argc() < 2) fail("usage: greeting.wasm <generated-sources-dir>\n");
    int n = sys_argv(1, path, sizeof path - 64);
    if (n <= 0) fail("greeting: bad argument\n");
    path_len = n;
    path[path_len] = 0;

    /* $GREETING_NAME, kept to letters, digits and spaces so it is safe in a Java string */
    char name[64];
    int name_len = sys_getenv("GREETING_NAME", 13, name, sizeof name);
    if (name_len < 0) {
        memcpy(name, "world", 6);
        name_len = 5;
    }
    for (int i = 0; i < name_len; i++) {
        char c = name[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ';
        if (!ok) name[i] = '_';
    }
    name[name_len] = 0;

    int primes = count_primes();

    path_add("/com"); make_dir();
    path_add("/example"); make_dir();
    path_add("/hello"); make_dir();
    path_add("/Greeting.java");

    add("package com.example.hello;\n\n");
    add("/** Generated during the build by greeting.wasm (src/main/c/greeting.c); do not edit. */\n");
    add("public final class Greeting {\n");
    add("    /** The greeting. */\n");
    add("    public static final String MESSAGE = \"Hello, "); add(name); add("! (from C, compiled to wasm64)\";\n\n");
    add("    /** The number of primes below 10000, as the wasm program counted them. */\n");
    add("    public static final int PRIMES_BELOW_10000 = "); add_int(primes); add(";\n\n");
    add("    private Greeting() {\n    }\n}\n");

    int fd = sys_open(path, path_len, SYSENV_O_WRONLY | SYSENV_O_CREAT | SYSENV_O_TRUNC, 0644);
    if (fd < 0) fail("greeting: cannot create Greeting.java\n");
    if (sys_write(fd, text, used) != used) fail("greeting: short write\n");
    sys_close(fd);

    used = 0;
    add("greeting.wasm: Hello, "); add(name); add("! I counted "); add_int(primes);
    add(" primes below 10000 and wrote "); add(path); add("\n");
    say(SYSENV_STDOUT, text, used);
}
