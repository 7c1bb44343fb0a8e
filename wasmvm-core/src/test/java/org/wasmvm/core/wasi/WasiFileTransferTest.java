package org.wasmvm.core.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.Instance;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.sandbox.StandardStreams;
import org.wasmvm.core.wasi.WasiFileSystem.Iovec;

/**
 * {@code fd_read} and {@code fd_write} on files (and their positional forms): scattered over several buffers, each
 * larger than the transfer buffer between file and memory, up to the end of the file, and checked before a byte
 * moves.
 */
class WasiFileTransferTest {
    private static final int ROOT_FD = 3;
    private static final long ALL = -1L;
    /** {@code (module (memory (export "memory") 4))}: 256 KiB. */
    private static final byte[] MEMORY_MODULE = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00,
        0x04, 0x07, 0x0a, 0x01, 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00};
    private static final int FILE_SIZE = 200_000;

    @TempDir
    Path root;
    private final byte[] contents = new byte[FILE_SIZE];
    private WasiFileSystem fs;
    private WasiPathOps paths;
    private Instance instance;
    private WasiMemory memory;

    @BeforeEach
    void setUp() throws IOException {
        for (int i = 0; i < contents.length; i++) {
            contents[i] = (byte) (i * 7 + i / 251);
        }
        Files.write(root.resolve("data.bin"), contents);
        fs = new WasiFileSystem(root, List.of(), StandardStreams.of(null, null, null));
        paths = new WasiPathOps(fs.fds);
        instance = new Store().instantiate(Wasm.load(MEMORY_MODULE));
        memory = new WasiMemory(instance);
    }

    @AfterEach
    void tearDown() {
        fs.close();
    }

    private int open(String path, int oflags) throws IOException {
        return fs.fds.add(paths.open(ROOT_FD, 0, path.getBytes(StandardCharsets.UTF_8), oflags, ALL, ALL, 0));
    }

    private byte[] memoryAt(long address, int length) {
        return instance.memory(0).read(address, length);
    }

    @Test
    void aReadScattersOverBuffersLargerThanTheTransferBuffer() throws IOException {
        int fd = open("data.bin", 0);
        long read = fs.read(memory, fd, List.of(new Iovec(100, 70_000), new Iovec(80_000, 100_000)), -1);
        assertThat(read).isEqualTo(170_000);
        assertThat(memoryAt(100, 70_000)).isEqualTo(Arrays.copyOfRange(contents, 0, 70_000));
        assertThat(memoryAt(80_000, 100_000)).isEqualTo(Arrays.copyOfRange(contents, 70_000, 170_000));

        long rest = fs.read(memory, fd, List.of(new Iovec(0, 65_536), new Iovec(200_000, 10)), -1);
        assertThat(rest).as("the end of the file ends the read").isEqualTo(30_000);
        assertThat(memoryAt(0, 30_000)).isEqualTo(Arrays.copyOfRange(contents, 170_000, FILE_SIZE));
        assertThat(fs.read(memory, fd, List.of(new Iovec(0, 10)), -1)).isZero();
    }

    @Test
    void aPositionalReadStartsAtItsOffset() throws IOException {
        int fd = open("data.bin", 0);
        long read = fs.read(memory, fd, List.of(new Iovec(0, 100_000), new Iovec(150_000, 100)), 99_000);
        assertThat(read).isEqualTo(100_100);
        assertThat(memoryAt(0, 100_000)).isEqualTo(Arrays.copyOfRange(contents, 99_000, 199_000));
        assertThat(memoryAt(150_000, 100)).isEqualTo(Arrays.copyOfRange(contents, 199_000, 199_100));
    }

    @Test
    void aBufferOutsideTheMemoryFaultsBeforeAnythingIsRead() throws IOException {
        int fd = open("data.bin", 0);
        List<Iovec> outside = List.of(new Iovec(0, 10), new Iovec(4L * 65536 - 5, 10));
        assertThatThrownBy(() -> fs.read(memory, fd, outside, -1)).isInstanceOfSatisfying(WasiException.class,
                e -> assertThat(e.errno()).isEqualTo(WasiErrno.FAULT));
        assertThat(fs.read(memory, fd, List.of(new Iovec(0, 10)), -1)).isEqualTo(10);
        assertThat(memoryAt(0, 10)).as("the file was not consumed by the failed read").isEqualTo(Arrays.copyOf(contents, 10));
    }

    @Test
    void aWriteGathersBuffersLargerThanTheTransferBuffer() throws IOException {
        instance.memory(0).write(1000, contents);
        int fd = open("out.bin", WasiPathOps.OFLAG_CREAT);
        long written = fs.write(memory, fd, List.of(new Iovec(1000 + 120_000, 80_000), new Iovec(1000, 120_000)), -1);
        assertThat(written).isEqualTo(FILE_SIZE);
        byte[] expected = new byte[FILE_SIZE];
        System.arraycopy(contents, 120_000, expected, 0, 80_000);
        System.arraycopy(contents, 0, expected, 80_000, 120_000);
        assertThat(Files.readAllBytes(root.resolve("out.bin"))).isEqualTo(expected);

        assertThat(fs.write(memory, fd, List.of(new Iovec(1000, 70_000)), 10)).isEqualTo(70_000);
        System.arraycopy(contents, 0, expected, 10, 70_000);
        assertThat(Files.readAllBytes(root.resolve("out.bin"))).as("a positional write lands at its offset").isEqualTo(expected);
    }
}
