package org.wasmvm.core.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Counts of one suite's run, for the summary line. */
final class SpecStats {
    private final String suite;
    private final String excludedLabel;
    private final String validationOnly;
    private int files;
    private int commands;
    private int passed;
    private int failed;
    private int dependent;
    private int textFormat;
    private int excluded;
    private int notExecuted;
    private final Map<String, Integer> failuresByFile = new LinkedHashMap<>();

    /**
     * {@code excludedLabel}: what the summary calls listed failures ({@code excluded}, {@code ratchet});
     * {@code validationOnly}: why commands are not executed ({@link SpecSuites.Suite#validationOnly()}), or null.
     */
    SpecStats(String suite, String excludedLabel, String validationOnly) {
        this.suite = suite;
        this.excludedLabel = excludedLabel;
        this.validationOnly = validationOnly;
    }

    synchronized void file(int commandCount) {
        files++;
        commands += commandCount;
    }


    synchronized void passed() {
        passed++;
    }

    synchronized void failed(String file, boolean dependentOnFailedModule) {
        failed++;
        if (dependentOnFailedModule) {
            dependent++;
        }
        failuresByFile.merge(file, 1, Integer::sum);
    }

    synchronized void textFormat() {
        textFormat++;
    }

    synchronized void excluded() {
        excluded++;
    }

    /** A command that a validation-only suite does not run. */
    synchronized void notExecuted() {
        notExecuted++;
    }

    synchronized int skipped() {
        return textFormat + excluded + notExecuted;
    }

    synchronized int failed() {
        return failed;
    }

    /**
     * {@code spec core: files=90 commands=28018 passed=… failed=… skipped=… (text-format=…, excluded=…)}; the 3.0
     * directories say {@code ratchet=…}, a validation-only one adds {@code not-executed=… [reason]}.
     */
    synchronized String summary() {
        String line = "spec " + suite + ": files=" + files + " commands=" + commands + " passed=" + passed
                + " failed=" + failed + (dependent > 0 ? " (" + dependent + " after a failed module)" : "")
                + " skipped=" + skipped() + " (text-format=" + textFormat + ", " + excludedLabel + "=" + excluded
                + (validationOnly != null ? ", not-executed=" + notExecuted + " [" + validationOnly + "]" : "") + ")";
        int notRun = commands - passed - failed - skipped();
        if (notRun > 0) {
            line += " not-run=" + notRun;
        }
        return line;
    }

    /** {@code failures by file: i32.json=3 address.json=10}, or empty when nothing failed. */
    synchronized String failuresByFile() {
        if (failuresByFile.isEmpty()) {
            return "";
        }
        var s = new StringJoiner(" ", "spec " + suite + " failures by file: ", "");
        failuresByFile.forEach((file, count) -> s.add(file + "=" + count));
        return s.toString();
    }
}
