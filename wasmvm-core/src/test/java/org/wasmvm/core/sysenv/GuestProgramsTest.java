package org.wasmvm.core.sysenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;

/** The C guests (src/test/c), built against sysenv.h as a guest author would: full transcripts. */
class GuestProgramsTest {
    @TempDir
    Path root;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @Test
    void fileSystemProgram() throws Exception {
        Files.writeString(root.getParent().resolve("outside"), "secret");
        RunResult result = run("fs", List.of(), Map.of());
        assertThat(result).isEqualTo(RunResult.exited(0));
        assertThat(out()).isEqualTo(String.join("\n",
                "mkdir=0", "mkdir_again=-17", "open_fd=3", "write=12", "read_wronly=-9", "close=0", "close_again=-9",
                "reopen_fd_is_new=1", "lseek_end=12", "lseek_set=7", "lseek_negative=-22", "read=5", "data=file",
                "read_eof=0", "write_rdonly=-9", "fstat=0", "fstat_size=12", "fstat_is_reg=1", "close=0",
                "stat_dir=0", "stat_is_dir=1", "stat_missing=-2", "open_missing=-2", "open_excl=-17",
                "open_dir_write=-21", "open_escape=-13",
                "opendir_ok=1", "readdir=0", "entry=f.txt", "entry_is_reg=1", "readdir_end=1", "read_dirfd=-9",
                "closedir=0",
                "rename=0", "unlink_old=-2", "rmdir_nonempty=-39", "unlink_dir=-21", "unlink=0", "rmdir=0",
                "mkdir_sub=0", "getcwd=2", "cwd=/", "getcwd_small=-34", ""));
        try (var listing = Files.list(root)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("sub");
        }
    }

    @Test
    void argvAndEnvironmentEdgeCases() {
        RunResult result = run("args", List.of("", "é"), Map.of("EMPTY", "", "UTF8", "€"));
        assertThat(result).isEqualTo(RunResult.exited(0));
        assertThat(out()).isEqualTo(String.join("\n",
                "argc=3",
                "argv_len=9", "argv(0,0)=0 [.. ]", "argv(0,9)=9 [61 72 67 73 2e 77 61 73 6d .. ]",
                "argv(0,10)=9 [61 72 67 73 2e 77 61 73 6d 00 .. ]",
                "argv_len=0", "argv(1,0)=0 [.. ]", "argv(1,0)=0 [.. ]", "argv(1,1)=0 [00 .. ]",
                "argv_len=2", "argv(2,0)=0 [.. ]", "argv(2,2)=2 [c3 a9 .. ]", "argv(2,3)=2 [c3 a9 00 .. ]",
                "argv_len(-1)=-22", "argv_len(argc)=-22", "argv(argc)=-22",
                "getenv(EMPTY,1)=0 [00 .. ]", "getenv(EMPTY,0)=-34 [.. ]",
                "getenv(UTF8,64)=3 [e2 82 ac 00 .. ]", "getenv(UTF8,3)=-34 [.. ]",
                "getenv(MISSING,64)=-2 [.. ]", "getenv(,64)=-22 [.. ]", "getenv(A=B,64)=-22 [.. ]", ""));
    }

    @Test
    void structLayoutsReadThroughTheHeader() throws Exception {
        Path data = Files.write(root.resolve("data.bin"), new byte[1234]);
        Instant mtime = Instant.parse("2021-03-04T05:06:07.123456789Z");
        Files.setLastModifiedTime(data, FileTime.from(mtime));
        Files.createDirectory(root.resolve("only"));
        Files.writeString(root.resolve("only/entry-name"), "x");
        long before = Instant.now().getEpochSecond();
        RunResult result = run("layout", List.of(), Map.of());
        assertThat(result).isEqualTo(RunResult.exited(0));
        Map<String, String> fields = fields(out());
        long expectedMtime = Files.getLastModifiedTime(data, LinkOption.NOFOLLOW_LINKS).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        assertThat(fields).containsEntry("stat", "0").containsEntry("size", "1234")
                .containsEntry("mode", String.valueOf(0100000 | ownerMode(data)))
                .containsEntry("mtime_ns", String.valueOf(expectedMtime))
                .containsEntry("readdir", "0").containsEntry("d_type", "8").containsEntry("d_name", "entry-name")
                .containsEntry("realtime", "0").containsEntry("realtime_nsec_ok", "1")
                .containsEntry("monotonic", "0").containsEntry("monotonic_ok", "1")
                .containsEntry("bad_clock", "-22");
        assertThat(Long.parseLong(fields.get("realtime_sec"))).isBetween(before, Instant.now().getEpochSecond());
        assertThat(Long.parseLong(fields.get("nlink"))).isPositive();
    }

    private static int ownerMode(Path path) throws Exception {
        int mode = (Integer) Files.getAttribute(path, "unix:mode");
        return mode & 07777;
    }

    private static Map<String, String> fields(String transcript) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String line : transcript.split("\n")) {
            int equals = line.indexOf('=');
            fields.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return fields;
    }

    private RunResult run(String guest, List<String> args, Map<String, String> env) {
        return ProgramRunner.run(RunRequest.builder(Guests.bytes(guest), guest + ".wasm").arguments(args).environment(env)
                .root(root).stdout(stdout).stderr(stdout).build());
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
