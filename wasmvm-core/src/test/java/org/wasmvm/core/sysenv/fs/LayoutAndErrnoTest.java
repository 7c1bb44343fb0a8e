package org.wasmvm.core.sysenv.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.sandbox.Errno;
import org.wasmvm.core.sandbox.FsError;

class LayoutAndErrnoTest {
    @Test
    void statLayoutOffsets() {
        byte[] out = new byte[StatLayout.SIZE];
        StatLayout.encode(new StatLayout.Stat(0x01020304, 0x05060708, 0100644, 2, 1000, 1001,
                0x1122334455667788L, 1L, 2L, -3L), out, 0);
        assertThat(Le.getInt(out, 0)).isEqualTo(0x01020304);
        assertThat(out[0]).isEqualTo((byte) 0x04);
        assertThat(Le.getInt(out, 4)).isEqualTo(0x05060708);
        assertThat(Le.getInt(out, 8)).isEqualTo(0100644);
        assertThat(Le.getInt(out, 12)).isEqualTo(2);
        assertThat(Le.getInt(out, 16)).isEqualTo(1000);
        assertThat(Le.getInt(out, 20)).isEqualTo(1001);
        assertThat(out[24]).isEqualTo((byte) 0x88);
        assertThat(Le.getLong(out, 24)).isEqualTo(0x1122334455667788L);
        assertThat(Le.getLong(out, 32)).isEqualTo(1L);
        assertThat(Le.getLong(out, 40)).isEqualTo(2L);
        assertThat(Le.getLong(out, 48)).isEqualTo(-3L);
        assertThat(StatLayout.decode(out, 0).size()).isEqualTo(0x1122334455667788L);
    }

    @Test
    void direntLayout() {
        byte[] out = new byte[DirentLayout.SIZE];
        java.util.Arrays.fill(out, (byte) 7);
        DirentLayout.encode(0xCAFEBABE, DirentLayout.DT_DIR, "ab".getBytes(), out, 0);
        assertThat(Le.getInt(out, 0)).isEqualTo(0xCAFEBABE);
        assertThat(out[4]).isEqualTo((byte) 4);
        assertThat(out[5]).isEqualTo((byte) 'a');
        assertThat(out[6]).isEqualTo((byte) 'b');
        for (int i = 7; i < 260; i++) {
            assertThat(out[i]).isZero();
        }
        assertThatThrownBy(() -> DirentLayout.encode(0, 0, new byte[255], out, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timespecLayout() {
        byte[] t = TimespecLayout.encode(1_500_000_000_123_456_789L);
        assertThat(t).hasSize(12);
        assertThat(Le.getLong(t, 0)).isEqualTo(1_500_000_000L);
        assertThat(Le.getInt(t, 8)).isEqualTo(123_456_789);
        byte[] neg = TimespecLayout.encode(-1L);
        assertThat(Le.getLong(neg, 0)).isEqualTo(-1L);
        assertThat(Le.getInt(neg, 8)).isEqualTo(999_999_999);
    }

    @Test
    void constantsAreTheLinuxValues() {
        assertThat(new int[] {Errno.EPERM, Errno.ENOENT, Errno.EIO, Errno.EBADF, Errno.EAGAIN, Errno.ENOMEM,
            Errno.EACCES, Errno.EFAULT, Errno.EBUSY, Errno.EEXIST, Errno.EXDEV, Errno.ENOTDIR, Errno.EISDIR,
            Errno.EINVAL, Errno.EMFILE, Errno.EFBIG, Errno.ENOSPC, Errno.ESPIPE, Errno.EROFS, Errno.ERANGE,
            Errno.ENAMETOOLONG, Errno.ENOSYS, Errno.ENOTEMPTY, Errno.ELOOP})
                .containsExactly(1, 2, 5, 9, 11, 12, 13, 14, 16, 17, 18, 20, 21, 22, 24, 27, 28, 29, 30, 34, 36, 38,
                        39, 40);
        assertThat(new int[] {OpenFlags.O_RDONLY, OpenFlags.O_WRONLY, OpenFlags.O_RDWR, OpenFlags.O_CREAT,
            OpenFlags.O_EXCL, OpenFlags.O_TRUNC, OpenFlags.O_APPEND, OpenFlags.O_DIRECTORY})
                .containsExactly(0, 1, 2, 0x40, 0x80, 0x200, 0x400, 0x10000);
        assertThat(new int[] {StatLayout.S_IFDIR, StatLayout.S_IFREG, StatLayout.S_IFLNK})
                .containsExactly(040000, 0100000, 0120000);
        assertThat(new int[] {DirentLayout.DT_UNKNOWN, DirentLayout.DT_DIR, DirentLayout.DT_REG, DirentLayout.DT_LNK})
                .containsExactly(0, 4, 8, 10);
    }

    @Test
    void exceptionMapping() {
        assertThat(Errno.of(new NoSuchFileException("x"))).isEqualTo(Errno.ENOENT);
        assertThat(Errno.of(new AccessDeniedException("x"))).isEqualTo(Errno.EACCES);
        assertThat(Errno.of(new FileAlreadyExistsException("x"))).isEqualTo(Errno.EEXIST);
        assertThat(Errno.of(new DirectoryNotEmptyException("x"))).isEqualTo(Errno.ENOTEMPTY);
        assertThat(Errno.of(new NotDirectoryException("x"))).isEqualTo(Errno.ENOTDIR);
        assertThat(Errno.of(new FileSystemLoopException("x"))).isEqualTo(Errno.ELOOP);
        assertThat(Errno.of(new IOException("No space left on device"))).isEqualTo(Errno.ENOSPC);
        assertThat(Errno.of(new FileSystemException("x", null, "No space left on device"))).isEqualTo(Errno.ENOSPC);
        assertThat(Errno.of(new FileSystemException("x", null, "Not a directory"))).isEqualTo(Errno.ENOTDIR);
        assertThat(Errno.of(new FileSystemException("x", null, "Too many levels of symbolic links")))
                .isEqualTo(Errno.ELOOP);
        assertThat(Errno.of(new ClosedChannelException())).isEqualTo(Errno.EBADF);
        assertThat(Errno.of(new UncheckedIOException(new NoSuchFileException("x")))).isEqualTo(Errno.ENOENT);
        assertThat(Errno.of(new IOException("weird"))).isEqualTo(Errno.EIO);
        assertThat(Errno.of(new IllegalStateException())).isEqualTo(Errno.EIO);
        assertThat(Errno.of(new FsError(Errno.EXDEV))).isEqualTo(Errno.EXDEV);
    }

    @Test
    void openFlagValidity() {
        assertThat(OpenFlags.isValid(OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_TRUNC)).isTrue();
        assertThat(OpenFlags.isValid(3)).isFalse();
        assertThat(OpenFlags.isValid(0x80000)).isFalse();
        assertThat(OpenFlags.readable(OpenFlags.O_WRONLY)).isFalse();
        assertThat(OpenFlags.writable(OpenFlags.O_RDONLY)).isFalse();
    }
}
