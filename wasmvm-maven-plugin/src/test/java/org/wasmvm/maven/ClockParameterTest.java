package org.wasmvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockParameterTest {
    private static final Instant NEW_YEAR = Instant.ofEpochSecond(1_767_225_600L);

    @Test
    void noneIsTheHostsClock() {
        assertThat(ClockParameter.of(null, "2026-01-01T00:00:00Z")).isNull();
        assertThat(ClockParameter.of(" ", "2026-01-01T00:00:00Z")).isNull();
    }

    @Test
    void anInstantAsTheCliReadsIt() {
        assertThat(ClockParameter.of("2026-01-01T00:00:00Z", null)).isEqualTo(NEW_YEAR);
        assertThat(ClockParameter.of("1767225600", "1")).isEqualTo(NEW_YEAR);
    }

    @Test
    void outputTimestampIsTheProjects() {
        assertThat(ClockParameter.of("outputTimestamp", "2026-01-01T00:00:00Z")).isEqualTo(NEW_YEAR);
        assertThat(ClockParameter.of("outputTimestamp", "2026-01-01T01:00:00+01:00")).isEqualTo(NEW_YEAR);
        assertThat(ClockParameter.of(" outputTimestamp ", "1767225600")).isEqualTo(NEW_YEAR);
    }

    @Test
    void outputTimestampNeedsOne() {
        for (String none : new String[] {null, "", "a"}) { // a single character is Maven's "off"
            assertThatThrownBy(() -> ClockParameter.of("outputTimestamp", none)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("clock is outputTimestamp, but the project sets no project.build.outputTimestamp");
        }
        assertThatThrownBy(() -> ClockParameter.of("outputTimestamp", "soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("project.build.outputTimestamp 'soon'");
        assertThatThrownBy(() -> ClockParameter.of("outputTimestamp", "1960-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("clock is outputTimestamp: 1960-01-01T00:00:00Z is outside what a guest's clock can show");
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> ClockParameter.of("now", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("clock: 'now' is not an instant: give an ISO-8601 date-time with an offset");
        assertThatThrownBy(() -> ClockParameter.of("outputtimestamp", "2026-01-01T00:00:00Z"))
                .as("the word is case-sensitive, as Maven's property names").isInstanceOf(IllegalArgumentException.class);
    }
}
