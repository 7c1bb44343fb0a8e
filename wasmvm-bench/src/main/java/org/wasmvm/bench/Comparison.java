package org.wasmvm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wasmvm.core.Engine;

/**
 * The workload table shared by {@link BenchTable} and {@link ProcessRun}: wasmvm on each engine next
 * to Chicory's interpreter and compiler, and the ratios Chicory/wasmvm (above 1: wasmvm is faster)
 * with their geometric means. Only the columns that have results are shown.
 */
final class Comparison {
    static final String CHICORY_INTERPRETER = "Chicory interpreter";
    static final String CHICORY_COMPILER = "Chicory compiler";

    /** Like for like (interpreter, compiler), and Chicory's fastest against wasmvm's default engine. */
    private static final String[][] RATIOS = {
        {CHICORY_INTERPRETER, wasmvm(Engine.INTERPRETER)},
        {CHICORY_COMPILER, wasmvm(Engine.COMPILER)},
        {CHICORY_COMPILER, wasmvm(Engine.TIERED)},
    };

    private Comparison() {
    }

    /** The column of wasmvm on {@code engine}. */
    static String wasmvm(Engine engine) {
        return "wasmvm " + engine;
    }

    /** The column of a Chicory runtime ({@link Runtimes#CHICORY_WASM32} or {@link Runtimes#CHICORY_COMPILER_WASM32}). */
    static String chicory(String runtime) {
        return runtime.equals(Runtimes.CHICORY_COMPILER_WASM32) ? CHICORY_COMPILER : CHICORY_INTERPRETER;
    }

    /** Every column in table order. */
    static List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (Engine e : Engine.values()) {
            columns.add(wasmvm(e));
        }
        columns.add(CHICORY_INTERPRETER);
        columns.add(CHICORY_COMPILER);
        return columns;
    }

    /** A Markdown table of {@code rows} (workload -> column -> time), workloads in {@link Workloads} order. */
    static String render(Map<String, Map<String, BenchTable.Score>> rows) {
        List<String> columns = columns();
        columns.removeIf(c -> rows.values().stream().noneMatch(row -> row.containsKey(c)));
        List<String[]> ratios = new ArrayList<>();
        for (String[] r : RATIOS) {
            if (columns.contains(r[0]) && columns.contains(r[1])) {
                ratios.add(r);
            }
        }
        StringBuilder out = new StringBuilder("| workload |");
        columns.forEach(c -> out.append(' ').append(c).append(" ms |"));
        ratios.forEach(r -> out.append(' ').append(header(r)).append(" |"));
        out.append("\n|---|").append("---:|".repeat(columns.size() + ratios.size())).append('\n');
        List<List<Double>> collected = new ArrayList<>();
        ratios.forEach(r -> collected.add(new ArrayList<>()));
        for (String w : ordered(rows)) {
            Map<String, BenchTable.Score> row = rows.get(w);
            out.append("| ").append(w).append(" |");
            for (String c : columns) {
                BenchTable.Score s = row.get(c);
                out.append(' ').append(s == null ? "–" : s.format()).append(" |");
            }
            for (int i = 0; i < ratios.size(); i++) {
                out.append(' ').append(ratio(row.get(ratios.get(i)[0]), row.get(ratios.get(i)[1]), collected.get(i)))
                    .append(" |");
            }
            out.append('\n');
        }
        if (!ratios.isEmpty()) {
            out.append("| **geometric mean** |").append(" |".repeat(columns.size()));
            collected.forEach(c -> out.append(" **").append(geomean(c)).append("** |"));
            out.append('\n');
        }
        return out.toString();
    }

    /** "Chicory/wasmvm compiler" where both sides run the same engine, else both names. */
    private static String header(String[] ratio) {
        String chicory = ratio[0].substring("Chicory ".length());
        String wasmvm = ratio[1].substring("wasmvm ".length());
        return chicory.equals(wasmvm) ? "Chicory/wasmvm " + chicory : ratio[0] + " / " + ratio[1];
    }

    private static List<String> ordered(Map<String, ?> rows) {
        List<String> order = new ArrayList<>();
        for (String w : Workloads.ALL) {
            if (rows.containsKey(w)) {
                order.add(w);
            }
        }
        rows.keySet().stream().filter(w -> !order.contains(w)).forEach(order::add);
        return order;
    }

    private static String ratio(BenchTable.Score chicory, BenchTable.Score wasmvm, List<Double> collect) {
        if (chicory == null || wasmvm == null) {
            return "–";
        }
        double r = chicory.ms() / wasmvm.ms();
        collect.add(r);
        return String.format(Locale.ROOT, "%.2f", r);
    }

    private static String geomean(List<Double> ratios) {
        if (ratios.isEmpty()) {
            return "–";
        }
        double logSum = 0;
        for (double r : ratios) {
            logSum += Math.log(r);
        }
        return String.format(Locale.ROOT, "%.2f", Math.exp(logSum / ratios.size()));
    }
}
