package io.github.ftmem.interpreter.syntax;

/**
 * One token. {@code text} is the exact source text (for INDENT, the indentation; for NEWLINE,
 * DEDENT and ENDMARKER, empty). For STRING tokens {@code value} is a {@link StringToken}; for all
 * others it is null. Keywords are NAME tokens; {@link #isKeyword(String)} tells them apart.
 */
public record Token(Kind kind, String text, Object value, Pos pos) {

    public enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, ENDMARKER }

    /**
     * A string literal token: its prefix flags, the quote, and its raw body (between the quotes,
     * escapes not yet processed). {@code bodyLine}/{@code bodyCol} locate the first body character.
     */
    public record StringToken(boolean raw, boolean bytes, boolean formatted, boolean triple, String body,
                              int bodyLine, int bodyCol) {
    }

    public boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    public boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equals(keyword);
    }

    public int line() {
        return pos.line();
    }

    public int col() {
        return pos.col();
    }
}
