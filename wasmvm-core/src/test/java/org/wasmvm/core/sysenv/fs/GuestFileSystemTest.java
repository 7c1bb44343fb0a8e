package org.wasmvm.core.sysenv.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_APPEND;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_CREAT;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_DIRECTORY;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_EXCL;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_RDONLY;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_RDWR;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_TRUNC;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_WRONLY;
import static org.wasmvm.core.sysenv.fs.OpenFlags.SEEK_CUR;
import static org.wasmvm.core.sysenv.fs.OpenFlags.SEEK_END;
import static org.wasmvm.core.sysenv.fs.OpenFlags.SEEK_SET;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.sandbox.Errno;
import org.wasmvm.core.sandbox.StandardStream;
import org.wasmvm.core.sandbox.StandardStreams;

/** Success and error paths of every sys_fs call. */
class GuestFileSystemTest {
    @TempDir
    Path tmp;
    Path root;
    GuestFileSystem fs;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("dir/sub"));
        Files.createDirectories(root.resolve("empty"));
        Files.write(root.resolve("hello.txt"), b("hello world"));
        Files.write(root.resolve("dir/f"), b("x"));
        fs = new GuestFileSystem(root, "/", StandardStreams.of(new ByteArrayInputStream(b("input")), out, err));
    }

    @AfterEach
    void tearDown() {
        fs.closeAll();
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    int open(String p, int flags) {
        return fs.open(b(p), flags, 0644);
    }

    String readAll(int fd) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] buf = new byte[3];
        int n;
        while ((n = fs.read(fd, buf, 0, buf.length)) > 0) {
            o.write(buf, 0, n);
        }
        assertThat(n).isZero();
        return o.toString(StandardCharsets.UTF_8);
    }

    int write(int fd, String s) {
        byte[] d = b(s);
        return fs.write(fd, d, 0, d.length);
    }

    StatLayout.Stat stat(String p) {
        byte[] o = new byte[StatLayout.SIZE];
        assertThat(fs.stat(b(p), o)).as("stat " + p).isZero();
        return StatLayout.decode(o, 0);
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Nested
    class Open {
        @Test
        void readsAnExistingFileFromFd3Upwards() {
            int fd = open("hello.txt", O_RDONLY);
            assertThat(fd).isEqualTo(3);
            assertThat(readAll(fd)).isEqualTo("hello world");
            assertThat(open("/hello.txt", O_RDONLY)).isEqualTo(4);
            assertThat(open("./dir/../hello.txt", O_RDONLY)).isEqualTo(5);
        }

        @Test
        void createsWritesAndReadsBack() throws IOException {
            int fd = open("new.txt", O_CREAT | O_RDWR);
            assertThat(fd).isGreaterThanOrEqualTo(3);
            assertThat(write(fd, "abc")).isEqualTo(3);
            assertThat(fs.lseek(fd, 0, SEEK_SET)).isZero();
            assertThat(readAll(fd)).isEqualTo("abc");
            assertThat(Files.readString(root.resolve("new.txt"))).isEqualTo("abc");
        }

        @Test
        void createWithoutExclOpensAnExistingFile() {
            int fd = open("hello.txt", O_CREAT | O_RDONLY);
            assertThat(readAll(fd)).isEqualTo("hello world");
        }

        @Test
        void exclusiveCreateOfAnExistingPathIsEexist() {
            assertThat(open("hello.txt", O_CREAT | O_EXCL | O_WRONLY)).isEqualTo(-Errno.EEXIST);
            assertThat(open("dir", O_CREAT | O_EXCL | O_WRONLY)).isEqualTo(-Errno.EEXIST);
            assertThat(open("fresh", O_CREAT | O_EXCL | O_WRONLY)).isGreaterThanOrEqualTo(3);
        }

        @Test
        void missingWithoutCreateIsEnoent() {
            assertThat(open("nope", O_RDONLY)).isEqualTo(-Errno.ENOENT);
            assertThat(open("nope/x", O_CREAT | O_WRONLY)).isEqualTo(-Errno.ENOENT);
            assertThat(open("", O_RDONLY)).isEqualTo(-Errno.ENOENT);
        }

        @Test
        void truncAndAppend() throws IOException {
            int fd = open("hello.txt", O_WRONLY | O_TRUNC);
            assertThat(Files.size(root.resolve("hello.txt"))).isZero();
            assertThat(write(fd, "12")).isEqualTo(2);
            int ap = open("hello.txt", O_WRONLY | O_APPEND);
            assertThat(fs.lseek(ap, 0, SEEK_SET)).isZero();
            assertThat(write(ap, "34")).isEqualTo(2);
            assertThat(fs.lseek(ap, 0, SEEK_CUR)).isEqualTo(4);
            assertThat(Files.readString(root.resolve("hello.txt"))).isEqualTo("1234");
        }

        @Test
        void directories() {
            assertThat(open("dir", O_WRONLY)).isEqualTo(-Errno.EISDIR);
            assertThat(open("dir", O_RDWR)).isEqualTo(-Errno.EISDIR);
            assertThat(open("dir", O_CREAT | O_RDONLY)).isEqualTo(-Errno.EISDIR);
            assertThat(open("hello.txt", O_DIRECTORY)).isEqualTo(-Errno.ENOTDIR);
            int d = open("dir", O_RDONLY | O_DIRECTORY);
            assertThat(d).isGreaterThanOrEqualTo(3);
            byte[] buf = new byte[4];
            assertThat(fs.read(d, buf, 0, 4)).isEqualTo(-Errno.EBADF);
            assertThat(fs.write(d, buf, 0, 4)).isEqualTo(-Errno.EBADF);
            assertThat(fs.lseek(d, 0, SEEK_SET)).isEqualTo(-Errno.EBADF);
            assertThat(fs.fstat(d, new byte[56])).isEqualTo(-Errno.EBADF);
            byte[] e = new byte[DirentLayout.SIZE];
            assertThat(fs.readdir(d, e)).isZero();
            assertThat(fs.close(d)).isZero();
        }

        @Test
        void pathThroughAFileIsEnotdir() {
            assertThat(open("hello.txt/x", O_RDONLY)).isEqualTo(-Errno.ENOTDIR);
            assertThat(open("hello.txt/", O_RDONLY)).isEqualTo(-Errno.ENOTDIR);
            assertThat(open("hello.txt/x", O_CREAT | O_WRONLY)).isEqualTo(-Errno.ENOTDIR);
            assertThat(open("newdir/", O_CREAT | O_WRONLY)).isEqualTo(-Errno.EISDIR);
        }

        @Test
        void unknownFlagsAreEinval() {
            assertThat(open("hello.txt", 0x8000_0000)).isEqualTo(-Errno.EINVAL);
            assertThat(open("hello.txt", 0x100)).isEqualTo(-Errno.EINVAL);
            assertThat(open("hello.txt", 3)).isEqualTo(-Errno.EINVAL);
            assertThat(open("x", O_CREAT | O_DIRECTORY)).isEqualTo(-Errno.EINVAL);
        }

        @Test
        void accessModeIsEnforced() {
            int r = open("hello.txt", O_RDONLY);
            int w = open("hello.txt", O_WRONLY);
            byte[] buf = new byte[4];
            assertThat(fs.write(r, buf, 0, 4)).isEqualTo(-Errno.EBADF);
            assertThat(fs.read(w, buf, 0, 4)).isEqualTo(-Errno.EBADF);
        }

        @Test
        void createHonoursOwnerBits() throws IOException {
            Assumptions.assumeTrue(posix());
            int fd = fs.open(b("ro.txt"), O_CREAT | O_RDWR, 0444);
            assertThat(write(fd, "still writable")).isEqualTo(14);
            assertThat(Files.getPosixFilePermissions(root.resolve("ro.txt")))
                    .contains(PosixFilePermission.OWNER_READ)
                    .doesNotContain(PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
            assertThat(stat("ro.txt").mode() & 0700).isEqualTo(0400);
        }

        @Test
        void badPaths() {
            assertThat(fs.open(b("a\0b"), O_RDONLY, 0)).isEqualTo(-Errno.EINVAL);
            assertThat(fs.open(new byte[] {(byte) 0xff, 'a'}, O_RDONLY, 0)).isEqualTo(-Errno.EINVAL);
            assertThat(open("x".repeat(256), O_RDONLY)).isEqualTo(-Errno.ENAMETOOLONG);
            assertThat(open("x".repeat(255), O_RDONLY)).isEqualTo(-Errno.ENOENT);
            assertThat(open("/".repeat(4096), O_RDONLY)).isEqualTo(-Errno.ENAMETOOLONG);
            assertThat(fs.opendir(b("/".repeat(4095)))).isGreaterThanOrEqualTo(3);
        }

        @Test
        void closeIsOnceAndFdsAreNotReused() {
            int a = open("hello.txt", O_RDONLY);
            assertThat(fs.close(a)).isZero();
            assertThat(fs.close(a)).isEqualTo(-Errno.EBADF);
            assertThat(fs.read(a, new byte[1], 0, 1)).isEqualTo(-Errno.EBADF);
            assertThat(open("hello.txt", O_RDONLY)).isEqualTo(a + 1);
            assertThat(fs.close(99)).isEqualTo(-Errno.EBADF);
            assertThat(fs.close(-1)).isEqualTo(-Errno.EBADF);
        }
    }

    @Nested
    class ReadWriteSeek {
        @Test
        void seekWhences() {
            int fd = open("hello.txt", O_RDWR);
            assertThat(fs.lseek(fd, 6, SEEK_SET)).isEqualTo(6);
            assertThat(readAll(fd)).isEqualTo("world");
            assertThat(fs.lseek(fd, -5, SEEK_CUR)).isEqualTo(6);
            assertThat(fs.lseek(fd, -1, SEEK_END)).isEqualTo(10);
            assertThat(readAll(fd)).isEqualTo("d");
            assertThat(fs.lseek(fd, -1, SEEK_SET)).isEqualTo(-Errno.EINVAL);
            assertThat(fs.lseek(fd, -12, SEEK_END)).isEqualTo(-Errno.EINVAL);
            assertThat(fs.lseek(fd, Long.MAX_VALUE, SEEK_END)).isEqualTo(-Errno.EINVAL);
            assertThat(fs.lseek(fd, 0, 3)).isEqualTo(-Errno.EINVAL);
            assertThat(fs.lseek(fd, 0, SEEK_CUR)).isEqualTo(11);
            assertThat(fs.lseek(99, 0, SEEK_SET)).isEqualTo(-Errno.EBADF);
        }

        @Test
        void writingPastTheEndLeavesAHole() throws IOException {
            int fd = open("hole", O_CREAT | O_RDWR);
            assertThat(fs.lseek(fd, 4, SEEK_SET)).isEqualTo(4);
            assertThat(write(fd, "z")).isEqualTo(1);
            assertThat(Files.readAllBytes(root.resolve("hole"))).containsExactly(0, 0, 0, 0, 'z');
            assertThat(fs.read(fd, new byte[4], 0, 4)).isZero();
        }

        @Test
        void zeroLengthAndBadRanges() {
            int fd = open("hello.txt", O_RDWR);
            assertThat(fs.read(fd, new byte[0], 0, 0)).isZero();
            assertThat(fs.write(fd, new byte[0], 0, 0)).isZero();
            assertThat(fs.read(fd, new byte[2], 1, 2)).isEqualTo(-Errno.EFAULT);
            assertThat(fs.read(fd, new byte[2], 0, -1)).isEqualTo(-Errno.EINVAL);
        }

        @Test
        void stdio() {
            byte[] buf = new byte[16];
            assertThat(fs.read(0, buf, 0, 16)).isEqualTo(5);
            assertThat(new String(buf, 0, 5, StandardCharsets.UTF_8)).isEqualTo("input");
            assertThat(fs.read(0, buf, 0, 16)).isZero();
            assertThat(fs.write(1, b("out"), 0, 3)).isEqualTo(3);
            assertThat(fs.write(2, b("err"), 0, 3)).isEqualTo(3);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err");
            assertThat(fs.write(0, buf, 0, 1)).isEqualTo(-Errno.EBADF);
            assertThat(fs.read(1, buf, 0, 1)).isEqualTo(-Errno.EBADF);
            for (int fd = 0; fd < 3; fd++) {
                assertThat(fs.lseek(fd, 0, SEEK_SET)).isEqualTo(-Errno.ESPIPE);
                byte[] st = new byte[56];
                assertThat(fs.fstat(fd, st)).isZero();
                assertThat(StatLayout.decode(st, 0).mode() & StatLayout.S_IFMT).as("a pipe").isEqualTo(StatLayout.S_IFIFO);
                assertThat(fs.readdir(fd, new byte[260])).isEqualTo(-Errno.EBADF);
            }
            assertThat(fs.close(1)).isZero();
            assertThat(fs.write(1, buf, 0, 1)).isEqualTo(-Errno.EBADF);
            assertThat(open("hello.txt", O_RDONLY)).isEqualTo(3);
        }

        @Test
        void terminalStreamsAreCharacterDevices() {
            StandardStreams streams = new StandardStreams(StandardStream.input(null, true),
                    StandardStream.output(null, false), StandardStream.output(null, true));
            try (GuestFileSystem g = new GuestFileSystem(root, "/", streams)) {
                int[] types = new int[3];
                for (int fd = 0; fd < 3; fd++) {
                    byte[] st = new byte[56];
                    assertThat(g.fstat(fd, st)).isZero();
                    types[fd] = StatLayout.decode(st, 0).mode() & StatLayout.S_IFMT;
                }
                assertThat(types).containsExactly(StatLayout.S_IFCHR, StatLayout.S_IFIFO, StatLayout.S_IFCHR);
            }
        }

        @Test
        void failingStreamIsEio() {
            java.io.OutputStream broken = new java.io.OutputStream() {
                @Override
                public void write(int x) throws IOException {
                    throw new IOException("pipe closed");
                }
            };
            try (GuestFileSystem g = new GuestFileSystem(root, "/", StandardStreams.of(null, broken, null))) {
                assertThat(g.write(1, b("x"), 0, 1)).isEqualTo(-Errno.EIO);
                assertThat(g.read(0, new byte[1], 0, 1)).isZero();
                assertThat(g.write(2, b("x"), 0, 1)).isEqualTo(1);
            }
        }
    }

    @Nested
    class Stat {
        @Test
        void fileAndDirectory() throws IOException {
            FileTime t = FileTime.fromMillis(1_700_000_000_123L);
            Files.setLastModifiedTime(root.resolve("hello.txt"), t);
            StatLayout.Stat f = stat("hello.txt");
            assertThat(f.mode() & StatLayout.S_IFMT).isEqualTo(StatLayout.S_IFREG);
            assertThat(f.size()).isEqualTo(11);
            assertThat(f.mtimeNs()).isEqualTo(1_700_000_000_123_000_000L);
            assertThat(f.nlink()).isGreaterThanOrEqualTo(1);
            StatLayout.Stat d = stat("dir");
            assertThat(d.mode() & StatLayout.S_IFMT).isEqualTo(StatLayout.S_IFDIR);
            assertThat(stat("/").mode() & StatLayout.S_IFMT).isEqualTo(StatLayout.S_IFDIR);
            assertThat(stat("dir/").ino()).isEqualTo(d.ino());
            assertThat(stat("dir/sub/..").ino()).isEqualTo(d.ino());
            if (posix()) {
                assertThat(f.mode() & 0777).isEqualTo(permBits(root.resolve("hello.txt")));
            }
        }

        @Test
        void errors() {
            byte[] o = new byte[56];
            assertThat(fs.stat(b("nope"), o)).isEqualTo(-Errno.ENOENT);
            assertThat(fs.stat(b("hello.txt/"), o)).isEqualTo(-Errno.ENOTDIR);
            assertThat(fs.stat(b("hello.txt/x"), o)).isEqualTo(-Errno.ENOTDIR);
            assertThat(fs.stat(b("x\0"), o)).isEqualTo(-Errno.EINVAL);
            assertThat(fs.stat(b("hello.txt"), new byte[10])).isEqualTo(-Errno.EFAULT);
        }

        @Test
        void statFollowsSymlinksInside() throws IOException {
            Assumptions.assumeTrue(trySymlink(root.resolve("ln"), Path.of("hello.txt")));
            assertThat(stat("ln").size()).isEqualTo(11);
            assertThat(stat("ln").mode() & StatLayout.S_IFMT).isEqualTo(StatLayout.S_IFREG);
        }

        @Test
        void fstat() throws IOException {
            int fd = open("hello.txt", O_RDWR);
            byte[] o = new byte[56];
            assertThat(fs.fstat(fd, o)).isZero();
            StatLayout.Stat s = StatLayout.decode(o, 0);
            assertThat(s.size()).isEqualTo(11);
            assertThat(s.ino()).isEqualTo(stat("hello.txt").ino());
            assertThat(write(fd, "0123456789ABCDEF")).isEqualTo(16);
            assertThat(fs.fstat(fd, o)).isZero();
            assertThat(StatLayout.decode(o, 0).size()).isEqualTo(16);
            assertThat(fs.unlink(b("hello.txt"))).isZero();
            assertThat(fs.fstat(fd, o)).isZero();
            assertThat(StatLayout.decode(o, 0).size()).isEqualTo(16);
            assertThat(fs.fstat(77, o)).isEqualTo(-Errno.EBADF);
            assertThat(fs.fstat(fd, new byte[55])).isEqualTo(-Errno.EFAULT);
        }
    }

    @Nested
    class Namespace {
        @Test
        void unlink() {
            assertThat(fs.unlink(b("hello.txt"))).isZero();
            assertThat(root.resolve("hello.txt")).doesNotExist();
            assertThat(fs.unlink(b("hello.txt"))).isEqualTo(-Errno.ENOENT);
            assertThat(fs.unlink(b("dir"))).isEqualTo(-Errno.EISDIR);
            assertThat(fs.unlink(b("dir/f/"))).isEqualTo(-Errno.ENOTDIR);
            assertThat(fs.unlink(b("/"))).isEqualTo(-Errno.EBUSY);
            assertThat(fs.unlink(b("dir/f/x"))).isEqualTo(-Errno.ENOTDIR);
        }

        @Test
        void unlinkOfASymlinkRemovesTheLink() throws IOException {
            Assumptions.assumeTrue(trySymlink(root.resolve("ln"), Path.of("hello.txt")));
            assertThat(fs.unlink(b("ln"))).isZero();
            assertThat(root.resolve("ln")).doesNotExist();
            assertThat(root.resolve("hello.txt")).exists();
        }

        @Test
        void mkdir() throws IOException {
            assertThat(fs.mkdir(b("made"), 0755)).isZero();
            assertThat(root.resolve("made")).isDirectory();
            assertThat(fs.mkdir(b("made"), 0755)).isEqualTo(-Errno.EEXIST);
            assertThat(fs.mkdir(b("hello.txt"), 0755)).isEqualTo(-Errno.EEXIST);
            assertThat(fs.mkdir(b("/"), 0755)).isEqualTo(-Errno.EEXIST);
            assertThat(fs.mkdir(b("no/such"), 0755)).isEqualTo(-Errno.ENOENT);
            assertThat(fs.mkdir(b("hello.txt/x"), 0755)).isEqualTo(-Errno.ENOTDIR);
            assertThat(fs.mkdir(b("trailing/"), 0755)).isZero();
            if (posix()) {
                assertThat(fs.mkdir(b("m700"), 0700)).isZero();
                assertThat(permBits(root.resolve("m700")) & 0700).isEqualTo(0700);
                assertThat(fs.mkdir(b("m500"), 0500)).isZero();
                assertThat(permBits(root.resolve("m500")) & 0700).isEqualTo(0500);
            }
        }

        @Test
        void rmdir() {
            assertThat(fs.rmdir(b("empty"))).isZero();
            assertThat(root.resolve("empty")).doesNotExist();
            assertThat(fs.rmdir(b("empty"))).isEqualTo(-Errno.ENOENT);
            assertThat(fs.rmdir(b("dir"))).isEqualTo(-Errno.ENOTEMPTY);
            assertThat(fs.rmdir(b("hello.txt"))).isEqualTo(-Errno.ENOTDIR);
            assertThat(fs.rmdir(b("/"))).isEqualTo(-Errno.EBUSY);
            assertThat(fs.rmdir(b("dir/sub/."))).isEqualTo(-Errno.EINVAL);
            assertThat(fs.rmdir(b("dir/sub/.."))).isEqualTo(-Errno.ENOTEMPTY);
            assertThat(fs.rmdir(b("dir/sub/"))).isZero();
        }

        @Test
        void renameFiles() throws IOException {
            assertThat(fs.rename(b("hello.txt"), b("moved.txt"))).isZero();
            assertThat(Files.readString(root.resolve("moved.txt"))).isEqualTo("hello world");
            assertThat(fs.rename(b("moved.txt"), b("dir/f"))).isZero();
            assertThat(Files.readString(root.resolve("dir/f"))).isEqualTo("hello world");
            assertThat(fs.rename(b("dir/f"), b("dir/f"))).isZero();
            assertThat(fs.rename(b("dir/f"), b("empty"))).isEqualTo(-Errno.EISDIR);
            assertThat(fs.rename(b("nope"), b("x"))).isEqualTo(-Errno.ENOENT);
            assertThat(fs.rename(b("dir/f"), b("no/such"))).isEqualTo(-Errno.ENOENT);
            assertThat(fs.rename(b("dir/f/"), b("x"))).isEqualTo(-Errno.ENOTDIR);
        }

        @Test
        void renameDirectories() {
            assertThat(fs.rename(b("empty"), b("dir"))).isEqualTo(-Errno.ENOTEMPTY);
            assertThat(fs.mkdir(b("e2"), 0755)).isZero();
            assertThat(fs.rename(b("dir"), b("e2"))).isZero();
            assertThat(root.resolve("e2/f")).exists();
            assertThat(root.resolve("dir")).doesNotExist();
            assertThat(fs.rename(b("e2"), b("hello.txt"))).isEqualTo(-Errno.ENOTDIR);
            assertThat(fs.rename(b("e2"), b("e2/sub/inner"))).isEqualTo(-Errno.EINVAL);
            assertThat(fs.rename(b("/"), b("x"))).isEqualTo(-Errno.EBUSY);
            assertThat(fs.rename(b("empty"), b("/"))).isEqualTo(-Errno.EBUSY);
            assertThat(fs.rename(b("e2/."), b("x"))).isEqualTo(-Errno.EBUSY);
            assertThat(fs.rename(b("e2/"), b("renamed/"))).isZero();
            assertThat(root.resolve("renamed/sub")).isDirectory();
        }

        @Test
        void openFilesSurviveRename() {
            int fd = open("hello.txt", O_RDONLY);
            assertThat(fs.rename(b("hello.txt"), b("dir/h"))).isZero();
            assertThat(readAll(fd)).isEqualTo("hello world");
        }
    }

    @Nested
    class Cwd {
        @Test
        void getcwdWithBuffers() throws IOException {
            byte[] buf = new byte[2];
            assertThat(fs.getcwd(buf, 0, 2)).isEqualTo(2);
            assertThat(buf).containsExactly('/', 0);
            assertThat(fs.getcwd(buf, 0, 1)).isEqualTo(-Errno.ERANGE);
            try (GuestFileSystem g = new GuestFileSystem(root, "dir/sub", StandardStreams.of(null, null, null))) {
                byte[] big = new byte[9];
                assertThat(g.getcwd(big, 0, 8)).isEqualTo(-Errno.ERANGE);
                assertThat(big).containsOnly(0);
                assertThat(g.getcwd(big, 0, 9)).isEqualTo(9);
                assertThat(new String(big, 0, 8, StandardCharsets.UTF_8)).isEqualTo("/dir/sub");
                assertThat(g.open(b("../f"), O_RDONLY, 0)).isEqualTo(3);
                assertThat(g.mkdir(b("rel"), 0755)).isZero();
                assertThat(root.resolve("dir/sub/rel")).isDirectory();
                assertThat(g.open(b("/hello.txt"), O_RDONLY, 0)).isEqualTo(4);
            }
        }
    }

    @Nested
    class Directories {
        @Test
        void readdirListsSortedEntriesWithTypes() throws IOException {
            Files.write(root.resolve("dir/b"), b(""));
            Files.write(root.resolve("dir/a"), b(""));
            Files.write(root.resolve("dir/é"), b(""));
            boolean links = trySymlink(root.resolve("dir/link"), Path.of("a"));
            int d = fs.opendir(b("dir"));
            assertThat(d).isGreaterThanOrEqualTo(3);
            List<String> names = new ArrayList<>();
            byte[] e = new byte[DirentLayout.SIZE];
            java.util.Arrays.fill(e, (byte) 0x55);
            int r;
            while ((r = fs.readdir(d, e)) == 0) {
                int len = 0;
                while (e[5 + len] != 0) {
                    len++;
                }
                String name = new String(e, 5, len, StandardCharsets.UTF_8);
                for (int i = 5 + len; i < DirentLayout.SIZE; i++) {
                    assertThat(e[i]).as("zero fill").isZero();
                }
                int type = e[4];
                names.add(name + ":" + type);
                if (name.equals("a")) {
                    assertThat(Le.getInt(e, 0)).isEqualTo(stat("dir/a").ino());
                }
            }
            assertThat(r).isEqualTo(1);
            assertThat(fs.readdir(d, e)).isEqualTo(1);
            List<String> expected = new ArrayList<>(List.of("a:8", "b:8", "f:8"));
            if (links) {
                expected.add("link:10");
            }
            expected.addAll(List.of("sub:4", "é:8"));
            assertThat(names).containsExactlyElementsOf(expected);
            assertThat(fs.closedir(d)).isZero();
            assertThat(fs.closedir(d)).isEqualTo(-Errno.EBADF);
            assertThat(fs.readdir(d, e)).isEqualTo(-Errno.EBADF);
        }

        @Test
        void emptyDirectoryAndRoot() {
            int d = fs.opendir(b("empty"));
            assertThat(fs.readdir(d, new byte[260])).isEqualTo(1);
            int r = fs.opendir(b("/"));
            int count = 0;
            while (fs.readdir(r, new byte[260]) == 0) {
                count++;
            }
            assertThat(count).isEqualTo(3);
        }

        @Test
        void errors() {
            assertThat(fs.opendir(b("hello.txt"))).isEqualTo(-Errno.ENOTDIR);
            assertThat(fs.opendir(b("nope"))).isEqualTo(-Errno.ENOENT);
            assertThat(fs.opendir(b(""))).isEqualTo(-Errno.ENOENT);
            int f = open("hello.txt", O_RDONLY);
            assertThat(fs.readdir(f, new byte[260])).isEqualTo(-Errno.EBADF);
            assertThat(fs.closedir(f)).isEqualTo(-Errno.EBADF);
            assertThat(fs.readdir(42, new byte[260])).isEqualTo(-Errno.EBADF);
            int d = fs.opendir(b("dir"));
            assertThat(fs.readdir(d, new byte[259])).isEqualTo(-Errno.EFAULT);
            assertThat(fs.close(d)).isZero();
        }

        @Test
        void aNameThatDoesNotFitIsSkippedWithEnametoolong() throws IOException {
            String longName = "n".repeat(255);
            try {
                Files.write(root.resolve("empty/" + longName), b(""));
            } catch (IOException e) {
                Assumptions.abort("host cannot store 255-byte names");
            }
            Files.write(root.resolve("empty/z"), b(""));
            Files.write(root.resolve("empty/" + "n".repeat(254)), b(""));
            int d = fs.opendir(b("empty"));
            byte[] e = new byte[260];
            assertThat(fs.readdir(d, e)).isZero();
            assertThat(e[5 + 253]).isEqualTo((byte) 'n');
            assertThat(e[5 + 254]).isZero();
            assertThat(fs.readdir(d, e)).isEqualTo(-Errno.ENAMETOOLONG);
            assertThat(fs.readdir(d, e)).isZero();
            assertThat((char) e[5]).isEqualTo('z');
            assertThat(fs.readdir(d, e)).isEqualTo(1);
        }

        @Test
        void closeAllReleasesEverything() {
            open("hello.txt", O_RDONLY);
            fs.opendir(b("dir"));
            assertThat(fs.openFdCount()).isEqualTo(5);
            fs.closeAll();
            assertThat(fs.openFdCount()).isZero();
            assertThat(fs.read(3, new byte[1], 0, 1)).isEqualTo(-Errno.EBADF);
        }
    }

    static boolean trySymlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    static int permBits(Path p) throws IOException {
        return StatLayout.permBits(Files.getPosixFilePermissions(p));
    }
}
