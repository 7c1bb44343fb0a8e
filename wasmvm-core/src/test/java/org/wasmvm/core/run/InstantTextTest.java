package org.wasmvm.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantTextTest {
    private static final Instant NEW_YEAR = Instant.ofEpochSecond(1_767_225_600L);

    @Test
    void isoDateTimesWithAnOffset() {
        assertThat(InstantText.parse("2026-01-01T00:00:00Z")).isEqualTo(NEW_YEAR);
        assertThat(InstantText.parse("2026-01-01T01:00:00+01:00")).isEqualTo(NEW_YEAR);
        assertThat(InstantText.parse(" 2026-01-01T00:00:00.25Z ")).isEqualTo(NEW_YEAR.plusMillis(250));
    }

    @Test
    void secondsSinceTheEpoch() {
        assertThat(InstantText.parse("1767225600")).isEqualTo(NEW_YEAR);
        assertThat(InstantText.parse("0")).isEqualTo(Instant.EPOCH);
    }

    @Test
    void anythingElseIsRefusedNamingTheForms() {
        for (String text : new String[] {"", "yesterday", "2026-01-01", "2026-01-01T00:00:00", "-5", "1e9",
                "99999999999999999999"}) {
            assertThatThrownBy(() -> InstantText.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text + "' is not an instant: give an ISO-8601 date-time with an offset,"
                            + " such as 2026-01-01T00:00:00Z, or seconds since the epoch");
        }
    }

    @Test
    void instantsAGuestClockCannotShowAreRefused() {
        assertThatThrownBy(() -> InstantText.parse("1969-12-31T23:59:59Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("1969-12-31T23:59:59Z is outside");
        assertThatThrownBy(() -> InstantText.parse("9999999999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to 2262-04-11T23:47:16.854775807Z");
    }
}
