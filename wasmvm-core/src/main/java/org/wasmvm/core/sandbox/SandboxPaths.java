package org.wasmvm.core.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves guest paths to host paths inside one root directory, the way a chroot would:
 * component by component, following symlinks physically (a {@code ..} after a symlink goes
 * to the target's parent, as on Linux), and refusing with {@code EACCES} anything that would
 * leave the root: a {@code ..} above it, or a symlink whose target lies outside it (relative
 * or absolute, directly or through other links). The host path that comes out contains no
 * symlink (except possibly the final component when the caller asked not to follow it).
 */
public final class SandboxPaths {
    /** Longest guest path in bytes (Linux PATH_MAX 4096 counts the NUL). */
    static final int PATH_MAX = 4095;
    /** Longest path component in bytes (Linux NAME_MAX). */
    static final int NAME_MAX = 255;
    /** Symlinks followed during one resolution before ELOOP (Linux MAXSYMLINKS). */
    static final int MAX_SYMLINKS = 40;

    private final Path root;

    /** @param root a canonical ({@code toRealPath}) directory */
    public SandboxPaths(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * A resolved path. {@code components} are the guest path's components from the root
     * (symlinks resolved); {@code mustBeDir} when the guest path ended in {@code /},
     * {@code /.} or {@code /..}; {@code lastDots} is {@code "."} or {@code ".."} when the
     * guest path's last component was one of them, else null.
     */
    public record Resolved(List<String> components, Path host, boolean mustBeDir, String lastDots) {
        public boolean isRoot() {
            return components.isEmpty();
        }

        public String guestPath() {
            return SandboxPaths.guestPath(components);
        }
    }

    public static String guestPath(List<String> components) {
        return components.isEmpty() ? "/" : "/" + String.join("/", components);
    }

    /** The guest path bytes as a string, after the ABI's checks (empty, NUL, UTF-8, lengths). */
    private static String decode(byte[] raw) throws FsError {
        if (raw == null || raw.length == 0) {
            throw new FsError(Errno.ENOENT);
        }
        for (byte b : raw) {
            if (b == 0) {
                throw new FsError(Errno.EINVAL);
            }
        }
        if (raw.length > PATH_MAX) {
            throw new FsError(Errno.ENAMETOOLONG);
        }
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '/') {
                if (i - start > NAME_MAX) {
                    throw new FsError(Errno.ENAMETOOLONG);
                }
                start = i + 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new FsError(Errno.EINVAL);
        }
    }

    /**
     * Resolves {@code raw} against {@code cwd} (relative) or the root (absolute).
     *
     * @param followFinal whether a symlink as the last component is followed (a trailing
     *                    {@code /} always follows it)
     */
    public Resolved resolve(byte[] raw, List<String> cwd, boolean followFinal) throws FsError {
        String s = decode(raw);
        Deque<String> todo = new ArrayDeque<>();
        String lastDots = null;
        for (String c : s.split("/")) {
            if (!c.isEmpty()) {
                todo.addLast(c);
            }
        }
        if (!todo.isEmpty() && (todo.peekLast().equals(".") || todo.peekLast().equals(".."))) {
            lastDots = todo.peekLast();
        }
        boolean mustBeDir = s.endsWith("/") || lastDots != null;
        List<String> stack = new ArrayList<>(s.startsWith("/") ? List.of() : cwd);
        int hops = 0;
        try {
            while (!todo.isEmpty()) {
                String c = todo.pollFirst();
                if (c.equals(".")) {
                    continue;
                }
                if (c.equals("..")) {
                    if (stack.isEmpty()) {
                        throw new FsError(Errno.EACCES);
                    }
                    stack.remove(stack.size() - 1);
                    continue;
                }
                Path dir = host(stack);
                Path child = child(dir, c);
                boolean isLast = todo.isEmpty();
                BasicFileAttributes a = lstat(child);
                if (a == null) {
                    if (!isLast) {
                        throw new FsError(Errno.ENOENT);
                    }
                    stack.add(c);
                    continue;
                }
                if (a.isSymbolicLink() && (!isLast || followFinal || mustBeDir)) {
                    if (++hops > MAX_SYMLINKS) {
                        throw new FsError(Errno.ELOOP);
                    }
                    Path target = Files.readSymbolicLink(child);
                    if (target.toString().isEmpty()) {
                        throw new FsError(Errno.ENOENT);
                    }
                    List<String> rest = new ArrayList<>();
                    if (target.isAbsolute() || target.getRoot() != null) {
                        stack = new ArrayList<>();
                        rest.addAll(hostToGuest(target, stack));
                    } else {
                        for (Path n : target) {
                            rest.add(n.toString());
                        }
                    }
                    for (int i = rest.size() - 1; i >= 0; i--) {
                        todo.addFirst(rest.get(i));
                    }
                    continue;
                }
                if (!isLast && !a.isDirectory()) {
                    throw new FsError(Errno.ENOTDIR);
                }
                stack.add(c);
            }
        } catch (IOException e) {
            throw new FsError(Errno.of(e));
        }
        return new Resolved(List.copyOf(stack), host(stack), mustBeDir, lastDots);
    }

    /**
     * Maps an absolute host symlink target to a guest position: fills {@code base} with the
     * guest components of the longest existing prefix of {@code target} (after the host's
     * own {@code realpath}) and returns the target's remaining components, to be walked
     * (and checked) like any others. EACCES if that prefix lies outside the root.
     */
    private List<String> hostToGuest(Path target, List<String> base) throws FsError {
        List<String> rest = new ArrayList<>();
        if (target.startsWith(root)) {
            for (int i = root.getNameCount(); i < target.getNameCount(); i++) {
                rest.add(target.getName(i).toString());
            }
            return rest;
        }
        int n = target.getNameCount();
        for (int i = n; i >= 0; i--) {
            Path prefix = i == 0 ? target.getRoot() : target.getRoot().resolve(target.subpath(0, i));
            Path real;
            try {
                real = prefix.toRealPath();
            } catch (IOException | SecurityException e) {
                continue;
            }
            if (!real.startsWith(root)) {
                throw new FsError(Errno.EACCES);
            }
            if (i < n && !Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new FsError(Errno.ENOTDIR);
            }
            for (Path p : root.relativize(real)) {
                if (!p.toString().isEmpty()) {
                    base.add(p.toString());
                }
            }
            for (int j = i; j < n; j++) {
                rest.add(target.getName(j).toString());
            }
            return rest;
        }
        throw new FsError(Errno.EACCES);
    }

    /** The host path of guest components (which are plain names, already checked). */
    private Path host(List<String> components) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    /** {@code dir/name}, refusing names the host would read as more than one plain component. */
    private static Path child(Path dir, String name) throws FsError {
        try {
            Path child = dir.resolve(name);
            if (!dir.equals(child.getParent()) || child.getFileName() == null
                    || !child.getFileName().toString().equals(name)) {
                throw new FsError(Errno.EINVAL);
            }
            return child;
        } catch (InvalidPathException e) {
            throw new FsError(Errno.EINVAL);
        }
    }

    /** The attributes of {@code p} itself (not following a symlink), or null if it does not exist. */
    public static BasicFileAttributes lstat(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * TOCTOU guard: the real path of {@code host}'s parent (or of {@code host} itself for the
     * root) must still lie inside the root when the operation happens.
     */
    public void checkStillInside(Path host) throws FsError {
        Path p = host.equals(root) ? root : host.getParent();
        try {
            if (!p.toRealPath().startsWith(root)) {
                throw new FsError(Errno.EACCES);
            }
        } catch (IOException e) {
            throw new FsError(Errno.of(e));
        }
    }
}
