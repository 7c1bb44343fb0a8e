package org.wasmvm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.wasmvm.core.Engine;

/**
 * Runs the benchmarks with JMH and prints Markdown tables: the workloads side by side, one table per
 * wasmvm target (wasmvm on each engine next to Chicory's interpreter and compiler, both on the wasm32
 * build) with the ratios Chicory/wasmvm and their geometric means (see {@link Comparison}), the load
 * throughput of the large module, and the trivial module end to end.
 *
 * <pre>java -cp wasmvm-bench/target/benchmarks.jar org.wasmvm.bench.BenchTable [JMH options]</pre>
 *
 * Any JMH command-line option works (e.g. {@code -wi 1 -i 3 -r 1s}, or {@code -p workload=fib,nbody},
 * {@code -p engine=tiered}, {@code -p target=wasm32} (wasmvm's build), {@code -p machine=compiler}
 * (Chicory's), {@code -p runtime=wasmvm-wasm32} (load and trivial benchmarks) to run a subset, or a regexp of benchmarks); without a regexp, every benchmark of this package
 * runs. {@code -Dbench.table=FILE} also writes the tables to FILE. Times are medians of the
 * measurement iterations (of the forks, for single-shot benchmarks), ± JMH's 99.9% error of the mean.
 */
public final class BenchTable {

    private BenchTable() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include("org\\.wasmvm\\.bench\\..*");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        String table = render(results);
        System.out.println();
        System.out.println(table);
        String file = System.getProperty("bench.table");
        if (file != null) {
            Files.writeString(Path.of(file), table, StandardCharsets.UTF_8);
        }
    }

    /**
     * A benchmark result in milliseconds per operation: the median of the measurement iterations
     * (robust against bursts of load from other processes on a shared machine) and JMH's 99.9%
     * confidence half-width of the mean, as an indicator of the noise.
     */
    record Score(double ms, double errorMs) {
        String format() {
            return Double.isNaN(errorMs) || errorMs == 0
                ? num(ms)
                : num(ms) + " ± " + num(errorMs);
        }
    }

    static String render(Collection<RunResult> results) {
        // wasmvm: target -> workload -> column; Chicory (wasm32 only): workload -> column
        Map<String, Map<String, Map<String, Score>>> wasmvm = new TreeMap<>();
        Map<String, Map<String, Score>> chicory = new LinkedHashMap<>();
        Map<String, Score> load = new LinkedHashMap<>();
        Map<String, Score> warm = new LinkedHashMap<>();
        Map<String, Score> cold = new LinkedHashMap<>();
        for (RunResult run : results) {
            BenchmarkParams params = run.getParams();
            String bench = params.getBenchmark();
            String method = bench.substring(bench.lastIndexOf('.') + 1);
            String runtime = params.getParam("runtime");
            Score score = score(run.getPrimaryResult());
            if (bench.contains(".ChicoryWorkloadBench.")) {
                chicory.computeIfAbsent(params.getParam("workload"), k -> new LinkedHashMap<>())
                    .put(Comparison.chicory(ChicoryWorkloadBench.runtime(params.getParam("machine"))), score);
            } else if (bench.contains(".WorkloadBench.")) {
                wasmvm.computeIfAbsent(params.getParam("target"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(params.getParam("workload"), k -> new LinkedHashMap<>())
                    .put(Comparison.wasmvm(Engine.parse(params.getParam("engine"))), score);
            } else if (bench.contains("LoadBench")) {
                load.put(runtime, score);
            } else if (bench.contains("TrivialBench") && method.equals("warm")) {
                warm.put(runtime, score);
            } else if (bench.contains("TrivialBench") && method.equals("cold")) {
                cold.put(runtime, score);
            }
        }
        StringBuilder out = new StringBuilder();
        if (wasmvm.isEmpty() && !chicory.isEmpty()) {
            wasmvm.put("wasm32", new LinkedHashMap<>());
        }
        for (Map.Entry<String, Map<String, Map<String, Score>>> t : wasmvm.entrySet()) {
            // Chicory runs the wasm32 build in both tables: it has no memory64
            Map<String, Map<String, Score>> rows = t.getValue();
            chicory.forEach((w, columns) -> rows.computeIfAbsent(w, k -> new LinkedHashMap<>()).putAll(columns));
            out.append(out.length() == 0 ? "" : "\n").append("Workloads, wasmvm on the ").append(t.getKey())
                .append(" build").append(t.getKey().equals("wasm32") ? "" : " (Chicory on wasm32)").append(":\n\n")
                .append(Comparison.render(rows));
        }
        if (!load.isEmpty()) {
            out.append("\nLoad + validate + instantiate of the large module (`large.<target>.wasm`):\n\n");
            out.append("| runtime | module bytes | ms | MB/s |\n|---|---:|---:|---:|\n");
            for (Map.Entry<String, Score> e : load.entrySet()) {
                int size = LoadBench.size(e.getKey());
                double mbPerS = size / 1e6 / (e.getValue().ms() / 1000.0);
                out.append("| ").append(e.getKey()).append(" | ").append(size).append(" | ")
                    .append(e.getValue().format()).append(" | ").append(num(mbPerS)).append(" |\n");
            }
        }
        if (!warm.isEmpty() || !cold.isEmpty()) {
            out.append("\nTrivial module end to end (load + validate + instantiate + one call):\n\n");
            out.append("| runtime | warm JVM, µs | first run in a fresh JVM, ms |\n|---|---:|---:|\n");
            List<String> runtimes = new ArrayList<>(warm.keySet());
            cold.keySet().stream().filter(r -> !runtimes.contains(r)).forEach(runtimes::add);
            for (String r : runtimes) {
                Score w = warm.get(r);
                Score c = cold.get(r);
                out.append("| ").append(r)
                    .append(" | ").append(w == null ? "–" : new Score(w.ms() * 1000, w.errorMs() * 1000).format())
                    .append(" | ").append(c == null ? "–" : c.format())
                    .append(" |\n");
            }
        }
        return out.toString();
    }

    private static Score score(Result<?> result) {
        double factor = toMillis(result.getScoreUnit());
        double median = result.getStatistics().getN() > 0 ? result.getStatistics().getPercentile(50.0) : result.getScore();
        return new Score(median * factor, result.getScoreError() * factor);
    }

    /** The factor from a JMH time-per-op unit ("ms/op", "us/op", ...) to milliseconds. */
    static double toMillis(String unit) {
        String u = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
        return switch (u) {
            case "s" -> 1000.0;
            case "ms" -> 1.0;
            case "us" -> 1e-3;
            case "ns" -> 1e-6;
            case "min" -> 60_000.0;
            default -> throw new IllegalArgumentException("not a time per operation: " + unit);
        };
    }

    private static String num(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
