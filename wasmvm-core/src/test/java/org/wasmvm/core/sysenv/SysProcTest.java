package org.wasmvm.core.sysenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.sysenv.SysenvCalls.PAGE;
import static org.wasmvm.core.sysenv.SysenvCalls.tagged;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.ProcessExit;
import org.wasmvm.core.sandbox.Errno;

/** sys_proc through a wasm guest calling the imports with raw pointers: every result and errno. */
class SysProcTest {
    private static final byte FILL = (byte) 0xAA;

    @TempDir
    Path root;
    private SysenvCalls guest;

    @BeforeEach
    void setUp() {
        guest = new SysenvCalls(root, "/", List.of("prog.wasm", "", "héllo wörld", "x"),
                Map.of("HOME", "/home/guest", "EMPTY", "", "UTF8", "ünï €"));
    }

    @AfterEach
    void tearDown() {
        guest.close();
    }

    @Test
    void argcCountsProgramNameAndArguments() {
        assertThat(guest.call("argc")).isEqualTo(4);
    }

    @Test
    void argvLenIsUtf8LengthWithoutNul() {
        assertThat(guest.call("argv_len", 0)).isEqualTo(9);
        assertThat(guest.call("argv_len", 1)).isZero();
        assertThat(guest.call("argv_len", 2)).isEqualTo("héllo wörld".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void argvLenOfBadIndexIsEinval() {
        assertThat(guest.call("argv_len", -1)).isEqualTo(-Errno.EINVAL);
        assertThat(guest.call("argv_len", 4)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void argvAppendsNulWhenItFits() {
        long buf = filled(16);
        assertThat(guest.call("argv", 3, buf, 16)).isEqualTo(1);
        assertThat(guest.read(buf, 3)).containsExactly('x', 0, FILL);
    }

    @Test
    void argvOfExactLengthHasNoNul() {
        byte[] arg = "héllo wörld".getBytes(StandardCharsets.UTF_8);
        long buf = filled(arg.length + 1);
        assertThat(guest.call("argv", 2, buf, arg.length)).isEqualTo(arg.length);
        assertThat(guest.read(buf, arg.length)).isEqualTo(arg);
        assertThat(guest.read(buf + arg.length, 1)).containsExactly(FILL);
    }

    @Test
    void argvTruncatesToTheBuffer() {
        long buf = filled(8);
        assertThat(guest.call("argv", 0, buf, 4)).isEqualTo(4);
        assertThat(guest.read(buf, 5)).containsExactly('p', 'r', 'o', 'g', FILL);
    }

    @Test
    void emptyArgumentAndEmptyBuffer() {
        long buf = filled(2);
        assertThat(guest.call("argv", 1, buf, 0)).isZero();
        assertThat(guest.read(buf, 1)).containsExactly(FILL);
        assertThat(guest.call("argv", 1, buf, 1)).isZero();
        assertThat(guest.read(buf, 1)).containsExactly(0);
    }

    @Test
    void argvOfBadIndexIsEinval() {
        long buf = filled(8);
        assertThat(guest.call("argv", 4, buf, 8)).isEqualTo(-Errno.EINVAL);
        assertThat(guest.call("argv", -1, buf, 8)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void argvBufferOutOfBoundsIsEfault() {
        assertThat(guest.call("argv", 0, PAGE - 4, 8)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("argv", 0, 0, -1)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("argv", 0, tagged(2, 0), 8)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("argv", 0, tagged(15, 0), 8)).isEqualTo(-Errno.EFAULT);
    }

    @Test
    void argvWritesIntoTheTaggedMemory() {
        assertThat(guest.call("argv", 3, tagged(1, 100), 2)).isEqualTo(1);
        assertThat(guest.memory(1).read(100, 2)).containsExactly('x', 0);
        assertThat(guest.memory(0).read(100, 2)).containsExactly(0, 0);
    }

    @Test
    void argvMayEndExactlyAtTheEndOfMemory() {
        assertThat(guest.call("argv", 3, PAGE - 2, 2)).isEqualTo(1);
        assertThat(guest.memory(0).read(PAGE - 2, 2)).containsExactly('x', 0);
    }

    @Test
    void getenvWritesValueAndNul() {
        long[] name = guest.str("HOME");
        long buf = filled(32);
        assertThat(guest.call("getenv", name[0], name[1], buf, 32)).isEqualTo(11);
        assertThat(guest.read(buf, 13)).isEqualTo("/home/guest\0\u00AA".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void getenvOfNonAsciiValueCountsBytes() {
        byte[] value = "ünï €".getBytes(StandardCharsets.UTF_8);
        long[] name = guest.str("UTF8");
        long buf = filled(32);
        assertThat(guest.call("getenv", name[0], name[1], buf, 32)).isEqualTo(value.length);
        assertThat(guest.read(buf, value.length)).isEqualTo(value);
    }

    @Test
    void getenvOfEmptyValueNeedsRoomForTheNul() {
        long[] name = guest.str("EMPTY");
        long buf = filled(4);
        assertThat(guest.call("getenv", name[0], name[1], buf, 0)).isEqualTo(-Errno.ERANGE);
        assertThat(guest.call("getenv", name[0], name[1], buf, 1)).isZero();
        assertThat(guest.read(buf, 2)).containsExactly(0, FILL);
    }

    @Test
    void getenvIntoTooSmallBufferIsErangeAndWritesNothing() {
        long[] name = guest.str("HOME");
        long buf = filled(16);
        assertThat(guest.call("getenv", name[0], name[1], buf, 11)).isEqualTo(-Errno.ERANGE);
        assertThat(guest.read(buf, 16)).containsOnly(FILL);
    }

    @Test
    void getenvOfUnsetIsEnoent() {
        long[] name = guest.str("PATH");
        assertThat(guest.call("getenv", name[0], name[1], filled(8), 8)).isEqualTo(-Errno.ENOENT);
        long[] prefix = guest.str("HOM");
        assertThat(guest.call("getenv", prefix[0], prefix[1], filled(8), 8)).isEqualTo(-Errno.ENOENT);
    }

    @Test
    void getenvOfInvalidNameIsEinval() {
        long buf = filled(8);
        for (String bad : new String[] {"", "HOME=x", "HO\0ME"}) {
            long[] name = guest.str(bad);
            assertThat(guest.call("getenv", name[0], name[1], buf, 8)).as(bad).isEqualTo(-Errno.EINVAL);
        }
    }

    @Test
    void getenvWithBadPointersIsEfault() {
        long[] name = guest.str("HOME");
        long buf = filled(32);
        assertThat(guest.call("getenv", PAGE - 2, 4, buf, 32)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("getenv", tagged(3, name[0]), name[1], buf, 32)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("getenv", name[0], name[1], PAGE - 4, 32)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("getenv", name[0], name[1], buf, Long.MAX_VALUE)).isEqualTo(-Errno.EFAULT);
    }

    @Test
    void realtimeClockIsTheWallClock() {
        long ts = filled(16);
        long before = Instant.now().getEpochSecond();
        assertThat(guest.call("clock_gettime", SysProc.CLOCK_REALTIME, ts)).isZero();
        long after = Instant.now().getEpochSecond();
        ByteBuffer timespec = timespec(ts);
        assertThat(timespec.getLong(0)).isBetween(before, after);
        assertThat(timespec.getInt(8)).isBetween(0, 999_999_999);
        assertThat(guest.read(ts + 12, 4)).containsOnly(FILL);
    }

    @Test
    void monotonicClockDoesNotGoBack() {
        long ts = filled(12);
        assertThat(guest.call("clock_gettime", SysProc.CLOCK_MONOTONIC, ts)).isZero();
        long first = nanos(timespec(ts));
        assertThat(guest.call("clock_gettime", SysProc.CLOCK_MONOTONIC, ts)).isZero();
        long second = nanos(timespec(ts));
        assertThat(first).isNotNegative();
        assertThat(second).isGreaterThanOrEqualTo(first);
    }

    @Test
    void unknownClockIsEinval() {
        long ts = filled(12);
        assertThat(guest.call("clock_gettime", 2, ts)).isEqualTo(-Errno.EINVAL);
        assertThat(guest.call("clock_gettime", -1, ts)).isEqualTo(-Errno.EINVAL);
        assertThat(guest.read(ts, 12)).containsOnly(FILL);
    }

    @Test
    void timespecOutOfBoundsIsEfault() {
        assertThat(guest.call("clock_gettime", 0, PAGE - 11)).isEqualTo(-Errno.EFAULT);
        assertThat(guest.call("clock_gettime", 0, PAGE - 12)).isZero();
        assertThat(guest.call("clock_gettime", 0, tagged(1, PAGE - 12))).isZero();
        assertThat(guest.call("clock_gettime", 0, tagged(2, 0))).isEqualTo(-Errno.EFAULT);
    }

    @Test
    void exitUnwindsWithTheCode() {
        assertThatThrownBy(() -> guest.instance.function("exit").apply(3))
                .isInstanceOfSatisfying(ProcessExit.class, e -> assertThat(e.code()).isEqualTo(3));
        assertThatThrownBy(() -> guest.instance.function("exit").apply(-1))
                .isInstanceOfSatisfying(ProcessExit.class, e -> assertThat(e.code()).isEqualTo(-1));
    }

    private long filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, FILL);
        return guest.put(bytes);
    }

    private ByteBuffer timespec(long address) {
        return ByteBuffer.wrap(guest.read(address, 12)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long nanos(ByteBuffer timespec) {
        return timespec.getLong(0) * 1_000_000_000L + timespec.getInt(8);
    }
}
