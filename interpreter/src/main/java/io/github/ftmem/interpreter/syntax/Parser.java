package io.github.ftmem.interpreter.syntax;

import io.github.ftmem.interpreter.syntax.Expr.Arg;
import io.github.ftmem.interpreter.syntax.Expr.Arguments;
import io.github.ftmem.interpreter.syntax.Expr.Attribute;
import io.github.ftmem.interpreter.syntax.Expr.BinOp;
import io.github.ftmem.interpreter.syntax.Expr.BinaryOperator;
import io.github.ftmem.interpreter.syntax.Expr.BoolLiteral;
import io.github.ftmem.interpreter.syntax.Expr.BoolOp;
import io.github.ftmem.interpreter.syntax.Expr.BoolOperator;
import io.github.ftmem.interpreter.syntax.Expr.Call;
import io.github.ftmem.interpreter.syntax.Expr.CmpOperator;
import io.github.ftmem.interpreter.syntax.Expr.Compare;
import io.github.ftmem.interpreter.syntax.Expr.Comprehension;
import io.github.ftmem.interpreter.syntax.Expr.Ctx;
import io.github.ftmem.interpreter.syntax.Expr.DictComp;
import io.github.ftmem.interpreter.syntax.Expr.DictExpr;
import io.github.ftmem.interpreter.syntax.Expr.GeneratorExp;
import io.github.ftmem.interpreter.syntax.Expr.IfExp;
import io.github.ftmem.interpreter.syntax.Expr.Keyword;
import io.github.ftmem.interpreter.syntax.Expr.Lambda;
import io.github.ftmem.interpreter.syntax.Expr.ListComp;
import io.github.ftmem.interpreter.syntax.Expr.ListExpr;
import io.github.ftmem.interpreter.syntax.Expr.Name;
import io.github.ftmem.interpreter.syntax.Expr.NamedExpr;
import io.github.ftmem.interpreter.syntax.Expr.NoneLiteral;
import io.github.ftmem.interpreter.syntax.Expr.SetComp;
import io.github.ftmem.interpreter.syntax.Expr.SetExpr;
import io.github.ftmem.interpreter.syntax.Expr.Slice;
import io.github.ftmem.interpreter.syntax.Expr.Starred;
import io.github.ftmem.interpreter.syntax.Expr.Subscript;
import io.github.ftmem.interpreter.syntax.Expr.TupleExpr;
import io.github.ftmem.interpreter.syntax.Expr.UnaryOp;
import io.github.ftmem.interpreter.syntax.Expr.UnaryOperator;
import io.github.ftmem.interpreter.syntax.Expr.Yield;
import io.github.ftmem.interpreter.syntax.Expr.YieldFrom;
import io.github.ftmem.interpreter.syntax.PySyntaxError.Kind;
import io.github.ftmem.interpreter.syntax.Stmt.Alias;
import io.github.ftmem.interpreter.syntax.Stmt.ExceptHandler;
import io.github.ftmem.interpreter.syntax.Stmt.WithItem;
import io.github.ftmem.interpreter.syntax.Token.StringToken;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for the Python 3.11 statement and expression language (no
 * {@code async}, {@code match} or type-parameter syntax), producing the immutable {@link Stmt} /
 * {@link Expr} tree with CPython's source ranges.
 *
 * <p>Errors follow CPython's PEG parser: the specific messages of its {@code invalid_*} rules
 * for the common mistakes, otherwise "invalid syntax" at the furthest token read. After a parser
 * error the rest of the input is tokenized, and a tokenizer error found there, or an unclosed
 * bracket opened on an earlier line, replaces the parser's error
 * ({@code _PyPegen_tokenize_full_source_to_check_for_errors}).
 */
public final class Parser {
    private final Source source;
    private final Lexer lexer;
    private final List<Token> tokens = new ArrayList<>();
    private int index;
    private boolean lexerFailed;
    /** Expressions written in parentheses (a parenthesised tuple is an atom, not a target list). */
    private final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The range of a parenthesised expression including its parentheses. */
    private final Map<Expr, Pos> outerPos = new IdentityHashMap<>();
    private final boolean embedded;
    /** CPython reports a generic failure at INDENT/DEDENT without looking at the rest of the input. */
    private boolean unexpectedIndentation;

    private Parser(Source source, Lexer lexer, boolean embedded) {
        this.source = source;
        this.lexer = lexer;
        this.embedded = embedded;
    }

    /** Parses a whole program ({@code file_input}). */
    public static Program parse(Source source) {
        Parser parser = new Parser(source, new Lexer(source), false);
        try {
            return new Program(source, parser.fileInput());
        } catch (PySyntaxError error) {
            throw parser.lexerFailed || parser.unexpectedIndentation ? error : parser.checkRestOfInput(error);
        }
    }

    /** Parses one expression ({@code eval} mode). */
    public static Expr parseExpression(Source source) {
        Parser parser = new Parser(source, new Lexer(source), false);
        try {
            Expr e = parser.starExpressions();
            while (parser.cur().kind() == Token.Kind.NEWLINE) {
                parser.advance();
            }
            if (parser.cur().kind() != Token.Kind.ENDMARKER) {
                throw parser.invalidSyntax();
            }
            return e;
        } catch (PySyntaxError error) {
            throw parser.lexerFailed ? error : parser.checkRestOfInput(error);
        }
    }

    private PySyntaxError checkRestOfInput(PySyntaxError error) {
        try {
            Token t;
            do {
                t = lexer.next();
            } while (t.kind() != Token.Kind.ENDMARKER);
        } catch (PySyntaxError tokenizerError) {
            if (lexer.stoppedAtUnclosedBracket()) {
                if (error.lineno() > lexer.openBracketLine()) {
                    return tokenizerError;
                }
            } else if (tokenizerError.kind() == Kind.SYNTAX_ERROR) {
                return tokenizerError;
            }
        }
        return error;
    }

    // ---------------------------------------------------------------- token access

    private Token tok(int ahead) {
        while (tokens.size() <= index + ahead) {
            try {
                tokens.add(lexer.next());
            } catch (PySyntaxError e) {
                lexerFailed = true;
                throw e;
            }
        }
        return tokens.get(index + ahead);
    }

    private Token cur() {
        return tok(0);
    }

    private Token advance() {
        Token t = tok(0);
        index++;
        return t;
    }

    private Token last() {
        return tokens.get(index - 1);
    }

    private boolean atOp(String op) {
        return cur().isOp(op);
    }

    private boolean atKeyword(String kw) {
        return cur().isKeyword(kw);
    }

