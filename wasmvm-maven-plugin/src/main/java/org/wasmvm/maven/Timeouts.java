package org.wasmvm.maven;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Parses the {@code timeout} parameter: a number of seconds ({@code 30}, {@code 2.5}) or an ISO-8601 duration ({@code PT1M30S}). */
public final class Timeouts {
    private Timeouts() {
    }

    /**
     * @return the duration, or {@code null} for none ({@code null}, blank, or {@code 0})
     * @throws IllegalArgumentException for anything else that is not a positive duration
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        Duration duration;
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(invalid(text));
            }
        } else {
            try {
                java.math.BigDecimal seconds = new java.math.BigDecimal(value);
                duration = Duration.ofNanos(seconds.movePointRight(9).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException(invalid(text));
            }
        }
        if (duration.isZero()) {
            return null;
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException(invalid(text));
        }
        return duration;
    }

    private static String invalid(String text) {
        return "invalid timeout '" + text + "': give seconds (e.g. 30) or an ISO-8601 duration (e.g. PT1M30S)";
    }
}
