package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmvm.core.CodeCache;
import org.wasmvm.core.Engine;
import org.wasmvm.core.Features;
import org.wasmvm.core.Instance;
import org.wasmvm.core.InvalidModuleException;
import org.wasmvm.core.Module;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.Store;
import org.wasmvm.core.Wasm;
import org.wasmvm.core.tier.CompiledClass;
import org.wasmvm.core.tier.CompilerTier;
import org.wasmvm.core.tier.ModuleCache;

/**
 * The persistent code cache: a module loaded through it again skips validation and compilation,
 * and whatever it finds damaged, foreign or unloadable it ignores and rebuilds.
 */
class CodeCacheTest {
    private static final int I32 = 0x7F;
    private static final int ENTRIES = 2_000;
    /** f(i): a br_table of {@value #ENTRIES} entries over four blocks (compiled through a class-data map); stmt(i): one statement of 5 000 additions of 0, longer than a method may be and with no place to split it (it stays interpreted); g(i) = f(i) + 1. */
    private static final byte[] MODULE = module();
    private static final int[] INPUTS = {0, 1, 2, 3, 7, ENTRIES - 1, ENTRIES, -1};

    @TempDir
    Path directory;

    @Test
    void aSecondLoadTakesTheVerdictAndTheCodeFromTheCache() {
        Module first = load(directory);
        assertThat(first.cache().validated()).as("the first load leaves a verdict").isTrue();
        List<Integer> expected = run(first);

        int fromCache = CompilerTier.loadedFromCache();
        Module second = load(directory);
        assertThat(second.cache().validated()).isTrue();
        assertThat(run(second)).isEqualTo(expected).isEqualTo(independentResults());
        assertThat(CompilerTier.loadedFromCache() - fromCache).as("f and g from the cache").isEqualTo(2);
        assertThat(second.cache().function(1, "plain")).get().isInstanceOf(ModuleCache.Entry.Interpreted.class)
                .extracting(entry -> ((ModuleCache.Entry.Interpreted) entry).reason()).asString().contains("split off");
    }

    /** A module of a megabyte or more is hashed on another thread while it decodes: the key must be the same. */
    @Test
    void aLargeModuleIsKeptUnderTheHashOfItsBytes() throws Exception {
        var custom = new ModuleBytes().u(4).raw('b', 'u', 'l', 'k');
        custom.bytes(new byte[1 << 20]);
        byte[] large = new ModuleBytes().bytes(MODULE).section(0, custom).toBytes();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(large));

