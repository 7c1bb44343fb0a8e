package org.wasmvm.core.sysenv.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_CREAT;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_EXCL;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_RDONLY;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_RDWR;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_TRUNC;
import static org.wasmvm.core.sysenv.fs.OpenFlags.O_WRONLY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmvm.core.sandbox.Errno;
import org.wasmvm.core.sandbox.StandardStreams;

/**
 * Attempts to reach outside the root. Each asserts the errno and that nothing outside the
 * root was read, created, changed (content, mtime) or deleted.
 */
class SandboxEscapeTest {
    static final byte[] SECRET = "TOP-SECRET-0xC0FFEE".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    Path root;
    Path outside;
    String outsideAbs;
    String rootAbs;
    boolean symlinks;
    GuestFileSystem fs;
    final ByteArrayOutputStream leaked = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.write(outside.resolve("secret"), SECRET);
        Files.createDirectories(outside.resolve("emptydir"));
        Files.createDirectories(outside.resolve("dir"));
        Files.write(outside.resolve("dir/secret2"), SECRET);
        Files.write(tmp.resolve("sibling-secret"), SECRET);
        Files.createDirectories(root.resolve("a/b"));
        Files.write(root.resolve("file.txt"), "inside".getBytes(StandardCharsets.UTF_8));
        outsideAbs = outside.toRealPath().toString();
        rootAbs = root.toRealPath().toString();
        symlinks = trySymlinks();
        fs = new GuestFileSystem(root, "/", StandardStreams.of(null, leaked, leaked));
    }

    @AfterEach
    void tearDown() {
        fs.closeAll();
    }

    private boolean trySymlinks() {
        try {
            link("lnk_out_abs", outside.resolve("secret").toRealPath().toString());
            link("lnk_out_rel", "../outside/secret");
            link("lnk_outdir_abs", outsideAbs);
            link("lnk_outdir_rel", "../outside");
            link("lnk_up", "..");
            link("a/lnk_upup", "../../outside");
            link("a/b/lnk3", "../../../outside/secret");
            link("chain1", "chain2");
            link("chain2", "a/chain3");
            link("a/chain3", "../lnk_outdir_rel");
            link("loop1", "loop2");
            link("loop2", "loop1");
            link("dangling_out", outsideAbs + "/newfile");
            link("dangling_out_rel", "../outside/newfile2");
            link("lnk_tmp_abs", tmp.toRealPath().toString());
            link("lnk_root_abs", rootAbs);
            link("lnk_in", "file.txt");
            link("a/lnk_dotdot_in", "..");
            link("lnk_host_root", "/");
            link("lnk_outside_via_root", rootAbs + "/../outside/secret");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private void link(String name, String target) throws IOException {
        Files.createSymbolicLink(root.resolve(name), Path.of(target));
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What the guest can do, with everything it reads kept to check for leaks. */
    final class Ctx {
        int open(String p, int flags) {
            int fd = fs.open(b(p), flags, 0644);
            if (fd >= 0 && OpenFlags.readable(flags)) {
                drain(fd);
            }
            return fd;
        }

        void drain(int fd) {
            byte[] buf = new byte[4096];
            int n;
            while ((n = fs.read(fd, buf, 0, buf.length)) > 0) {
                leaked.write(buf, 0, n);
            }
        }

        int stat(String p) {
            byte[] out = new byte[StatLayout.SIZE];
            int r = fs.stat(b(p), out);
            leaked.writeBytes(out);
            return r;
        }

        int opendir(String p) {
            int fd = fs.opendir(b(p));
            if (fd >= 0) {
                byte[] e = new byte[DirentLayout.SIZE];
                while (fs.readdir(fd, e) == 0) {
                    leaked.writeBytes(e);
                }
            }
            return fd;
        }

        int unlink(String p) {
            return fs.unlink(b(p));
        }

        int rename(String a, String c) {
            return fs.rename(b(a), b(c));
        }

        int mkdir(String p) {
            return fs.mkdir(b(p), 0755);
        }

        int rmdir(String p) {
            return fs.rmdir(b(p));
        }

        String outside() {
            return outsideAbs;
        }

        String rootAbs() {
            return rootAbs;
        }
    }

    record Case(boolean needsSymlinks, int errno, ToLongFunction<Ctx> action) {
    }

    static Named<Case> plain(String name, int errno, ToLongFunction<Ctx> action) {
        return Named.of(name, new Case(false, errno, action));
    }

    static Named<Case> sym(String name, int errno, ToLongFunction<Ctx> action) {
        return Named.of(name, new Case(true, errno, action));
    }

    static final int EACCES = Errno.EACCES;

    static Stream<Named<Case>> escapes() {
        String longPath = "a/".repeat(2100) + "../outside/secret";
        return Stream.of(
                // lexical climbs
                plain("open ../outside/secret", EACCES, c -> c.open("../outside/secret", O_RDONLY)),
                plain("open /../outside/secret", EACCES, c -> c.open("/../outside/secret", O_RDONLY)),
                plain("open //../outside/secret", EACCES, c -> c.open("//../outside/secret", O_RDONLY)),
                plain("open /..", EACCES, c -> c.open("/..", O_RDONLY)),
                plain("open ./../", EACCES, c -> c.open("./../", O_RDONLY)),
                plain("open a/../../outside/secret", EACCES, c -> c.open("a/../../outside/secret", O_RDONLY)),
                plain("open deep a/b/../../../outside/secret", EACCES,
                        c -> c.open("a/b/../../../outside/secret", O_RDONLY)),
                plain("open ../sibling-secret", EACCES, c -> c.open("../sibling-secret", O_RDWR)),
                plain("open O_CREAT ../outside/new", EACCES, c -> c.open("../outside/new", O_CREAT | O_WRONLY)),
                plain("open O_TRUNC ../outside/secret", EACCES,
                        c -> c.open("../outside/secret", O_WRONLY | O_TRUNC)),
                plain("stat ../outside/secret", EACCES, c -> c.stat("../outside/secret")),
                plain("stat ..", EACCES, c -> c.stat("..")),
                plain("stat /..", EACCES, c -> c.stat("/..")),
                plain("unlink ../outside/secret", EACCES, c -> c.unlink("../outside/secret")),
                plain("unlink /..", EACCES, c -> c.unlink("/..")),
                plain("rename from ../outside/secret", EACCES, c -> c.rename("../outside/secret", "/stolen")),
                plain("rename onto ../outside/secret", EACCES, c -> c.rename("/file.txt", "../outside/secret")),
                plain("rename to ../x", EACCES, c -> c.rename("/file.txt", "../x")),
                plain("rename dir a to ../outside/a", EACCES, c -> c.rename("a", "../outside/a")),
                plain("mkdir ../outside/newdir", EACCES, c -> c.mkdir("../outside/newdir")),
                plain("mkdir ../newdir", EACCES, c -> c.mkdir("../newdir")),
                plain("rmdir ../outside/emptydir", EACCES, c -> c.rmdir("../outside/emptydir")),
                plain("rmdir ..", EACCES, c -> c.rmdir("..")),
                plain("opendir ..", EACCES, c -> c.opendir("..")),
                plain("opendir ../outside", EACCES, c -> c.opendir("../outside")),
                plain("opendir a/b/../../../../outside", EACCES, c -> c.opendir("a/b/../../../../outside")),
                // host absolute paths are guest paths under the root
                plain("open host-absolute secret path", Errno.ENOENT,
                        c -> c.open(c.outside() + "/secret", O_RDONLY)),
                plain("stat host-absolute outside dir", Errno.ENOENT, c -> c.stat(c.outside())),
                plain("mkdir under host-absolute outside", Errno.ENOENT, c -> c.mkdir(c.outside() + "/newdir")),
                plain("open O_CREAT host-absolute path", Errno.ENOENT,
                        c -> c.open(c.outside() + "/created", O_CREAT | O_WRONLY)),
                plain("unlink host-absolute secret", Errno.ENOENT, c -> c.unlink(c.outside() + "/secret")),
                plain("open host-absolute root path + ../outside", Errno.ENOENT,
                        c -> c.open(c.rootAbs() + "/../outside/secret", O_RDONLY)),
                // malformed paths
                plain("NUL then ../outside/secret", Errno.EINVAL,
                        c -> c.open("file.txt\0../../outside/secret", O_RDONLY)),
                plain("trailing NUL", Errno.EINVAL, c -> c.open("../outside/secret\0", O_RDONLY)),
                plain("over-long path", Errno.ENAMETOOLONG, c -> c.open(longPath, O_RDONLY)),
                plain("over-long component", Errno.ENAMETOOLONG,
                        c -> c.open("x".repeat(256) + "/../../outside/secret", O_RDONLY)),
                // symlinks
                sym("open symlink -> abs outside file", EACCES, c -> c.open("lnk_out_abs", O_RDONLY)),
                sym("open symlink -> rel outside file", EACCES, c -> c.open("lnk_out_rel", O_RDONLY)),
                sym("open O_TRUNC through symlink to outside", EACCES,
                        c -> c.open("lnk_out_abs", O_WRONLY | O_TRUNC)),
                sym("open O_CREAT|O_EXCL on symlink to outside", Errno.EEXIST,
                        c -> c.open("lnk_out_abs", O_CREAT | O_EXCL | O_WRONLY)),
                sym("open through abs dir symlink (middle)", EACCES, c -> c.open("lnk_outdir_abs/secret", O_RDONLY)),
                sym("open through rel dir symlink (middle)", EACCES, c -> c.open("lnk_outdir_rel/secret", O_RDONLY)),
                sym("open symlink to .. then outside", EACCES, c -> c.open("lnk_up/outside/secret", O_RDONLY)),
                sym("open a/lnk_upup/secret", EACCES, c -> c.open("a/lnk_upup/secret", O_RDONLY)),
                sym("open deep relative symlink a/b/lnk3", EACCES, c -> c.open("a/b/lnk3", O_RDONLY)),
                sym("open chained symlinks", EACCES, c -> c.open("chain1/secret", O_RDONLY)),
                sym("open symlink loop", Errno.ELOOP, c -> c.open("loop1", O_RDONLY)),
                sym("open symlink to host /", EACCES, c -> c.open("lnk_host_root", O_RDONLY)),
                sym("open symlink to tmp (parent of root)", EACCES, c -> c.open("lnk_tmp_abs/outside/secret", O_RDONLY)),
                sym("open abs symlink root/../outside", EACCES, c -> c.open("lnk_outside_via_root", O_RDONLY)),
                sym("open abs symlink to root, then ..", EACCES, c -> c.open("lnk_root_abs/../outside/secret", O_RDONLY)),
                sym("O_CREAT through dangling abs symlink", EACCES, c -> c.open("dangling_out", O_CREAT | O_WRONLY)),
                sym("O_CREAT through dangling rel symlink", EACCES,
                        c -> c.open("dangling_out_rel", O_CREAT | O_RDWR)),
                sym("stat symlink to outside", EACCES, c -> c.stat("lnk_out_abs")),
                sym("stat through dir symlink", EACCES, c -> c.stat("lnk_outdir_rel/dir/secret2")),
                sym("opendir symlink to outside", EACCES, c -> c.opendir("lnk_outdir_abs")),
                sym("opendir symlink to ..", EACCES, c -> c.opendir("lnk_up")),
                sym("opendir symlink/ with trailing slash", EACCES, c -> c.opendir("lnk_outdir_rel/")),
                sym("mkdir through symlink", EACCES, c -> c.mkdir("lnk_outdir_abs/newdir")),
                sym("rmdir through symlink", EACCES, c -> c.rmdir("lnk_outdir_abs/emptydir")),
                sym("unlink through symlink", EACCES, c -> c.unlink("lnk_outdir_abs/secret")),
                sym("rename from through symlink", EACCES, c -> c.rename("lnk_outdir_rel/secret", "/stolen")),
                sym("rename onto through symlink", EACCES, c -> c.rename("/file.txt", "lnk_outdir_rel/secret")),
                sym("rename dir into symlinked outside", EACCES, c -> c.rename("a/b", "lnk_outdir_abs/b")),
                sym("rename symlink-to-outside moves only the link", EACCES, c -> {
                    int r = c.rename("lnk_out_abs", "moved");
                    return r != 0 ? r : c.open("moved", O_RDONLY);
                }),
                sym("unlink symlink-to-outside removes only the link", Errno.ENOENT, c -> {
                    int r = c.unlink("lnk_out_abs");
                    return r != 0 ? r : c.open("lnk_out_abs", O_RDONLY);
                }),
                sym("rmdir symlink-to-outside dir", Errno.ENOTDIR, c -> c.rmdir("lnk_outdir_abs")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void escapeFailsAndTouchesNothingOutside(Case k) throws IOException {
        if (k.needsSymlinks()) {
            Assumptions.assumeTrue(symlinks, "the file system cannot create symlinks");
        }
        Map<String, String> before = snapshotOutsideRoot();
        long r = k.action().applyAsLong(new Ctx());
        fs.closeAll();
        assertThat(r).isEqualTo(-k.errno());
        assertThat(snapshotOutsideRoot()).isEqualTo(before);
        assertThat(indexOf(leaked.toByteArray(), SECRET)).as("secret leaked").isEqualTo(-1);
    }

    @Test
    void escapeMatrixIsLarge() {
        assertThat(escapes().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void symlinksInsideTheRootAreFollowed() {
        Assumptions.assumeTrue(symlinks);
        Ctx c = new Ctx();
        for (String p : List.of("lnk_in", "lnk_root_abs/file.txt", "a/lnk_dotdot_in/file.txt", "lnk_up/root/file.txt")) {
            if (p.startsWith("lnk_up")) {
                assertThat(c.open(p, O_RDONLY)).as(p).isEqualTo(-EACCES);
                continue;
            }
            leaked.reset();
            int fd = c.open(p, O_RDONLY);
            assertThat(fd).as(p).isGreaterThanOrEqualTo(3);
            assertThat(leaked.toString(StandardCharsets.UTF_8)).as(p).isEqualTo("inside");
        }
        assertThat(c.stat("lnk_root_abs")).isZero();
    }

    @Test
    void creatingThroughASymlinkInsideCreatesItsTarget() throws IOException {
        Assumptions.assumeTrue(symlinks);
        Files.createSymbolicLink(root.resolve("dangling_in"), Path.of("a/created"));
        int fd = fs.open(b("dangling_in"), O_CREAT | O_WRONLY, 0644);
        assertThat(fd).isGreaterThanOrEqualTo(3);
        assertThat(root.resolve("a/created")).exists();
    }

    @Test
    void getcwdNeverShowsHostPaths() throws IOException {
        Files.createDirectories(root.resolve("sub/deeper"));
        try (GuestFileSystem g = new GuestFileSystem(root, "/sub/deeper", StandardStreams.of(null, null, null))) {
            assertThat(g.getcwd()).isEqualTo("/sub/deeper");
            byte[] buf = new byte[64];
            assertThat(g.getcwd(buf, 0, buf.length)).isEqualTo(12);
            assertThat(new String(buf, 0, 11, StandardCharsets.UTF_8)).isEqualTo("/sub/deeper");
            assertThat(g.open(b("../../../outside/secret"), O_RDONLY, 0)).isEqualTo(-EACCES);
            assertThat(g.stat(b("../../file.txt"), new byte[56])).isZero();
        }
        assertThat(fs.getcwd()).isEqualTo("/").doesNotContain(rootAbs);
    }

    @Test
    void cwdOutsideTheRootIsRefused() {
        assertThatThrownBy(() -> new GuestFileSystem(root, "/../outside", StandardStreams.of(null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GuestFileSystem(root, "/file.txt", StandardStreams.of(null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GuestFileSystem(root, "/nope", StandardStreams.of(null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        Assumptions.assumeTrue(symlinks);
        assertThatThrownBy(() -> new GuestFileSystem(root, "/lnk_outdir_abs", StandardStreams.of(null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fdExhaustionIsEmfile() {
        try (GuestFileSystem g = new GuestFileSystem(root, "/", StandardStreams.of(null, null, null), 8)) {
            List<Integer> fds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                fds.add(g.open(b("file.txt"), O_RDONLY, 0));
            }
            assertThat(fds).containsExactly(3, 4, 5, 6, 7);
            assertThat(g.open(b("file.txt"), O_RDONLY, 0)).isEqualTo(-Errno.EMFILE);
            assertThat(g.opendir(b("a"))).isEqualTo(-Errno.EMFILE);
            assertThat(g.open(b("new"), O_CREAT | O_WRONLY, 0644)).isEqualTo(-Errno.EMFILE);
            assertThat(root.resolve("new")).doesNotExist();
            assertThat(g.close(5)).isZero();
            assertThat(g.opendir(b("a"))).isEqualTo(8);
        }
    }

    @Test
    void defaultLimitIs1024OpenFds() {
        int last = 0;
        for (int i = 0; i < 1021; i++) {
            last = fs.open(b("file.txt"), O_RDONLY, 0);
            assertThat(last).isGreaterThanOrEqualTo(3);
        }
        assertThat(last).isEqualTo(1023);
        assertThat(fs.open(b("file.txt"), O_RDONLY, 0)).isEqualTo(-Errno.EMFILE);
    }

    @Test
    void twoRunsAreIndependent(@TempDir Path other) throws IOException {
        Files.createDirectories(other.resolve("sub"));
        Files.write(other.resolve("only-there"), b("x"));
        try (GuestFileSystem g = new GuestFileSystem(other, "/sub", StandardStreams.of(null, null, null))) {
            int fdHere = fs.open(b("file.txt"), O_RDONLY, 0);
            int fdThere = g.open(b("../only-there"), O_RDONLY, 0);
            assertThat(fdHere).isEqualTo(3);
            assertThat(fdThere).isEqualTo(3);
            assertThat(fs.close(fdHere)).isZero();
            byte[] buf = new byte[8];
            assertThat(g.read(fdThere, buf, 0, 8)).isEqualTo(1);
            assertThat(fs.read(fdThere, buf, 0, 8)).isEqualTo(-Errno.EBADF);
            assertThat(fs.getcwd()).isEqualTo("/");
            assertThat(g.getcwd()).isEqualTo("/sub");
            assertThat(fs.open(b("only-there"), O_RDONLY, 0)).isEqualTo(-Errno.ENOENT);
            assertThat(g.open(b("/file.txt"), O_RDONLY, 0)).isEqualTo(-Errno.ENOENT);
        }
    }

    /** Every path under tmp except the root's subtree, with content hash, size and mtime. */
    private Map<String, String> snapshotOutsideRoot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.startsWith(root)) {
                    m.put("root", "d"); // inside changes (its mtime) are allowed
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String content = a.isRegularFile() ? Arrays.toString(Files.readAllBytes(p)) : "";
                m.put(tmp.relativize(p).toString(), (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "f")
                        + " " + a.lastModifiedTime().toMillis() + " " + content
                        + " " + a.size());
            }
        }
        return m;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
