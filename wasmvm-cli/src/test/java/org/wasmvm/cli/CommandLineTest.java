package org.wasmvm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmvm.core.Engine;
import org.wasmvm.core.run.RunRequest;

class CommandLineTest {
    @Test
    void moduleAndArguments() throws Exception {
        CommandLine command = parse("m.wasm", "a", "-b", "--root", "x");
        assertThat(command.module()).isEqualTo("m.wasm");
        assertThat(command.arguments()).containsExactly("a", "-b", "--root", "x");
        assertThat(command.root()).isNull();
        assertThat(command.noSystem()).isFalse();
    }

    @Test
    void wasmvmArgsSeparatorIsDropped() throws Exception {
        assertThat(parse("m.wasm", "--args", "a", "b", "c").arguments()).containsExactly("a", "b", "c");
        assertThat(parse("m.wasm", "a", "--args").arguments()).containsExactly("a", "--args");
    }

    @Test
    void doubleDashEndsOptionsAndKeepsArgsLiteral() throws Exception {
        CommandLine command = parse("-ns", "--", "-weird.wasm", "--args", "x");
        assertThat(command.module()).isEqualTo("-weird.wasm");
        assertThat(command.arguments()).containsExactly("--args", "x");
        assertThat(command.noSystem()).isTrue();
    }

    @Test
    void options() throws Exception {
        CommandLine command = parse("--no-system", "--root", "/r", "--env", "A=1", "--env=B=x=y", "--env", "A=2",
                "--inherit-env", "m.wasm");
        assertThat(command.noSystem()).isTrue();
        assertThat(command.root()).isEqualTo("/r");
        assertThat(command.environment()).containsExactly(Map.entry("A", "2"), Map.entry("B", "x=y"));
        assertThat(command.inheritEnvironment()).isTrue();
        assertThat(parse("--root=/q", "m.wasm").root()).isEqualTo("/q");
        assertThat(parse("--env", "EMPTY=", "m.wasm").environment()).containsEntry("EMPTY", "");
    }

    @Test
    void engine() throws Exception {
        assertThat(parse("m.wasm").engine()).as("none given: Engine.configured() at run time").isNull();
        assertThat(parse("--engine", "interpreter", "m.wasm").engine()).isEqualTo(Engine.INTERPRETER);
        assertThat(parse("--engine=compiler", "m.wasm").engine()).isEqualTo(Engine.COMPILER);
        assertThat(parse("--engine", "TIERED", "m.wasm").engine()).isEqualTo(Engine.TIERED);
        assertThat(parse("m.wasm", "--engine", "compiler").engine()).as("a guest argument").isNull();
    }

    @Test
    void codeCache() throws Exception {
        CommandLine none = parse("m.wasm");
        assertThat(none.cacheDirectory()).as("the default directory at run time").isNull();
        assertThat(none.noCache()).isFalse();
        assertThat(parse("--cache-dir", "c", "m.wasm").cacheDirectory()).isEqualTo("c");
        assertThat(parse("--cache-dir=c", "m.wasm").cacheDirectory()).isEqualTo("c");
        assertThat(parse("--no-cache", "m.wasm").noCache()).isTrue();
        assertThat(parse("m.wasm", "--no-cache").noCache()).as("a guest argument").isFalse();
    }

    @Test
    void linkingOptions() throws Exception {
        CommandLine command = parse("-e", "a", "--extra", "b", "--extra=c", "-np", "-f", "m.wasm");
        assertThat(command.extraDirectories()).containsExactly("a", "b", "c");
        assertThat(command.noParent()).isTrue();
        assertThat(command.force()).isTrue();
        CommandLine none = parse("m.wasm", "-e", "x", "-np", "-f");
        assertThat(none.extraDirectories()).as("guest arguments").isEmpty();
        assertThat(none.noParent()).isFalse();
        assertThat(none.force()).isFalse();
        assertThat(parse("--no-parent", "--force", "m.wasm").noParent()).isTrue();
    }

