package org.wasmvm.core.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.DirectoryMapping;
import org.wasmvm.core.sandbox.StandardStreams;

/**
 * The sandbox kit for WASI paths: nothing outside a preopened directory is reachable through
 * {@code path_*} — not by {@code ..}, absolute paths, symlinks leading out (made by the host or by
 * the guest), renames or links — and a read-only mapping cannot be changed.
 */
class WasiSandboxTest {
    private static final int ROOT_FD = 3;
    private static final long ALL = -1L;

    @TempDir
    Path tmp;
    private Path root;
    private Path outside;
    private WasiFileSystem fs;
    private WasiPathOps paths;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        outside = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(root.resolve("sub/inside.txt"), "inside");
        Files.createDirectory(tmp.resolve("ro"));
        Files.writeString(tmp.resolve("ro/data.txt"), "data");
        fs = new WasiFileSystem(root, List.of(new DirectoryMapping(tmp.resolve("ro"), "/ro", true)),
                StandardStreams.of(null, null, null));
        paths = new WasiPathOps(fs.fds);
    }

    @AfterEach
    void tearDown() {
        fs.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private int errno(ThrowingCall call) {
        try {
            call.run();
            return WasiErrno.SUCCESS;
        } catch (WasiException e) {
            return e.errno();
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws IOException;
    }

    private int open(int dir, int lookup, String path, int oflags) {
        return errno(() -> fs.fds.add(paths.open(dir, lookup, b(path), oflags, ALL, ALL, 0)));
    }

    @Test
    void dotDotAboveThePreopenIsNotCapable() {
        assertThat(open(ROOT_FD, 0, "..", 0)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(open(ROOT_FD, 0, "../secret.txt", 0)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(open(ROOT_FD, 0, "sub/../../secret.txt", 0)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(open(ROOT_FD, 0, "sub/../sub/inside.txt", 0)).isEqualTo(WasiErrno.SUCCESS);
    }

    @Test
    void absolutePathsAreNotCapable() {
        assertThat(open(ROOT_FD, 0, outside.toString(), 0)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(open(ROOT_FD, 0, "/sub/inside.txt", 0)).isEqualTo(WasiErrno.NOTCAPABLE);
    }

    @Test
    void aDirectoryFdCannotReachAboveItself() throws IOException {
        int sub = fs.fds.add(paths.open(ROOT_FD, 0, b("sub"), WasiPathOps.OFLAG_DIRECTORY, WasiRights.DIRECTORY, ALL, 0));
        assertThat(open(sub, 0, "inside.txt", 0)).isEqualTo(WasiErrno.SUCCESS);
        assertThat(open(sub, 0, "../sub/inside.txt", 0)).isEqualTo(WasiErrno.NOTCAPABLE);
    }

    @Test
    void hostSymlinksLeadingOutAreRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("abs"), outside);
        Files.createSymbolicLink(root.resolve("rel"), Path.of("../secret.txt"));
        Files.createSymbolicLink(root.resolve("dirlink"), tmp);
        Files.createSymbolicLink(root.resolve("dangling"), tmp.resolve("nothing-here"));
        int follow = WasiPathOps.LOOKUP_SYMLINK_FOLLOW;
        assertThat(open(ROOT_FD, follow, "abs", 0)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(open(ROOT_FD, follow, "rel", 0)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(open(ROOT_FD, 0, "dirlink/secret.txt", 0)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(open(ROOT_FD, follow, "dangling", WasiPathOps.OFLAG_CREAT)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(errno(() -> paths.filestat(ROOT_FD, follow, b("abs")))).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(Files.exists(tmp.resolve("nothing-here"))).isFalse();
    }

    @Test
    void guestSymlinksCannotPointOut() throws IOException {
        assertThat(errno(() -> paths.symlink(b(outside.toString()), ROOT_FD, b("link"))))
                .isEqualTo(WasiErrno.NOTCAPABLE);
        // a relative target leading out may be created, but never followed
        assertThat(errno(() -> paths.symlink(b("../secret.txt"), ROOT_FD, b("up")))).isEqualTo(WasiErrno.SUCCESS);
        assertThat(open(ROOT_FD, WasiPathOps.LOOKUP_SYMLINK_FOLLOW, "up", 0)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(open(ROOT_FD, WasiPathOps.LOOKUP_SYMLINK_FOLLOW, "up",
                WasiPathOps.OFLAG_CREAT | WasiPathOps.OFLAG_TRUNC)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(Files.readString(outside)).isEqualTo("secret");
    }

    @Test
    void renamesLinksAndRemovalsStayInside() {
        assertThat(errno(() -> paths.rename(ROOT_FD, b("sub/inside.txt"), ROOT_FD, b("../moved.txt"))))
                .isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(errno(() -> paths.link(ROOT_FD, 0, b("../secret.txt"), ROOT_FD, b("copy"))))
                .isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(errno(() -> paths.link(ROOT_FD, 0, b("sub/inside.txt"), ROOT_FD, b("../hard"))))
                .isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(errno(() -> paths.unlinkFile(ROOT_FD, b("../secret.txt")))).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(errno(() -> paths.removeDirectory(ROOT_FD, b("..")))).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(errno(() -> paths.createDirectory(ROOT_FD, b("../made")))).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(Files.exists(tmp.resolve("moved.txt"))).isFalse();
        assertThat(Files.exists(tmp.resolve("hard"))).isFalse();
        assertThat(Files.exists(tmp.resolve("made"))).isFalse();
        assertThat(Files.exists(outside)).isTrue();
    }

    @Test
    void aReadOnlyMappingCannotBeChanged() throws IOException {
        int ro = ROOT_FD + 1;
        assertThat(open(ro, 0, "new.txt", WasiPathOps.OFLAG_CREAT)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(open(ro, 0, "data.txt", WasiPathOps.OFLAG_TRUNC)).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(errno(() -> paths.unlinkFile(ro, b("data.txt")))).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(errno(() -> paths.createDirectory(ro, b("d")))).isEqualTo(WasiErrno.NOTCAPABLE);
        assertThat(errno(() -> paths.rename(ro, b("data.txt"), ro, b("x")))).isEqualTo(WasiErrno.NOTCAPABLE);
        WasiFd file = paths.open(ro, 0, b("data.txt"), 0, ALL, ALL, 0);
        assertThat(file.rightsBase & WasiRights.FD_WRITE).isZero();
        assertThat(file.rightsBase & WasiRights.FD_READ).isNotZero();
        file.close();
        assertThat(Files.readString(tmp.resolve("ro/data.txt"))).isEqualTo("data");
    }

    @Test
    void preopenNamesAreTheGuestNames() {
        assertThat(fs.fds.get(ROOT_FD).preopenName).isEqualTo("/");
        assertThat(fs.fds.get(ROOT_FD + 1).preopenName).isEqualTo("/ro");
    }
}
