package org.wasmvm.core.sysenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmvm.core.sysenv.SysenvCalls.PAGE;
import static org.wasmvm.core.sysenv.SysenvCalls.tagged;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmvm.core.sandbox.Errno;
import org.wasmvm.core.sysenv.fs.OpenFlags;

/**
 * The sys_fs bindings through raw wasm calls: argument decoding, tagged pointers, -EFAULT before
 * any side effect, chunked transfers, and the stat/dirent records byte by byte. The file-system
 * semantics themselves are tested in the fs package.
 */
class SysFsBindingTest {
    private static final byte FILL = (byte) 0xAA;

    @TempDir
    Path root;
    private SysenvCalls guest;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("file.txt"), "0123456789");
        Files.createDirectory(root.resolve("dir"));
        guest = new SysenvCalls(root);
    }

    @AfterEach
    void tearDown() {
        guest.close();
    }

    @Test
    void openReadWriteLseekClose() throws Exception {
        long[] path = guest.str("/new.txt");
        int fd = (int) guest.call("open", path[0], path[1], OpenFlags.O_CREAT | OpenFlags.O_RDWR, 0644);
        assertThat(fd).isEqualTo(3);
        long[] data = guest.str("hello");
        assertThat(guest.call("write", fd, data[0], data[1])).isEqualTo(5);
        assertThat(guest.call("lseek", fd, 1, OpenFlags.SEEK_SET)).isEqualTo(1);
        long buf = filled(8);
        assertThat(guest.call("read", fd, buf, 8)).isEqualTo(4);
        assertThat(guest.read(buf, 5)).isEqualTo(new byte[] {'e', 'l', 'l', 'o', FILL});
        assertThat(guest.call("lseek", fd, 0, OpenFlags.SEEK_END)).isEqualTo(5);
        assertThat(guest.call("close", fd)).isZero();
        assertThat(guest.call("close", fd)).isEqualTo(-Errno.EBADF);
        assertThat(Files.readString(root.resolve("new.txt"))).isEqualTo("hello");
    }

    @Test
    void lseekResultIsI64() throws Exception {
        int fd = open("/file.txt", OpenFlags.O_RDWR);
        long far = 5L << 32;
        assertThat(guest.call("lseek", fd, far, OpenFlags.SEEK_SET)).isEqualTo(far);
        assertThat(guest.call("lseek", fd, -1, OpenFlags.SEEK_SET)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void writeToStdoutGoesToTheRunsStream() {
        long[] data = guest.str("out!");
        assertThat(guest.call("write", 1, data[0], data[1])).isEqualTo(4);
        assertThat(guest.stdout.toString(StandardCharsets.UTF_8)).isEqualTo("out!");
    }

    @Test
    void pathsAndBuffersMayLiveInATaggedMemory() throws Exception {
        byte[] path = "/file.txt".getBytes(StandardCharsets.US_ASCII);
        guest.memory(1).write(200, path);
        int fd = (int) guest.call("open", tagged(1, 200), path.length, OpenFlags.O_RDONLY, 0);
        assertThat(fd).isGreaterThanOrEqualTo(3);
        assertThat(guest.call("read", fd, tagged(1, PAGE - 4), 4)).isEqualTo(4);
        assertThat(guest.memory(1).read(PAGE - 4, 4)).containsExactly('0', '1', '2', '3');
        assertThat(guest.memory(0).read(PAGE - 4, 4)).containsOnly(0);
    }

    @Test
    void transfersLargerThanOneChunk() throws Exception {
        guest.memory(0).grow(80);
        byte[] data = new byte[SysFs.CHUNK * 2 + 12345];
        new Random(7).nextBytes(data);
        guest.memory(0).write(PAGE, data);
        int fd = open("/big.bin", OpenFlags.O_CREAT | OpenFlags.O_RDWR);
        assertThat(guest.call("write", fd, PAGE, data.length)).isEqualTo(data.length);
        assertThat(Files.readAllBytes(root.resolve("big.bin"))).isEqualTo(data);
        guest.call("lseek", fd, 0, OpenFlags.SEEK_SET);
        long target = PAGE + data.length;
        assertThat(guest.call("read", fd, target, data.length + 100)).isEqualTo(data.length);
        assertThat(guest.memory(0).read(target, data.length)).isEqualTo(data);
    }

    @Test
    void readIntoABadBufferIsEfaultAndConsumesNothing() throws Exception {
        int fd = open("/file.txt", OpenFlags.O_RDONLY);
        assertThat(guest.call("read", fd, PAGE - 2, 4)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("read", fd, tagged(2, 0), 4)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("read", fd, 0, -1)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("lseek", fd, 0, OpenFlags.SEEK_CUR)).isZero();
    }

    @Test
    void writeFromABadBufferIsEfaultAndWritesNothing() throws Exception {
        int fd = open("/file.txt", OpenFlags.O_WRONLY | OpenFlags.O_APPEND);
        assertThat(guest.call("write", fd, PAGE - 2, 4)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("write", fd, tagged(15, 0), 1)).isEqualTo(-Errno.EFAULT);
        assertThat(Files.readString(root.resolve("file.txt"))).isEqualTo("0123456789");
    }

    /** Every path-taking call with a path that runs off the end of memory, or in a missing memory. */
    @ParameterizedTest
    @ValueSource(strings = {"open", "stat", "unlink", "rename-old", "rename-new", "mkdir", "rmdir", "opendir"})
    void badPathPointerIsEfaultWithoutSideEffects(String call) throws Exception {
        long[] good = guest.str("/dir");
        long stat = filled(56);
        for (long[] bad : new long[][] {{PAGE - 3, 4}, {tagged(2, good[0]), good[1]}, {good[0], -5}}) {
            long result = switch (call) {
                case "open" -> guest.call("open", bad[0], bad[1], OpenFlags.O_RDONLY, 0);
                case "stat" -> guest.call("stat", bad[0], bad[1], stat);
                case "unlink" -> guest.call("unlink", bad[0], bad[1]);
                case "rename-old" -> guest.call("rename", bad[0], bad[1], good[0], good[1]);
                case "rename-new" -> guest.call("rename", good[0], good[1], bad[0], bad[1]);
                case "mkdir" -> guest.call("mkdir", bad[0], bad[1], 0755);
                case "rmdir" -> guest.call("rmdir", bad[0], bad[1]);
                case "opendir" -> guest.call("opendir", bad[0], bad[1]);
                default -> throw new IllegalArgumentException(call);
            };
            assertThat(result).as(call).isEqualTo(-Errno.EFAULT);
        }
        assertThat(root.resolve("dir")).isDirectory();
        assertThat(guest.read(stat, 56)).containsOnly(FILL);
    }

    @Test
    void overlongPathIsEnametoolong() {
        guest.memory(0).grow(1);
        byte[] path = new byte[SysFs.PATH_MAX];
        Arrays.fill(path, (byte) 'a');
        long at = guest.put(path);
        assertThat(guest.call("open", at, path.length, OpenFlags.O_RDONLY, 0)).isEqualTo(-Errno.ENAMETOOLONG);
        assertThat(guest.call("mkdir", at, path.length, 0755)).isEqualTo(-Errno.ENAMETOOLONG);
        long[] good = guest.str("/file.txt");
        assertThat(guest.call("rename", good[0], good[1], at, path.length)).isEqualTo(-Errno.ENAMETOOLONG);
        assertThat(root.resolve("file.txt")).exists();
    }

    @Test
    void statRecordByteByByte() throws Exception {
        Path file = root.resolve("file.txt");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-02T03:04:05.678901234Z")));
        long[] path = guest.str("/file.txt");
        long out = filled(64);
        assertThat(guest.call("stat", path[0], path[1], out)).isZero();
        ByteBuffer record = record(out, 64);
        long mtime = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        assertThat(record.getInt(8) & 0170000).isEqualTo(0100000);
        assertThat(record.getInt(12)).isPositive();
        assertThat(record.getLong(24)).isEqualTo(10);
        assertThat(record.getLong(40)).isEqualTo(mtime);
        assertThat(Arrays.copyOfRange(guest.read(out, 64), 56, 64)).containsOnly(FILL);
        long fstatOut = filled(56);
        int fd = open("/file.txt", OpenFlags.O_RDONLY);
        assertThat(guest.call("fstat", fd, fstatOut)).isZero();
        assertThat(guest.read(fstatOut, 56)).isEqualTo(guest.read(out, 56));
    }

    @Test
    void statOfDirectoryHasTheDirectoryType() {
        long[] path = guest.str("dir");
        long out = filled(56);
        assertThat(guest.call("stat", path[0], path[1], out)).isZero();
        assertThat(record(out, 56).getInt(8) & 0170000).isEqualTo(0040000);
    }

    @Test
    void statIntoABadBufferIsEfault() {
        long[] path = guest.str("/file.txt");
        assertThat(guest.call("stat", path[0], path[1], PAGE - 55)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("stat", path[0], path[1], tagged(2, 0))).isEqualTo(-Errno.EFAULT);
        int fd = open("/file.txt", OpenFlags.O_RDONLY);
        assertThat(guest.call("fstat", fd, PAGE - 55)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("fstat", fd, PAGE - 56)).isZero();
    }

    @Test
    void failedStatLeavesTheBufferAlone() {
        long[] path = guest.str("/missing");
        long out = filled(56);
        assertThat(guest.call("stat", path[0], path[1], out)).isEqualTo(-Errno.ENOENT);
        assertThat(guest.call("fstat", 99, out)).isEqualTo(-Errno.EBADF);
        assertThat(guest.read(out, 56)).containsOnly(FILL);
    }

    @Test
    void direntRecordByteByByte() throws Exception {
        Files.writeString(root.resolve("dir/entry"), "x");
        long[] path = guest.str("/dir");
        int dir = (int) guest.call("opendir", path[0], path[1]);
        assertThat(dir).isGreaterThanOrEqualTo(3);
        long out = filled(264);
        assertThat(guest.call("readdir", dir, out)).isZero();
        byte[] record = guest.read(out, 264);
        assertThat(record[4]).isEqualTo((byte) 8);
        assertThat(Arrays.copyOfRange(record, 5, 11)).isEqualTo("entry\0".getBytes(StandardCharsets.US_ASCII));
        assertThat(Arrays.copyOfRange(record, 11, 260)).containsOnly(0);
        assertThat(Arrays.copyOfRange(record, 260, 264)).containsOnly(FILL);
        long end = filled(260);
        assertThat(guest.call("readdir", dir, end)).isEqualTo(1);
        assertThat(guest.read(end, 260)).containsOnly(FILL);
        assertThat(guest.call("closedir", dir)).isZero();
        assertThat(guest.call("readdir", dir, out)).isEqualTo(-Errno.EBADF);
    }

    @Test
    void readdirIntoABadBufferIsEfault() {
        long[] path = guest.str("/");
        int dir = (int) guest.call("opendir", path[0], path[1]);
        assertThat(guest.call("readdir", dir, PAGE - 259)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("readdir", dir, tagged(1, PAGE - 260))).isZero();
    }

    @Test
    void unlinkRenameMkdirRmdir() {
        long[] file = guest.str("/file.txt");
        long[] moved = guest.str("/dir/moved.txt");
        assertThat(guest.call("rename", file[0], file[1], moved[0], moved[1])).isZero();
        assertThat(root.resolve("dir/moved.txt")).hasContent("0123456789");
        assertThat(guest.call("unlink", moved[0], moved[1])).isZero();
        assertThat(root.resolve("dir/moved.txt")).doesNotExist();
        long[] sub = guest.str("/dir/sub");
        assertThat(guest.call("mkdir", sub[0], sub[1], 0755)).isZero();
        assertThat(root.resolve("dir/sub")).isDirectory();
        assertThat(guest.call("rmdir", sub[0], sub[1])).isZero();
        assertThat(root.resolve("dir/sub")).doesNotExist();
    }

    @Test
    void getcwdReportsTheGuestPathWithItsNul() throws Exception {
        Files.createDirectories(root.resolve("dir/sub"));
        try (SysenvCalls inSub = new SysenvCalls(root, "/dir/sub", List.of("p"), Map.of())) {
            long buf = inSub.put(filled());
            assertThat(inSub.call("getcwd", buf, 9)).isEqualTo(9);
            assertThat(inSub.read(buf, 10)).isEqualTo("/dir/sub\0\u00AA".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(inSub.call("getcwd", buf, 8)).isEqualTo(-Errno.ERANGE);
            assertThat(inSub.call("getcwd", PAGE - 8, 9)).isEqualTo(-Errno.EFAULT);
        }
    }

    @Test
    void badFdsAreEbadf() {
        long buf = filled(8);
        ToLongFunction<String> onFd99 = call -> switch (call) {
            case "read", "write" -> guest.call(call, 99, buf, 1);
            case "lseek" -> guest.call("lseek", 99, 0, 0);
            case "fstat", "readdir" -> guest.call(call, 99, buf);
            default -> guest.call(call, 99);
        };
        for (String call : List.of("close", "read", "write", "lseek", "fstat", "readdir", "closedir")) {
            assertThat(onFd99.applyAsLong(call)).as(call).isEqualTo(-Errno.EBADF);
        }
    }

    private int open(String path, int flags) {
        long[] p = guest.str(path);
        return (int) guest.call("open", p[0], p[1], flags, 0644);
    }

    private long filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, FILL);
        return guest.put(bytes);
    }

    private static byte[] filled() {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, FILL);
        return bytes;
    }

    private ByteBuffer record(long address, int length) {
        return ByteBuffer.wrap(guest.read(address, length)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
