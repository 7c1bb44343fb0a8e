package org.wasmvm.maven;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Maven's reproducible-builds timestamp ({@code project.build.outputTimestamp}) as the
 * {@code SOURCE_DATE_EPOCH} of reproducible-builds.org: seconds since the epoch, which tools that
 * stamp dates into their output read instead of the clock.
 */
final class SourceDateEpoch {
    static final String VARIABLE = "SOURCE_DATE_EPOCH";

    private SourceDateEpoch() {
    }

    /**
     * The timestamp in seconds, read as Maven's archivers read it: unset, blank or a single
     * character (Maven's way of switching it off) is none; digits are seconds since the epoch;
     * anything else an ISO-8601 date-time with an offset ({@code 2026-01-01T00:00:00Z}).
     *
     * @throws IllegalArgumentException for a value that is neither
     */
    static OptionalLong of(String outputTimestamp) {
        if (outputTimestamp == null || outputTimestamp.trim().length() < 2) {
            return OptionalLong.empty();
        }
        String value = outputTimestamp.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            return OptionalLong.of(Long.parseLong(value));
        }
        try {
            return OptionalLong.of(OffsetDateTime.parse(value).toEpochSecond());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("project.build.outputTimestamp '" + value
                    + "' is neither seconds since the epoch nor an ISO-8601 date-time such as 2026-01-01T00:00:00Z");
        }
    }

    /** Adds the variable to {@code environment} unless the configuration set it (an explicit entry wins). */
    static void addTo(Map<String, String> environment, Map<String, String> configured, OptionalLong seconds) {
        boolean explicit = configured != null && configured.containsKey(VARIABLE);
        if (seconds.isPresent() && !explicit) {
            environment.put(VARIABLE, Long.toString(seconds.getAsLong()));
        }
    }
}
