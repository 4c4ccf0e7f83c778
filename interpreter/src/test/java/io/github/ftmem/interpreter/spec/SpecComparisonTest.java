package io.github.ftmem.interpreter.spec;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run-and-compare harness itself: it accepts CPython's own behaviour and rejects any deviation. */
class SpecComparisonTest {

    private static SpecCorpus.Program program(String area, String name) {
        return SpecCorpus.programs().stream()
                .filter(p -> p.file().endsWith(Path.of(area, name)))
                .findFirst().orElseThrow();
    }

    private static ProgramRunner.Result replay(SpecCorpus.Program p, String extraStderr) {
        String dir = p.file().getParent().toAbsolutePath() + "/";
        String stderr = p.golden().stderr().replace("File \"" + p.displayName(), "File \"" + dir + p.displayName());
        return new ProgramRunner.Result(p.golden().stdout(), stderr + extraStderr, p.golden().exit());
    }

    @Test
    void goldenBehaviourMatches() {
        SpecComparison comparison = new SpecComparison(true);
        for (SpecCorpus.Program p : SpecCorpus.programs()) {
            assertEquals(List.of(), comparison.differences(p, replay(p, "[1234 refs, 0 blocks]\n")), p.name());
        }
    }

    @Test
    void stdoutDifferenceIsReported() {
        SpecCorpus.Program p = program("loops", "while_else.py");
        ProgramRunner.Result r = replay(p, "");
        ProgramRunner.Result wrong = new ProgramRunner.Result(r.stdout() + "extra\n", r.stderr(), r.exit());
        List<String> problems = new SpecComparison(false).differences(p, wrong);
        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().startsWith("stdout differs"));
    }

    @Test
    void exitStatusAndExceptionLineAreChecked() {
        SpecCorpus.Program p = program("errors", "traceback_zero_division.py");
        ProgramRunner.Result r = replay(p, "");
        List<String> problems = new SpecComparison(false).differences(p,
                new ProgramRunner.Result(r.stdout(), "Traceback...\nZeroDivisionError: float division by zero\n", 0));
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void tracebackBodyMayDifferButCompileErrorsMustMatchExactly() {
        SpecComparison comparison = new SpecComparison(false);
        SpecCorpus.Program runtime = program("errors", "traceback_zero_division.py");
        String lastLine = runtime.golden().stderrLastLine();
        assertEquals(List.of(), comparison.differences(runtime, new ProgramRunner.Result(runtime.golden().stdout(),
                "Traceback (most recent call last):\n  somewhere\n" + lastLine + "\n", 1)));
        SpecCorpus.Program syntax = program("syntax", "missing_colon_if.py");
        List<String> problems = comparison.differences(syntax, new ProgramRunner.Result("",
                "  File \"missing_colon_if.py\", line 2\nSyntaxError: expected ':'\n", 1));
        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().startsWith("compile error report differs"));
    }

    @Test
    void leaksAndMissingRefcountLineAreReported() {
        SpecCorpus.Program p = program("loops", "while_else.py");
        SpecComparison comparison = new SpecComparison(true);
        List<String> leak = comparison.differences(p, replay(p, "[10 refs, 3 blocks]\n"));
        assertEquals(List.of("leak: 3 blocks still live at exit (10 refs)"), leak);
        List<String> missing = comparison.differences(p, replay(p, ""));
        assertEquals(1, missing.size());
        assertTrue(missing.getFirst().contains("showrefcount"));
    }

    @Test
    void goldenFormatRoundTrips() {
        Golden g = Golden.parse("#> stdout 2\na\n#> x\n#> stderr 1\nerr\n#> no newline at end of stderr\n#> exit 4\n");
        assertEquals("a\n#> x\n", g.stdout());
        assertEquals("err", g.stderr());
        assertEquals(4, g.exit());
    }
}
