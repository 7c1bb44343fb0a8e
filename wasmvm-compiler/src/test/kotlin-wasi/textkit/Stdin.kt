// Reads all of standard input through WASI's fd_read: the Kotlin/Wasm WASI standard library has
// println but no reader, so the program imports the call itself, as Kotlin's WASI samples do.
@file:OptIn(UnsafeWasmMemoryApi::class, ExperimentalWasmInterop::class)

import kotlin.wasm.ExperimentalWasmInterop
import kotlin.wasm.WasmImport
import kotlin.wasm.unsafe.UnsafeWasmMemoryApi
import kotlin.wasm.unsafe.withScopedMemoryAllocator

@WasmImport("wasi_snapshot_preview1", "fd_read")
private external fun fdRead(fd: Int, iovs: Int, iovsCount: Int, readCount: Int): Int

private const val CHUNK = 4096

fun readStandardInput(): String {
    var bytes = ByteArray(CHUNK)
    var size = 0
    withScopedMemoryAllocator { allocator ->
        val buffer = allocator.allocate(CHUNK)
        val iovec = allocator.allocate(8)
        val count = allocator.allocate(4)
        iovec.storeInt(buffer.address.toInt())
        (iovec + 4).storeInt(CHUNK)
        while (true) {
            val errno = fdRead(0, iovec.address.toInt(), 1, count.address.toInt())
            if (errno != 0) throw IllegalStateException("fd_read failed with errno $errno")
            val n = count.loadInt()
            if (n == 0) break
            if (size + n > bytes.size) bytes = bytes.copyOf(maxOf(bytes.size * 2, size + n))
            for (i in 0 until n) bytes[size + i] = (buffer + i).loadByte()
            size += n
        }
    }
    return bytes.decodeToString(0, size)
}
