package io.github.ftmem.interpreter.syntax;

import io.github.ftmem.interpreter.syntax.Expr.Arguments;
import io.github.ftmem.interpreter.syntax.Expr.BinaryOperator;
import io.github.ftmem.interpreter.syntax.Expr.Keyword;

import java.util.List;

/** Statement nodes, mirroring CPython's {@code ast} module (3.11). */
public sealed interface Stmt {

    Pos pos();

    record FunctionDef(Pos pos, String name, Arguments args, List<Stmt> body, List<Expr> decorators,
                       Expr returns) implements Stmt {
        /** The docstring: the body's first statement when it is a string literal, else null. */
        public String docstring() {
            return Stmt.docstring(body);
        }
    }

    record ClassDef(Pos pos, String name, List<Expr> bases, List<Keyword> keywords, List<Stmt> body,
                    List<Expr> decorators) implements Stmt {
        public String docstring() {
            return Stmt.docstring(body);
        }
    }

    record Return(Pos pos, Expr value) implements Stmt {
    }

    record Delete(Pos pos, List<Expr> targets) implements Stmt {
    }

    /** {@code t0 = t1 = ... = value}. */
    record Assign(Pos pos, List<Expr> targets, Expr value) implements Stmt {
    }

    record AugAssign(Pos pos, Expr target, BinaryOperator op, Expr value) implements Stmt {
    }

    /** {@code target: annotation [= value]}; {@code simple} when the target is a bare name. */
    record AnnAssign(Pos pos, Expr target, Expr annotation, Expr value, boolean simple) implements Stmt {
    }

    record For(Pos pos, Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse) implements Stmt {
    }

    record While(Pos pos, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {
    }

    record If(Pos pos, Expr test, List<Stmt> body, List<Stmt> orElse) implements Stmt {
    }

    record With(Pos pos, List<WithItem> items, List<Stmt> body) implements Stmt {
    }

    record Raise(Pos pos, Expr exc, Expr cause) implements Stmt {
    }

    record Try(Pos pos, List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orElse,
               List<Stmt> finalBody) implements Stmt {
    }

    record Assert(Pos pos, Expr test, Expr msg) implements Stmt {
    }

    record Import(Pos pos, List<Alias> names) implements Stmt {
    }

    /** {@code from <level dots><module> import names}; module is null for {@code from . import x}. */
    record ImportFrom(Pos pos, String module, List<Alias> names, int level) implements Stmt {
    }

    record Global(Pos pos, List<String> names) implements Stmt {
    }

    record Nonlocal(Pos pos, List<String> names) implements Stmt {
    }

    record ExprStmt(Pos pos, Expr value) implements Stmt {
    }

    record Pass(Pos pos) implements Stmt {
    }

    record Break(Pos pos) implements Stmt {
    }

    record Continue(Pos pos) implements Stmt {
    }

    /** {@code except [type [as name]]: body}. */
    record ExceptHandler(Pos pos, Expr type, String name, List<Stmt> body) {
    }

    record WithItem(Expr contextExpr, Expr optionalVars) {
    }

    /** {@code name [as asName]} in an import; {@code name} may be dotted or {@code *}. */
    record Alias(Pos pos, String name, String asName) {
    }

    private static String docstring(List<Stmt> body) {
        if (!body.isEmpty() && body.getFirst() instanceof ExprStmt(Pos p, Expr.StringLiteral s)) {
            return s.value();
        }
        return null;
    }
}
