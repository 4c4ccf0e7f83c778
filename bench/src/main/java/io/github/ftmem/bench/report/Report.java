package io.github.ftmem.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH JSON result files into a Markdown report of ratios against ftmem.
 *
 * <p>Benchmark methods are named {@code ftmem<Operation>} for ftmem and {@code <peer><Operation>} for
 * a peer ({@code nettyPooledBatch} next to {@code ftmemBatch}), or in the mirrored form
 * {@code <operation>Ftmem} and {@code <operation><Peer>} ({@code uncontendedSynchronized} next to
 * {@code uncontendedFtmem}). Rows with the same class, operation and parameters form one comparison;
 * each peer's row gets a ratio "ftmem speed-up" = peer time ÷ ftmem time (or ftmem throughput ÷ peer
 * throughput), so a number above 1 means ftmem is faster. A method that fits neither form is listed
 * on its own, without a ratio.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.github.ftmem.bench.report.Report results.json... </pre>
 */
public final class Report {

    private static final String FTMEM = "ftmem";
    private static final String FTMEM_SUFFIX = "Ftmem";

    private Report() {
    }

    record Row(String benchmarkClass, String implementation, String operation, String params, String mode,
               double score, double error, String unit) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Report <jmh-result.json>...");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>();
        for (String file : args) {
            rows.addAll(read(Path.of(file)));
        }
        System.out.print(render(rows));
    }

    static List<Row> read(Path file) throws IOException {
        List<Map<?, ?>> runs = new ArrayList<>();
        for (Object entry : (List<?>) Json.parse(Files.readString(file))) {
            runs.add((Map<?, ?>) entry);
        }
        Map<String, List<String>> suffixOperations = new LinkedHashMap<>();
        Map<String, List<String>> prefixOperations = new LinkedHashMap<>();
        for (Map<?, ?> run : runs) {
            String[] name = classAndMethod((String) run.get("benchmark"));
            if (name[1].startsWith(FTMEM) && name[1].length() > FTMEM.length()) {
                suffixOperations.computeIfAbsent(name[0], k -> new ArrayList<>()).add(name[1].substring(FTMEM.length()));
            } else if (name[1].endsWith(FTMEM_SUFFIX) && name[1].length() > FTMEM_SUFFIX.length()) {
                prefixOperations.computeIfAbsent(name[0], k -> new ArrayList<>())
                        .add(name[1].substring(0, name[1].length() - FTMEM_SUFFIX.length()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map<?, ?> run : runs) {
            String[] name = classAndMethod((String) run.get("benchmark"));
            String method = name[1];
            String operation = longest(suffixOperations.get(name[0]), method::endsWith, method.length());
            String implementation;
            if (operation != null) {
                implementation = method.substring(0, method.length() - operation.length());
            } else if ((operation = longest(prefixOperations.get(name[0]), method::startsWith, method.length())) != null) {
                implementation = method.substring(operation.length());
                implementation = Character.toLowerCase(implementation.charAt(0)) + implementation.substring(1);
            } else {
                operation = method;
                implementation = "";
            }
            Map<?, ?> params = run.get("params") instanceof Map<?, ?> p ? p : Map.of();
            StringBuilder paramText = new StringBuilder();
            params.forEach((k, v) -> paramText.append(paramText.isEmpty() ? "" : ", ").append(k).append('=').append(v));
            Map<?, ?> metric = (Map<?, ?>) run.get("primaryMetric");
            rows.add(new Row(name[0], implementation, operation,
                    paramText.toString(), (String) run.get("mode"), number(metric.get("score")),
                    number(metric.get("scoreError")), (String) metric.get("scoreUnit")));
        }
        return rows;
    }

    /** The longest candidate the method name matches, leaving a non-empty implementation name. */
    private static String longest(List<String> candidates, java.util.function.Predicate<String> matches, int methodLength) {
        String best = null;
        for (String candidate : candidates == null ? List.<String>of() : candidates) {
            if (candidate.length() < methodLength && matches.test(candidate)
                    && (best == null || candidate.length() > best.length())) {
                best = candidate;
            }
        }
        return best;
    }

    private static String[] classAndMethod(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        return new String[] {benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot), benchmark.substring(dot + 1)};
    }

    static String render(List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(row.benchmarkClass() + " | " + row.operation() + " | " + row.params(),
                    k -> new ArrayList<>()).add(row);
        }
        StringBuilder out = new StringBuilder();
        String currentClass = null;
        for (List<Row> group : groups.values()) {
            Row first = group.getFirst();
            if (!first.benchmarkClass().equals(currentClass)) {
                currentClass = first.benchmarkClass();
                out.append("\n## ").append(currentClass).append("\n\n");
                out.append("| operation | params | implementation | score | error | unit | ftmem speed-up |\n");
                out.append("|---|---|---|---:|---:|---|---:|\n");
            }
            Row ftmem = group.stream().filter(r -> r.implementation().equals("ftmem")).findFirst().orElse(null);
            for (Row row : group) {
                out.append("| ").append(row.operation()).append(" | ").append(row.params()).append(" | ")
                        .append(row.implementation()).append(" | ").append(format(row.score())).append(" | ")
                        .append(format(row.error())).append(" | ").append(row.unit()).append(" | ")
                        .append(ratio(ftmem, row)).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String ratio(Row ftmem, Row row) {
        if (ftmem == null || row == ftmem || ftmem.score() == 0 || row.score() == 0) {
            return "";
        }
        boolean throughput = row.mode().equals("thrpt");
        double ratio = throughput ? ftmem.score() / row.score() : row.score() / ftmem.score();
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 1 ? "%.2f" : "%.4f", value);
    }

    private static double number(Object value) {
        return value instanceof Double d ? d : Double.NaN;
    }
}