    private boolean acceptOp(String op) {
        if (atOp(op)) {
            index++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String kw) {
        if (atKeyword(kw)) {
            index++;
            return true;
        }
        return false;
    }

    private Token expectOp(String op) {
        if (!atOp(op)) {
            throw invalidSyntax();
        }
        return advance();
    }

    /** CPython's forced token ({@code &&':'}): "expected ':'" at the token found instead. */
    private Token forceOp(String op) {
        if (!atOp(op)) {
            throw errorAt(Kind.SYNTAX_ERROR, "expected '" + op + "'", cur());
        }
        return advance();
    }

    /**
     * The ':' of if, elif, while, for, class, with and except: CPython reports "expected ':'" only
     * when the line ends there ({@code invalid_if_stmt} etc.), "invalid syntax" otherwise.
     */
    private void colon() {
        if (atOp(":")) {
            advance();
            return;
        }
        if (cur().kind() == Token.Kind.NEWLINE) {
            throw errorAt(Kind.SYNTAX_ERROR, "expected ':'", cur());
        }
        throw invalidSyntax();
    }

    private void expectKeyword(String kw) {
        if (!acceptKeyword(kw)) {
            throw invalidSyntax();
        }
    }

    private String expectName() {
        Token t = cur();
        if (t.kind() != Token.Kind.NAME || Keywords.isKeyword(t.text())) {
            throw invalidSyntax();
        }
        index++;
        return t.text();
    }

    // ---------------------------------------------------------------- errors

    private PySyntaxError error(String message, Pos pos) {
        return PySyntaxError.at(Kind.SYNTAX_ERROR, message, source, pos);
    }

    /** "invalid syntax" at the furthest token read, as CPython reports a generic parse failure. */
    private PySyntaxError invalidSyntax() {
        Token t = tokens.getLast();
        if (t.kind() == Token.Kind.INDENT || t.kind() == Token.Kind.DEDENT) {
            unexpectedIndentation = true;
            return errorAt(Kind.INDENTATION_ERROR,
                    t.kind() == Token.Kind.INDENT ? "unexpected indent" : "unexpected unindent", t);
        }
        return errorAt(Kind.SYNTAX_ERROR, "invalid syntax", t);
    }


    /**
     * An error located at a token, as {@code _PyPegen_raise_error} locates it: INDENT, DEDENT
     * and ENDMARKER have no column in CPython, which then reports the tokenizer's position (the
     * indentation width, or the end of the last line) and no end.
     */
    private PySyntaxError errorAt(Kind kind, String message, Token t) {
        return switch (t.kind()) {
            case INDENT -> new PySyntaxError(kind, message, source.fileName(), t.line(), t.pos().endCol(), t.line(),
                    -1, source.line(t.line()) + "\n");
            case DEDENT -> t.line() <= source.lineCount()
                    ? new PySyntaxError(kind, message, source.fileName(), t.line(), t.pos().col(), t.line(), -1,
                            source.line(t.line()) + "\n")
                    : errorAt(kind, message, new Token(Token.Kind.ENDMARKER, "", null, t.pos()));
            case ENDMARKER -> {
                if (embedded) {
                    yield PySyntaxError.at(kind, message, source, t.pos());
                }
                int last = Math.max(1, source.lineCount());
                String text = source.line(last);
                boolean newline = source.text().endsWith("\n");
                yield new PySyntaxError(kind, message, source.fileName(), last,
                        text.length() + (newline ? 1 : 0), last, -1, newline ? text + "\n" : text);
            }
            default -> PySyntaxError.at(kind, message, source, t.pos());
        };
    }

    // ---------------------------------------------------------------- statements

    private List<Stmt> fileInput() {
        List<Stmt> body = new ArrayList<>();
        while (cur().kind() != Token.Kind.ENDMARKER) {
            if (cur().kind() == Token.Kind.NEWLINE) {
                advance();
                continue;
            }
            statement(body);
        }
        return body;
    }

    private void statement(List<Stmt> into) {
        Token t = cur();
        if (t.kind() == Token.Kind.INDENT) {
            throw invalidSyntax();
        }
        if (t.kind() == Token.Kind.NAME) {
            switch (t.text()) {
                case "def" -> {
                    into.add(functionDef(List.of()));
                    return;
                }
                case "class" -> {
                    into.add(classDef(List.of()));
                    return;
                }
                case "if" -> {
                    into.add(ifStatement());
                    return;
                }
                case "while" -> {
                    into.add(whileStatement());
                    return;
                }
                case "for" -> {
                    into.add(forStatement());
                    return;
                }
                case "try" -> {
                    into.add(tryStatement());
                    return;
                }
                case "with" -> {
                    into.add(withStatement());
                    return;
                }
                default -> {
                }
            }
        }
        if (t.isOp("@")) {
            into.add(decorated());
            return;
        }
        simpleStatements(into);
    }

    private void simpleStatements(List<Stmt> into) {
        into.add(simpleStatement());
        while (acceptOp(";")) {
            if (cur().kind() == Token.Kind.NEWLINE) {
                break;
            }
            into.add(simpleStatement());
        }
        if (cur().kind() != Token.Kind.NEWLINE) {
            throw invalidSyntax();
        }
        advance();
    }

    /** The body after a compound statement's ':' — an indented block or statements on the same line. */
    private List<Stmt> block(String what, Token keyword) {
        List<Stmt> body = new ArrayList<>();
        if (cur().kind() != Token.Kind.NEWLINE) {
            simpleStatements(body);
            return body;
        }
        advance();
        if (cur().kind() != Token.Kind.INDENT) {
            Token t = cur();
            throw errorAt(Kind.INDENTATION_ERROR,
                    "expected an indented block after " + what + " on line " + keyword.line(), t);
        }
        advance();
        while (cur().kind() != Token.Kind.DEDENT && cur().kind() != Token.Kind.ENDMARKER) {
            statement(body);
        }
        acceptDedent();
        return body;
    }

    private void acceptDedent() {
        if (cur().kind() == Token.Kind.DEDENT) {
            advance();
        }
    }

    private static Pos endOf(Token start, List<Stmt> body) {
        Pos last = body.getLast().pos();
        return new Pos(start.line(), start.col(), last.endLine(), last.endCol());
    }

    private Stmt decorated() {
        List<Expr> decorators = new ArrayList<>();
        while (acceptOp("@")) {
            decorators.add(namedExpression());
            if (cur().kind() != Token.Kind.NEWLINE) {
                throw invalidSyntax();
            }
            advance();
        }
        if (atKeyword("def")) {
            return functionDef(decorators);
        }
        if (atKeyword("class")) {
            return classDef(decorators);
        }
        throw invalidSyntax();
    }

    private Stmt functionDef(List<Expr> decorators) {
        Token def = advance();
        String name = expectName();
        forceOp("(");
        Arguments args = atOp(")") ? Arguments.EMPTY : parameters(")", true);
        expectOp(")");
        Expr returns = null;
        if (acceptOp("->")) {
            returns = expression();
        }
        forceOp(":");
        List<Stmt> body = block("function definition", def);
        return new Stmt.FunctionDef(endOf(def, body), name, args, body, List.copyOf(decorators), returns);
    }

    private Stmt classDef(List<Expr> decorators) {
        Token cls = advance();
        String name = expectName();
        List<Expr> bases = List.of();
        List<Keyword> keywords = List.of();
        if (acceptOp("(")) {
            if (!atOp(")")) {
                List<Expr> positional = new ArrayList<>();
                List<Keyword> named = new ArrayList<>();
                callArguments(positional, named, false);
                bases = List.copyOf(positional);
                keywords = List.copyOf(named);
            }
            expectOp(")");
        }
        colon();
        List<Stmt> body = block("class definition", cls);
        return new Stmt.ClassDef(endOf(cls, body), name, bases, keywords, body, List.copyOf(decorators));
    }

    private Stmt ifStatement() {
        Token kw = advance();
        Expr test = conditionExpression();
        colon();
        List<Stmt> body = block("'" + kw.text() + "' statement", kw);
        List<Stmt> orElse = List.of();
        if (atKeyword("elif")) {
            orElse = List.of(ifStatement());
        } else if (atKeyword("else")) {
            Token elseToken = advance();
            forceOp(":");
            orElse = block("'else' statement", elseToken);
        }
        List<Stmt> tail = orElse.isEmpty() ? body : orElse;
        return new Stmt.If(endOf(kw, tail), test, body, orElse);
    }

    private Stmt whileStatement() {
        Token kw = advance();
        Expr test = conditionExpression();
        colon();
        List<Stmt> body = block("'while' statement", kw);
        List<Stmt> orElse = elseBlock();
        return new Stmt.While(endOf(kw, orElse.isEmpty() ? body : orElse), test, body, orElse);
    }

    private List<Stmt> elseBlock() {
        if (atKeyword("else")) {
            Token elseToken = advance();
            forceOp(":");
            return block("'else' statement", elseToken);
        }
        return List.of();
    }

    private Stmt forStatement() {
        Token kw = advance();
        Expr target = forTarget(false);
        advance();
        target = toTarget(target, Ctx.STORE);
        Expr iter = starExpressions();
        colon();
        List<Stmt> body = block("'for' statement", kw);
        List<Stmt> orElse = elseBlock();
        return new Stmt.For(endOf(kw, orElse.isEmpty() ? body : orElse), target, iter, body, orElse);
    }

    private Stmt tryStatement() {
        Token kw = advance();
        forceOp(":");
        List<Stmt> body = block("'try' statement", kw);
        List<ExceptHandler> handlers = new ArrayList<>();
        while (atKeyword("except")) {
            Token except = advance();
            Expr type = null;
            String name = null;
            if (!atOp(":")) {
                type = expression();
                if (atOp(",")) {
                    List<Expr> types = new ArrayList<>(List.of(type));
                    while (acceptOp(",")) {
                        if (atOp(":")) {
                            break;
                        }
                        types.add(expression());
                    }
                    if (atOp(":") || atKeyword("as")) {
                        throw error("multiple exception types must be parenthesized",
                                span(posOf(type), posOf(types.getLast())));
                    }
                    throw invalidSyntax();
                }
                if (acceptKeyword("as")) {
                    name = expectName();
                }
            }
            colon();
            List<Stmt> handlerBody = block("'except' statement", except);
            handlers.add(new ExceptHandler(endOf(except, handlerBody), type, name, handlerBody));
        }
        List<Stmt> orElse = List.of();
        if (!handlers.isEmpty()) {
            orElse = elseBlock();
        }
        List<Stmt> finalBody = List.of();
        if (atKeyword("finally")) {
            Token fin = advance();
            forceOp(":");
            finalBody = block("'finally' statement", fin);
        }
        if (handlers.isEmpty() && finalBody.isEmpty()) {
            throw errorAt(Kind.SYNTAX_ERROR, "expected 'except' or 'finally' block", cur());
        }
        List<Stmt> tail = !finalBody.isEmpty() ? finalBody : !orElse.isEmpty() ? orElse : handlers.getLast().body();
        return new Stmt.Try(endOf(kw, tail), body, List.copyOf(handlers), orElse, finalBody);
    }

    private Stmt withStatement() {
        Token kw = advance();
        List<WithItem> items = null;
        if (atOp("(")) {
            int mark = index;
            try {
                advance();
                List<WithItem> parenthesizedItems = new ArrayList<>();
                parenthesizedItems.add(withItem());
                while (acceptOp(",")) {
                    if (atOp(")")) {
                        break;
                    }
                    parenthesizedItems.add(withItem());
                }
                expectOp(")");
                if (atOp(":")) {
                    items = parenthesizedItems;
                } else {
                    index = mark;
                }
            } catch (PySyntaxError e) {
                if (lexerFailed) {
                    throw e;
                }
                index = mark;
            }
        }
        if (items == null) {
            items = new ArrayList<>();
            items.add(withItem());
            while (acceptOp(",")) {
                items.add(withItem());
            }
        }
        colon();
        List<Stmt> body = block("'with' statement", kw);
        return new Stmt.With(endOf(kw, body), List.copyOf(items), body);
    }

    private WithItem withItem() {
        Expr context = expression();
        Expr vars = null;
        if (acceptKeyword("as")) {
            vars = toTarget(starTarget(), Ctx.STORE);
        }
        return new WithItem(context, vars);
    }

    private Stmt simpleStatement() {
        Token t = cur();
        if (t.kind() == Token.Kind.NAME) {
            switch (t.text()) {
                case "pass" -> {
                    advance();
                    return new Stmt.Pass(t.pos());
                }
                case "break" -> {
                    advance();
                    return new Stmt.Break(t.pos());
                }
                case "continue" -> {
                    advance();
                    return new Stmt.Continue(t.pos());
                }
                case "return" -> {
                    advance();
                    if (startsExpression(cur())) {
                        Expr value = starExpressions();
                        return new Stmt.Return(span(posOf(t), posOf(value)), value);
                    }
                    return new Stmt.Return(t.pos(), null);
                }
                case "del" -> {
                    return delStatement();
                }
                case "global", "nonlocal" -> {
                    advance();
                    List<String> names = new ArrayList<>();
                    names.add(expectName());
                    while (acceptOp(",")) {
                        names.add(expectName());
                    }
                    Pos pos = span(posOf(t), posOf(last()));
                    return t.text().equals("global") ? new Stmt.Global(pos, List.copyOf(names))
                            : new Stmt.Nonlocal(pos, List.copyOf(names));
                }
                case "import" -> {
                    return importStatement();
                }
                case "from" -> {
                    return fromImportStatement();
                }
                case "raise" -> {
                    advance();
                    if (!startsExpression(cur())) {
                        return new Stmt.Raise(t.pos(), null, null);
                    }
                    Expr exc = expression();
                    Expr cause = null;
                    if (acceptKeyword("from")) {
                        cause = expression();
                    }
                    return new Stmt.Raise(span(posOf(t), posOf((cause != null ? cause : exc))), exc, cause);
                }
                case "assert" -> {
                    advance();
                    Expr test = expression();
                    Expr msg = null;
                    if (acceptOp(",")) {
                        msg = expression();
                    }
                    return new Stmt.Assert(span(posOf(t), posOf((msg != null ? msg : test))), test, msg);
                }
                default -> {
                }
            }
        }
        return expressionStatement();
    }

    private Stmt delStatement() {
        Token del = advance();
        List<Expr> targets = new ArrayList<>();
        do {
            if (cur().kind() == Token.Kind.NEWLINE || atOp(";")) {
                break;
            }
            Expr e = bitwiseOrOrStar();
            targets.add(toTarget(e, Ctx.DEL));
        } while (acceptOp(","));
        if (targets.isEmpty()) {
            throw invalidSyntax();
        }
        if (cur().kind() != Token.Kind.NEWLINE && !atOp(";")) {
            Expr bad = targets.getLast();
            if (startsExpression(cur()) || atKeyword("if") || atKeyword("and") || atKeyword("or")
                    || isComparisonStart()) {
                throw invalidSyntax();
            }
            throw error("cannot delete " + Expr.describe(bad), bad.pos());
        }
        return new Stmt.Delete(span(posOf(del), posOf(targets.getLast())), List.copyOf(targets));
    }

    private Stmt importStatement() {
        Token kw = advance();
        List<Alias> names = new ArrayList<>();
        do {
            Token start = cur();
            String name = dottedName();
            String as = null;
            if (acceptKeyword("as")) {
                as = expectName();
            }
            names.add(new Alias(span(posOf(start), posOf(last())), name, as));
        } while (acceptOp(","));
        return new Stmt.Import(span(posOf(kw), posOf(last())), List.copyOf(names));
    }

    private String dottedName() {
        StringBuilder name = new StringBuilder(expectName());
        while (acceptOp(".")) {
            name.append('.').append(expectName());
        }
        return name.toString();
    }

    private Stmt fromImportStatement() {
        Token kw = advance();
        int level = 0;
        while (atOp(".") || atOp("...")) {
            level += advance().text().length();
        }
        String module = null;
        if (level == 0 || !atKeyword("import")) {
            module = dottedName();
        }
        expectKeyword("import");
        List<Alias> names = new ArrayList<>();
        if (atOp("*")) {
            Token star = advance();
            names.add(new Alias(star.pos(), "*", null));
        } else {
            boolean parens = acceptOp("(");
            do {
                if (parens && atOp(")")) {
                    break;
                }
                Token start = cur();
                String name = expectName();
                String as = null;
                if (acceptKeyword("as")) {
                    as = expectName();
                }
                names.add(new Alias(span(posOf(start), posOf(last())), name, as));
            } while (acceptOp(","));
            if (parens) {
                expectOp(")");
            } else if (last().isOp(",")) {
                throw error("trailing comma not allowed without surrounding parentheses", last().pos());
            }
        }
        return new Stmt.ImportFrom(span(posOf(kw), posOf(last())), module, List.copyOf(names), level);
    }

    private static final Map<String, BinaryOperator> AUGMENTED = Map.ofEntries(
            Map.entry("+=", BinaryOperator.ADD), Map.entry("-=", BinaryOperator.SUB),
            Map.entry("*=", BinaryOperator.MUL), Map.entry("@=", BinaryOperator.MATMUL),
            Map.entry("/=", BinaryOperator.DIV), Map.entry("%=", BinaryOperator.MOD),
            Map.entry("**=", BinaryOperator.POW), Map.entry("<<=", BinaryOperator.LSHIFT),
            Map.entry(">>=", BinaryOperator.RSHIFT), Map.entry("|=", BinaryOperator.BITOR),
            Map.entry("^=", BinaryOperator.BITXOR), Map.entry("&=", BinaryOperator.BITAND),
            Map.entry("//=", BinaryOperator.FLOORDIV));

    private Stmt expressionStatement() {
        Token start = cur();
        Expr first = atKeyword("yield") ? yieldExpression() : starExpressions();
        if (atOp(":")) {
            return annotatedAssignment(first);
        }
        if (cur().kind() == Token.Kind.OP && AUGMENTED.containsKey(cur().text())) {
            BinaryOperator op = AUGMENTED.get(advance().text());
            if (!(first instanceof Name || first instanceof Attribute || first instanceof Subscript)) {
                throw error("'" + Expr.describe(first) + "' is an illegal expression for augmented assignment",
                        first.pos());
            }
            Expr value = atKeyword("yield") ? yieldExpression() : starExpressions();
            return new Stmt.AugAssign(span(posOf(start), posOf(value)), toTarget(first, Ctx.STORE), op,
                    value);
        }
        if (!atOp("=")) {
            if (startsExpression(cur()) && !isUnaryStart(cur())) {
                throw adjacentExpressions(first);
            }
            return new Stmt.ExprStmt(first.pos(), first);
        }
        List<Expr> targets = new ArrayList<>();
        targets.add(first);
        Expr value;
        while (true) {
            advance();
            if (atKeyword("yield")) {
                value = yieldExpression();
            } else if (startsExpression(cur())) {
                value = starExpressions();
            } else {
                for (Expr target : targets) {
                    Expr bad = invalidTarget(target, Ctx.STORE);
                    if (bad != null) {
                        throw error("cannot assign to " + Expr.describe(bad), bad.pos());
                    }
                }
                throw invalidSyntax();
            }
            if (!atOp("=")) {
                break;
            }
            targets.add(value);
        }
        List<Expr> stored = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Expr target = targets.get(i);
            if (target instanceof Yield || target instanceof YieldFrom) {
                throw error("assignment to yield expression not possible", target.pos());
            }
            if (i == 0 && targets.size() == 1) {
                checkMistakenEquals(target, value);
            }
            stored.add(toTarget(target, Ctx.STORE));
        }
        return new Stmt.Assign(span(posOf(start), posOf(value)), List.copyOf(stored), value);
    }

