package io.github.ftmem.interpreter.syntax;

/**
 * A source range: 1-based lines, 0-based columns counted in characters (CPython's
 * {@code lineno}/{@code col_offset}/{@code end_lineno}/{@code end_col_offset}).
 */
public record Pos(int line, int col, int endLine, int endCol) {

    /** The range from the start of {@code first} to the end of {@code last}. */
    public static Pos span(Pos first, Pos last) {
        return new Pos(first.line, first.col, last.endLine, last.endCol);
    }

    @Override
    public String toString() {
        return line + ":" + col + "-" + endLine + ":" + endCol;
    }
}
