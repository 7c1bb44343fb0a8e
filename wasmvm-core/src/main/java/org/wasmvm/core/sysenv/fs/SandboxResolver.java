package org.wasmvm.core.sysenv.fs;

import java.nio.file.Path;
import java.util.List;

/**
 * The public face of the sandbox's path resolution ({@link SandboxPaths}) for the other guest
 * interfaces (WASI preview1): the same chroot-like walk, the same escape rules and checks, so both
 * interfaces confine a guest the same way. Errors carry sysenv's (Linux) errno values.
 */
public final class SandboxResolver {
    /** A path resolution was refused or failed; {@link #errno()} is the sysenv (Linux) value. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int errno;

        Refused(int errno) {
            super("errno " + errno, null, false, false);
            this.errno = errno;
        }

        /** The sysenv errno ({@link Errno}): EACCES for an escape, ENOENT, ENOTDIR, ELOOP, EINVAL, ENAMETOOLONG… */
        public int errno() {
            return errno;
        }
    }

    /**
     * A resolved path.
     *
     * @param host the host path (no symlink in it, except possibly its last component when it was not followed)
     * @param components the components below the resolver's root
     * @param mustBeDir the guest path ended in {@code /}, {@code /.} or {@code /..}
     * @param lastDots {@code "."} or {@code ".."} when the guest path's last component was one of them, else null
     */
    public record Resolution(Path host, List<String> components, boolean mustBeDir, String lastDots) {
        public boolean isRoot() {
            return components.isEmpty();
        }
    }

    private final SandboxPaths paths;

    /** @param realRoot a canonical ({@code toRealPath}) directory: nothing outside it is reachable */
    public SandboxResolver(Path realRoot) {
        this.paths = new SandboxPaths(realRoot);
    }

    public Path root() {
        return paths.root();
    }

    /**
     * Resolves {@code path} (bytes as the guest passed them) relative to the root; a leading
     * {@code /} also means the root.
     *
     * @param followFinal whether a symlink as the last component is followed
     */
    public Resolution resolve(byte[] path, boolean followFinal) throws Refused {
        try {
            SandboxPaths.Resolved r = paths.resolve(path, List.of(), followFinal);
            return new Resolution(r.host(), r.components(), r.mustBeDir(), r.lastDots());
        } catch (FsError e) {
            throw new Refused(e.errno());
        }
    }

    /** TOCTOU guard: the parent of {@code host} must still lie inside the root (EACCES otherwise). */
    public void checkStillInside(Path host) throws Refused {
        try {
            paths.checkStillInside(host);
        } catch (FsError e) {
            throw new Refused(e.errno());
        }
    }
}
