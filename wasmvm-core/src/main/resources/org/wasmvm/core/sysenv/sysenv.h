/*
 * sysenv.h - the wasmvm / WasmVM system interface for wasm64 guests.
 *
 * Two host modules, "sys_fs" and "sys_proc", offered by every run unless --no-system.
 * Every pointer and length is a 64-bit integer (long long), every other scalar a 32-bit int.
 * Strings passed in are (pointer, length) pairs, not NUL-terminated.
 * A negative result is -errno (the SYSENV_E* constants below, fixed on every host).
 * A pointer's top 4 bits select the caller's memory (memidx = ptr >> 60); untagged = memory 0.
 * A buffer out of bounds, or a bad memory index, gives -SYSENV_EFAULT (never a trap).
 *
 * Reference: docs/sysenv.md. Build: clang-16 --target=wasm64-unknown-unknown -nostdlib ...
 */
#ifndef WASMVM_SYSENV_H
#define WASMVM_SYSENV_H

#define SYSENV_FS_IMPORT(name) __attribute__((import_module("sys_fs"), import_name(#name)))
#define SYSENV_PROC_IMPORT(name) __attribute__((import_module("sys_proc"), import_name(#name)))

/* open flags (Linux x86-64 values); any other bit gives -EINVAL */
#define SYSENV_O_RDONLY    0
#define SYSENV_O_WRONLY    1
#define SYSENV_O_RDWR      2
#define SYSENV_O_CREAT     0x40
#define SYSENV_O_EXCL      0x80
#define SYSENV_O_TRUNC     0x200
#define SYSENV_O_APPEND    0x400
#define SYSENV_O_DIRECTORY 0x10000

/* lseek whence */
#define SYSENV_SEEK_SET 0
#define SYSENV_SEEK_CUR 1
#define SYSENV_SEEK_END 2

/* errno values (results are their negation) */
#define SYSENV_EPERM         1
#define SYSENV_ENOENT        2
#define SYSENV_EIO           5
#define SYSENV_EBADF         9
#define SYSENV_EAGAIN       11
#define SYSENV_ENOMEM       12
#define SYSENV_EACCES       13
#define SYSENV_EFAULT       14
#define SYSENV_EBUSY        16
#define SYSENV_EEXIST       17
#define SYSENV_EXDEV        18
#define SYSENV_ENOTDIR      20
#define SYSENV_EISDIR       21
#define SYSENV_EINVAL       22
#define SYSENV_EMFILE       24
#define SYSENV_EFBIG        27
#define SYSENV_ENOSPC       28
#define SYSENV_ESPIPE       29
#define SYSENV_EROFS        30
#define SYSENV_ERANGE       34
#define SYSENV_ENAMETOOLONG 36
#define SYSENV_ENOSYS       38
#define SYSENV_ENOTEMPTY    39
#define SYSENV_ELOOP        40

/* clocks */
#define SYSENV_CLOCK_REALTIME  0
#define SYSENV_CLOCK_MONOTONIC 1

/* file types in wasmvm_stat.mode, and dirent types */
#define SYSENV_S_IFMT  0170000
#define SYSENV_S_IFIFO 0010000 /* fds 0-2, not a terminal */
#define SYSENV_S_IFCHR 0020000 /* fds 0-2, a terminal */
#define SYSENV_S_IFDIR 0040000
#define SYSENV_S_IFREG 0100000
#define SYSENV_S_IFLNK 0120000
#define SYSENV_DT_UNKNOWN 0
#define SYSENV_DT_DIR     4
#define SYSENV_DT_REG     8
#define SYSENV_DT_LNK    10

/* the standard streams */
#define SYSENV_STDIN  0
#define SYSENV_STDOUT 1
#define SYSENV_STDERR 2

/* stat: 56 bytes, little-endian, packed; times in nanoseconds since the epoch */
struct wasmvm_stat {
    unsigned int dev;
    unsigned int ino;
    unsigned int mode;
    unsigned int nlink;
    unsigned int uid;
    unsigned int gid;
    unsigned long long size;
    unsigned long long atime_ns;
    unsigned long long mtime_ns;
    unsigned long long ctime_ns;
} __attribute__((packed));

/* dirent: 260 bytes, written whole and zero-filled; name NUL-terminated, at most 254 bytes */
struct wasmvm_dirent {
    unsigned int ino;
    unsigned char type;
    char name[255];
} __attribute__((packed));

