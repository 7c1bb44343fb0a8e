package org.wasmvm.core.sandbox;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** rename(2) on the host: atomic, replacing the target, on every host the JDK runs on. */
public final class HostRename {
    private HostRename() {
    }

    /**
     * Moves {@code from} onto {@code to}, replacing it; the caller has checked that the replacement
     * is allowed (kinds match, an existing directory target is empty) and that both lie in the sandbox.
     *
     * @param targetIsDirectory {@code to} exists and is a directory
     * @throws FsError EXDEV when the host cannot move atomically (another file system)
     */
    public static void replace(Path from, Path to, boolean targetIsDirectory) throws IOException, FsError {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new FsError(Errno.EXDEV);
        } catch (FileAlreadyExistsException e) {
            // hosts whose atomic move does not replace (Windows directories): do it in two steps
            if (targetIsDirectory) {
                Files.delete(to);
            }
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
