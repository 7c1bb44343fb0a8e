package org.wasmvm.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

import org.wasmvm.core.Engine;

/**
 * Whole-process runs: each workload loaded, instantiated (compiled, where the engine compiles) and
 * its {@code run(n)} called once, in a fresh JVM per measurement, as a build that runs a wasm program
 * once pays it: JVM start-up, class loading and JIT warm-up included, no warm-up run. For wasmvm on
 * each engine and for Chicory's interpreter and compiler; prints the medians of the wall-clock times
 * (and of the time inside the JVM, without its start-up) with the ratios of {@link Comparison}.
 *
 * <pre>java -cp wasmvm-bench/target/benchmarks.jar org.wasmvm.bench.ProcessRun [-n RUNS] [-t wasm32|wasm64] [workload...]</pre>
 *
 * RUNS defaults to 3, the target of wasmvm's build to wasm32 (Chicory always runs wasm32: it has no
 * memory64), the workloads to all of them including {@code trivial}. The runs of one round go
 * through every workload and runtime before the next round starts, so a burst of load from another
 * process spreads over all of them instead of hitting one.
 */
public final class ProcessRun {
    /** The children's heap, as in the JMH forks. */
    private static final List<String> JVM_ARGS = List.of("-Xms1g", "-Xmx1g");
    private static final long CHILD_TIMEOUT_SECONDS = 600;

    /** One column: a runtime (see {@link Runtimes}) and, for wasmvm, its engine. */
    record Config(String column, String runtime, Engine engine) {
    }

    private ProcessRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--once")) {
            System.out.println(runOnceMillis(args[1], Engine.parse(args[2]), args[3]));
            return;
        }
        int runs = 3;
        String target = "wasm32";
        List<String> workloads = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-n") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("-t") && i + 1 < args.length) {
                target = args[++i];
            } else if (!args[i].startsWith("-")) {
                workloads.add(args[i]);
            } else {
                runs = 0;
                break;
            }
        }
        if (runs < 1 || !(target.equals("wasm32") || target.equals("wasm64"))) {
            System.err.println("usage: ProcessRun [-n RUNS, default 3] [-t wasm32|wasm64, default wasm32] [workload...]");
            System.exit(64);
        }
        if (workloads.isEmpty()) {
            workloads.addAll(Arrays.asList(Workloads.ALL));
        }
        List<Config> configs = configs(target);
        // workload -> column -> the times of every run
        Map<String, Map<String, List<Double>>> wall = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> inside = new LinkedHashMap<>();
        for (int round = 0; round < runs; round++) {
            for (String w : workloads) {
                StringBuilder progress = new StringBuilder("run " + (round + 1) + "/" + runs + " " + w + ":");
                for (Config c : configs) {
                    double[] times = inFreshJvm(c, w);
                    append(wall, w, c.column(), times[0]);
                    append(inside, w, c.column(), times[1]);
                    progress.append(String.format(Locale.ROOT, " %s %.0f ms,", c.column(), times[0]));
                }
                System.err.println(progress.substring(0, progress.length() - 1));
            }
        }
        System.out.printf(Locale.ROOT, "%nWhole-process runs, wasmvm on the %s build, Chicory on wasm32: median of %d fresh JVMs "
                + "(%s) per cell, %s %s, %d cores%n%n", target, runs, String.join(" ", JVM_ARGS),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("Wall clock of the process (`java` start to exit):");
        System.out.println();
        System.out.println(Comparison.render(medians(wall)));
        System.out.println("Inside the JVM (load + instantiate + one call, from main; without JVM start-up and exit):");
        System.out.println();
        System.out.println(Comparison.render(medians(inside)));
    }

    static List<Config> configs(String target) {
        List<Config> configs = new ArrayList<>();
        for (Engine e : Engine.values()) {
            configs.add(new Config(Comparison.wasmvm(e), WorkloadBench.runtime(target), e));
        }
        configs.add(new Config(Comparison.CHICORY_INTERPRETER, Runtimes.CHICORY_WASM32, Engine.INTERPRETER));
        configs.add(new Config(Comparison.CHICORY_COMPILER, Runtimes.CHICORY_COMPILER_WASM32, Engine.INTERPRETER));
        return configs;
    }

    /** In the child: loads, instantiates and runs {@code workload} once, checks it; the milliseconds it took. */
    private static double runOnceMillis(String runtime, Engine engine, String workload) {
        long start = System.nanoTime();
        LongUnaryOperator run = Runtimes.run(runtime, engine, Workloads.bytes(workload, Runtimes.target(runtime)));
        Workloads.check(workload, runtime, run.applyAsLong(Workloads.argument(workload)));
        return (System.nanoTime() - start) / 1e6;
    }

    /** Wall-clock and inside-the-JVM milliseconds of one child run. */
    private static double[] inFreshJvm(Config config, String workload) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_ARGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProcessRun.class.getName(),
                "--once", config.runtime(), config.engine().toString(), workload));
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean exited = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        double wallMillis = (System.nanoTime() - start) / 1e6;
        if (!exited || child.exitValue() != 0) {
            child.destroyForcibly();
            throw new IllegalStateException(config.column() + " failed on " + workload + ": " + out);
        }
        return new double[] {wallMillis, Double.parseDouble(out)};
    }

    private static void append(Map<String, Map<String, List<Double>>> times, String workload, String column, double ms) {
        times.computeIfAbsent(workload, k -> new LinkedHashMap<>()).computeIfAbsent(column, k -> new ArrayList<>()).add(ms);
    }

    private static Map<String, Map<String, BenchTable.Score>> medians(Map<String, Map<String, List<Double>>> times) {
        Map<String, Map<String, BenchTable.Score>> rows = new LinkedHashMap<>();
        times.forEach((w, row) -> row.forEach((column, ms) -> {
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            rows.computeIfAbsent(w, k -> new LinkedHashMap<>()).put(column, new BenchTable.Score(median, Double.NaN));
        }));
        return rows;
    }
}
