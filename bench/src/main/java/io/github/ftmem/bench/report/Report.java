package io.github.ftmem.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

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
 * <p>With {@code --charts PREFIX} it also draws one PNG bar chart per benchmark class and unit,
 * {@code PREFIX-<Class>.png} ({@code PREFIX-<Class>-<unit>.png} when a class reports several units):
 * one group of bars per operation and parameters, ftmem beside each peer, with JMH's score error
 * (the half-width of its 99.9 % confidence interval) as the error bar; the Markdown report links
 * each chart under its class. JMH's JSON is read with Jackson.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.github.ftmem.bench.report.Report [--charts PREFIX] results.json... </pre>
 */
public final class Report {

    private static final String FTMEM = "ftmem";
    private static final String FTMEM_SUFFIX = "Ftmem";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHART_WIDTH = 1100;
    private static final int CHART_HEIGHT = 560;

    private Report() {
    }

    record Row(String benchmarkClass, String implementation, String operation, String params, String mode,
               double score, double error, String unit) {
    }

    public static void main(String[] args) throws IOException {
        int first = args.length >= 2 && args[0].equals("--charts") ? 2 : 0;
        if (args.length == first) {
            System.err.println("usage: Report [--charts PREFIX] <jmh-result.json>...");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = first; i < args.length; i++) {
            rows.addAll(read(Path.of(args[i])));
        }
        Map<String, List<Path>> charts = first == 0 ? Map.of() : writeCharts(rows, Path.of(args[1]));
        System.out.print(render(rows, charts));
    }

    static List<Row> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + ": not a JMH JSON result (a top-level array)");
        }
        List<JsonNode> runs = new ArrayList<>();
        root.forEach(runs::add);
        Map<String, List<String>> suffixOperations = new LinkedHashMap<>();
        Map<String, List<String>> prefixOperations = new LinkedHashMap<>();
        for (JsonNode run : runs) {
            String[] name = classAndMethod(run.path("benchmark").asText());
            if (name[1].startsWith(FTMEM) && name[1].length() > FTMEM.length()) {
                suffixOperations.computeIfAbsent(name[0], k -> new ArrayList<>()).add(name[1].substring(FTMEM.length()));
            } else if (name[1].endsWith(FTMEM_SUFFIX) && name[1].length() > FTMEM_SUFFIX.length()) {
                prefixOperations.computeIfAbsent(name[0], k -> new ArrayList<>())
                        .add(name[1].substring(0, name[1].length() - FTMEM_SUFFIX.length()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode run : runs) {
            String[] name = classAndMethod(run.path("benchmark").asText());
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
            StringBuilder paramText = new StringBuilder();
            run.path("params").properties().forEach(p ->
                    paramText.append(paramText.isEmpty() ? "" : ", ").append(p.getKey()).append('=').append(p.getValue().asText()));
            JsonNode metric = run.path("primaryMetric");
            rows.add(new Row(name[0], implementation, operation,
                    paramText.toString(), run.path("mode").asText(), number(metric.path("score")),
                    number(metric.path("scoreError")), metric.path("scoreUnit").asText()));
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
        return render(rows, Map.of());
    }

    /** The Markdown report; {@code charts} maps a benchmark class to its chart files, linked by name. */
    static String render(List<Row> rows, Map<String, List<Path>> charts) {
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
                for (Path chart : charts.getOrDefault(currentClass, List.of())) {
                    out.append("![").append(currentClass).append("](").append(chart.getFileName()).append(")\n\n");
                }
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

    /** JMH writes a missing error as the string "NaN". */
    private static double number(JsonNode value) {
        return value.isNumber() ? value.doubleValue() : Double.NaN;
    }

    // ---- charts ------------------------------------------------------------------------------

    /**
     * Writes one chart per benchmark class and unit next to {@code prefix} and returns the files by
     * class, in report order.
     */
    static Map<String, List<Path>> writeCharts(List<Row> rows, Path prefix) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, Map<String, List<Row>>> byClassAndUnit = new LinkedHashMap<>();
        for (Row row : rows) {
            byClassAndUnit.computeIfAbsent(row.benchmarkClass(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.unit(), k -> new ArrayList<>()).add(row);
        }
        Map<String, List<Path>> charts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<Row>>> entry : byClassAndUnit.entrySet()) {
            String benchmarkClass = entry.getKey();
            boolean severalUnits = entry.getValue().size() > 1;
            for (Map.Entry<String, List<Row>> unit : entry.getValue().entrySet()) {
                String name = prefix.getFileName() + "-" + benchmarkClass
                        + (severalUnits ? "-" + unit.getKey().replaceAll("[^A-Za-z0-9]+", "_") : "") + ".png";
                Path file = prefix.resolveSibling(name);
                ChartUtils.saveChartAsPNG(file.toFile(), chart(benchmarkClass, unit.getKey(), unit.getValue()),
                        CHART_WIDTH, CHART_HEIGHT);
                charts.computeIfAbsent(benchmarkClass, k -> new ArrayList<>()).add(file);
            }
        }
        return charts;
    }

    /** Bars of one class and unit: a category per operation and parameters, a series per implementation. */
    static JFreeChart chart(String benchmarkClass, String unit, List<Row> rows) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        Set<String> implementations = new LinkedHashSet<>();
        for (Row row : rows) {
            if (row.implementation().equals(FTMEM)) {
                implementations.add(FTMEM);
            }
        }
        rows.forEach(row -> implementations.add(seriesName(row)));
        for (String implementation : implementations) {
            for (Row row : rows) {
                if (seriesName(row).equals(implementation)) {
                    String category = row.params().isEmpty() ? row.operation() : row.operation() + " (" + row.params() + ")";
                    data.add(row.score(), Double.isNaN(row.error()) ? 0 : row.error(), implementation, category);
                }
            }
        }
        boolean throughput = rows.getFirst().mode().equals("thrpt");
        NumberAxis values = new NumberAxis(unit + (throughput ? " (higher is better)" : " (lower is better)"));
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.2f));
        renderer.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(benchmarkClass + " — error bars: JMH 99.9 % confidence interval",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static String seriesName(Row row) {
        return row.implementation().isEmpty() ? "(no peer)" : row.implementation();
    }
}
