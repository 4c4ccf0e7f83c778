package io.github.ftmem.interpreter.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one program with its file name. Line endings are normalised to {@code \n} (as
 * CPython's universal-newline reading does), a leading byte-order mark is dropped, and a final
 * newline is not required.
 */
public final class Source {
    private final String fileName;
    private final String text;
    private final int[] lineStarts;

    public Source(String fileName, String text) {
        this.fileName = fileName;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.text = body.replace("\r\n", "\n").replace('\r', '\n');
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < this.text.length(); i++) {
            if (this.text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String fileName() {
        return fileName;
    }

    public String text() {
        return text;
    }

    /** Number of lines; a final line without a newline counts, an empty one after the last newline does not. */
    public int lineCount() {
        int n = lineStarts.length;
        return lineStarts[n - 1] == text.length() ? n - 1 : n;
    }

    /** Offset in {@link #text()} where 1-based line {@code line} starts. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** The 1-based line containing text offset {@code offset}. */
    public int lineOf(int offset) {
        int i = java.util.Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Line {@code line} (1-based) without its newline; empty past the end. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        return text.substring(start, Math.max(start, end));
    }
}
