/**
 * The semantic layer of the {@code sys_fs} host module, independent of wasm memory: a
 * sandboxed file system per run ({@link org.wasmvm.core.sysenv.fs.GuestFileSystem}, paths
 * resolved by the shared {@link org.wasmvm.core.sandbox.SandboxPaths}), the ABI's constants
 * ({@link org.wasmvm.core.sandbox.Errno}, shared with the sandbox as Linux numbers,
 * {@link org.wasmvm.core.sysenv.fs.OpenFlags}) and record layouts
 * ({@link org.wasmvm.core.sysenv.fs.StatLayout}, {@link org.wasmvm.core.sysenv.fs.DirentLayout},
 * {@link org.wasmvm.core.sysenv.fs.TimespecLayout}).
 *
 * <p>Choices made where DESIGN §3 is silent:
 * <ul>
 * <li>Paths resolve like a chroot, component by component, following symlinks physically
 *     ({@code link/..} is the parent of the link's target, as on Linux; {@code missing/..}
 *     is -ENOENT). A {@code ..} above the root is -EACCES (not clamped to the root), also
 *     for {@code /..}; a symlink whose target (relative, absolute, through further links)
 *     lies outside the root is -EACCES, also when dangling. An absolute symlink target is a
 *     host path: it is accepted when the host's real path of its longest existing prefix
 *     lies inside the root. More than 40 symlinks in one resolution is -ELOOP.</li>
 * <li>Path checks, in order: empty → -ENOENT; NUL → -EINVAL; ≥ 4096 bytes or a component
 *     &gt; 255 bytes → -ENAMETOOLONG; bytes that are not UTF-8 → -EINVAL; a component the
 *     host would not read as one plain name (e.g. {@code C:} on Windows) → -EINVAL.</li>
 * <li>unlink, rmdir, rename of the root → -EBUSY (as Linux for {@code /}); mkdir of the
 *     root → -EEXIST. rmdir of a path ending in {@code .} → -EINVAL, in {@code ..} →
 *     -ENOTEMPTY; rename of such a path → -EBUSY (Linux values).</li>
 * <li>{@code open} of a directory read-only gives a directory fd (usable with readdir,
 *     closedir and close); with write access or O_CREAT → -EISDIR. O_CREAT|O_DIRECTORY →
 *     -EINVAL (Linux ≥ 6.4). O_TRUNC truncates even with O_RDONLY (as Linux). Access mode 3
 *     → -EINVAL. Special files (fifos, devices, sockets) → -EACCES.</li>
 * <li>{@code close} accepts every kind of fd; closing 0–2 only removes them from the table
 *     (the embedder's streams stay open). The open-fd limit counts 0–2.</li>
 * <li>fstat of fds 0–2 reports a pipe ({@code S_IFIFO 0010000 | 0600}, size 0), or a
 *     character device ({@code S_IFCHR 0020000 | 0600}) for a stream the embedder says is a
 *     terminal (so a libc's {@code isatty} answers as the host's would); lseek on them is -ESPIPE; read of 1/2 and write of 0 are -EBADF. Writes to 1/2 are
 *     flushed at once.</li>
 * <li>readdir lists a snapshot taken at opendir (or at the first readdir of a directory
 *     opened with {@code open}), sorted by the unsigned bytes of the names. A name longer
 *     than 254 bytes (only possible for 255-byte names) returns -ENAMETOOLONG for that
 *     entry and skips it; it is never truncated.</li>
 * <li>{@code mode} of open/mkdir sets the owner rwx bits after creation (group/other bits
 *     are left as the host created them); without POSIX permissions it is ignored.</li>
 * <li>An output array too small for a record (56, 260 bytes) or a bad range → -EFAULT.</li>
 * </ul>
 */
package org.wasmvm.core.sysenv.fs;
