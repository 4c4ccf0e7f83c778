package io.github.ftmem.interpreter.syntax;

import io.github.ftmem.interpreter.syntax.Expr.FormattedValue;
import io.github.ftmem.interpreter.syntax.Expr.JoinedStr;
import io.github.ftmem.interpreter.syntax.Expr.StringLiteral;
import io.github.ftmem.interpreter.syntax.Token.StringToken;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits the bodies of adjacent string literals, at least one of them an f-string, into literal
 * text and replacement fields, following CPython 3.11's {@code fstring_find_literal} and
 * {@code fstring_find_expr}: {@code {{}}/{@code }}} escape braces, a field is
 * {@code {expression[=][!conversion][:format_spec]}}, the format spec may itself contain fields
 * (one level deep), and the expression may contain neither a backslash nor {@code #}.
 */
final class FStringParser {

    /** Parses a field's expression found in the source region {@code [from, to)}. */
    @FunctionalInterface
    interface EmbeddedParser {
        Expr parse(Source source, int from, int to, int line, int lineStart);
    }

    private final Source source;
    private final Pos pos;
    private final Function<String, PySyntaxError> decodeError;
    private final Function<String, PySyntaxError> error;
    private final EmbeddedParser embedded;
    private final List<Expr> values = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    // The body being scanned and where it sits in the source.
    private String body;
    private boolean raw;
    private int bodyOffset;

    FStringParser(Source source, Pos pos, Function<String, PySyntaxError> decodeError,
                  Function<String, PySyntaxError> error, EmbeddedParser embedded) {
        this.source = source;
        this.pos = pos;
        this.decodeError = decodeError;
        this.error = error;
        this.embedded = embedded;
    }

    void addPart(Token token) {
        StringToken st = (StringToken) token.value();
        if (!st.formatted()) {
            literal.append(StringDecoder.decode(st, decodeError));
            return;
        }
        body = st.body();
        raw = st.raw();
        bodyOffset = source.lineStart(st.bodyLine()) + st.bodyCol();
        int end = parse(0, 0, values, literal);
        if (end != body.length()) {
            throw error.apply("f-string: single '}' is not allowed");
        }
    }

    JoinedStr finish() {
        flush(values, literal);
        return new JoinedStr(pos, List.copyOf(values));
    }

    private void flush(List<Expr> into, StringBuilder text) {
        if (!text.isEmpty()) {
            into.add(new StringLiteral(pos, text.toString()));
            text.setLength(0);
        }
    }

    /** Scans literals and fields from {@code i}; at level 1 (a format spec) stops at '}'. */
    private int parse(int i, int level, List<Expr> into, StringBuilder text) {
        int n = body.length();
        while (i < n) {
            int literalStart = i;
            while (i < n) {
                char ch = body.charAt(i);
                if (!raw && ch == '\\' && i + 1 < n) {
                    if (body.charAt(i + 1) == 'N' && i + 2 < n && body.charAt(i + 2) == '{') {
                        int close = body.indexOf('}', i + 3);
                        i = close < 0 ? n : close + 1;
                        continue;
                    }
                    i += 2;
                    continue;
                }
                if (ch == '{' || ch == '}') {
                    break;
                }
                i++;
            }
            String chunk = body.substring(literalStart, i);
            text.append(raw ? chunk : StringDecoder.decode(chunk, decodeError));
            if (i >= n) {
                return i;
            }
            char ch = body.charAt(i);
            if (level == 0 && i + 1 < n && body.charAt(i + 1) == ch) {
                text.append(ch);
                i += 2;
                continue;
            }
            if (ch == '}') {
                if (level == 0) {
                    throw error.apply("f-string: single '}' is not allowed");
                }
                return i;
            }
            i = field(i, level, into, text);
        }
        return i;
    }

    private int field(int open, int level, List<Expr> into, StringBuilder text) {
        if (level >= 2) {
            throw error.apply("f-string: expressions nested too deeply");
        }
        int n = body.length();
        int i = open + 1;
        int exprStart = i;
        char quote = 0;
        boolean triple = false;
        StringBuilder brackets = new StringBuilder();
        for (; i < n; i++) {
            char ch = body.charAt(i);
            if (ch == '\\') {
                throw error.apply("f-string expression part cannot include a backslash");
            }
            if (quote != 0) {
                if (ch == quote) {
                    if (triple) {
                        if (i + 2 < n && body.charAt(i + 1) == ch && body.charAt(i + 2) == ch) {
                            i += 2;
                            quote = 0;
                        }
                    } else {
                        quote = 0;
                    }
                }
                continue;
            }
            if (ch == '\'' || ch == '"') {
                triple = i + 2 < n && body.charAt(i + 1) == ch && body.charAt(i + 2) == ch;
                if (triple) {
                    i += 2;
                }
                quote = ch;
            } else if (ch == '[' || ch == '{' || ch == '(') {
                brackets.append(ch);
            } else if (ch == '#') {
                throw error.apply("f-string expression part cannot include '#'");
            } else if (brackets.isEmpty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>'
                    || ch == '<')) {
                if (i + 1 < n && body.charAt(i + 1) == '=' && ch != ':' && ch != '}') {
                    i++;
                    continue;
                }
                if (ch == '>' || ch == '<') {
                    continue;
                }
                break;
            } else if (ch == ']' || ch == '}' || ch == ')') {
                if (brackets.isEmpty()) {
                    throw error.apply("f-string: unmatched '" + ch + "'");
                }
                char opening = brackets.charAt(brackets.length() - 1);
                brackets.setLength(brackets.length() - 1);
                if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']')
                        || (opening == '{' && ch == '}'))) {
                    throw error.apply("f-string: closing parenthesis '" + ch
                            + "' does not match opening parenthesis '" + opening + "'");
                }
            }
        }
        int exprEnd = i;
        if (quote != 0) {
            throw error.apply("f-string: unterminated string");
        }
        if (!brackets.isEmpty()) {
            throw error.apply("f-string: unmatched '" + brackets.charAt(brackets.length() - 1) + "'");
        }
        if (i >= n) {
            throw error.apply("f-string: expecting '}'");
        }
        String exprText = body.substring(exprStart, exprEnd);
        if (exprText.isBlank()) {
            throw error.apply("f-string: empty expression not allowed");
        }
        Expr value = compile(exprStart, exprEnd);
        String debugText = null;
        if (body.charAt(i) == '=') {
            i++;
            while (i < n && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            if (i >= n) {
                throw error.apply("f-string: expecting '}'");
            }
            debugText = body.substring(exprStart, i);
        }
        int conversion = -1;
        if (body.charAt(i) == '!') {
            i++;
            if (i >= n) {
                throw error.apply("f-string: expecting '}'");
            }
            conversion = body.charAt(i++);
            if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                throw error.apply("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
        }
        JoinedStr spec = null;
        if (i < n && body.charAt(i) == ':') {
            i++;
            if (i >= n) {
                throw error.apply("f-string: expecting '}'");
            }
            List<Expr> specValues = new ArrayList<>();
            StringBuilder specText = new StringBuilder();
            i = parse(i, level + 1, specValues, specText);
            flush(specValues, specText);
            spec = new JoinedStr(pos, List.copyOf(specValues));
        }
        if (i >= n || body.charAt(i) != '}') {
            throw error.apply("f-string: expecting '}'");
        }
        i++;
        if (debugText != null) {
            text.append(debugText);
            if (spec == null && conversion == -1) {
                conversion = 'r';
            }
        }
        flush(into, text);
        into.add(new FormattedValue(pos, value, conversion, spec));
        return i;
    }

    /**
     * Parses the field's expression in place (so its nodes carry true source positions); on a
     * syntax error, re-parses it as CPython does, as the text {@code (expression)}, so the error
     * shows that text and columns within it.
     */
    private Expr compile(int exprStart, int exprEnd) {
        int from = bodyOffset + exprStart;
        int to = bodyOffset + exprEnd;
        int line = source.lineOf(from);
        int lineStart = source.lineStart(line);
        try {
            return embedded.parse(source, from, to, line, lineStart);
        } catch (PySyntaxError inPlace) {
            String exprText = body.substring(exprStart, exprEnd);
            Source wrapped = new Source(source.fileName(), "(" + exprText + ")");
            try {
                Parser.parseExpression(wrapped);
            } catch (PySyntaxError e) {
                int lineDelta = line - 1;
                throw new PySyntaxError(e.kind(), "f-string: " + e.msg(), e.fileName(), e.lineno() + lineDelta,
                        e.offset(), e.endLineno() + lineDelta, e.endOffset(), e.text());
            }
            throw inPlace.withPrefix("f-string: ");
        }
    }
}
