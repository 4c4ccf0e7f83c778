package io.github.ftmem.interpreter.spec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crash hunt: random programs built to make user code run inside container operations — classes
 * whose {@code __del__}, {@code __eq__}, {@code __hash__} and {@code __repr__} mutate the containers
 * being searched or printed, cycles through instances, classes and closures, weakrefs with callbacks,
 * {@code gc.collect()} at random points, exceptions through {@code finally} (finalizers mutate
 * containers that are not printed: when a cycle's finalizers run depends on collector thresholds). Each must end normally
 * (status below 128, never a signal or a fatal report) with 0 leaked blocks; where {@code python3} is
 * on the PATH its output must equal CPython's. In the dev-mode execution every program runs under
 * {@code -X dev}. {@code -Dftpy.crashhunt.count=N} and {@code -Dftpy.crashhunt.seed=S} set the size
 * and the start (the long variant: {@code -Dftpy.crashhunt.count=2000}).
 */
class CrashHuntTest {
    private static final int COUNT = Integer.getInteger("ftpy.crashhunt.count", 40);
    private static final long SEED = Long.getLong("ftpy.crashhunt.seed", 20261203L);

    @TestFactory
    Stream<DynamicTest> randomPrograms() throws Exception {
        Path dir = Files.createTempDirectory("ftpy-crashhunt");
        boolean python = pythonAvailable();
        return IntStream.range(0, COUNT).mapToObj(i -> DynamicTest.dynamicTest("program " + (SEED + i), () -> {
            String source = new ProgramGenerator(new SplittableRandom(SEED + i)).program();
            Path file = dir.resolve("hunt_" + (SEED + i) + ".py");
            Files.writeString(file, source);
            ProgramRunner.Result r = SpecRunTest.runInProcess(file);
            assertTrue(r.exit() < 128, "status " + r.exit() + " for\n" + source + "\nstderr:\n" + r.stderr());
            assertTrue(r.stderr().endsWith(" 0 blocks]\n"), "leak or missing report for\n" + source + "\nstderr:\n" + r.stderr());
            if (python) {
                Process p = new ProcessBuilder("python3", file.toString()).redirectErrorStream(false).start();
                String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor(60, TimeUnit.SECONDS);
                assertEquals(expected, r.stdout(), "stdout differs from CPython's for\n" + source);
                assertEquals(p.exitValue(), r.exit(), "exit status differs from CPython's for\n" + source);
            }
        }));
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Builds one program from a fixed prelude of hostile classes and a random sequence of actions. */
    static final class ProgramGenerator {
        private final SplittableRandom random;
        private final List<String> lines = new ArrayList<>();

        ProgramGenerator(SplittableRandom random) {
            this.random = random;
        }

        private static final String PRELUDE = """
                import gc
                import weakref
                events = []
                pool = [[], {}, set()]
                graveyard = [[], {}]


                class Hostile:
                    def __init__(self, n, target):
                        self.n = n
                        self.target = target
                        self.link = None

                    def __hash__(self):
                        return self.n % 3

                    def __eq__(self, other):
                        t = self.target
                        if isinstance(t, list) and t:
                            t.pop()
                        elif isinstance(t, dict) and t:
                            t.pop(next(iter(t)))
                        elif isinstance(t, set) and t:
                            t.discard(next(iter(t)))
                        return isinstance(other, Hostile) and other.n == self.n

                    def __repr__(self):
                        if isinstance(self.target, list):
                            self.target.clear()
                        return "H%d" % self.n

                    def __del__(self):
                        # Mutates containers from a finalizer; not the printed ones, because when a
                        # cycle's finalizers run depends on the collector's thresholds.
                        graveyard[0].append(self.n)
                        graveyard[0][:] = graveyard[0][-5:]
                        graveyard[1][self.n] = graveyard[0]


                def closure_cycle(n):
                    def inner():
                        return inner, n
                    return inner


                def class_cycle(n):
                    class Local:
                        pass
                    x = Local()
                    Local.me = x
                    x.cls = Local
                    x.n = n
                    return n


                def guarded(f):
                    try:
                        try:
                            return f()
                        finally:
                            pool[1]["finally"] = len(pool[1])
                    except (ValueError, KeyError, IndexError, RuntimeError, TypeError) as e:
                        return type(e).__name__

                """;

        String program() {
            StringBuilder b = new StringBuilder(PRELUDE);
            int steps = 15 + random.nextInt(25);
            for (int i = 0; i < steps; i++) {
                b.append(step(i)).append('\n');
            }
            b.append("gc.collect()\nprint('end', len(pool[2]) >= 0)\n");
            return b.toString();
        }

        private String target() {
            return switch (random.nextInt(4)) {
                case 0 -> "pool[0]";
                case 1 -> "pool[1]";
                case 2 -> "pool[2]";
                default -> "None";
            };
        }

        private String step(int i) {
            int n = random.nextInt(6);
            String t = target();
            return switch (random.nextInt(14)) {
                case 0 -> "pool[0].extend(Hostile(%d, %s) for _ in range(3))".formatted(n, t);
                case 1 -> "pool[1][Hostile(%d, %s)] = [%d]".formatted(n, t, i);
                case 2 -> "pool[2].add(Hostile(%d, %s))".formatted(n, t);
                case 3 -> "print(%d, guarded(lambda: Hostile(%d, None) in pool[%d]))".formatted(i, n, random.nextInt(3));
                case 4 -> "print(%d, guarded(lambda: pool[0].remove(Hostile(%d, None))))".formatted(i, n);
                case 5 -> "print(%d, guarded(lambda: pool[0].index(Hostile(%d, None))))".formatted(i, n);
                case 6 -> "print(%d, guarded(lambda: len(repr(pool[%d])) >= 0))".formatted(i, random.nextInt(3));
                case 7 -> "print(%d, guarded(lambda: pool[0].sort(key=lambda h: (pool[0].append(h) if len(pool[0]) < 50 else None, getattr(h, 'n', 0))[1])))".formatted(i);
                case 8 -> "gc.collect()";
                case 9 -> "closure_cycle(%d); class_cycle(%d)".formatted(n, n);
                case 10 -> "a = Hostile(%d, %s); b = Hostile(%d, a); a.link = b; r = weakref.ref(a, lambda w: events.append(1)); del a, b".formatted(n, t, n + 1);
                case 11 -> "print(%d, guarded(lambda: pool[1].get(Hostile(%d, %s), 'none')))".formatted(i, n, t);
                case 12 -> "print(%d, guarded(lambda: pool[0].count(Hostile(%d, None))))".formatted(i, n);
                default -> "pool[%d] = %s".formatted(random.nextInt(3), random.nextBoolean() ? "[]" : random.nextBoolean() ? "{}" : "set()");
            };
        }
    }
}
