package io.github.ftmem.interpreter.syntax;

/**
 * A compile-time error of a Python program ({@code SyntaxError}, {@code IndentationError},
 * {@code TabError}), carrying the attributes CPython's exception has. {@link #offset} and
 * {@link #endOffset} are 1-based character columns exactly as CPython stores them (CPython uses
 * 0 or -1 for "no end"), so that {@link #format()} prints what CPython 3.11 prints for an uncaught
 * error in a script.
 */
public final class PySyntaxError extends RuntimeException {

    /** The Python exception class. */
    public enum Kind {
        SYNTAX_ERROR("SyntaxError"),
        INDENTATION_ERROR("IndentationError"),
        TAB_ERROR("TabError");

        private final String pythonName;

        Kind(String pythonName) {
            this.pythonName = pythonName;
        }

        public String pythonName() {
            return pythonName;
        }
    }

    private final Kind kind;
    private final String msg;
    private final String fileName;
    private final int lineno;
    private final int offset;
    private final int endLineno;
    private final int endOffset;
    private final String text;

    public PySyntaxError(Kind kind, String msg, String fileName, int lineno, int offset,
                         int endLineno, int endOffset, String text) {
        super(msg, null, false, false);
        this.kind = kind;
        this.msg = msg;
        this.fileName = fileName;
        this.lineno = lineno;
        this.offset = offset;
        this.endLineno = endLineno;
        this.endOffset = endOffset;
        this.text = text;
    }

    /** An error whose range is the node or token range {@code pos} (columns converted to 1-based). */
    public static PySyntaxError at(Kind kind, String msg, Source source, Pos pos) {
        String line = source.line(pos.line());
        if (pos.line() < source.lineCount() || source.text().endsWith("\n")) {
            line += "\n";
        }
        return new PySyntaxError(kind, msg, source.fileName(), pos.line(), pos.col() + 1,
                pos.endLine(), pos.endCol() + 1, line);
    }

    public Kind kind() {
        return kind;
    }

    public String msg() {
        return msg;
    }

    public String fileName() {
        return fileName;
    }

    public int lineno() {
        return lineno;
    }

    public int offset() {
        return offset;
    }

    public int endLineno() {
        return endLineno;
    }

    public int endOffset() {
        return endOffset;
    }

    public String text() {
        return text;
    }

    /** The same error with a message prefix (f-string errors are reported as {@code "f-string: ..."}). */
    public PySyntaxError withPrefix(String prefix) {
        return new PySyntaxError(kind, prefix + msg, fileName, lineno, offset, endLineno, endOffset, text);
    }

    /**
     * The report CPython 3.11 writes to stderr when this error stops a script: the
     * {@code File} line, the source line stripped of leading whitespace, a caret line, and the
     * message ({@code print_exception_file_and_line} and {@code print_error_text} in
     * {@code Python/pythonrun.c}).
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("  File \"").append(fileName).append("\", line ").append(lineno).append('\n');
        if (text != null) {
            int end = endOffset;
            if (endLineno > lineno) {
                end = text.length();
            }
            if (end > text.length() + 1) {
                end = text.length() + 1;
            }
            if (kind != Kind.SYNTAX_ERROR) {
                // CPython 3.11 underlines an IndentationError (and TabError) with a single caret.
                end = -1;
            }
            appendErrorText(out, offset, end, text);
        }
        out.append(kind.pythonName()).append(": ").append(msg).append('\n');
        return out.toString();
    }

    private static void appendErrorText(StringBuilder out, int offset, int endOffset, String line) {
        int caretRepetitions = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
        int column = offset - 1;
        int start = 0;
        while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t'
                || line.charAt(start) == '\f')) {
            start++;
            column--;
        }
        String text = line.substring(start);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (column > text.length()) {
            column = text.length();
        }
        out.append("    ").append(text).append('\n');
        if (column < 0) {
            return;
        }
        out.append("    ").append(" ".repeat(column)).append("^".repeat(caretRepetitions)).append('\n');
    }

    @Override
    public String getMessage() {
        return kind.pythonName() + ": " + msg + " (" + fileName + ", line " + lineno + ")";
    }
}
