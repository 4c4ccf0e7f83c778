package io.github.ftmem.interpreter.syntax;

import io.github.ftmem.interpreter.syntax.PySyntaxError.Kind;
import io.github.ftmem.interpreter.syntax.Token.StringToken;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Python 3.11's tokenizer ({@code Parser/tokenizer.c}), producing tokens on demand so that errors
 * surface in the same order as in CPython: a parser error early in a file wins over a tokenizer
 * error later in it.
 *
 * <p>Logical lines end in NEWLINE; blank and comment-only lines produce nothing; inside brackets
 * and after a backslash-newline, newlines are ignored. Indentation is measured with tab stops of 8
 * and, to detect inconsistent tabs, also with tab stops of 1 (CPython's {@code altcol}).
 * Error positions (offset = characters consumed on the line when the error was detected) match
 * CPython's {@code syntaxerror()}.
 */
public final class Lexer {
    private static final String[] OPERATORS_3 = {"**=", "//=", ">>=", "<<=", "..."};
    private static final String[] OPERATORS_2 = {
        "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=",
        "|=", "^=", "@=", ":="};
    private static final String OPERATORS_1 = "+-*/%@&|^~<>()[]{},:;.=";

    private record Bracket(char open, int line, int col) {
    }

    private final Source source;
    private final String s;
    /** End of the region being lexed (the whole text, or an f-string field's expression). */
    private final int end;
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean atLineStart = true;
    private final List<Bracket> brackets = new ArrayList<>();
    private final List<Integer> indents = new ArrayList<>(List.of(0));
    private final List<Integer> altIndents = new ArrayList<>(List.of(0));
    private final ArrayDeque<Token> pending = new ArrayDeque<>();
    private Token last;
    private boolean done;
    private boolean stoppedAtUnclosedBracket;
    /** Column of a comment skipped since the last token on this line, or -1. */
    private int commentCol = -1;

    /** True when lexing an expression embedded in an f-string: no indentation, newlines ignored. */
    private final boolean embedded;

    public Lexer(Source source) {
        this.source = source;
        this.s = source.text();
        this.end = s.length();
        this.embedded = false;
    }

    /**
     * A lexer for the source region {@code [from, to)} that starts on line {@code line} whose
     * first character is at {@code lineStart}: the expression part of an f-string replacement field.
     */
    Lexer(Source source, int from, int to, int line, int lineStart) {
        this.source = source;
        this.s = source.text();
        this.end = to;
        this.embedded = true;
        this.pos = from;
        this.line = line;
        this.lineStart = lineStart;
        this.atLineStart = false;
    }

    /** Lexes {@code source} completely (for tests and tools). */
    public static List<Token> tokenize(Source source) {
        Lexer lexer = new Lexer(source);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Token.Kind.ENDMARKER);
        return tokens;
    }

    /** True if the last error thrown was the end of input inside an open bracket. */
    boolean stoppedAtUnclosedBracket() {
        return stoppedAtUnclosedBracket;
    }

    /** Line of the innermost open bracket, or 0 if none is open. */
    int openBracketLine() {
        return brackets.isEmpty() ? 0 : brackets.getLast().line();
    }

    /** The next token; ENDMARKER forever once the input is exhausted. */
    public Token next() {
        if (pending.isEmpty()) {
            scan();
        }
        last = pending.poll();
        return last;
    }

    private void scan() {
        commentCol = -1;
        if (done) {
            pending.add(new Token(Token.Kind.ENDMARKER, "", null, new Pos(line, 0, line, 0)));
            return;
        }
        if (atLineStart && brackets.isEmpty()) {
            if (indentation()) {
                return;
            }
        }
        while (true) {
            skipBlanks();
            if (pos >= end) {
                endOfInput();
                return;
            }
            char c = s.charAt(pos);
            if (c == '#') {
                commentCol = pos - lineStart;
                while (pos < end && s.charAt(pos) != '\n') {
                    pos++;
                }
                continue;
            }
            if (c == '\\') {
                if (pos + 1 < end && s.charAt(pos + 1) == '\n') {
                    pos += 2;
                    newLine();
                    continue;
                }
                if (pos + 1 >= end) {
                    pos++;
                    throw tokenError(Kind.SYNTAX_ERROR, "unexpected EOF while parsing", line,
                            pos - lineStart, pos - lineStart);
                }
                pos += 2;
                throw tokenError(Kind.SYNTAX_ERROR, "unexpected character after line continuation character",
                        line, pos - lineStart, 0);
            }
            if (c == '\n') {
                if (!brackets.isEmpty() || embedded) {
                    pos++;
                    newLine();
                    continue;
                }
                int col = pos - lineStart;
                // CPython's NEWLINE token starts at a comment that precedes it on the line.
                add(Token.Kind.NEWLINE, "", line, commentCol >= 0 ? commentCol : col, line, col);
                pos++;
                newLine();
                atLineStart = true;
                return;
            }
            scanToken(c);
            return;
        }
    }

    /** Handles the indentation of a new logical line; returns true if it queued tokens. */
    private boolean indentation() {
        while (true) {
            int col = 0;
            int altCol = 0;
            int p = pos;
            while (p < end) {
                char c = s.charAt(p);
                if (c == ' ') {
                    col++;
                    altCol++;
                } else if (c == '\t') {
                    col = (col / 8 + 1) * 8;
                    altCol++;
                } else if (c == '\f') {
                    col = 0;
                    altCol = 0;
                } else {
                    break;
                }
                p++;
            }
            if (p >= end) {
                pos = p;
                atLineStart = false;
                return false;
            }
            char c = s.charAt(p);
            if (c == '#' || c == '\n') {
                pos = p;
                while (pos < end && s.charAt(pos) != '\n') {
                    pos++;
                }
                if (pos < end) {
                    pos++;
                    newLine();
                    continue;
                }
                atLineStart = false;
                return false;
            }
            pos = p;
            atLineStart = false;
            int top = indents.getLast();
            int altTop = altIndents.getLast();
            if (col == top) {
                if (altCol != altTop) {
                    throw tabError();
                }
                return false;
            }
            if (col > top) {
                if (altCol <= altTop) {
                    throw tabError();
                }
                indents.add(col);
                altIndents.add(altCol);
                int width = p - lineStart;
                add(Token.Kind.INDENT, s.substring(lineStart, p), line, 0, line, width);
                return true;
            }
            int dedents = 0;
            while (indents.size() > 1 && col < indents.getLast()) {
                indents.removeLast();
                altIndents.removeLast();
                dedents++;
            }
            if (col != indents.getLast()) {
                String text = source.line(line);
                int offset = lineStart + text.length() < end ? text.length() + 1 : text.length();
                throw new PySyntaxError(Kind.INDENTATION_ERROR,
                        "unindent does not match any outer indentation level", source.fileName(), line,
                        offset, line, -1, text);
            }
            if (altCol != altIndents.getLast()) {
                throw tabError();
            }
            int width = p - lineStart;
            for (int i = 0; i < dedents; i++) {
                add(Token.Kind.DEDENT, "", line, width, line, width);
            }
            return true;
        }
    }

    private PySyntaxError tabError() {
        return new PySyntaxError(Kind.TAB_ERROR, "inconsistent use of tabs and spaces in indentation",
                source.fileName(), line, 1, line, 0, source.line(line));
    }

    private void endOfInput() {
        if (!brackets.isEmpty()) {
            stoppedAtUnclosedBracket = true;
            throw unclosedBracket();
        }
        if (embedded) {
            add(Token.Kind.ENDMARKER, "", line, pos - lineStart, line, pos - lineStart);
            done = true;
            return;
        }
        if (last != null && last.kind() != Token.Kind.NEWLINE && last.kind() != Token.Kind.DEDENT
                && last.kind() != Token.Kind.INDENT) {
            int col = pos - lineStart;
            add(Token.Kind.NEWLINE, "", line, col, line, col + 1);
        }
        int eofLine = pos > lineStart ? line + 1 : line;
        while (indents.size() > 1) {
            indents.removeLast();
            altIndents.removeLast();
            add(Token.Kind.DEDENT, "", eofLine, 0, eofLine, 0);
        }
        add(Token.Kind.ENDMARKER, "", eofLine, 0, eofLine, 0);
        done = true;
    }

    /** "'(' was never closed", located at the innermost open bracket. */
    PySyntaxError unclosedBracket() {
        Bracket b = brackets.getLast();
        return new PySyntaxError(Kind.SYNTAX_ERROR, "'" + b.open() + "' was never closed", source.fileName(),
                b.line(), b.col() + 1, b.line(), 0, source.line(b.line()));
    }

    private void scanToken(char c) {
        int startLine = line;
        int startCol = pos - lineStart;
        int start = pos;
        if (isIdentifierStart(c)) {
            int p = pos;
            while (p < end && isIdentifierPart(s.charAt(p))) {
                p++;
            }
            String word = s.substring(pos, p);
            if (p < end && (s.charAt(p) == '\'' || s.charAt(p) == '"') && isStringPrefix(word)) {
                pos = p;
                string(word, start, startLine, startCol);
                return;
            }
            pos = p;
            add(Token.Kind.NAME, word, startLine, startCol, line, pos - lineStart);
            return;
        }
        if (isDigit(c) || (c == '.' && pos + 1 < end && isDigit(s.charAt(pos + 1)))) {
            number(start, startCol);
            return;
        }
        if (c == '\'' || c == '"') {
            string("", start, startLine, startCol);
            return;
        }
        for (String op : OPERATORS_3) {
            if (startsWith(op, pos)) {
                pos += 3;
                add(Token.Kind.OP, op, startLine, startCol, line, startCol + 3);
                return;
            }
        }
        for (String op : OPERATORS_2) {
            if (startsWith(op, pos)) {
                pos += 2;
                add(Token.Kind.OP, op, startLine, startCol, line, startCol + 2);
                return;
            }
        }
        if (OPERATORS_1.indexOf(c) >= 0) {
            pos++;
            bracket(c, startCol);
            add(Token.Kind.OP, String.valueOf(c), startLine, startCol, line, startCol + 1);
            return;
        }
        int cp = s.codePointAt(pos);
        if (cp == 0) {
            String text = source.line(line);
            int nul = text.indexOf('\0');
            throw new PySyntaxError(Kind.SYNTAX_ERROR, "source code cannot contain null bytes", source.fileName(),
                    line, 0, line, -1, nul < 0 ? text : text.substring(0, nul));
        }
        if (cp < 128 && !Character.isISOControl(cp)) {
            pos += Character.charCount(cp);
            add(Token.Kind.OP, new String(Character.toChars(cp)), startLine, startCol, line, pos - lineStart);
            return;
        }
        pos += Character.charCount(cp);
        String message = Character.isISOControl(cp) || !isPrintable(cp)
                ? String.format("invalid non-printable character U+%04X", cp)
                : String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp);
        throw tokenError(Kind.SYNTAX_ERROR, message, line, startCol + 1, startCol + 1);
    }

    private static boolean isPrintable(int cp) {
        int type = Character.getType(cp);
        return type != Character.UNASSIGNED && type != Character.CONTROL && type != Character.FORMAT
                && type != Character.SPACE_SEPARATOR && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE
                && type != Character.PRIVATE_USE;
    }

    private void bracket(char c, int col) {
        switch (c) {
            case '(', '[', '{' -> brackets.add(new Bracket(c, line, col));
            case ')', ']', '}' -> {
                if (brackets.isEmpty()) {
                    throw tokenError(Kind.SYNTAX_ERROR, "unmatched '" + c + "'", line, col + 1, col + 1);
                }
                Bracket open = brackets.getLast();
                char expected = open.open() == '(' ? ')' : open.open() == '[' ? ']' : '}';
                if (c != expected) {
                    String message = open.line() != line
                            ? "closing parenthesis '" + c + "' does not match opening parenthesis '"
                              + open.open() + "' on line " + open.line()
                            : "closing parenthesis '" + c + "' does not match opening parenthesis '"
                              + open.open() + "'";
                    throw tokenError(Kind.SYNTAX_ERROR, message, line, col + 1, col + 1);
                }
                brackets.removeLast();
            }
            default -> {
            }
        }
    }

    private static boolean isStringPrefix(String word) {
        return switch (word.toLowerCase()) {
            case "r", "u", "f", "b", "rf", "fr", "rb", "br" -> true;
            default -> false;
        };
    }

    private void string(String prefix, int start, int startLine, int startCol) {
        String lower = prefix.toLowerCase();
        boolean raw = lower.contains("r");
        char quote = s.charAt(pos);
        boolean triple = startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        int bodyStart = pos;
        int bodyLine = line;
        int bodyCol = pos - lineStart;
        int startLineStart = lineStart;
        while (true) {
            if (pos >= end || (!triple && s.charAt(pos) == '\n')) {
                String text = source.line(startLine);
                int detected = line;
                if (triple && pos >= end && s.endsWith("\n")) {
                    detected = line - 1;
                }
                String what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
                throw new PySyntaxError(Kind.SYNTAX_ERROR, what + " (detected at line " + detected + ")",
                        source.fileName(), startLine, start - startLineStart + 1, startLine,
                        start - startLineStart + 1, text);
            }
            char c = s.charAt(pos);
            if (c == '\\') {
                pos++;
                if (pos < end) {
                    if (s.charAt(pos) == '\n') {
                        pos++;
                        newLine();
                    } else {
                        pos++;
                    }
                }
                continue;
            }
            if (c == quote && (!triple || startsWith(String.valueOf(quote).repeat(3), pos))) {
                String body = s.substring(bodyStart, pos);
                pos += triple ? 3 : 1;
                StringToken value = new StringToken(raw, lower.contains("b"), lower.contains("f"), triple, body,
                        bodyLine, bodyCol);
                pending.add(new Token(Token.Kind.STRING, s.substring(start, pos), value,
                        new Pos(startLine, startCol, line, pos - lineStart)));
                return;
            }
            if (c == '\n') {
                pos++;
                newLine();
                continue;
            }
            pos++;
        }
    }

    private void number(int start, int startCol) {
        char c = s.charAt(pos);
        if (c == '0' && pos + 1 < end && "xXoObB".indexOf(s.charAt(pos + 1)) >= 0) {
            char kind = Character.toLowerCase(s.charAt(pos + 1));
            pos += 2;
            String name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
            do {
                if (peek() == '_') {
                    pos++;
                }
                int d = peek();
                if (!isDigitOf(kind, d)) {
                    if (kind != 'x' && isDigit(d)) {
                        pos++;
                        throw tokenError(Kind.SYNTAX_ERROR,
                                "invalid digit '" + (char) d + "' in " + name + " literal");
                    }
                    throw tokenError(Kind.SYNTAX_ERROR, "invalid " + name + " literal");
                }
                while (isDigitOf(kind, peek())) {
                    pos++;
                }
            } while (peek() == '_');
            if (kind != 'x' && isDigit(peek())) {
                int d = peek();
                pos++;
                throw tokenError(Kind.SYNTAX_ERROR, "invalid digit '" + (char) d + "' in " + name + " literal");
            }
            verifyEndOfNumber(name);
            addNumber(start, startCol);
            return;
        }
        boolean fraction = false;
        if (c == '.') {
            fraction = true;
        } else if (c == '0') {
            while (true) {
                if (peek() == '_') {
                    pos++;
                    if (!isDigit(peek())) {
                        throw tokenError(Kind.SYNTAX_ERROR, "invalid decimal literal");
                    }
                }
                if (peek() != '0') {
                    break;
                }
                pos++;
            }
            boolean nonZero = false;
            int zerosEnd = pos + 1 - lineStart;
            if (isDigit(peek())) {
                nonZero = true;
                decimalTail();
            }
            int next = peek();
            if (next == '.') {
                fraction = true;
            } else if (next != 'e' && next != 'E' && next != 'j' && next != 'J' && nonZero) {
                throw tokenError(Kind.SYNTAX_ERROR, "leading zeros in decimal integer literals are not permitted;"
                        + " use an 0o prefix for octal integers", line, startCol + 1, zerosEnd);
            }
        } else {
            decimalTail();
            if (peek() == '.') {
                fraction = true;
            }
        }
        if (fraction) {
            pos++;
            if (isDigit(peek())) {
                decimalTail();
            }
        }
        int e = peek();
        if (e == 'e' || e == 'E') {
            pos++;
            int sign = peek();
            if (sign == '+' || sign == '-') {
                pos++;
                if (!isDigit(peek())) {
                    throw tokenError(Kind.SYNTAX_ERROR, "invalid decimal literal");
                }
            } else if (!isDigit(sign)) {
                pos--;
                verifyEndOfNumber("decimal");
                addNumber(start, startCol);
                return;
            }
            decimalTail();
        }
        int j = peek();
        if (j == 'j' || j == 'J') {
            pos++;
            verifyEndOfNumber("imaginary");
        } else {
            verifyEndOfNumber("decimal");
        }
        addNumber(start, startCol);
    }

    private void addNumber(int start, int startCol) {
        add(Token.Kind.NUMBER, s.substring(start, pos), line, startCol, line, pos - lineStart);
    }

    private void decimalTail() {
        while (true) {
            while (isDigit(peek())) {
                pos++;
            }
            if (peek() != '_') {
                return;
            }
            pos++;
            if (!isDigit(peek())) {
                throw tokenError(Kind.SYNTAX_ERROR, "invalid decimal literal");
            }
        }
    }

    /**
     * CPython rejects a number immediately followed by an identifier character, except before the
     * keywords that may legally follow a number ({@code 1if x else y}), which only warn.
     */
    private void verifyEndOfNumber(String kind) {
        int c = peek();
        boolean keyword = switch (c) {
            case 'a' -> startsWith("and", pos);
            case 'e' -> startsWith("else", pos);
            case 'f' -> startsWith("for", pos);
            case 'i' -> startsWith("if", pos) || startsWith("in", pos) || startsWith("is", pos);
            case 'o' -> startsWith("or", pos);
            case 'n' -> startsWith("not", pos);
            default -> false;
        };
        if (!keyword && c >= 0 && isIdentifierPart((char) c)) {
            throw tokenError(Kind.SYNTAX_ERROR, "invalid " + kind + " literal");
        }
    }

    private static boolean isDigitOf(char kind, int c) {
        return switch (kind) {
            case 'x' -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 'o' -> c >= '0' && c <= '7';
            default -> c == '0' || c == '1';
        };
    }

    /** {@code s.startsWith(prefix, at)} within the region. */
    private boolean startsWith(String prefix, int at) {
        return at + prefix.length() <= end && s.startsWith(prefix, at);
    }

    private int peek() {
        return pos < end ? s.charAt(pos) : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (c >= 128 && Character.isUnicodeIdentifierStart(c));
    }

    static boolean isIdentifierPart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9')
                || (c >= 128 && Character.isUnicodeIdentifierPart(c));
    }

    private void skipBlanks() {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else {
                break;
            }
        }
    }

    private void newLine() {
        line++;
        lineStart = pos;
    }

    private void add(Token.Kind kind, String text, int l, int c, int endLine, int endCol) {
        pending.add(new Token(kind, text, null, new Pos(l, c, endLine, endCol)));
    }

    /** An error at the current position, as CPython's {@code syntaxerror(tok, ...)} reports it. */
    private PySyntaxError tokenError(Kind kind, String message) {
        int offset = pos - lineStart;
        return tokenError(kind, message, line, offset, offset);
    }

    private PySyntaxError tokenError(Kind kind, String message, int l, int offset, int endOffset) {
        return new PySyntaxError(kind, message, source.fileName(), l, offset, l, endOffset, source.line(l));
    }
}