        assertThat(Wasm.load(large, Features.all(), CodeCache.at(directory)).cache().validated()).isTrue();
        assertThat(entry("valid").getParent().getFileName().toString()).startsWith(sha256 + "-");
        assertThat(Wasm.load(large, Features.all(), CodeCache.at(directory)).cache().validated()).isTrue();
    }

    @Test
    void aModuleThatDoesNotValidateGetsNoVerdict() {
        byte[] invalid = MODULE.clone();
        invalid[invalid.length - 4] = 0x42; // g's `i32.const 1` becomes `i64.const 1`: its i32.add no longer type-checks
        assertThatThrownBy(() -> Wasm.load(invalid, Features.all(), CodeCache.at(directory)))
                .isInstanceOf(org.wasmvm.core.WasmException.class);
        assertThat(files().filter(file -> file.getFileName().toString().equals("valid"))).isEmpty();
    }

    @Test
    void aDamagedOrTruncatedEntryIsIgnoredAndRebuilt() throws IOException {
        run(load(directory));
        Path f = entry("f0-plain");
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(f, bytes);
        Path g = entry("f2-plain");
        Files.write(g, java.util.Arrays.copyOf(Files.readAllBytes(g), 40));

        int fromCache = CompilerTier.loadedFromCache();
        Module again = load(directory);
        assertThat(run(again)).isEqualTo(independentResults());
        assertThat(CompilerTier.loadedFromCache()).as("both compiled afresh").isEqualTo(fromCache);
        assertThat(again.cache().function(0, "plain")).get().isInstanceOf(ModuleCache.Entry.Compiled.class);
        assertThat(again.cache().function(2, "plain")).get().isInstanceOf(ModuleCache.Entry.Compiled.class);
    }

    @Test
    void anotherFunctionsEntryIsNotTaken() throws IOException {
        run(load(directory));
        Files.copy(entry("f2-plain"), entry("f0-plain"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(run(load(directory))).isEqualTo(independentResults());
    }

    @Test
    void aClassThatDoesNotLoadIsCompiledAgain() {
        Module first = load(directory);
        run(first);
        byte[] junk = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 1};
        first.cache().store(0, "plain", new ModuleCache.Entry.Compiled(new CompiledClass(junk, List.of(), null)));

        Module again = load(directory);
        assertThat(run(again)).isEqualTo(independentResults());
        var rebuilt = (ModuleCache.Entry.Compiled) again.cache().function(0, "plain").orElseThrow();
        assertThat(rebuilt.compiled().classFile()).hasSizeGreaterThan(junk.length);
    }

    @Test
    void featuresAreKeptApart() {
        Wasm.load(MODULE, Features.all(), CodeCache.at(directory));
        Wasm.load(MODULE, Features.wasm2(), CodeCache.at(directory));
        assertThat(files().filter(file -> file.getFileName().toString().equals("valid"))).hasSize(2);
    }

    @Test
    void concurrentRunsShareOneDirectory() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                runs.add(pool.submit(() -> run(load(directory))));
            }
            for (Future<List<Integer>> result : runs) {
                assertThat(result.get()).isEqualTo(independentResults());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(files().filter(file -> file.toString().endsWith(".tmp"))).as("no temporary file left").isEmpty();
    }

    @Test
    void anUnwritableDirectoryOnlyCostsTime() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("file"), "x");
        assertThat(run(load(notADirectory))).isEqualTo(independentResults());
    }

    @Test
    void buildsUnusedForAMonthArePrunedAndNothingElse() throws IOException {
        Path stale = Files.createDirectories(directory.resolve("0123456789abcdef"));
        Files.setLastModifiedTime(Files.createFile(stale.resolve(".used")),
                FileTime.from(Instant.now().minus(Duration.ofDays(31))));
        Path recent = Files.createDirectories(directory.resolve("fedcba9876543210"));
        Files.createFile(recent.resolve(".used"));
        Path unmarked = Files.createDirectories(directory.resolve("00000000000000aa"));
        Path foreign = Files.createDirectories(directory.resolve("my-files"));
        Files.setLastModifiedTime(foreign, FileTime.from(Instant.now().minus(Duration.ofDays(400))));

        load(directory);
        assertThat(stale).doesNotExist();
        assertThat(recent).exists();
        assertThat(unmarked).exists();
        assertThat(foreign).exists();
    }

    @Test
    void codeWithOnStackReplacementEntriesIsCachedToo() throws IOException {
        byte[] osr;
        try (InputStream in = CodeCacheTest.class.getResourceAsStream("/modules/osr.wasm")) {
            osr = TieredModules.tiering(in.readAllBytes());
        }
        long n = 100_000_000L;
        int replaced = CompilerTier.replacedFrames();
        Module first = Wasm.load(osr, Features.all(), CodeCache.at(directory));
        assertThat(new Store(RuntimeLimits.DEFAULT, Engine.TIERED).instantiate(first).function("sum").apply(n))
                .containsExactly(n * (n - 1) / 2);
        assertThat(CompilerTier.replacedFrames()).isGreaterThan(replaced);

        int fromCache = CompilerTier.loadedFromCache();
        Module second = Wasm.load(osr, Features.all(), CodeCache.at(directory));
        assertThat(new Store(RuntimeLimits.DEFAULT, Engine.TIERED).instantiate(second).function("sum").apply(n))
                .containsExactly(n * (n - 1) / 2);
        assertThat(CompilerTier.loadedFromCache()).isGreaterThan(fromCache);
    }

    private static Module load(Path cache) {
        return Wasm.load(MODULE, Features.all(), CodeCache.at(cache));
    }

    /** f, stmt and g at each input, on the compiler engine. */
    private static List<Integer> run(Module module) {
        Instance instance = new Store(RuntimeLimits.DEFAULT, Engine.COMPILER).instantiate(module);
        List<Integer> results = new ArrayList<>();
        for (int i : INPUTS) {
            results.add((int) instance.function("f").apply(i)[0]);
            results.add((int) instance.function("stmt").apply(i)[0]);
            results.add((int) instance.function("g").apply(i)[0]);
        }
        return results;
    }

    /** What the functions compute, from their definition. */
    private static List<Integer> independentResults() {
        List<Integer> results = new ArrayList<>();
        for (int i : INPUTS) {
            int f = Integer.compareUnsigned(i, ENTRIES) < 0 ? 10 + i % 4 : 13;
            results.add(f);
            results.add(i);
            results.add(f + 1);
        }
        return results;
    }

    private Path entry(String name) throws IOException {
        try (Stream<Path> all = Files.walk(directory)) {
            return all.filter(file -> file.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }

    private Stream<Path> files() {
        try (Stream<Path> all = Files.walk(directory)) {
            return all.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] module() {
        var module = new ModuleBytes();
        module.raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
        module.section(1, new ModuleBytes().u(1).op(0x60).u(1).op(I32).u(1).op(I32));
        module.section(3, new ModuleBytes().u(3).u(0).u(0).u(0));
        var exports = new ModuleBytes().u(3);
        exports.u(1).op('f').op(0x00).u(0);
        exports.u(4).raw('s', 't', 'm', 't').op(0x00).u(1);
        exports.u(1).op('g').op(0x00).u(2);
        module.section(7, exports);

        var table = new ModuleBytes();
        for (int b = 0; b < 4; b++) {
            table.op(0x02).op(0x40);
        }
        table.op(0x20).u(0).op(0x0E).u(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            table.u(i % 4);
        }
        table.u(3);
        for (int b = 0; b < 4; b++) {
            table.op(0x0B).op(0x41).s(10 + b).op(0x0F);
        }
        table.op(0x41).s(-1).op(0x0B);
        var f = new ModuleBytes().u(0).bytes(table.toBytes());
        var stmt = new ModuleBytes().u(0).op(0x20).u(0);
        for (int i = 0; i < 5_000; i++) {
            stmt.op(0x41).s(0).op(0x6A);
        }
        stmt.op(0x0B);
        var g = new ModuleBytes().u(0).op(0x20).u(0).op(0x10).u(0).op(0x41).s(1).op(0x6A).op(0x0B);
        var code = new ModuleBytes().u(3);
        for (ModuleBytes body : List.of(f, stmt, g)) {
            code.u(body.size()).bytes(body.toBytes());
        }
        module.section(10, code);
        return module.toBytes();
    }
}
