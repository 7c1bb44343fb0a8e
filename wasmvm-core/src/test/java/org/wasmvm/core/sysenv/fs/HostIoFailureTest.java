package org.wasmvm.core.sysenv.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.sandbox.Errno;
import org.wasmvm.core.sandbox.StandardStreams;

/**
 * Host I/O failures that happen under a running guest — files deleted or directories removed while
 * open, permissions, a full disk — come back as -errno (or, where POSIX says so, as success), never
 * as a Java exception out of the file system.
 */
class HostIoFailureTest {
    @TempDir
    Path tmp;
    Path root;
    GuestFileSystem fs;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private GuestFileSystem open(OutputStream stdout) {
        return new GuestFileSystem(root, "/", StandardStreams.of(null, stdout, null));
    }

    private void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.write(root.resolve("data.txt"), b("0123456789"));
        Files.createDirectories(root.resolve("dir"));
        Files.write(root.resolve("dir/a"), b("a"));
        fs = open(new ByteArrayOutputStream());
    }

    @AfterEach
    void tearDown() {
        if (fs != null) {
            fs.closeAll();
        }
        // give the @TempDir cleanup its permissions back
        if (root != null && Files.isDirectory(root.resolve("ro"))) {
            root.resolve("ro").toFile().setWritable(true);
        }
    }

    @Test
    void aFileDeletedWhileOpenStaysReadableAndWritable() throws IOException {
        setUp();
        int reader = fs.open(b("data.txt"), OpenFlags.O_RDONLY, 0);
        int writer = fs.open(b("new.txt"), OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644);
        assertThat(reader).isGreaterThanOrEqualTo(3);
        assertThat(writer).isGreaterThanOrEqualTo(3);
        Files.delete(root.resolve("data.txt"));
        Files.delete(root.resolve("new.txt"));

        // POSIX: the open file lives on until it is closed
        byte[] buf = new byte[4];
        assertThat(fs.read(reader, buf, 0, 4)).isEqualTo(4);
        assertThat(new String(buf, StandardCharsets.UTF_8)).isEqualTo("0123");
        assertThat(fs.write(writer, b("xyz"), 0, 3)).isEqualTo(3);
        assertThat(fs.fstat(reader, new byte[StatLayout.SIZE])).isZero();
        // the name is gone
        assertThat(fs.stat(b("data.txt"), new byte[StatLayout.SIZE])).isEqualTo(-Errno.ENOENT);
        assertThat(fs.open(b("data.txt"), OpenFlags.O_RDONLY, 0)).isEqualTo(-Errno.ENOENT);
        assertThat(fs.unlink(b("new.txt"))).isEqualTo(-Errno.ENOENT);
        assertThat(fs.close(reader)).isZero();
        assertThat(fs.close(writer)).isZero();
    }

    @Test
    void aDirectoryRemovedWhileOpenEndsOrFailsWithErrno() throws IOException {
        setUp();
        int dir = fs.opendir(b("dir"));
        assertThat(dir).isGreaterThanOrEqualTo(0);
        Files.delete(root.resolve("dir/a"));
        Files.delete(root.resolve("dir"));

        byte[] entry = new byte[DirentLayout.SIZE];
        for (int i = 0; i < 10; i++) {
            int result = fs.readdir(dir, entry);
            assertThat(result).as("readdir %d", i).isLessThanOrEqualTo(1);
            if (result != 0) { // 1: end, < 0: -errno
                break;
            }
        }
        assertThat(fs.closedir(dir)).isZero();
        assertThat(fs.opendir(b("dir"))).isEqualTo(-Errno.ENOENT);
        assertThat(fs.mkdir(b("dir/sub"), 0755)).isEqualTo(-Errno.ENOENT);
    }

    @Test
    void aFileReplacedByADirectoryWhileOpen() throws IOException {
        setUp();
        int fd = fs.open(b("data.txt"), OpenFlags.O_RDWR, 0);
        Files.delete(root.resolve("data.txt"));
        Files.createDirectory(root.resolve("data.txt"));

        assertThat(fs.write(fd, b("still the old file"), 0, 18)).isEqualTo(18);
        assertThat(fs.open(b("data.txt"), OpenFlags.O_RDWR, 0)).isEqualTo(-Errno.EISDIR);
        assertThat(fs.unlink(b("data.txt"))).isNegative();
        assertThat(fs.close(fd)).isZero();
    }

    @Test
    void permissionDeniedOnAReadOnlyDirectory() throws IOException {
        setUp();
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path ro = Files.createDirectory(root.resolve("ro"));
        Files.write(ro.resolve("f"), b("read only"));
        Files.setPosixFilePermissions(ro.resolve("f"), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        Assumptions.assumeFalse(Files.isWritable(ro), "permissions do not apply (running as root)");

        assertThat(fs.open(b("ro/new"), OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644)).isEqualTo(-Errno.EACCES);
        assertThat(fs.open(b("ro/f"), OpenFlags.O_WRONLY, 0)).isEqualTo(-Errno.EACCES);
        assertThat(fs.mkdir(b("ro/sub"), 0755)).isEqualTo(-Errno.EACCES);
        assertThat(fs.unlink(b("ro/f"))).isEqualTo(-Errno.EACCES);
        assertThat(fs.rename(b("ro/f"), b("moved"))).isEqualTo(-Errno.EACCES);
        // reading is still allowed
        int fd = fs.open(b("ro/f"), OpenFlags.O_RDONLY, 0);
        assertThat(fd).isGreaterThanOrEqualTo(3);
        assertThat(fs.close(fd)).isZero();
    }

    @Test
    void aFullDiskUnderStdoutIsEnospc() throws IOException {
        setUp();
        fs.closeAll();
        fs = open(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        assertThat(fs.write(1, b("hello"), 0, 5)).isEqualTo(-Errno.ENOSPC);
        // and the fd stays usable for the guest to report or give up
        assertThat(fs.write(1, b("again"), 0, 5)).isEqualTo(-Errno.ENOSPC);
    }
}
