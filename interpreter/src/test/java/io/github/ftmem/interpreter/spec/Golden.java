package io.github.ftmem.interpreter.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * CPython's recorded behaviour for one spec program, parsed from its {@code .out} file (format:
 * see {@code interpreter/tools/regen-golden}).
 */
record Golden(String stdout, String stderr, int exit) {

    static Golden parse(String text) {
        String[] lines = text.split("\n", -1);
        int[] at = {0};
        String stdout = section(lines, at, "stdout");
        String stderr = section(lines, at, "stderr");
        String exitLine = lines[at[0]];
        if (!exitLine.startsWith("#> exit ")) {
            throw new IllegalArgumentException("golden: expected '#> exit N', found: " + exitLine);
        }
        return new Golden(stdout, stderr, Integer.parseInt(exitLine.substring("#> exit ".length()).trim()));
    }

    private static String section(String[] lines, int[] at, String title) {
        String header = lines[at[0]];
        String prefix = "#> " + title + " ";
        if (!header.startsWith(prefix)) {
            throw new IllegalArgumentException("golden: expected '" + prefix + "N', found: " + header);
        }
        int count = Integer.parseInt(header.substring(prefix.length()).trim());
        at[0]++;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            body.add(lines[at[0]++]);
        }
        StringBuilder out = new StringBuilder();
        for (String line : body) {
            out.append(line).append('\n');
        }
        if (lines[at[0]].equals("#> no newline at end of " + title)) {
            at[0]++;
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** The last line of stderr (the exception or error message), or "" when stderr is empty. */
    String stderrLastLine() {
        return lastLine(stderr);
    }

    static String lastLine(String text) {
        String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        int nl = trimmed.lastIndexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(nl + 1);
    }

    /**
     * True when CPython rejected the program at compile time: nothing ran, and stderr is a
     * SyntaxError-family report rather than a traceback.
     */
    boolean isCompileError() {
        String last = stderrLastLine();
        return exit == 1 && stdout.isEmpty() && stderr.startsWith("  File \"")
                && (last.startsWith("SyntaxError: ") || last.startsWith("IndentationError: ")
                    || last.startsWith("TabError: "));
    }
}
