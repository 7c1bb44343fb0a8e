package org.wasmvm.core.sysenv.fs;

/** What a guest fd refers to. */
sealed interface Handle permits StreamHandle, FileHandle, DirHandle {
    /** Releases the host resource (streams of the embedder are left open). */
    void release();
}
