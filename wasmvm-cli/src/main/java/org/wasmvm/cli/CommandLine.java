package org.wasmvm.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasmvm.core.CodeCache;
import org.wasmvm.core.DirectoryMapping;
import org.wasmvm.core.Engine;
import org.wasmvm.core.RuntimeLimits;
import org.wasmvm.core.run.InstantText;
import org.wasmvm.core.run.RunRequest;

/**
 * The parsed {@code wasmvm} command line:
 * {@code wasmvm [-h|--help] [-v|--version] [-ns|--no-system] [--root DIR] [--env NAME=VALUE]…
 * [--inherit-env] [--dir HOST[::GUEST][:ro]]… [-e|--extra DIR]… [-np|--no-parent] [-f|--force]
 * [--invoke NAME] [--engine interpreter|compiler|tiered] [--cache-dir DIR] [--no-cache] [--clock INSTANT]
 * [--deterministic [--seed N]] [--max-threads N] [--] module.wasm [args…]}
 * ({@link Help} describes each option). Options end at the module (or at {@code --}); what
 * follows the module belongs to the guest, except that WasmVM's separator {@code --args} right
 * after the module is dropped ({@code module.wasm --args a b}) unless {@code --} was given.
 *
 * @param help print the usage and exit
 * @param version print the version and exit
 * @param noSystem do not offer sys_fs and sys_proc
 * @param root the sandbox root as given, or {@code null} for the current directory
 * @param environment the {@code --env} variables, in order (a repeated name keeps its last value)
 * @param inheritEnvironment pass the host's whole environment too ({@code --env} wins)
 * @param module the module path as given, or {@code null} with {@code help}/{@code version}
 * @param arguments the guest's arguments after {@code argv[0]}
 * @param directories the {@code --dir} mappings: further preopened directories of a WASI guest
 * @param invoke the {@code --invoke} export to call (after a reactor's {@code _initialize}) with
 *     {@code arguments} as its parameters, or {@code null}
 * @param engine the {@code --engine}, or {@code null} for {@link Engine#configured()}
 * @param cacheDirectory the {@code --cache-dir}, or {@code null} for {@link CodeCache#defaultDirectory()}
 * @param noCache {@code --no-cache}: keep no validation verdicts or compiled code between runs
 * @param extraDirectories the {@code -e} directories, in order: where modules imported by name are searched
 * @param noParent {@code -np}: do not search an importing module's own directory
 * @param force {@code -f}: WasmVM's "skip validation", accepted but not done (see {@link Help})
 * @param clock the {@code --clock} instant the guest's realtime clock starts at, or {@code null} for the host's
 * @param randomSeed with {@code --deterministic}, the seed of the guest's random bytes ({@code --seed}, else
 *     {@link RunRequest#DEFAULT_SEED}); {@code null} for the host's secure ones
 * @param maxThreads the {@code --max-threads} limit on the guest threads alive at once (wasi-threads), or {@code null}
 *     for {@link RuntimeLimits#DEFAULT}'s
 */
