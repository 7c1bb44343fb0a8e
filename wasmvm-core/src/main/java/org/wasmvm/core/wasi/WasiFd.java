package org.wasmvm.core.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.wasmvm.core.sandbox.SandboxPaths;
import org.wasmvm.core.sandbox.StandardStream;

/** One open WASI file descriptor: a standard stream, a file or a directory, with its rights and flags. */
final class WasiFd {
    enum Kind { STREAM, FILE, DIRECTORY }

    final Kind kind;
    /** The host path (canonical when opened); null for streams. */
    final Path host;
    /** FILE: the open channel (null when the file could be opened for neither reading nor writing). */
    final FileChannel channel;
    /** DIRECTORY: resolves paths beneath it, never above. */
    final SandboxPaths directory;
    /** STREAM: one of the embedder's streams. */
    final StandardStream stream;
    /** A preopened directory's guest name, else null. */
    final String preopenName;
    long rightsBase;
    long rightsInheriting;
    int fdflags;

    private WasiFd(Kind kind, Path host, FileChannel channel, SandboxPaths directory, StandardStream stream,
                   String preopenName, long rightsBase, long rightsInheriting, int fdflags) {
        this.kind = kind;
        this.host = host;
        this.channel = channel;
        this.directory = directory;
        this.stream = stream;
        this.preopenName = preopenName;
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
        this.fdflags = fdflags;
    }

    static WasiFd stream(StandardStream stream) {
        return new WasiFd(Kind.STREAM, null, null, null, stream, null,
                WasiRights.STDIO & ~(stream.readable() ? WasiRights.FD_WRITE : WasiRights.FD_READ), 0, 0);
    }

    static WasiFd file(Path host, FileChannel channel, long base, long inheriting, int fdflags) {
        return new WasiFd(Kind.FILE, host, channel, null, null, null, base, inheriting, fdflags);
    }

    static WasiFd directory(Path realHost, String preopenName, long base, long inheriting) {
        return new WasiFd(Kind.DIRECTORY, realHost, null, new SandboxPaths(realHost), null, preopenName,
                base, inheriting, 0);
    }

    /**
     * The {@code $filetype} of a stream: a character device when it is a terminal, else unknown
     * (wasmtime's choice: wasi-libc's {@code isatty} is true for a character device without seek
     * rights, so a pipe or file must not look like one).
     */
    int streamType() {
        return stream.terminal() ? WasiStat.CHARACTER_DEVICE : WasiStat.UNKNOWN;
    }

    /** NOTCAPABLE unless every bit of {@code rights} is held. */
    void require(long rights) {
        if ((rightsBase & rights) != rights) {
            throw new WasiException(WasiErrno.NOTCAPABLE);
        }
    }

    FileChannel channel() {
        if (kind != Kind.FILE) {
            throw new WasiException(kind == Kind.DIRECTORY ? WasiErrno.ISDIR : WasiErrno.SPIPE);
        }
        if (channel == null) {
            throw new WasiException(WasiErrno.BADF);
        }
        return channel;
    }

    SandboxPaths directory() {
        if (kind != Kind.DIRECTORY) {
            throw new WasiException(WasiErrno.NOTDIR);
        }
        return directory;
    }

    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing the guest could do about it
            }
        }
        if (stream != null) {
            stream.release();
        }
    }
}
