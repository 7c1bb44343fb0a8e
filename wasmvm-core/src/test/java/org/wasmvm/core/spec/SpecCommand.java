package org.wasmvm.core.spec;

import java.util.List;
import java.util.stream.Stream;

/**
 * One command of a wast2json script. Which fields are set depends on {@link #type()} (see the testsuite
 * README): {@code module} has {@code filename} and maybe {@code name}; {@code register} has {@code as} and
 * maybe {@code name}; {@code action}/{@code assert_return}/{@code assert_trap}/{@code assert_exhaustion} have
 * an {@code action} and {@code expected} (values or only types) and the assertions a {@code text};
 * {@code assert_invalid}/{@code assert_malformed}/{@code assert_unlinkable}/{@code assert_uninstantiable}
 * have {@code filename}, {@code moduleType} and {@code text}. The 3.0 suite adds {@code module_definition}
 * ({@code filename}, maybe {@code name}), {@code module_instance} (maybe {@code instance}, the instance's name,
 * and {@code module}, the definition's), {@code assert_unlinkable}/{@code assert_uninstantiable} of an instance
 * ({@code module}/{@code instance} instead of {@code filename}) and {@code assert_exception} (an {@code action}).
 * The threads proposal's scripts add {@code thread} (maybe {@code name}, the {@code sharedModules} it may use and
 * the {@code commands} it runs) and {@code wait} (maybe {@code thread}, the name of the thread to join).
 * Absent fields are {@code null}; absent lists are empty.
 */
record SpecCommand(
        String type,
        int line,
        String filename,
        String name,
        String as,
        String moduleType,
        String text,
        String module,
        String instance,
        SpecAction action,
        List<SpecValue> expected,
        String thread,
        List<String> sharedModules,
        List<SpecCommand> commands) {

    SpecCommand {
        expected = expected == null ? List.of() : List.copyOf(expected);
        sharedModules = sharedModules == null ? List.of() : List.copyOf(sharedModules);
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /** This command and, for a {@code thread}, its commands (and theirs), in script order. */
    Stream<SpecCommand> flattened() {
        return Stream.concat(Stream.of(this), commands.stream().flatMap(SpecCommand::flattened));
    }

    /** Whether the command's module is in the text format (a {@code .wat} file this binary-only engine skips). */
    boolean isTextModule() {
        return "text".equals(moduleType) || (filename != null && filename.endsWith(".wat"));
    }

    /** A short description for a test's display name, e.g. {@code assert_return 8u_good1}. */
    String describe() {
        String detail;
        if (action != null) {
            detail = (action.module() == null ? "" : action.module() + " ") + action.field();
        } else if (type.equals("register")) {
            detail = "\"" + as + "\"" + (name == null ? "" : " " + name);
        } else if (type.equals("module_instance") || (filename == null && module != null)) {
            detail = (instance == null ? "" : instance + " ") + (module == null ? "(current definition)" : module)
                    + (text == null ? "" : " \"" + text + "\"");
        } else if (type.equals("thread")) {
            detail = (name == null ? "" : name + " ") + "sharing " + sharedModules;
        } else if (type.equals("wait")) {
            detail = thread == null ? "(the last thread)" : thread;
        } else if (filename != null) {
            detail = (name == null ? "" : name + " ") + filename + (text == null ? "" : " \"" + text + "\"");
        } else {
            detail = "";
        }
        return sanitize(type + (detail.isEmpty() ? "" : " " + detail));
    }

    private static String sanitize(String s) {
        var out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u{%x}", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