    @Test
    void reproducibleOutput() throws Exception {
        CommandLine none = parse("m.wasm");
        assertThat(none.clock()).as("the host's clock").isNull();
        assertThat(none.randomSeed()).as("the host's secure random bytes").isNull();
        assertThat(parse("--clock", "2026-01-01T00:00:00Z", "m.wasm").clock()).isEqualTo(Instant.ofEpochSecond(1_767_225_600L));
        assertThat(parse("--clock=1767225600", "m.wasm").clock()).isEqualTo(Instant.ofEpochSecond(1_767_225_600L));
        assertThat(parse("--deterministic", "m.wasm").randomSeed()).isEqualTo(RunRequest.DEFAULT_SEED);
        assertThat(parse("--seed", "-42", "--deterministic", "m.wasm").randomSeed()).isEqualTo(-42L);
        assertThat(parse("--deterministic", "--seed=9", "m.wasm").randomSeed()).isEqualTo(9L);
        assertThat(parse("m.wasm", "--deterministic").randomSeed()).as("a guest argument").isNull();
    }

    @Test
    void maxThreads() throws Exception {
        assertThat(parse("m.wasm").maxThreads()).as("RuntimeLimits.DEFAULT's").isNull();
        assertThat(parse("--max-threads", "4", "m.wasm").maxThreads()).isEqualTo(4);
        assertThat(parse("--max-threads=0", "m.wasm").maxThreads()).isZero();
        assertUsageError("--max-threads: '-1' is not a decimal count of threads (0 or more)", "--max-threads", "-1",
                "m.wasm");
        assertUsageError("--max-threads: 'many' is not a decimal count of threads", "--max-threads=many", "m.wasm");
        assertUsageError("option --max-threads needs a value", "--max-threads");
    }

    @Test
    void afterDoubleDashAnOptionIsTheModule() throws Exception {
        CommandLine command = parse("-e", "lib", "--", "-e", "-np");
        assertThat(command.module()).isEqualTo("-e");
        assertThat(command.arguments()).containsExactly("-np");
        assertThat(command.extraDirectories()).containsExactly("lib");
        assertThat(command.noParent()).isFalse();
    }

    @Test
    void helpAndVersionNeedNoModule() throws Exception {
        assertThat(parse("-h").help()).isTrue();
        assertThat(parse("--help").help()).isTrue();
        assertThat(parse("-v").version()).isTrue();
        assertThat(parse("--version").module()).isNull();
    }

    @Test
    void guestEnvironmentIsOnlyTheGivenVariablesUnlessInherited() throws Exception {
        Map<String, String> host = Map.of("PATH", "/bin", "A", "host");
        assertThat(parse("--env", "A=1", "m.wasm").guestEnvironment(host)).containsExactly(Map.entry("A", "1"));
        assertThat(parse("--inherit-env", "--env", "A=1", "m.wasm").guestEnvironment(host))
                .containsOnly(Map.entry("PATH", "/bin"), Map.entry("A", "1"));
    }

    @Test
    void usageErrors() {
        assertUsageError("missing the module", new String[0]);
        assertUsageError("missing the module", "-ns");
        assertUsageError("unknown option --frobnicate", "--frobnicate", "m.wasm");
        assertUsageError("--root needs a value", "--root");
        assertUsageError("--env needs a value", "--env");
        assertUsageError("NAME=VALUE", "--env", "NOVALUE", "m.wasm");
        assertUsageError("NAME=VALUE", "--env", "=x", "m.wasm");
        assertUsageError("takes no value", "--no-system=yes", "m.wasm");
        assertUsageError("--engine needs a value", "--engine");
        assertUsageError("--engine: unknown engine 'jit' (interpreter, compiler or tiered)", "--engine", "jit",
                "m.wasm");
        assertUsageError("--engine: unknown engine ''", "--engine=", "m.wasm");
        assertUsageError("option -e needs a value", "-e");
        assertUsageError("option --no-parent takes no value", "--no-parent=yes", "m.wasm");
        assertUsageError("--clock: 'noon' is not an instant: give an ISO-8601 date-time with an offset,"
                + " such as 2026-01-01T00:00:00Z, or seconds since the epoch", "--clock", "noon", "m.wasm");
        assertUsageError("--clock: 1960-01-01T00:00:00Z is outside what a guest's clock can show",
                "--clock", "1960-01-01T00:00:00Z", "m.wasm");
        assertUsageError("--clock needs a value", "--clock");
        assertUsageError("--seed: '0x10' is not a decimal 64-bit integer", "--deterministic", "--seed", "0x10", "m.wasm");
        assertUsageError("--seed seeds --deterministic, which was not given", "--seed", "1", "m.wasm");
        assertUsageError("option --deterministic takes no value", "--deterministic=1", "m.wasm");
    }

    private static void assertUsageError(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(UsageException.class).hasMessageContaining(message);
    }

    private static CommandLine parse(String... args) throws UsageException {
        return CommandLine.parse(List.of(args));
    }
}
