package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The small mapping classes on their own. */
class SupportTest {

    @Test
    void coordinatesDefaultToTheWasmExtension() {
        assertThat(ModuleCoordinates.parse("org.example:tool:1.0"))
                .isEqualTo(new ModuleCoordinates("org.example", "tool", "wasm", "", "1.0"));
        assertThat(ModuleCoordinates.parse("org.example:tool:wasm64:1.0").extension()).isEqualTo("wasm64");
        ModuleCoordinates classified = ModuleCoordinates.parse("org.example:tool:wasm:linux:1.0");
        assertThat(classified.classifier()).isEqualTo("linux");
        assertThat(classified.fileName()).isEqualTo("tool-1.0-linux.wasm");
        assertThat(classified).hasToString("org.example:tool:wasm:linux:1.0");
        assertThatThrownBy(() -> ModuleCoordinates.parse("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleCoordinates.parse("a::1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleCoordinates.parse("a:b:c:d:e:f")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Expected seconds from {@code date -u -d <timestamp> +%s}. */
    @Test
    void sourceDateEpochFromTheOutputTimestamp() {
        assertThat(SourceDateEpoch.of("2026-01-01T00:00:00Z")).hasValue(1767225600L);
        assertThat(SourceDateEpoch.of("2025-06-30T12:34:56+02:00")).hasValue(1751279696L);
        assertThat(SourceDateEpoch.of("1700000000")).hasValue(1700000000L);
        assertThat(SourceDateEpoch.of(null)).isEmpty();
        assertThat(SourceDateEpoch.of(" ")).isEmpty();
        assertThat(SourceDateEpoch.of("-")).as("a single character switches it off, as in Maven's archivers").isEmpty();
        assertThatThrownBy(() -> SourceDateEpoch.of("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday'");
    }

    @Test
    void anExplicitSourceDateEpochWins() {
        Map<String, String> environment = new java.util.LinkedHashMap<>(Map.of("SOURCE_DATE_EPOCH", "5"));
        SourceDateEpoch.addTo(environment, Map.of("SOURCE_DATE_EPOCH", "5"), java.util.OptionalLong.of(1767225600L));
        assertThat(environment).containsEntry("SOURCE_DATE_EPOCH", "5");
        Map<String, String> inherited = new java.util.LinkedHashMap<>(Map.of("SOURCE_DATE_EPOCH", "5"));
        SourceDateEpoch.addTo(inherited, Map.of(), java.util.OptionalLong.of(1767225600L));
        assertThat(inherited).as("the project's timestamp over one inherited from the build's environment")
                .containsEntry("SOURCE_DATE_EPOCH", "1767225600");
    }

    @Test
    void timeoutsInSecondsOrIso8601() {
        assertThat(Timeouts.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Timeouts.parse("0.25")).isEqualTo(Duration.ofMillis(250));
        assertThat(Timeouts.parse("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Timeouts.parse(null)).isNull();
        assertThat(Timeouts.parse(" ")).isNull();
        assertThat(Timeouts.parse("0")).isNull();
        assertThatThrownBy(() -> Timeouts.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timeouts.parse("10s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void guestOutputSplitsLinesAndDecodesUtf8() {
        List<String> lines = new ArrayList<>();
        GuestOutput out = new GuestOutput(lines::add);
        byte[] text = "héllo\nwörld\r\n\nlast".getBytes(StandardCharsets.UTF_8);
        // split inside a two-byte character
        out.write(text, 0, 2);
        out.write(text, 2, text.length - 2);
        assertThat(lines).containsExactly("héllo", "wörld", "");
        out.close();
        assertThat(lines).containsExactly("héllo", "wörld", "", "last");
    }

    @Test
    void guestOutputBoundsALine() {
        List<String> lines = new ArrayList<>();
        GuestOutput out = new GuestOutput(lines::add);
        out.write(new byte[GuestOutput.MAX_LINE_BYTES + 10], 0, GuestOutput.MAX_LINE_BYTES + 10);
        out.close();
        assertThat(lines).hasSize(2);
    }

    @Test
    void environmentIsOnlyTheConfiguredUnlessInherited() {
        Map<String, String> host = Map.of("PATH", "/bin", "SECRET", "x");
        assertThat(GuestEnvironment.of(Map.of("A", "1"), false, host)).containsOnly(Map.entry("A", "1"));
        assertThat(GuestEnvironment.of(null, false, host)).isEmpty();
        assertThat(GuestEnvironment.of(Map.of("PATH", "/guest"), true, host))
                .containsOnly(Map.entry("PATH", "/guest"), Map.entry("SECRET", "x"));
    }
}
