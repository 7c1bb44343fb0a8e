package org.wasmvm.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whole-process runs of real published WASI tools, wasmvm's command line side by side with node in
 * one run: what a build that runs a tool pays, start-up included. Each run gets a fresh directory as
 * its root with the tool's input files; the tool's output file must be byte for byte node's.
 *
 * <pre>java -cp wasmvm-bench/target/benchmarks.jar org.wasmvm.bench.ToolRun [-n RUNS] [tool...]</pre>
 *
 * Run from the repository root (wasmvm-bench/run-tools.sh builds what it needs and finds node); the
 * system properties {@code toolrun.launcher} (the {@code bin/wasmvm} of wasmvm-cli's distribution,
 * run as users run it, on this JVM), {@code toolrun.node} (a node binary, 24
 * or later for the exception-handling build) and {@code toolrun.tools} (the modules, where
 * scripts/fetch-tools.sh puts them) say where things are. A first round, not timed, produces node's
 * outputs (later tools read earlier tools' outputs: the place-and-route reads the synthesized netlist)
 * and fills wasmvm's code cache; RUNS timed rounds (default 3) follow, each running every tool on
 * every column before the next round, so a burst of load from another process spreads over all.
 */
public final class ToolRun {
    private static final long TIMEOUT_SECONDS = 900;
    private static final Path CPU_V = Path.of("examples/wasi-yosys/cpu.v");
    private static final Path SESSION = Path.of("wasmvm-compiler/src/test/resources/published/yosys-exceptions");
    private static final String NODE = "node";

    /**
     * A tool run: its module in the tools directory, its argv, directories of the tools directory it
     * sees (host::guest), its environment, the files it reads (taken from the fixtures), its stdin (a
     * fixture, or null), and the file it writes that is compared with node's (or null).
     */
    record Tool(String name, String module, List<String> argv, List<String> dirs, List<String> env,
            List<String> inputs, String stdin, String output) {
    }

    static final List<Tool> TOOLS = List.of(
            new Tool("yosys -V", "yosys.wasm", List.of("yosys", "-V"), List.of(), List.of(), List.of(), null, null),
            new Tool("yosys: synth cpu.v", "yosys.wasm",
                    List.of("yosys", "-q", "-p", "read_verilog cpu.v; synth -top cpu -run :fine; tee -q -o stat.txt stat"),
                    List.of(), List.of(), List.of("cpu.v"), null, "stat.txt"),
            new Tool("yosys: synth_ice40 counter.v", "yosys.wasm",
                    List.of("yosys", "-q", "-p", "read_verilog counter.v; synth_ice40 -top counter -json counter.json"),
                    List.of("yosys-share::/share"), List.of("TMPDIR=/tmp"), List.of("counter.v"), null, "counter.json"),
            new Tool("nextpnr-ice40: place and route counter", "nextpnr-ice40.wasm",
                    List.of("nextpnr-ice40", "--hx1k", "--package", "tq144", "--json", "counter.json", "--asc",
                            "counter.asc", "--seed", "1", "-q"),
                    List.of("nextpnr-ice40-share::/share"), List.of(), List.of("counter.json"), null, "counter.asc"),
            new Tool("yosys 0.70 (C++ exceptions): failing commands", "yosys-exceptions.wasm", List.of("yosys"),
                    List.of(), List.of(), List.of("counter.v"), "input.ys", null));

    /**
     * One column: node, or wasmvm's command line on an engine, with or without its code cache, with
     * the launcher's JVM options or more ({@code JAVA_OPTS}).
     */
    record Column(String name, List<String> options, String javaOpts) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column(NODE, List.of(), ""),
            new Column("wasmvm interpreter", List.of("--engine", "interpreter"), ""),
            new Column("wasmvm tiered", List.of("--engine", "tiered"), ""),
            new Column("wasmvm compiler", List.of("--engine", "compiler"), ""),
            new Column("wasmvm tiered, no cache", List.of("--engine", "tiered", "--no-cache"), ""),
            new Column("wasmvm tiered, C1 only", List.of("--engine", "tiered"), "-XX:TieredStopAtLevel=1"),
            new Column("wasmvm tiered, C2 on the interpreter", List.of("--engine", "tiered"),
                    "-Dwasmvm.interpreter.c2=true"));

    private final Path launcher = Path.of(System.getProperty("toolrun.launcher", "wasmvm-cli/target/dist/bin/wasmvm"));
    private final String node = System.getProperty("toolrun.node", NODE);
    private final Path tools = Path.of(System.getProperty("toolrun.tools",
            System.getProperty("user.home") + "/.cache/wasmvm-tools"));
    private final Path work;
    private final Path fixtures;
    private final Path cache;

    private ToolRun() throws IOException {
        work = Files.createTempDirectory("toolrun");
        fixtures = Files.createDirectories(work.resolve("fixtures"));
        cache = Files.createDirectories(work.resolve("code-cache"));
        Files.copy(CPU_V, fixtures.resolve("cpu.v"));
        Files.copy(SESSION.resolve("counter.v"), fixtures.resolve("counter.v"));
        Files.copy(SESSION.resolve("input.ys"), fixtures.resolve("input.ys"));
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-n") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else {
                names.add(args[i]);
            }
        }
        List<Tool> tools = TOOLS.stream().filter(t -> names.isEmpty() || names.stream().anyMatch(t.name()::startsWith))
                .toList();
        if (runs < 1 || tools.isEmpty()) {
            System.err.println("usage: ToolRun [-n RUNS, default 3] [tool name prefix...]; tools: "
                    + TOOLS.stream().map(Tool::name).toList());
            System.exit(64);
        }
        new ToolRun().measure(tools, runs);
    }

    private void measure(List<Tool> tools, int runs) throws Exception {
        Map<String, Map<String, List<Double>>> seconds = new LinkedHashMap<>();
        for (int round = 0; round <= runs; round++) {
            for (Tool tool : tools) {
                StringBuilder progress = new StringBuilder(round == 0 ? "warm-up " : "run " + round + "/" + runs + " ");
                progress.append(tool.name()).append(':');
                for (Column column : COLUMNS) {
                    double s = run(tool, column, round == 0 && column.name().equals(NODE));
                    if (round > 0) {
                        seconds.computeIfAbsent(tool.name(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(column.name(), k -> new ArrayList<>()).add(s);
                    }
                    progress.append(String.format(Locale.ROOT, " %s %.2f s,", column.name(), s));
                }
                System.err.println(progress.substring(0, progress.length() - 1));
            }
        }
        System.out.printf(Locale.ROOT, "%nReal tools, whole process: median of %d runs per cell (seconds, wall clock; the ratios are "
                + "medians of each round's ratio), "
                + "wasmvm's command line on %s %s, %s, %d cores%n%n", runs, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), version(), Runtime.getRuntime().availableProcessors());
        System.out.println(table(seconds));
    }

    /** Runs {@code tool} once in {@code column} in a fresh root; keeps node's output as the reference when asked. */
    private double run(Tool tool, Column column, boolean reference) throws Exception {
        Path root = Files.createTempDirectory(work, "root");
        Files.createDirectories(root.resolve("tmp"));
        for (String input : tool.inputs()) {
            Files.copy(fixtures.resolve(input), root.resolve(input));
        }
        List<String> command = column.name().equals(NODE) ? nodeCommand(tool, root) : wasmvmCommand(tool, column, root);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(root.resolve("stdout.log").toFile()).redirectError(root.resolve("stderr.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", column.javaOpts());
        builder.redirectInput(tool.stdin() == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(fixtures.resolve(tool.stdin()).toFile()));
        long start = System.nanoTime();
        Process process = builder.start();
        boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        double s = (System.nanoTime() - start) / 1e9;
        if (!exited || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(column.name() + " failed on " + tool.name() + " (" + String.join(" ", command)
                    + "):\n" + Files.readString(root.resolve("stderr.log")));
        }
        if (tool.output() != null) {
            Path output = root.resolve(tool.output());
            if (reference) {
                Files.copy(output, fixtures.resolve(tool.output()), StandardCopyOption.REPLACE_EXISTING);
            } else if (Files.mismatch(output, fixtures.resolve(tool.output())) != -1) {
                throw new IllegalStateException(column.name() + " on " + tool.name() + ": " + tool.output()
                        + " differs from node's (" + root + ")");
            }
        }
        delete(root);
        return s;
    }

    private List<String> nodeCommand(Tool tool, Path root) {
        List<String> command = new ArrayList<>(List.of(node, "--no-warnings",
                Path.of("wasmvm-bench/src/main/node/wasi-run.mjs").toAbsolutePath().toString(),
                tools.resolve(tool.module()).toString(), root.toString()));
        tool.dirs().forEach(d -> command.addAll(List.of("--dir", hostDir(d))));
        tool.env().forEach(e -> command.addAll(List.of("--env", e)));
        command.add("--");
        command.addAll(tool.argv());
        return command;
    }

    private List<String> wasmvmCommand(Tool tool, Column column, Path root) {
        List<String> command = new ArrayList<>(List.of(launcher.toAbsolutePath().toString(), "--root", root.toString(),
                "--cache-dir", cache.toString()));
        command.addAll(column.options());
        tool.dirs().forEach(d -> command.addAll(List.of("--dir", hostDir(d))));
        tool.env().forEach(e -> command.addAll(List.of("--env", e)));
        command.add(tools.resolve(tool.module()).toString());
        command.addAll(tool.argv().subList(1, tool.argv().size()));
        return command;
    }

    /** "name::/guest" with name a directory of the tools directory, as both command lines take it. */
    private String hostDir(String mapping) {
        String[] parts = mapping.split("::");
        return tools.resolve(parts[0]) + "::" + parts[1];
    }

    private String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
        String version = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return "node " + version;
    }

    /**
     * The medians, and how many times node's time each wasmvm column takes: the median of the rounds'
     * ratios, each of two runs made a few seconds apart, since this machine's speed drifts by a third
     * within minutes (a ratio of medians could pair a fast minute's node with a slow minute's wasmvm).
     */
    static String table(Map<String, Map<String, List<Double>>> seconds) {
        List<String> wasmvm = COLUMNS.stream().map(Column::name).filter(c -> !c.equals(NODE)).toList();
        StringBuilder out = new StringBuilder("| tool |");
        COLUMNS.forEach(c -> out.append(' ').append(c.name()).append(" s |"));
        wasmvm.forEach(c -> out.append(' ').append(c.substring("wasmvm ".length())).append(" / node |"));
        out.append("\n|---|").append("---:|".repeat(COLUMNS.size() + wasmvm.size())).append('\n');
        seconds.forEach((tool, row) -> {
            out.append("| ").append(tool).append(" |");
            COLUMNS.forEach(c -> out.append(String.format(Locale.ROOT, " %.2f |", median(row.get(c.name())))));
            List<Double> node = row.get(NODE);
            wasmvm.forEach(c -> {
                List<Double> ratios = new ArrayList<>();
                for (int round = 0; round < node.size(); round++) {
                    ratios.add(row.get(c).get(round) / node.get(round));
                }
                out.append(String.format(Locale.ROOT, " %.1f× |", median(ratios)));
            });
            out.append('\n');
        });
        return out.toString();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
