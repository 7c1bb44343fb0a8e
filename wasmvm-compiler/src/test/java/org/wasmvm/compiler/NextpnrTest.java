package org.wasmvm.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmvm.core.DirectoryMapping;
import org.wasmvm.core.Engine;
import org.wasmvm.core.published.PublishedTools;
import org.wasmvm.core.run.ProgramRunner;
import org.wasmvm.core.run.RunRequest;
import org.wasmvm.core.run.RunResult;

/**
 * A published C++ WASI command that uses both wasm exceptions (the exnref form) and atomic instructions
 * on its ordinary, unshared memory (its thread-safe code, built single-threaded): nextpnr-ice40 from npm's
 * {@code @yowasp/nextpnr-ice40} 0.11.96-dev.805, placing and routing a counter on an iCE40 HX1K. Runs only
 * when the module exists: {@code scripts/fetch-nextpnr-ice40.sh} puts it and its chip databases in
 * {@code ~/.cache/wasmvm-tools}; {@code -Dwasmvm.nextpnr-ice40-dev=FILE} points elsewhere (the databases
 * are then looked for beside it).
 *
 * <p>The netlist ({@code counter.json}) is yosys 0.55's {@code synth_ice40} of {@code counter.v} as node
 * ran it. The bitstream text nextpnr writes must be node's: {@code node.asc.sha256} is the SHA-256 of the
 * {@code counter.asc} node 24 wrote with the same arguments ({@code wasmvm-bench/src/main/node/wasi-run.mjs
 * nextpnr-ice40-dev.wasm DIR --dir nextpnr-ice40-dev-share::/share -- nextpnr-ice40 …}).
 */
class NextpnrTest {
    private static final List<String> ARGS = List.of("--hx1k", "--package", "tq144", "--json", "counter.json",
            "--asc", "counter.asc", "--seed", "1", "-q");

    @TempDir
    Path root;
    private Path nextpnr;

    @BeforeEach
    void findModule() {
        nextpnr = PublishedTools.require("nextpnr-ice40-dev", "scripts/fetch-nextpnr-ice40.sh");
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void placesAndRoutesTheBitstreamNodeGives(Engine engine) throws IOException, NoSuchAlgorithmException {
        Files.write(root.resolve("counter.json"), resource("counter.json"));
        Path share = nextpnr.resolveSibling("nextpnr-ice40-dev-share");
        var err = new ByteArrayOutputStream();
        RunResult result = ProgramRunner.run(RunRequest.builder(nextpnr).programName("nextpnr-ice40").arguments(ARGS)
                .root(root).directories(List.of(new DirectoryMapping(share, "/share", true))).engine(engine)
                .stdout(new ByteArrayOutputStream()).stderr(err).build());

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(result.exited()).as("%s\n%s", result.failure(), stderr).isTrue();
        assertThat(result.exitCode()).as(stderr).isZero();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(root.resolve("counter.asc"))));
        assertThat(sha256).isEqualTo(new String(resource("node.asc.sha256"), StandardCharsets.US_ASCII).trim());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NextpnrTest.class.getResourceAsStream("/published/nextpnr-ice40/" + name)) {
            return in.readAllBytes();
        }
    }
}
