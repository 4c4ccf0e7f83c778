package io.github.ftmem.interpreter.spec;

import io.github.ftmem.interpreter.runtime.Launcher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every spec program under ftpy with {@code -X showrefcount} and compares with CPython's golden
 * output ({@link SpecComparison}: stdout, exit status, last line of stderr, whole report for compile
 * errors, 0 leaked blocks).
 *
 * <p>The corpus runs in-process (one JVM, a fresh interpreter state per program, stdout/stderr
 * captured) to keep the suite fast; {@link #launcherEndToEnd} runs the real {@code ./ftpy} script on a
 * few programs. Programs that do not pass yet are listed in {@code spec-run.deviations}: a listed
 * program that starts passing fails the test (remove it from the list), as does an unlisted failure.
 * With {@code -Dftpy.spec.report=FILE} the current failures are written to FILE.
 */
class SpecRunTest {
    private static final long TIMEOUT_SECONDS = 180;
    private static final List<String> END_TO_END = List.of("arith/int_ops.py", "errors/traceback_nested_calls.py",
            "syntax/assign_to_call.py");

    @TestFactory
    Stream<DynamicTest> runCorpus() {
        SpecComparison comparison = new SpecComparison(true);
        Map<String, String> deviations = deviations();
        List<String> failing = new ArrayList<>();
        List<SpecCorpus.Program> programs = SpecCorpus.programs();
        Stream<DynamicTest> tests = programs.stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            List<String> problems = comparison.differences(p, runInProcess(p.file()));
            if (!problems.isEmpty()) {
                synchronized (failing) {
                    failing.add(p.name() + "  # " + problems.getFirst().lines().findFirst().orElse(""));
                }
            }
            if (deviations.containsKey(p.name())) {
                assertTrue(!problems.isEmpty(), p.name() + " now passes: remove it from spec-run.deviations");
            } else {
                assertTrue(problems.isEmpty(), p.name() + ":\n" + String.join("\n", problems));
            }
        }));
        DynamicTest listIsTrue = DynamicTest.dynamicTest("spec-run.deviations names existing programs", () -> {
            Set<String> names = new java.util.HashSet<>(programs.stream().map(SpecCorpus.Program::name).toList());
            for (String listed : deviations.keySet()) {
                assertTrue(names.contains(listed), "spec-run.deviations lists unknown program " + listed);
            }
            String report = System.getProperty("ftpy.spec.report");
            if (report != null) {
                synchronized (failing) {
                    Files.writeString(Path.of(report), String.join("\n", failing.stream().sorted().toList()) + "\n");
                }
            }
        });
        return Stream.concat(tests, Stream.of(listIsTrue));
    }

    /**
     * The threaded programs ({@code spec/threads/}) again with the GIL ({@code -X gil=1}): same output,
     * 0 leaked blocks. A program listed in spec-run.deviations with the suffix {@code [gil]} is expected
     * to differ in this mode only.
     */
    @TestFactory
    Stream<DynamicTest> threadedCorpusWithTheGil() {
        SpecComparison comparison = new SpecComparison(true);
        Map<String, String> deviations = deviations();
        return SpecCorpus.programs().stream().filter(p -> p.name().startsWith("threads/"))
                .map(p -> DynamicTest.dynamicTest(p.name() + " [gil]", () -> {
                    List<String> problems = comparison.differences(p,
                            runArgs("-X", "gil=1", "-X", "showrefcount", p.file().toAbsolutePath().toString()));
                    String name = p.name() + " [gil]";
                    if (deviations.containsKey(name) || deviations.containsKey(p.name())) {
                        assertTrue(!problems.isEmpty(), name + " now passes: remove it from spec-run.deviations");
                    } else {
                        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
                    }
                }));
    }

    /**
     * The deadlock demo (two threads taking two locks in opposite order): CPython hangs silently; ftpy
     * reports the cycle and, with {@code -X deadlock=exit}, exits with status 1.
     */
    @Test
    void deadlockIsReportedWithThreadsLocksAndStacks() throws Exception {
        Path dir = Files.createTempDirectory("ftpy-deadlock");
        Path script = dir.resolve("deadlock.py");
        Files.writeString(script, """
                import threading
                import time
                lock_a = threading.Lock()
                lock_b = threading.Lock()
                def first():
                    with lock_a:
                        time.sleep(0.05)
                        with lock_b:
                            print("first done")
                def second():
                    with lock_b:
                        time.sleep(0.05)
                        with lock_a:
                            print("second done")
                t1 = threading.Thread(target=first)
                t2 = threading.Thread(target=second)
                t1.start()
                t2.start()
                t1.join()
                t2.join()
                """);
        try {
            ProgramRunner.Result r = runLauncher(dir, "-X", "deadlock=exit", "deadlock.py");
            assertEquals(1, r.exit(), r.stderr());
            assertEquals("", r.stdout());
            String err = r.stderr();
            assertTrue(err.startsWith("Deadlock detected: 2 threads"), err);
            assertTrue(err.contains("Thread 'Thread-1 (first)':") && err.contains("Thread 'Thread-2 (second)':"), err);
            assertTrue(err.contains("acquired at File \"deadlock.py\", line 6"), err);
            assertTrue(err.contains("acquired at File \"deadlock.py\", line 11"), err);
            assertTrue(err.contains("File \"deadlock.py\", line 8, in first"), err);
            assertTrue(err.contains("File \"deadlock.py\", line 13, in second"), err);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void launcherEndToEnd() throws Exception {
        SpecComparison comparison = new SpecComparison(true);
        Map<String, SpecCorpus.Program> byName = new TreeMap<>();
        SpecCorpus.programs().forEach(p -> byName.put(p.name(), p));
        for (String name : END_TO_END) {
            SpecCorpus.Program p = byName.get(name);
            assertTrue(p != null, "no spec program " + name);
            List<String> problems = comparison.differences(p, runFtpy(p.file()));
            assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
        }
    }

    @Test
    void missingFileAndBadOptionExitTwoWithOneLine() throws Exception {
        ProgramRunner.Result missing = runLauncher(Path.of("."), "no_such_program.py");
        assertEquals(2, missing.exit());
        assertEquals(1, missing.stderr().lines().count(), missing.stderr());
        assertTrue(missing.stderr().contains("can't open file"), missing.stderr());
        ProgramRunner.Result bad = runLauncher(Path.of("."), "-Q");
        assertEquals(2, bad.exit());
        assertEquals(1, bad.stderr().lines().count(), bad.stderr());
    }

    @Test
    void commandLineCodeAndArgv() {
        ProgramRunner.Result r = runArgs("-c", "import sys; print(sys.argv, sum(i * i for i in range(10)))", "a", "b");
        assertEquals("['-c', 'a', 'b'] 285\n", r.stdout());
        assertEquals(0, r.exit());
    }

    @Test
    void deepRecursionIsRecursionError() {
        ProgramRunner.Result r = runArgs("-X", "showrefcount", "-c", "def f(n): return f(n + 1)\nf(0)");
        assertEquals(1, r.exit());
        assertTrue(r.stderr().contains("RecursionError: maximum recursion depth exceeded"), r.stderr());
        assertTrue(r.stderr().endsWith(" 0 blocks]\n"), r.stderr());
    }

    /** True in the dev-mode test run (interpreter/pom.xml): every program also runs under {@code -X dev}. */
    static final boolean DEV_MODE = Boolean.getBoolean("ftpy.spec.dev");

    static ProgramRunner.Result runInProcess(Path script) throws Exception {
        return DEV_MODE ? runArgs("-X", "dev", "-X", "showrefcount", script.toAbsolutePath().toString())
                : runArgs("-X", "showrefcount", script.toAbsolutePath().toString());
    }

    static ProgramRunner.Result runArgs(String... args) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Future<Integer> status = executor.submit(() -> Launcher.run(args, out, err));
            int exit = status.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new ProgramRunner.Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    exit);
        } catch (Exception e) {
            throw new AssertionError(String.join(" ", args) + " did not finish: " + e, e);
        } finally {
            executor.shutdownNow();
        }
    }

    private static Map<String, String> deviations() {
        Map<String, String> list = new TreeMap<>();
        try (InputStream in = SpecRunTest.class.getResourceAsStream("/spec-run.deviations")) {
            if (in == null) {
                fail("spec-run.deviations missing from the test resources");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.replaceFirst("#.*", "").trim();
                if (!entry.isEmpty()) {
                    list.put(entry, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /** Runs the repository's {@code ftpy} launcher as CPython was run: in the script's directory. */
    static ProgramRunner.Result runFtpy(Path script) throws Exception {
        return runLauncher(script.getParent(), "-X", "showrefcount", script.getFileName().toString());
    }

    private static ProgramRunner.Result runLauncher(Path dir, String... args) throws Exception {
        Path launcher = Path.of("..", "ftpy").toAbsolutePath().normalize();
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no executable launcher at " + launcher);
        }
        Path stdout = Files.createTempFile("ftpy-out", ".txt");
        Path stderr = Files.createTempFile("ftpy-err", ".txt");
        try {
            List<String> command = new ArrayList<>();
            command.add(launcher.toString());
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new ProgramRunner.Result(Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), process.exitValue());
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