public record CommandLine(
        boolean help,
        boolean version,
        boolean noSystem,
        String root,
        Map<String, String> environment,
        boolean inheritEnvironment,
        String module,
        List<String> arguments,
        List<DirectoryMapping> directories,
        String invoke,
        Engine engine,
        String cacheDirectory,
        boolean noCache,
        List<String> extraDirectories,
        boolean noParent,
        boolean force,
        Instant clock,
        Long randomSeed,
        Integer maxThreads) {

    /** The usage line printed by {@code --help} and after a usage error. */
    public static final String USAGE = "wasmvm [-h|--help] [-v|--version] [-ns|--no-system] [--root DIR]"
            + " [--env NAME=VALUE]... [--inherit-env] [--dir HOST[::GUEST][:ro]]... [-e|--extra DIR]..."
            + " [-np|--no-parent] [-f|--force] [--invoke NAME] [--engine interpreter|compiler|tiered]"
            + " [--cache-dir DIR] [--no-cache] [--clock INSTANT] [--deterministic [--seed N]]"
            + " [--max-threads N] [--] module.wasm [args...]";

    public CommandLine {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        arguments = List.copyOf(arguments);
        directories = directories == null ? List.of() : List.copyOf(directories);
        extraDirectories = List.copyOf(extraDirectories);
    }

    /**
     * The environment the guest sees: the {@code --env} variables, over the host's when
     * {@code --inherit-env} was given (untrusted tools see nothing of the host's by default).
     */
    public Map<String, String> guestEnvironment(Map<String, String> host) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (inheritEnvironment) {
            merged.putAll(host);
        }
        merged.putAll(environment);
        return merged;
    }

    /** Parses {@code args} (the JVM's {@code main} arguments). */
    public static CommandLine parse(List<String> args) throws UsageException {
        return new Parser(args).parse();
    }

    /** One pass over the arguments; mutable state lives here so the record stays immutable. */
    private static final class Parser {
        private final Iterator<String> tokens;
        private boolean help;
        private boolean version;
        private boolean noSystem;
        private String root;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean inheritEnvironment;
        private boolean optionsEnded;
        private final List<DirectoryMapping> directories = new ArrayList<>();
        private String invoke;
        private Engine engine;
        private String cacheDirectory;
        private boolean noCache;
        private final List<String> extraDirectories = new ArrayList<>();
        private boolean noParent;
        private boolean force;
        private Instant clock;
        private boolean deterministic;
        private Long seed;
        private Integer maxThreads;

        Parser(List<String> args) {
            this.tokens = args.iterator();
        }

        CommandLine parse() throws UsageException {
            String module = null;
            while (module == null && tokens.hasNext()) {
                String token = tokens.next();
                if (optionsEnded || !token.startsWith("-") || token.equals("-")) {
                    module = token;
                } else {
                    option(token);
                }
            }
            if (module == null && !help && !version) {
                throw new UsageException("missing the module to run");
            }
            if (seed != null && !deterministic) {
                throw new UsageException("--seed seeds --deterministic, which was not given");
            }
            List<String> arguments = new ArrayList<>();
            tokens.forEachRemaining(arguments::add);
            if (!optionsEnded && !arguments.isEmpty() && arguments.get(0).equals("--args")) {
                arguments.remove(0);
            }
            return new CommandLine(help, version, noSystem, root, environment, inheritEnvironment, module, arguments,
                    directories, invoke, engine, cacheDirectory, noCache, extraDirectories, noParent, force, clock,
                    deterministic ? (seed != null ? seed : RunRequest.DEFAULT_SEED) : null, maxThreads);
        }

        private void option(String token) throws UsageException {
            String name = token;
            String inlineValue = null;
            int equals = token.indexOf('=');
            if (token.startsWith("--") && equals > 0) {
                name = token.substring(0, equals);
                inlineValue = token.substring(equals + 1);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "-v", "--version" -> version = true;
                case "-ns", "--no-system" -> noSystem = true;
                case "--inherit-env" -> inheritEnvironment = true;
                case "--" -> optionsEnded = true;
                case "--root" -> root = value(name, inlineValue);
                case "--env" -> variable(value(name, inlineValue));
                case "--dir" -> directory(value(name, inlineValue));
                case "--invoke" -> invoke = value(name, inlineValue);
                case "--engine" -> engine = engine(value(name, inlineValue));
                case "--cache-dir" -> cacheDirectory = value(name, inlineValue);
                case "--no-cache" -> noCache = true;
                case "-e", "--extra" -> extraDirectories.add(value(name, inlineValue));
                case "-np", "--no-parent" -> noParent = true;
                case "-f", "--force" -> force = true;
                case "--clock" -> clock = clock(value(name, inlineValue));
                case "--deterministic" -> deterministic = true;
                case "--seed" -> seed = seed(value(name, inlineValue));
                case "--max-threads" -> maxThreads = maxThreads(value(name, inlineValue));
                default -> throw new UsageException("unknown option " + token);
            }
            if (inlineValue != null && !List.of("--root", "--env", "--dir", "--extra", "--invoke", "--engine", "--cache-dir",
                    "--clock", "--seed", "--max-threads").contains(name)) {
                throw new UsageException("option " + name + " takes no value");
            }
        }

        private String value(String option, String inlineValue) throws UsageException {
            if (inlineValue != null) {
                return inlineValue;
            }
            if (!tokens.hasNext()) {
                throw new UsageException("option " + option + " needs a value");
            }
            return tokens.next();
        }

        private static Engine engine(String name) throws UsageException {
            try {
                return Engine.parse(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--engine: " + e.getMessage());
            }
        }

        private static Instant clock(String text) throws UsageException {
            try {
                return InstantText.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--clock: " + e.getMessage());
            }
        }

        private static long seed(String text) throws UsageException {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new UsageException("--seed: '" + text + "' is not a decimal 64-bit integer");
            }
        }

        private static int maxThreads(String text) throws UsageException {
            try {
                int threads = Integer.parseInt(text);
                if (threads >= 0) {
                    return threads;
                }
            } catch (NumberFormatException e) { // reported below
            }
            throw new UsageException("--max-threads: '" + text + "' is not a decimal count of threads (0 or more)");
        }

        private void directory(String spec) throws UsageException {
            try {
                directories.add(DirectoryMapping.parse(spec));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--dir: " + e.getMessage());
            }
        }

        private void variable(String assignment) throws UsageException {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--env needs NAME=VALUE, got '" + assignment + "'");
            }
            environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
    }
}
