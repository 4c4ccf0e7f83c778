package io.github.ftmem.interpreter.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a run of a spec program with CPython's golden output, under the rules of the
 * interpreter issue: stdout exactly, the exit status exactly, and of stderr the last line (the
 * exception) — the whole of it for compile errors, whose report the front end reproduces
 * exactly. Output is normalised as {@code regen-golden} normalised CPython's: the absolute
 * directory of the script is removed and object addresses become {@code 0x...}.
 *
 * <p>With {@code -X showrefcount} the interpreter ends stderr with CPython's debug-build line
 * {@code [N refs, M blocks]}; when {@link #expectRefcountLine} is set that line must be present, is
 * removed before comparing, and M (blocks still live at exit, immortal objects excluded) must be 0.
 */
final class SpecComparison {
    private static final Pattern ADDRESS = Pattern.compile(" at 0x[0-9a-f]+>");
    private static final Pattern REFCOUNT_LINE = Pattern.compile("\\[(-?\\d+) refs, (-?\\d+) blocks]\\n?\\z");

    private final boolean expectRefcountLine;

    SpecComparison(boolean expectRefcountLine) {
        this.expectRefcountLine = expectRefcountLine;
    }

    /** The differences between {@code actual} and the golden output; empty when the run matches. */
    List<String> differences(SpecCorpus.Program program, ProgramRunner.Result actual) {
        List<String> problems = new ArrayList<>();
        String directory = program.file().getParent().toAbsolutePath() + "/";
        String stdout = normalise(actual.stdout(), directory);
        String stderr = normalise(actual.stderr(), directory);
        if (expectRefcountLine) {
            Matcher m = REFCOUNT_LINE.matcher(stderr);
            if (!m.find()) {
                problems.add("stderr does not end with the -X showrefcount line '[N refs, M blocks]'");
            } else {
                long blocks = Long.parseLong(m.group(2));
                if (blocks != 0) {
                    problems.add("leak: " + blocks + " blocks still live at exit (" + m.group(1) + " refs)");
                }
                stderr = stderr.substring(0, m.start());
            }
        }
        Golden golden = program.golden();
        if (!stdout.equals(golden.stdout())) {
            problems.add("stdout differs\n--- expected\n" + golden.stdout() + "--- actual\n" + stdout);
        }
        if (actual.exit() != golden.exit()) {
            problems.add("exit status " + actual.exit() + ", expected " + golden.exit());
        }
        if (golden.isCompileError()) {
            if (!stderr.equals(golden.stderr())) {
                problems.add("compile error report differs\n--- expected\n" + golden.stderr() + "--- actual\n" + stderr);
            }
        } else if (!Golden.lastLine(stderr).equals(golden.stderrLastLine())) {
            problems.add("last line of stderr differs\n--- expected\n" + golden.stderrLastLine()
                    + "\n--- actual\n" + Golden.lastLine(stderr) + "\n--- actual stderr\n" + stderr);
        }
        return problems;
    }

    static String normalise(String text, String directory) {
        return ADDRESS.matcher(text.replace(directory, "")).replaceAll(" at 0x...>");
    }
}