    /** CPython's {@code invalid_named_expression}: {@code f() = 1} was probably meant as {@code ==}. */
    private void checkMistakenEquals(Expr target, Expr value) {
        Expr lastElement = target instanceof TupleExpr t && !parenthesized.contains(t) && !t.elements().isEmpty()
                ? t.elements().getLast() : target;
        if (invalidTarget(lastElement, Ctx.STORE) == null || !isBitwiseOrLevel(value)) {
            return;
        }
        if (lastElement instanceof ListExpr || lastElement instanceof TupleExpr
                || lastElement instanceof GeneratorExp || lastElement instanceof BoolLiteral
                || lastElement instanceof NoneLiteral || lastElement instanceof Starred
                || !isBitwiseOrLevel(lastElement)) {
            return;
        }
        throw error("cannot assign to " + Expr.describe(lastElement) + " here. Maybe you meant '==' instead of '='?",
                lastElement.pos());
    }

    private boolean isBitwiseOrLevel(Expr e) {
        if (parenthesized.contains(e)) {
            return true;
        }
        return !(e instanceof TupleExpr || e instanceof Compare || e instanceof BoolOp || e instanceof IfExp
                || e instanceof Lambda || e instanceof NamedExpr || e instanceof Yield || e instanceof YieldFrom
                || e instanceof Starred || (e instanceof UnaryOp u && u.op() == UnaryOperator.NOT));
    }

