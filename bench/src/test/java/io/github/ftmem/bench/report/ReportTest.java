package io.github.ftmem.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    private static final String RESULTS = """
            [
              {"benchmark": "io.github.ftmem.bench.allocator.AllocatorBench.ftmemBatch", "mode": "avgt",
               "params": {"size": "64"},
               "primaryMetric": {"score": 10.0, "scoreError": 0.5, "scoreUnit": "ns/op"}},
              {"benchmark": "io.github.ftmem.bench.allocator.AllocatorBench.nettyPooledBatch", "mode": "avgt",
               "params": {"size": "64"},
               "primaryMetric": {"score": 25.0, "scoreError": "NaN", "scoreUnit": "ns/op"}},
              {"benchmark": "io.github.ftmem.bench.locks.MutexBench.uncontendedFtmem", "mode": "avgt",
               "primaryMetric": {"score": 20.0, "scoreError": 1.0, "scoreUnit": "ns/op"}},
              {"benchmark": "io.github.ftmem.bench.locks.MutexBench.uncontendedSynchronized", "mode": "avgt",
               "primaryMetric": {"score": 30.0, "scoreError": 1.0, "scoreUnit": "ns/op"}},
              {"benchmark": "io.github.ftmem.bench.locks.MutexBench.ftmemLock", "mode": "thrpt",
               "primaryMetric": {"score": 300.0, "scoreError": 1.0, "scoreUnit": "ops/us"}},
              {"benchmark": "io.github.ftmem.bench.locks.MutexBench.reentrantLockLock", "mode": "thrpt",
               "primaryMetric": {"score": 100.0, "scoreError": 1.0, "scoreUnit": "ops/us"}}
            ]
            """;

    @Test
    void peersGetRatiosAgainstFtmemInTheirGroup(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.json");
        Files.writeString(file, RESULTS);
        List<Report.Row> rows = Report.read(file);
        assertEquals(6, rows.size());
        assertEquals("nettyPooled", rows.get(1).implementation());
        assertEquals("Batch", rows.get(1).operation());
        assertEquals("size=64", rows.get(1).params());
        String report = Report.render(rows);
        assertTrue(report.contains("| Batch | size=64 | nettyPooled | 25.00 | n/a | ns/op | 2.50× |"), report);
        assertTrue(report.contains("| Lock |  | reentrantLock | 100 | 1.00 | ops/us | 3.00× |"),
                "throughput ratio is ftmem ÷ peer\n" + report);
        assertTrue(report.contains("| uncontended |  | synchronized | 30.00 | 1.00 | ns/op | 1.50× |"), report);
        assertTrue(report.contains("## AllocatorBench") && report.contains("## MutexBench"), report);
    }

    @Test
    void malformedJsonIsReportedWithItsLocation(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[1, }");
        IOException e = assertThrows(IOException.class, () -> Report.read(file));
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }

    @Test
    void chartsArePngFilesPerClassAndUnitLinkedFromTheReport(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.json");
        Files.writeString(file, RESULTS);
        List<Report.Row> rows = Report.read(file);
        Map<String, List<Path>> charts = Report.writeCharts(rows, dir.resolve("run"));
        assertEquals(List.of(dir.resolve("run-AllocatorBench.png")), charts.get("AllocatorBench"));
        assertEquals(List.of(dir.resolve("run-MutexBench-ns_op.png"), dir.resolve("run-MutexBench-ops_us.png")),
                charts.get("MutexBench"));
        for (List<Path> files : charts.values()) {
            for (Path chart : files) {
                byte[] bytes = Files.readAllBytes(chart);
                assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', chart.toString());
            }
        }
        assertTrue(Report.render(rows, charts).contains("![AllocatorBench](run-AllocatorBench.png)"));
    }
}
