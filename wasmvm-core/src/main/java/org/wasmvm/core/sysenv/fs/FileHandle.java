package org.wasmvm.core.sysenv.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.wasmvm.core.sandbox.Errno;
import org.wasmvm.core.sandbox.FsError;

/** An open regular file: a channel, the access mode and the fd's own offset. */
final class FileHandle implements Handle {
    private final FileChannel channel;
    private final Path host;
    private final boolean readable;
    private final boolean writable;
    private final boolean append;
    private long position;

    FileHandle(FileChannel channel, Path host, int flags) {
        this.channel = channel;
        this.host = host;
        this.readable = OpenFlags.readable(flags);
        this.writable = OpenFlags.writable(flags);
        this.append = (flags & OpenFlags.O_APPEND) != 0;
    }

    FileChannel channel() {
        return channel;
    }

    Path host() {
        return host;
    }

    boolean readable() {
        return readable;
    }

    boolean writable() {
        return writable;
    }

    long position() {
        return position;
    }

    void position(long p) {
        position = p;
    }

    long size() throws IOException {
        return channel.size();
    }

    int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        int total = 0;
        while (bb.hasRemaining()) {
            int n = channel.read(bb, position + total);
            if (n <= 0) {
                break;
            }
            total += n;
        }
        position += total;
        return total;
    }

    /** Writes everything (at the end of the file with O_APPEND); -EFBIG past 2^63. */
    int write(byte[] buf, int off, int len) throws IOException, FsError {
        long at = append ? channel.size() : position;
        if (at + len < 0) {
            throw new FsError(Errno.EFBIG);
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        int total = 0;
        while (bb.hasRemaining()) {
            total += channel.write(bb, at + total);
        }
        position = at + total;
        return total;
    }

    @Override
    public void release() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a host file can only fail after the data reached the OS
        }
    }
}