/* timespec: 12 bytes */
struct wasmvm_timespec {
    long long tv_sec;
    int tv_nsec;
} __attribute__((packed));

_Static_assert(sizeof(struct wasmvm_stat) == 56, "wasmvm_stat is 56 bytes");
_Static_assert(__builtin_offsetof(struct wasmvm_stat, mode) == 8, "stat.mode at 8");
_Static_assert(__builtin_offsetof(struct wasmvm_stat, gid) == 20, "stat.gid at 20");
_Static_assert(__builtin_offsetof(struct wasmvm_stat, size) == 24, "stat.size at 24");
_Static_assert(__builtin_offsetof(struct wasmvm_stat, atime_ns) == 32, "stat.atime_ns at 32");
_Static_assert(__builtin_offsetof(struct wasmvm_stat, mtime_ns) == 40, "stat.mtime_ns at 40");
_Static_assert(__builtin_offsetof(struct wasmvm_stat, ctime_ns) == 48, "stat.ctime_ns at 48");
_Static_assert(sizeof(struct wasmvm_dirent) == 260, "wasmvm_dirent is 260 bytes");
_Static_assert(__builtin_offsetof(struct wasmvm_dirent, type) == 4, "dirent.type at 4");
_Static_assert(__builtin_offsetof(struct wasmvm_dirent, name) == 5, "dirent.name at 5");
_Static_assert(sizeof(struct wasmvm_timespec) == 12, "wasmvm_timespec is 12 bytes");
_Static_assert(__builtin_offsetof(struct wasmvm_timespec, tv_nsec) == 8, "timespec.tv_nsec at 8");
_Static_assert(sizeof(void *) == 8, "sysenv.h is for wasm64 (--target=wasm64-unknown-unknown)");

/* sys_fs */
SYSENV_FS_IMPORT(open)     int sys_open(const char *path, long long path_len, int flags, int mode);
SYSENV_FS_IMPORT(close)    int sys_close(int fd);
SYSENV_FS_IMPORT(read)     int sys_read(int fd, void *buf, long long buf_len);
SYSENV_FS_IMPORT(write)    int sys_write(int fd, const void *buf, long long buf_len);
SYSENV_FS_IMPORT(lseek)    long long sys_lseek(int fd, long long offset, int whence);
SYSENV_FS_IMPORT(stat)     int sys_stat(const char *path, long long path_len, struct wasmvm_stat *buf);
SYSENV_FS_IMPORT(fstat)    int sys_fstat(int fd, struct wasmvm_stat *buf);
SYSENV_FS_IMPORT(unlink)   int sys_unlink(const char *path, long long path_len);
SYSENV_FS_IMPORT(rename)   int sys_rename(const char *old_path, long long old_len, const char *new_path, long long new_len);
SYSENV_FS_IMPORT(mkdir)    int sys_mkdir(const char *path, long long path_len, int mode);
SYSENV_FS_IMPORT(rmdir)    int sys_rmdir(const char *path, long long path_len);
/* the cwd as a guest path plus NUL; returns the length including the NUL, -ERANGE if it does not fit */
SYSENV_FS_IMPORT(getcwd)   int sys_getcwd(char *buf, long long buf_len);
SYSENV_FS_IMPORT(opendir)  int sys_opendir(const char *path, long long path_len);
/* 0 = entry written, 1 = end of directory, < 0 = -errno */
SYSENV_FS_IMPORT(readdir)  int sys_readdir(int dir_fd, struct wasmvm_dirent *entry);
SYSENV_FS_IMPORT(closedir) int sys_closedir(int dir_fd);

/* sys_proc */
SYSENV_PROC_IMPORT(exit)   __attribute__((noreturn)) void sys_exit(int code);
/* argv[0] is the module path as given, then the arguments */
SYSENV_PROC_IMPORT(argc)   int sys_argc(void);
SYSENV_PROC_IMPORT(argv_len) int sys_argv_len(int idx);
/* copies min(len, buf_len) bytes, appends a NUL only if it fits */
SYSENV_PROC_IMPORT(argv)   int sys_argv(int idx, char *buf, long long buf_len);
/* writes value + NUL, returns strlen(value); -ENOENT unset; -ERANGE if buf_len < strlen + 1 */
SYSENV_PROC_IMPORT(getenv) int sys_getenv(const char *name, long long name_len, char *buf, long long buf_len);
SYSENV_PROC_IMPORT(clock_gettime) int sys_clock_gettime(int clk_id, struct wasmvm_timespec *ts);

#endif
