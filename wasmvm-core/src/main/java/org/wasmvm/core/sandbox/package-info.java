/**
 * Internal: what both guest interfaces, sysenv and WASI preview1, need of the host and neither owns:
 * the chroot-like path resolution that confines a guest to a directory ({@link
 * org.wasmvm.core.sandbox.SandboxPaths}), and host failures as errno values ({@link
 * org.wasmvm.core.sandbox.Errno}, Linux numbering, carried by {@link
 * org.wasmvm.core.sandbox.FsError}), the run's standard streams as fds 0–2, each a terminal only
 * when the embedder says so ({@link org.wasmvm.core.sandbox.StandardStreams}), rename onto an
 * existing target ({@link org.wasmvm.core.sandbox.HostRename}), and the run's realtime clock and
 * random bytes, which a reproducible build pins ({@link org.wasmvm.core.sandbox.GuestClock}, {@link
 * org.wasmvm.core.sandbox.GuestRandom}). sysenv's ABI uses the errno numbers as they are; WASI
 * translates them to its own. This package depends on neither family, so the two stay independent
 * of each other.
 */
package org.wasmvm.core.sandbox;
