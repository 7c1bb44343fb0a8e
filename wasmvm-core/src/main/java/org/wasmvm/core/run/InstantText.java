package org.wasmvm.core.run;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.wasmvm.core.sandbox.GuestClock;

/**
 * Instants as a command line or a POM writes them, for {@code --clock} and the plugin's
 * {@code clock}: an ISO-8601 date-time with an offset ({@code 2026-01-01T00:00:00Z},
 * {@code 2026-01-01T01:00:00+01:00}, fractions of a second allowed) or whole seconds since the
 * epoch ({@code 1767225600}, the form of {@code SOURCE_DATE_EPOCH} and of Maven's
 * {@code project.build.outputTimestamp}).
 */
public final class InstantText {
    private InstantText() {
    }

    /**
     * The instant {@code text} writes.
     *
     * @throws IllegalArgumentException when {@code text} is neither form, or an instant a guest's
     *     clock cannot show; the message says which forms are read
     */
    public static Instant parse(String text) {
        String value = text.trim();
        Instant instant;
        try {
            instant = !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Instant.ofEpochSecond(Long.parseLong(value))
                    : OffsetDateTime.parse(value).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instant: give an ISO-8601 date-time with an"
                    + " offset, such as 2026-01-01T00:00:00Z, or seconds since the epoch");
        }
        return GuestClock.requireInRange(instant);
    }
}
