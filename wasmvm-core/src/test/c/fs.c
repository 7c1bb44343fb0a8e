/*
 * Exercises sys_fs on a fresh root: every step prints "step=result" so the test can compare the
 * whole transcript, then checks the host tree it left behind.
 */
#include "guest.h"

#define S(lit) lit, (long long) (sizeof lit - 1)

static char buf[512];
static struct wasmvm_stat st;
static struct wasmvm_dirent entry;

void _start(void) {
    put_kv("mkdir", sys_mkdir(S("/d"), 0755));
    put_kv("mkdir_again", sys_mkdir(S("/d"), 0755));
    int fd = sys_open(S("/d/f.txt"), SYSENV_O_CREAT | SYSENV_O_WRONLY | SYSENV_O_TRUNC, 0644);
    put_kv("open_fd", fd);
    put_kv("write", sys_write(fd, S("hello, file\n")));
    put_kv("read_wronly", sys_read(fd, buf, sizeof buf));
    put_kv("close", sys_close(fd));
    put_kv("close_again", sys_close(fd));

    fd = sys_open(S("d/f.txt"), SYSENV_O_RDONLY, 0);
    put_kv("reopen_fd_is_new", fd > 3);
    put_kv("lseek_end", sys_lseek(fd, 0, SYSENV_SEEK_END));
    put_kv("lseek_set", sys_lseek(fd, 7, SYSENV_SEEK_SET));
    put_kv("lseek_negative", sys_lseek(fd, -100, SYSENV_SEEK_CUR));
    int n = sys_read(fd, buf, sizeof buf);
    put_kv("read", n);
    put("data=");
    put_bytes(buf, n);
    put_kv("read_eof", sys_read(fd, buf, sizeof buf));
    put_kv("write_rdonly", sys_write(fd, S("x")));
    put_kv("fstat", sys_fstat(fd, &st));
    put_kv("fstat_size", (long long) st.size);
    put_kv("fstat_is_reg", (st.mode & SYSENV_S_IFMT) == SYSENV_S_IFREG);
    put_kv("close", sys_close(fd));

    put_kv("stat_dir", sys_stat(S("/d"), &st));
    put_kv("stat_is_dir", (st.mode & SYSENV_S_IFMT) == SYSENV_S_IFDIR);
    put_kv("stat_missing", sys_stat(S("/nope"), &st));
    put_kv("open_missing", sys_open(S("/nope"), SYSENV_O_RDONLY, 0));
    put_kv("open_excl", sys_open(S("/d/f.txt"), SYSENV_O_CREAT | SYSENV_O_EXCL | SYSENV_O_WRONLY, 0644));
    put_kv("open_dir_write", sys_open(S("/d"), SYSENV_O_WRONLY, 0));
    put_kv("open_escape", sys_open(S("/../outside"), SYSENV_O_RDONLY, 0));

    int dir = sys_opendir(S("/d"));
    put_kv("opendir_ok", dir >= 3);
    put_kv("readdir", sys_readdir(dir, &entry));
    put("entry=");
    put(entry.name);
    put("\n");
    put_kv("entry_is_reg", entry.type == SYSENV_DT_REG);
    put_kv("readdir_end", sys_readdir(dir, &entry));
    put_kv("read_dirfd", sys_read(dir, buf, 1));
    put_kv("closedir", sys_closedir(dir));

    put_kv("rename", sys_rename(S("/d/f.txt"), S("/d/g.txt")));
    put_kv("unlink_old", sys_unlink(S("/d/f.txt")));
    put_kv("rmdir_nonempty", sys_rmdir(S("/d")));
    put_kv("unlink_dir", sys_unlink(S("/d")));
    put_kv("unlink", sys_unlink(S("/d/g.txt")));
    put_kv("rmdir", sys_rmdir(S("/d")));

    put_kv("mkdir_sub", sys_mkdir(S("/sub"), 0755));
    n = sys_getcwd(buf, sizeof buf);
    put_kv("getcwd", n);
    put("cwd=");
    put(buf);
    put("\n");
    put_kv("getcwd_small", sys_getcwd(buf, 1));
    sys_exit(0);
}