    private Stmt annotatedAssignment(Expr target) {
        Token colon = advance();
        if (!startsExpression(cur()) && !(target instanceof Name || target instanceof Attribute
                || target instanceof Subscript)) {
            throw errorAt(Kind.SYNTAX_ERROR, "invalid syntax", colon);
        }
        if (target instanceof TupleExpr t && !parenthesized.contains(t)) {
            throw error("only single target (not tuple) can be annotated", t.elements().getFirst().pos());
        }
        if (target instanceof TupleExpr || target instanceof ListExpr) {
            throw error("only single target (not " + Expr.describe(target) + ") can be annotated", target.pos());
        }
        if (!(target instanceof Name || target instanceof Attribute || target instanceof Subscript)) {
            throw error("illegal target for annotation", target.pos());
        }
        Expr annotation = expression();
        Expr value = null;
        if (acceptOp("=")) {
            value = atKeyword("yield") ? yieldExpression() : starExpressions();
        }
        boolean simple = target instanceof Name && !parenthesized.contains(target);
        Pos end = (value != null ? value : annotation).pos();
        return new Stmt.AnnAssign(Pos.span(target.pos(), end), toTarget(target, Ctx.STORE), annotation,
                value, simple);
    }

    /** Two expressions in a row: a missing comma inside brackets, or Python 2's {@code print x}. */
    private PySyntaxError adjacentExpressions(Expr first) {
        if (first instanceof Name n && (n.id().equals("print") || n.id().equals("exec"))
                && !parenthesized.contains(first)) {
            Expr rest = starExpressions();
            return error("Missing parentheses in call to '" + n.id() + "'. Did you mean " + n.id() + "(...)?",
                    span(posOf(first), posOf(rest)));
        }
        return invalidSyntax();
    }

    // ---------------------------------------------------------------- targets

