package org.wasmvm.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongUnaryOperator;

import org.wasmvm.core.Engine;

/**
 * Warm workloads, wasmvm and Chicory's compiler in <em>one</em> JVM, taking turns: every round runs
 * each side for one time slice, in a shuffled order, and the ratio Chicory/wasmvm is taken per
 * round. On a shared machine whose speed drifts by a factor of two within minutes (this project's
 * 2-core one: Chicory's own JMH forks measured 0.9 and 1.7 ms/op for {@code fib} ten minutes apart),
 * separate forks compare two different machines; a ratio from the same round does not. The table
 * gives each side's median time per call and the median of the per-round ratios with its quartiles.
 *
 * <pre>java -cp wasmvm-bench/target/benchmarks.jar org.wasmvm.bench.SideBySide [-r ROUNDS] [-s SLICE_MS] [workload...]</pre>
 *
 * ROUNDS defaults to 20 (after 5 untimed rounds of warm-up), SLICE_MS to 100, the workloads to the
 * compute workloads; all on the wasm32 build (Chicory has no memory64). The JIT sees both runtimes'
 * code in one process, but they share nothing on the hot path (each has its own generated classes),
 * so neither pollutes the other's profile.
 */
public final class SideBySide {
    private static final int WARMUP_ROUNDS = 5;

    /** One runtime under test: its column and the workload's {@code run} on it. */
    record Side(String column, LongUnaryOperator run) {
    }

    /**
     * One workload's result: each side's median milliseconds per call, and per wasmvm side the
     * quartiles of the per-round ratios Chicory/wasmvm (above 1: wasmvm is faster).
     */
    record Result(Map<String, Double> medianMs, Map<String, double[]> ratioQuartiles) {
    }

    private SideBySide() {
    }

    public static void main(String[] args) {
        int rounds = 20;
        long sliceMs = 100;
        List<String> workloads = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-r") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("-s") && i + 1 < args.length) {
                sliceMs = Long.parseLong(args[++i]);
            } else if (!args[i].startsWith("-")) {
                workloads.add(args[i]);
            } else {
                rounds = 0;
                break;
            }
        }
        if (rounds < 1 || sliceMs < 1) {
            System.err.println("usage: SideBySide [-r ROUNDS, default 20] [-s SLICE_MS, default 100] [workload...]");
            System.exit(64);
        }
        if (workloads.isEmpty()) {
            workloads.addAll(Arrays.asList(Workloads.COMPUTE));
        }
        Map<String, Result> results = new LinkedHashMap<>();
        for (String w : workloads) {
            System.err.println("side by side: " + w);
            results.put(w, compare(w, rounds, sliceMs));
        }
        System.out.printf(Locale.ROOT, "%nWarm, in one JVM, taking turns: %d rounds of %d ms slices per side (after %d rounds of warm-up), "
                + "%s %s, %d cores%n%n", rounds, sliceMs, WARMUP_ROUNDS, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println(render(results));
    }

    /** The sides: wasmvm's compiler and tiered engines, and Chicory's compiler last (the reference of the ratios). */
    static List<Side> sides(String workload) {
        byte[] module = Workloads.bytes(workload, "wasm32");
        return List.of(
            new Side(Comparison.wasmvm(Engine.COMPILER), Runtimes.run(Runtimes.WASMVM_WASM32, Engine.COMPILER, module)),
            new Side(Comparison.wasmvm(Engine.TIERED), Runtimes.run(Runtimes.WASMVM_WASM32, Engine.TIERED, module)),
            new Side(Comparison.CHICORY_COMPILER, Runtimes.run(Runtimes.CHICORY_COMPILER_WASM32, module)));
    }

    /** Runs {@code workload} on every side, taking turns, and summarizes the timed rounds. */
    static Result compare(String workload, int rounds, long sliceMs) {
        List<Side> sides = sides(workload);
        int chicory = sides.size() - 1;
        double[][] ms = new double[sides.size()][rounds];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            order.add(i);
        }
        Random shuffle = new Random(42);
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            Collections.shuffle(order, shuffle);
            for (int i : order) {
                double perCall = slice(workload, sides.get(i), sliceMs);
                if (round >= 0) {
                    ms[i][round] = perCall;
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        Map<String, double[]> ratios = new LinkedHashMap<>();
        for (int i = 0; i < sides.size(); i++) {
            medians.put(sides.get(i).column(), quartiles(ms[i])[1]);
            if (i != chicory) {
                double[] perRound = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    perRound[r] = ms[chicory][r] / ms[i][r];
                }
                ratios.put(sides.get(i).column(), quartiles(perRound));
            }
        }
        return new Result(medians, ratios);
    }

    /** Calls {@code run} for about {@code sliceMs}, checking every answer; the milliseconds per call. */
    private static double slice(String workload, Side side, long sliceMs) {
        long n = Workloads.argument(workload);
        long expected = Workloads.expected(workload);
        long start = System.nanoTime();
        long end = start + sliceMs * 1_000_000;
        int calls = 0;
        long now;
        do {
            long result = side.run().applyAsLong(n);
            if (result != expected) {
                Workloads.check(workload, side.column(), result);
            }
            calls++;
            now = System.nanoTime();
        } while (now < end);
        return (now - start) / 1e6 / calls;
    }

    /** The lower quartile, median and upper quartile of {@code values} (linear interpolation). */
    static double[] quartiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] {percentile(sorted, 0.25), percentile(sorted, 0.5), percentile(sorted, 0.75)};
    }

    private static double percentile(double[] sorted, double p) {
        double index = p * (sorted.length - 1);
        int below = (int) Math.floor(index);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (index - below) * (sorted[above] - sorted[below]);
    }

    static String render(Map<String, Result> results) {
        Result any = results.values().iterator().next();
        List<String> columns = new ArrayList<>(any.medianMs().keySet());
        List<String> ratioColumns = new ArrayList<>(any.ratioQuartiles().keySet());
        StringBuilder out = new StringBuilder("| workload |");
        columns.forEach(c -> out.append(' ').append(c).append(" ms |"));
        ratioColumns.forEach(c -> out.append(" Chicory compiler / ").append(c).append(" (quartiles) |"));
        out.append("\n|---|").append("---:|".repeat(columns.size() + ratioColumns.size())).append('\n');
        Map<String, Double> logSums = new LinkedHashMap<>();
        results.forEach((workload, result) -> {
            out.append("| ").append(workload).append(" |");
            columns.forEach(c -> out.append(String.format(Locale.ROOT, " %.3f |", result.medianMs().get(c))));
            ratioColumns.forEach(c -> {
                double[] q = result.ratioQuartiles().get(c);
                out.append(String.format(Locale.ROOT, " %.2f (%.2f–%.2f) |", q[1], q[0], q[2]));
                logSums.merge(c, Math.log(q[1]), Double::sum);
            });
            out.append('\n');
        });
        out.append("| **geometric mean** |").append(" |".repeat(columns.size()));
        ratioColumns.forEach(c -> out.append(String.format(Locale.ROOT, " **%.2f** |", Math.exp(logSums.get(c) / results.size()))));
        return out.append('\n').toString();
    }
}