    /** Targets of {@code for} and comprehensions: like star_expressions but stopping before {@code in}. */
    private Expr starTargets() {
        Token start = cur();
        Expr first = starTarget();
        if (!atOp(",")) {
            return first;
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (acceptOp(",")) {
            if (atKeyword("in") || atOp("=") || !startsExpression(cur())) {
                break;
            }
            elements.add(starTarget());
        }
        return new TupleExpr(span(posOf(start), posOf(last())), List.copyOf(elements), Ctx.LOAD);
    }

    private Expr starTarget() {
        if (atOp("*")) {
            Token star = advance();
            Expr value = starTarget();
            return new Starred(span(posOf(star), posOf(value)), value, Ctx.LOAD);
        }
        return primary();
    }

    /**
     * The target of {@code for} or of a comprehension clause, up to {@code in}. When {@code in}
     * does not follow, CPython's {@code invalid_for_target} re-reads the clause as an expression
     * and reports the invalid target of {@code <target> in <iter>}; inside brackets two adjacent
     * expressions suggest a missing comma.
     */
    private Expr forTarget(boolean inBrackets) {
        int start = index;
        Expr target = starTargets();
        if (atKeyword("in")) {
            return target;
        }
        if (inBrackets && startsExpression(cur()) && !isUnaryStart(cur())) {
            throw missingComma(target);
        }
        int failure = index;
        index = start;
        Expr whole;
        try {
            whole = starExpressions();
        } catch (PySyntaxError e) {
            if (lexerFailed) {
                throw e;
            }
            whole = null;
        }
        if (whole instanceof Compare c && c.ops().getFirst() == CmpOperator.IN) {
            Expr bad = invalidTarget(c.left(), Ctx.STORE);
            if (bad != null) {
                throw error("cannot assign to " + Expr.describe(bad), bad.pos());
            }
        }
        index = failure;
        throw errorAt(Kind.SYNTAX_ERROR, "invalid syntax", cur());
    }

    private Expr bitwiseOrOrStar() {
        if (atOp("*")) {
            Token star = advance();
            Expr value = bitwiseOr();
            return new Starred(span(posOf(star), posOf(value)), value, Ctx.LOAD);
        }
        return bitwiseOr();
    }

    /**
     * The first sub-expression that cannot be a target ({@code _PyPegen_get_invalid_target}), or
     * null if {@code e} is a valid target.
     */
    private static Expr invalidTarget(Expr e, Ctx ctx) {
        return switch (e) {
            case ListExpr l -> firstInvalid(l.elements(), ctx);
            case TupleExpr t -> firstInvalid(t.elements(), ctx);
            case Starred s -> ctx == Ctx.DEL ? s : invalidTarget(s.value(), ctx);
            case Name n -> null;
            case Subscript s -> null;
            case Attribute a -> null;
            default -> e;
        };
    }

    private static Expr firstInvalid(List<Expr> elements, Ctx ctx) {
        for (Expr element : elements) {
            Expr bad = invalidTarget(element, ctx);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /** Converts a parsed expression to an assignment or deletion target, or reports CPython's error. */
    private Expr toTarget(Expr e, Ctx ctx) {
        Expr bad = invalidTarget(e, ctx);
        if (bad != null) {
            throw error((ctx == Ctx.DEL ? "cannot delete " : "cannot assign to ") + Expr.describe(bad), bad.pos());
        }
        return withCtx(e, ctx);
    }

    private Expr withCtx(Expr e, Ctx ctx) {
        Expr converted = switch (e) {
            case Name n -> new Name(n.pos(), n.id(), ctx);
            case Attribute a -> new Attribute(a.pos(), a.value(), a.attr(), ctx);
            case Subscript s -> new Subscript(s.pos(), s.value(), s.slice(), ctx);
            case Starred s -> new Starred(s.pos(), withCtx(s.value(), ctx), ctx);
            case ListExpr l -> new ListExpr(l.pos(), l.elements().stream().map(x -> withCtx(x, ctx)).toList(), ctx);
            case TupleExpr t -> new TupleExpr(t.pos(), t.elements().stream().map(x -> withCtx(x, ctx)).toList(),
                    ctx);
            default -> e;
        };
        if (parenthesized.contains(e)) {
            parenthesized.add(converted);
            outerPos.put(converted, outerPos.get(e));
        }
        return converted;
    }

    // ---------------------------------------------------------------- expressions

    private boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case NUMBER, STRING -> true;
            case NAME -> !Keywords.isKeyword(t.text()) || switch (t.text()) {
                case "None", "True", "False", "not", "lambda", "await" -> true;
                default -> false;
            };
            case OP -> switch (t.text()) {
                case "(", "[", "{", "-", "+", "~", "*", "...", "**" -> !t.text().equals("**");
                default -> false;
            };
            default -> false;
        };
    }

    private static boolean isUnaryStart(Token t) {
        return t.isOp("-") || t.isOp("+") || t.isOp("*") || t.isOp("~") || t.isOp("(") || t.isOp("[");
    }

    private boolean isComparisonStart() {
        Token t = cur();
        return t.isKeyword("in") || t.isKeyword("is") || t.isKeyword("not")
                || (t.kind() == Token.Kind.OP && switch (t.text()) {
                    case "<", ">", "==", ">=", "<=", "!=" -> true;
                    default -> false;
                });
    }

    /** {@code star_expressions}: one expression, or an unparenthesised tuple. */
    private Expr starExpressions() {
        Token start = cur();
        Expr first = starExpression();
        if (!atOp(",")) {
            return first;
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (acceptOp(",")) {
            if (!startsExpression(cur())) {
                break;
            }
            elements.add(starExpression());
        }
        return new TupleExpr(span(posOf(start), posOf(last())), List.copyOf(elements), Ctx.LOAD);
    }

    private Expr starExpression() {
        if (atOp("*")) {
            Token star = advance();
            Expr value = bitwiseOr();
            return new Starred(span(posOf(star), posOf(value)), value, Ctx.LOAD);
        }
        return expression();
    }

    private Expr starNamedExpression() {
        if (atOp("*")) {
            Token star = advance();
            Expr value = bitwiseOr();
            return new Starred(span(posOf(star), posOf(value)), value, Ctx.LOAD);
        }
        return namedExpression();
    }

    private Expr namedExpression() {
        if (cur().kind() == Token.Kind.NAME && !Keywords.isKeyword(cur().text()) && tok(1).isOp(":=")) {
            Token name = advance();
            advance();
            Expr value = expression();
            return new NamedExpr(span(posOf(name), posOf(value)), new Name(name.pos(), name.text(), Ctx.STORE),
                    value);
        }
        Expr e = expression();
        if (atOp(":=")) {
            throw error("cannot use assignment expressions with " + Expr.describe(e), e.pos());
        }
        return e;
    }

    /** The test of {@code if}/{@code elif}/{@code while}, where {@code x = 1} is a common mistake. */
    private Expr conditionExpression() {
        Expr test = namedExpression();
        if (atOp("=")) {
            Token equals = advance();
            if (!startsExpression(cur())) {
                throw invalidSyntax();
            }
            Expr rhs = bitwiseOr();
            if (!atOp("=") && !atOp(":=")) {
                if (test instanceof Name && !parenthesized.contains(test)) {
                    throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            span(posOf(test), posOf(rhs)));
                }
                if (isBitwiseOrLevel(test) && !(test instanceof ListExpr || test instanceof TupleExpr
                        || test instanceof GeneratorExp || test instanceof BoolLiteral
                        || test instanceof NoneLiteral)) {
                    throw error("cannot assign to " + Expr.describe(test)
                            + " here. Maybe you meant '==' instead of '='?", test.pos());
                }
            }
            throw error("invalid syntax", equals.pos());
        }
        return test;
    }

    private Expr expression() {
        if (atKeyword("lambda")) {
            return lambda();
        }
        Expr body = disjunction();
        if (atKeyword("if")) {
            advance();
            Expr test = disjunction();
            if (!atKeyword("else")) {
                throw error("expected 'else' after 'if' expression", span(posOf(body), posOf(test)));
            }
            advance();
            Expr orElse = expression();
            return new IfExp(span(posOf(body), posOf(orElse)), test, body, orElse);
        }
        return body;
    }

    private Expr lambda() {
        Token kw = advance();
        Arguments args = atOp(":") ? Arguments.EMPTY : parameters(":", false);
        expectOp(":");
        Expr body = expression();
        return new Lambda(span(posOf(kw), posOf(body)), args, body);
    }

    private Expr disjunction() {
        Expr first = conjunction();
        if (!atKeyword("or")) {
            return first;
        }
        List<Expr> values = new ArrayList<>(List.of(first));
        while (acceptKeyword("or")) {
            values.add(conjunction());
        }
        return new BoolOp(span(posOf(first), posOf(values.getLast())), BoolOperator.OR, List.copyOf(values));
    }

    private Expr conjunction() {
        Expr first = inversion();
        if (!atKeyword("and")) {
            return first;
        }
        List<Expr> values = new ArrayList<>(List.of(first));
        while (acceptKeyword("and")) {
            values.add(inversion());
        }
        return new BoolOp(span(posOf(first), posOf(values.getLast())), BoolOperator.AND, List.copyOf(values));
    }

    private Expr inversion() {
        if (atKeyword("not")) {
            Token not = advance();
            Expr operand = inversion();
            return new UnaryOp(span(posOf(not), posOf(operand)), UnaryOperator.NOT, operand);
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = bitwiseOr();
        List<CmpOperator> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        while (true) {
            CmpOperator op = comparisonOperator();
            if (op == null) {
                break;
            }
            ops.add(op);
            comparators.add(bitwiseOr());
        }
        if (ops.isEmpty()) {
            return left;
        }
        return new Compare(span(posOf(left), posOf(comparators.getLast())), left, List.copyOf(ops),
                List.copyOf(comparators));
    }

    private CmpOperator comparisonOperator() {
        Token t = cur();
        if (t.kind() == Token.Kind.OP) {
            CmpOperator op = switch (t.text()) {
                case "==" -> CmpOperator.EQ;
                case "!=" -> CmpOperator.NOT_EQ;
                case "<" -> CmpOperator.LT;
                case "<=" -> CmpOperator.LT_E;
                case ">" -> CmpOperator.GT;
                case ">=" -> CmpOperator.GT_E;
                default -> null;
            };
            if (op != null) {
                advance();
            }
            return op;
        }
        if (t.isKeyword("in")) {
            advance();
            return CmpOperator.IN;
        }
        if (t.isKeyword("not") && tok(1).isKeyword("in")) {
            advance();
            advance();
            return CmpOperator.NOT_IN;
        }
        if (t.isKeyword("is")) {
            advance();
            return acceptKeyword("not") ? CmpOperator.IS_NOT : CmpOperator.IS;
        }
        return null;
    }

    private Expr bitwiseOr() {
        Expr left = bitwiseXor();
        while (atOp("|")) {
            advance();
            Expr right = bitwiseXor();
            left = new BinOp(span(posOf(left), posOf(right)), left, BinaryOperator.BITOR, right);
        }
        return left;
    }

    private Expr bitwiseXor() {
        Expr left = bitwiseAnd();
        while (atOp("^")) {
            advance();
            Expr right = bitwiseAnd();
            left = new BinOp(span(posOf(left), posOf(right)), left, BinaryOperator.BITXOR, right);
        }
        return left;
    }

    private Expr bitwiseAnd() {
        Expr left = shift();
        while (atOp("&")) {
            advance();
            Expr right = shift();
            left = new BinOp(span(posOf(left), posOf(right)), left, BinaryOperator.BITAND, right);
        }
        return left;
    }

    private Expr shift() {
        Expr left = sum();
        while (atOp("<<") || atOp(">>")) {
            BinaryOperator op = advance().text().equals("<<") ? BinaryOperator.LSHIFT : BinaryOperator.RSHIFT;
            Expr right = sum();
            left = new BinOp(span(posOf(left), posOf(right)), left, op, right);
        }
        return left;
    }

    private Expr sum() {
        Expr left = term();
        while (atOp("+") || atOp("-")) {
            BinaryOperator op = advance().text().equals("+") ? BinaryOperator.ADD : BinaryOperator.SUB;
            Expr right = term();
            left = new BinOp(span(posOf(left), posOf(right)), left, op, right);
        }
        return left;
    }

    private Expr term() {
        Expr left = factor();
        while (true) {
            BinaryOperator op = switch (cur().kind() == Token.Kind.OP ? cur().text() : "") {
                case "*" -> BinaryOperator.MUL;
                case "/" -> BinaryOperator.DIV;
                case "//" -> BinaryOperator.FLOORDIV;
                case "%" -> BinaryOperator.MOD;
                case "@" -> BinaryOperator.MATMUL;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            advance();
            Expr right = factor();
            left = new BinOp(span(posOf(left), posOf(right)), left, op, right);
        }
    }

    private Expr factor() {
        Token t = cur();
        UnaryOperator op = t.isOp("-") ? UnaryOperator.USUB : t.isOp("+") ? UnaryOperator.UADD
                : t.isOp("~") ? UnaryOperator.INVERT : null;
        if (op != null) {
            advance();
            Expr operand = factor();
            return new UnaryOp(span(posOf(t), posOf(operand)), op, operand);
        }
        return power();
    }

    private Expr power() {
        Expr base = awaitPrimary();
        if (atOp("**")) {
            advance();
            Expr exponent = factor();
            return new BinOp(span(posOf(base), posOf(exponent)), base, BinaryOperator.POW, exponent);
        }
        return base;
    }

    private Expr awaitPrimary() {
        if (atKeyword("await")) {
            Token kw = advance();
            Expr value = primary();
            return new Expr.Await(span(posOf(kw), posOf(value)), value);
        }
        return primary();
    }

    private Expr primary() {
        Expr e = atom();
        while (true) {
            if (atOp(".")) {
                advance();
                String attr = expectName();
                e = new Attribute(span(posOf(e), posOf(last())), e, attr, Ctx.LOAD);
            } else if (atOp("(")) {
                Token open = advance();
                List<Expr> args = new ArrayList<>();
                List<Keyword> keywords = new ArrayList<>();
                if (!atOp(")")) {
                    callArguments(args, keywords, true);
                }
                Token close = expectOp(")");
                if (args.size() == 1 && keywords.isEmpty() && args.getFirst() instanceof GeneratorExp g
                        && !parenthesized.contains(g)) {
                    // f(x for x in y): the generator expression's range is the call's parentheses.
                    args.set(0, new GeneratorExp(span(open.pos(), close.pos()), g.element(), g.generators()));
                }
                e = new Call(span(posOf(e), posOf(close)), e, List.copyOf(args), List.copyOf(keywords));
            } else if (atOp("[")) {
                advance();
                Expr slice = slices();
                Token close = expectOp("]");
                e = new Subscript(span(posOf(e), posOf(close)), e, slice, Ctx.LOAD);
            } else {
                return e;
            }
        }
    }

    /** Arguments of a call, or the bases of a class ({@code allowGenerator} false: no bare generator expression). */
    private void callArguments(List<Expr> args, List<Keyword> keywords, boolean allowGenerator) {
        boolean sawKeyword = false;
        boolean sawDoubleStar = false;
        Token first = cur();
        while (true) {
            Token t = cur();
            if (t.isOp("*")) {
                advance();
                Expr value = expression();
                if (sawDoubleStar) {
                    throw error("iterable argument unpacking follows keyword argument unpacking", t.pos());
                }
                args.add(new Starred(span(posOf(t), posOf(value)), value, Ctx.LOAD));
            } else if (t.isOp("**")) {
                advance();
                Expr value = expression();
                keywords.add(new Keyword(span(posOf(t), posOf(value)), null, value));
                sawDoubleStar = true;
            } else if (t.kind() == Token.Kind.NAME && !Keywords.isKeyword(t.text()) && tok(1).isOp("=")) {
                advance();
                advance();
                Expr value = expression();
                keywords.add(new Keyword(span(posOf(t), posOf(value)), t.text(), value));
                sawKeyword = true;
            } else {
                if (!startsExpression(t)) {
                    throw invalidSyntax();
                }
                Expr value = namedExpression();
                if (atKeyword("for") && !allowGenerator) {
                    throw error("invalid syntax", cur().pos());
                }
                if (atKeyword("for")) {
                    List<Comprehension> generators = comprehensionClauses();
                    Expr genexp = new GeneratorExp(span(posOf(value), posOf(last())), value, generators);
                    if (!args.isEmpty() || !keywords.isEmpty() || atOp(",")) {
                        if (atOp(",") && tok(1).isOp(")") && args.isEmpty() && keywords.isEmpty()) {
                            advance();
                            args.add(genexp);
                            return;
                        }
                        throw error("Generator expression must be parenthesized", genexp.pos());
                    }
                    args.add(genexp);
                    return;
                }
                if (atOp("=")) {
                    Token equals = advance();
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?",
                            span(posOf(value), posOf(equals)));
                }
                if (sawDoubleStar || sawKeyword) {
                    if (!atOp(",") && !atOp(")") && startsExpression(cur()) && !isUnaryStart(cur())
                            && !(value instanceof Name && cur().kind() == Token.Kind.STRING)) {
                        Expr next = expression();
                        throw error("invalid syntax. Perhaps you forgot a comma?", span(posOf(value), posOf(next)));
                    }
                    throw error(sawDoubleStar ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument", cur().pos());
                }
                args.add(value);
            }
            if (!acceptOp(",")) {
                Expr previous = !args.isEmpty() ? args.getLast() : keywords.getLast().value();
                if (startsExpression(cur()) && !isUnaryStart(cur())
                        && !(previous instanceof Name && cur().kind() == Token.Kind.STRING)) {
                    Expr next = expression();
                    if (next instanceof Name && atOp("=")) {
                        PySyntaxError unclosed = unclosedAfterNameEquals();
                        if (unclosed != null) {
                            throw unclosed;
                        }
                    }
                    throw error("invalid syntax. Perhaps you forgot a comma?", span(posOf(previous), posOf(next)));
                }
                return;
            }
            if (atOp(")")) {
                return;
            }
        }
    }

    private Expr slices() {
        Token start = cur();
        Expr first = slice();
        if (!atOp(",")) {
            if (!atOp("]")) {
                throw missingComma(first);
            }
            return first;
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (acceptOp(",")) {
            if (atOp("]")) {
                break;
            }
            elements.add(slice());
            if (!atOp(",") && !atOp("]")) {
                throw missingComma(elements.getLast());
            }
        }
        return new TupleExpr(span(posOf(start), posOf(last())), List.copyOf(elements), Ctx.LOAD);
    }

    private Expr slice() {
        Token start = cur();
        Expr lower = null;
        if (!atOp(":")) {
            if (atOp("*")) {
                return starExpression();
            }
            lower = namedExpression();
            if (!atOp(":")) {
                return lower;
            }
        }
        advance();
        Expr upper = null;
        if (!atOp(":") && !atOp("]") && !atOp(",")) {
            upper = expression();
        }
        Expr step = null;
        if (acceptOp(":")) {
            if (!atOp("]") && !atOp(",")) {
                step = expression();
            }
        }
        return new Slice(span(posOf(start), posOf(last())), lower, upper, step);
    }

    private Expr atom() {
        Token t = cur();
        switch (t.kind()) {
            case NAME -> {
                switch (t.text()) {
                    case "None" -> {
                        advance();
                        return new NoneLiteral(t.pos());
                    }
                    case "True", "False" -> {
                        advance();
                        return new BoolLiteral(t.pos(), t.text().equals("True"));
                    }
                    default -> {
                        if (Keywords.isKeyword(t.text())) {
                            throw invalidSyntax();
                        }
                        advance();
                        return new Name(t.pos(), t.text(), Ctx.LOAD);
                    }
                }
            }
            case NUMBER -> {
                advance();
                return number(t);
            }
            case STRING -> {
                return strings();
            }
            case OP -> {
                switch (t.text()) {
                    case "(" -> {
                        return parenthesizedAtom();
                    }
                    case "[" -> {
                        return listAtom();
                    }
                    case "{" -> {
                        return braceAtom();
                    }
                    case "..." -> {
                        advance();
                        return new Expr.EllipsisLiteral(t.pos());
                    }
                    default -> throw invalidSyntax();
                }
            }
            default -> throw invalidSyntax();
        }
    }

    private Expr number(Token t) {
        String text = t.text().replace("_", "");
        String lower = text.toLowerCase();
        if (lower.endsWith("j")) {
            return new Expr.ImaginaryLiteral(t.pos(), Double.parseDouble(text.substring(0, text.length() - 1)));
        }
        if (lower.startsWith("0x")) {
            return new Expr.IntLiteral(t.pos(), new BigInteger(text.substring(2), 16));
        }
        if (lower.startsWith("0o")) {
            return new Expr.IntLiteral(t.pos(), new BigInteger(text.substring(2), 8));
        }
        if (lower.startsWith("0b")) {
            return new Expr.IntLiteral(t.pos(), new BigInteger(text.substring(2), 2));
        }
        if (lower.contains(".") || lower.contains("e")) {
            return new Expr.FloatLiteral(t.pos(), Double.parseDouble(text));
        }
        return new Expr.IntLiteral(t.pos(), new BigInteger(text));
    }

    private Expr parenthesizedAtom() {
        Token open = advance();
        if (atOp(")")) {
            Token close = advance();
            return mark(new TupleExpr(span(posOf(open), posOf(close)), List.of(), Ctx.LOAD), open, close);
        }
        if (atKeyword("yield")) {
            Expr y = yieldExpression();
            Token close = expectOp(")");
            return mark(y, open, close);
        }
        Expr first = starNamedExpression();
        if (atKeyword("for")) {
            if (first instanceof Starred) {
                throw error("iterable unpacking cannot be used in comprehension", first.pos());
            }
            List<Comprehension> generators = comprehensionClauses();
            Token close = expectOp(")");
            return mark(new GeneratorExp(span(posOf(open), posOf(close)), first, generators), open, close);
        }
        if (atOp(")")) {
            Token close = advance();
            if (first instanceof Starred) {
                throw error("cannot use starred expression here", first.pos());
            }
            return mark(first, open, close);
        }
        if (!atOp(",")) {
            throw missingComma(first);
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (acceptOp(",")) {
            if (atOp(")")) {
                break;
            }
            elements.add(starNamedExpression());
            if (!atOp(",") && !atOp(")")) {
                throw missingComma(elements.getLast());
            }
        }
        Token close = expectOp(")");
        return mark(new TupleExpr(span(posOf(open), posOf(close)), List.copyOf(elements), Ctx.LOAD), open, close);
    }

    /**
     * Inside brackets, {@code name = value} where an expression should continue: CPython's second
     * pass tries its keyword-argument and named-expression rules, which read on to the end of the
     * input when the bracket is never closed, and then reports "'(' was never closed". Returns
     * that error, or null when the enclosing bracket closes.
     */
    private PySyntaxError unclosedAfterNameEquals() {
        int depth = 0;
        for (int i = 0; i < index; i++) {
            depth += bracketDelta(tokens.get(i));
        }
        if (embedded || depth <= 0) {
            return null;
        }
        int relative = 0;
        for (int k = 0; ; k++) {
            Token t;
            try {
                t = tok(k);
            } catch (PySyntaxError e) {
                if (lexer.stoppedAtUnclosedBracket()) {
                    lexerFailed = true;
                    return e;
                }
                return null;
            }
            relative += bracketDelta(t);
            if (relative < 0 || t.kind() == Token.Kind.ENDMARKER) {
                return null;
            }
        }
    }

    private static int bracketDelta(Token t) {
        if (t.kind() != Token.Kind.OP || t.text().length() != 1) {
            return 0;
        }
        return switch (t.text().charAt(0)) {
            case '(', '[', '{' -> 1;
            case ')', ']', '}' -> -1;
            default -> 0;
        };
    }

    /** Inside brackets, an expression directly followed by another: CPython suggests a comma. */
    private PySyntaxError missingComma(Expr previous) {
        if (previous instanceof Name && atOp("=")) {
            PySyntaxError unclosed = unclosedAfterNameEquals();
            if (unclosed != null) {
                return unclosed;
            }
        }
        if (startsExpression(cur()) && !isUnaryStart(cur()) && !(cur().kind() == Token.Kind.STRING
                && previous instanceof Name)) {
            int mark = index;
            Expr next = expression();
            if (next instanceof Name && atOp("=")) {
                PySyntaxError unclosed = unclosedAfterNameEquals();
                if (unclosed != null) {
                    return unclosed;
                }
            }
            if (!(previous instanceof Name n && (n.id().equals("print") || n.id().equals("exec")))) {
                return error("invalid syntax. Perhaps you forgot a comma?", span(posOf(previous), posOf(next)));
            }
            index = mark;
        }
        return invalidSyntax();
    }

    private Expr mark(Expr e, Token open, Token close) {
        parenthesized.add(e);
        outerPos.put(e, span(open.pos(), close.pos()));
        return e;
    }

    private static Pos span(Pos first, Pos last) {
        return Pos.span(first, last);
    }

    /** The range an expression occupies in its parent: with its parentheses, as CPython's rules count tokens. */
    private Pos posOf(Expr e) {
        Pos outer = outerPos.get(e);
        return outer != null ? outer : e.pos();
    }

    private static Pos posOf(Token t) {
        return t.pos();
    }

    private Expr listAtom() {
        Token open = advance();
        List<Expr> elements = new ArrayList<>();
        if (!atOp("]")) {
            Expr first = starNamedExpression();
            if (atKeyword("for")) {
                if (first instanceof Starred) {
                    throw error("iterable unpacking cannot be used in comprehension", first.pos());
                }
                List<Comprehension> generators = comprehensionClauses();
                Token close = expectOp("]");
                return new ListComp(span(posOf(open), posOf(close)), first, generators);
            }
            elements.add(first);
            while (true) {
                if (atOp("]")) {
                    break;
                }
                if (!acceptOp(",")) {
                    throw missingComma(elements.getLast());
                }
                if (atOp("]")) {
                    break;
                }
                elements.add(starNamedExpression());
            }
        }
        Token close = expectOp("]");
        return new ListExpr(span(posOf(open), posOf(close)), List.copyOf(elements), Ctx.LOAD);
    }

    private Expr braceAtom() {
        Token open = advance();
        if (atOp("}")) {
            Token close = advance();
            return new DictExpr(span(posOf(open), posOf(close)), List.of(), List.of());
        }
        if (atOp("**")) {
            int mark = index;
            Token stars = advance();
            Expr mapping = bitwiseOr();
            if (atKeyword("for")) {
                throw error("dict unpacking cannot be used in dict comprehension", stars.pos());
            }
            index = mark;
            return dictRest(open, null, null);
        }
        Expr first = starNamedExpression();
        if (atOp(":") && !(first instanceof Starred)) {
            advance();
            Expr value = expression();
            if (atKeyword("for")) {
                List<Comprehension> generators = comprehensionClauses();
                Token close = expectOp("}");
                return new DictComp(span(posOf(open), posOf(close)), first, value, generators);
            }
            return dictRest(open, first, value);
        }
        if (atKeyword("for")) {
            if (first instanceof Starred) {
                throw error("iterable unpacking cannot be used in comprehension", first.pos());
            }
            List<Comprehension> generators = comprehensionClauses();
            Token close = expectOp("}");
            return new SetComp(span(posOf(open), posOf(close)), first, generators);
        }
        List<Expr> elements = new ArrayList<>(List.of(first));
        while (true) {
            if (atOp("}")) {
                break;
            }
            if (!acceptOp(",")) {
                throw missingComma(elements.getLast());
            }
            if (atOp("}")) {
                break;
            }
            elements.add(starNamedExpression());
        }
        Token close = expectOp("}");
        return new SetExpr(span(posOf(open), posOf(close)), List.copyOf(elements));
    }

    private Expr dictRest(Token open, Expr firstKey, Expr firstValue) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        if (firstKey != null) {
            keys.add(firstKey);
            values.add(firstValue);
            if (!atOp("}") && !acceptOp(",")) {
                throw missingComma(firstValue);
            }
        }
        while (!atOp("}")) {
            if (acceptOp("**")) {
                keys.add(null);
                values.add(bitwiseOr());
            } else {
                Expr key = expression();
                if (!atOp(":")) {
                    if (atOp(",") || atOp("}")) {
                        throw new PySyntaxError(Kind.SYNTAX_ERROR, "':' expected after dictionary key",
                                source.fileName(), key.pos().line(), key.pos().col() + 1, key.pos().line(), 0,
                                source.line(key.pos().line()));
                    }
                    throw invalidSyntax();
                }
                advance();
                keys.add(key);
                values.add(expression());
            }
            if (!atOp("}") && !acceptOp(",")) {
                throw missingComma(values.getLast());
            }
        }
        Token close = advance();
        return new DictExpr(span(posOf(open), posOf(close)), Collections.unmodifiableList(keys),
                List.copyOf(values));
    }

    private List<Comprehension> comprehensionClauses() {
        List<Comprehension> generators = new ArrayList<>();
        while (atKeyword("for") || (atKeyword("async") && tok(1).isKeyword("for"))) {
            boolean isAsync = acceptKeyword("async");
            advance();
            Expr target = forTarget(true);
            advance();
            target = toTarget(target, Ctx.STORE);
            Expr iter = disjunction();
            List<Expr> ifs = new ArrayList<>();
            while (atKeyword("if")) {
                advance();
                ifs.add(disjunction());
            }
            if (startsExpression(cur()) && !isUnaryStart(cur())) {
                throw missingComma(ifs.isEmpty() ? iter : ifs.getLast());
            }
            generators.add(new Comprehension(target, iter, List.copyOf(ifs), isAsync));
        }
        return List.copyOf(generators);
    }

    private Expr yieldExpression() {
        Token kw = advance();
        if (acceptKeyword("from")) {
            Expr value = expression();
            return new YieldFrom(span(posOf(kw), posOf(value)), value);
        }
        if (startsExpression(cur())) {
            Expr value = starExpressions();
            return new Yield(span(posOf(kw), posOf(value)), value);
        }
        return new Yield(kw.pos(), null);
    }

    // ---------------------------------------------------------------- parameters

    /** Parameters of a {@code def} (annotations allowed) or a {@code lambda}, up to {@code end}. */
    private Arguments parameters(String end, boolean annotations) {
        List<Arg> posOnly = new ArrayList<>();
        List<Arg> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        Arg varArg = null;
        List<Arg> kwOnly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Arg kwArg = null;
        boolean star = false;
        boolean slash = false;
        while (!atOp(end)) {
            Token t = cur();
            if (kwArg != null) {
                throw error("arguments cannot follow var-keyword argument", t.pos());
            }
            if (t.isOp("/")) {
                if (slash) {
                    throw error("/ may appear only once", t.pos());
                }
                if (star) {
                    throw error("/ must be ahead of *", t.pos());
                }
                if (args.isEmpty()) {
                    throw invalidSyntax();
                }
                advance();
                slash = true;
                posOnly.addAll(args);
                args.clear();
            } else if (t.isOp("*")) {
                if (star) {
                    throw error("* argument may appear only once", t.pos());
                }
                advance();
                star = true;
                if (atOp(",") || atOp(end)) {
                    if (atOp(end) || tok(1).isOp(end) || tok(1).isOp("**")) {
                        throw error("named arguments must follow bare *", t.pos());
                    }
                } else {
                    varArg = parameter(annotations);
                }
            } else if (t.isOp("**")) {
                advance();
                kwArg = parameter(annotations);
                if (atOp("=")) {
                    throw error("var-keyword argument cannot have default value", cur().pos());
                }
            } else {
                Arg arg = parameter(annotations);
                Expr defaultValue = null;
                if (acceptOp("=")) {
                    defaultValue = expression();
                }
                if (star) {
                    kwOnly.add(arg);
                    kwDefaults.add(defaultValue);
                } else {
                    if (defaultValue != null) {
                        defaults.add(defaultValue);
                    } else if (!defaults.isEmpty()) {
                        throw error("non-default argument follows default argument", arg.pos());
                    }
                    args.add(arg);
                }
            }
            if (!acceptOp(",")) {
                break;
            }
        }
        if (!atOp(end)) {
            throw invalidSyntax();
        }
        return new Arguments(List.copyOf(posOnly), List.copyOf(args), varArg, List.copyOf(kwOnly),
                Collections.unmodifiableList(kwDefaults), kwArg, List.copyOf(defaults));
    }

    private Arg parameter(boolean annotations) {
        Token t = cur();
        String name = expectName();
        Expr annotation = null;
        if (annotations && acceptOp(":")) {
            annotation = expression();
            return new Arg(span(t.pos(), posOf(annotation)), name, annotation);
        }
        return new Arg(t.pos(), name, annotation);
    }

    // ---------------------------------------------------------------- strings

    private Expr strings() {
        List<Token> parts = new ArrayList<>();
        while (cur().kind() == Token.Kind.STRING) {
            parts.add(advance());
        }
        cur();
        Pos pos = span(posOf(parts.getFirst()), posOf(parts.getLast()));
        boolean bytes = ((StringToken) parts.getFirst().value()).bytes();
        boolean formatted = false;
        for (Token part : parts) {
            StringToken st = (StringToken) part.value();
            if (st.bytes() != bytes) {
                throw error("cannot mix bytes and nonbytes literals", cur().pos());
            }
            formatted |= st.formatted();
        }
        if (bytes) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (Token part : parts) {
                if (!((StringToken) part.value()).body().chars().allMatch(c -> c < 128)) {
                    throw error("bytes can only contain ASCII literal characters", part.pos());
                }
                byte[] b = StringDecoder.decodeBytes((StringToken) part.value(), this::decodeError);
                out.writeBytes(b);
            }
            return new Expr.BytesLiteral(pos, out.toByteArray());
        }
        if (!formatted) {
            StringBuilder value = new StringBuilder();
            for (Token part : parts) {
                value.append(StringDecoder.decode((StringToken) part.value(), this::decodeError));
            }
            return new Expr.StringLiteral(pos, value.toString());
        }
        FStringParser f = new FStringParser(source, pos, this::decodeError, this::fstringError,
                Parser::parseEmbedded);
        for (Token part : parts) {
            f.addPart(part);
        }
        return f.finish();
    }

    private PySyntaxError decodeError(String message) {
        return error("(unicode error) " + message, cur().pos());
    }

    private PySyntaxError fstringError(String message) {
        return error(message, cur().pos());
    }

    /** Parses the expression of an f-string replacement field, located in the source region. */
    private static Expr parseEmbedded(Source source, int from, int to, int line, int lineStart) {
        Parser parser = new Parser(source, new Lexer(source, from, to, line, lineStart), true);
        Expr e = parser.atKeyword("yield") ? parser.yieldExpression() : parser.starExpressions();
        if (parser.cur().kind() != Token.Kind.ENDMARKER) {
            throw parser.invalidSyntax();
        }
        return e;
    }
}
