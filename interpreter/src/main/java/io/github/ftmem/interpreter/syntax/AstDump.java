package io.github.ftmem.interpreter.syntax;

import io.github.ftmem.interpreter.syntax.Expr.Arg;
import io.github.ftmem.interpreter.syntax.Expr.Arguments;
import io.github.ftmem.interpreter.syntax.Expr.Comprehension;
import io.github.ftmem.interpreter.syntax.Expr.Keyword;

import java.util.List;

/**
 * Renders a tree as node types and source ranges in pre-order, with CPython's node names and
 * field order ({@code ast._fields}), one node per line, children indented:
 * {@code BinOp 3:35-3:40}. The spec tests compare it with the same rendering of CPython's
 * {@code ast.parse} for the same program.
 */
public final class AstDump {
    private final StringBuilder out = new StringBuilder();

    private AstDump() {
    }

    public static String of(Program module) {
        AstDump d = new AstDump();
        d.statements(module.body(), 0);
        return d.out.toString();
    }

    private void line(String type, Pos p, int depth) {
        out.append("  ".repeat(depth)).append(type).append(' ').append(p.line()).append(':').append(p.col())
                .append('-').append(p.endLine()).append(':').append(p.endCol()).append('\n');
    }

    private void statements(List<Stmt> body, int depth) {
        for (Stmt s : body) {
            statement(s, depth);
        }
    }

    private void expressions(List<Expr> es, int depth) {
        for (Expr e : es) {
            if (e != null) {
                expression(e, depth);
            }
        }
    }

    private void optional(Expr e, int depth) {
        if (e != null) {
            expression(e, depth);
        }
    }

    private void statement(Stmt s, int depth) {
        String type = switch (s) {
            case Stmt.ExprStmt e -> "Expr";
            default -> s.getClass().getSimpleName();
        };
        line(type, s.pos(), depth);
        int d = depth + 1;
        switch (s) {
            case Stmt.FunctionDef f -> {
                arguments(f.args(), d);
                statements(f.body(), d);
                expressions(f.decorators(), d);
                optional(f.returns(), d);
            }
            case Stmt.ClassDef c -> {
                expressions(c.bases(), d);
                keywords(c.keywords(), d);
                statements(c.body(), d);
                expressions(c.decorators(), d);
            }
            case Stmt.Return r -> optional(r.value(), d);
            case Stmt.Delete del -> expressions(del.targets(), d);
            case Stmt.Assign a -> {
                expressions(a.targets(), d);
                expression(a.value(), d);
            }
            case Stmt.AugAssign a -> {
                expression(a.target(), d);
                expression(a.value(), d);
            }
            case Stmt.AnnAssign a -> {
                expression(a.target(), d);
                expression(a.annotation(), d);
                optional(a.value(), d);
            }
            case Stmt.For f -> {
                expression(f.target(), d);
                expression(f.iter(), d);
                statements(f.body(), d);
                statements(f.orElse(), d);
            }
            case Stmt.While w -> {
                expression(w.test(), d);
                statements(w.body(), d);
                statements(w.orElse(), d);
            }
            case Stmt.If i -> {
                expression(i.test(), d);
                statements(i.body(), d);
                statements(i.orElse(), d);
            }
            case Stmt.With w -> {
                for (Stmt.WithItem item : w.items()) {
                    expression(item.contextExpr(), d);
                    optional(item.optionalVars(), d);
                }
                statements(w.body(), d);
            }
            case Stmt.Raise r -> {
                optional(r.exc(), d);
                optional(r.cause(), d);
            }
            case Stmt.Try t -> {
                statements(t.body(), d);
                for (Stmt.ExceptHandler h : t.handlers()) {
                    line("ExceptHandler", h.pos(), d);
                    optional(h.type(), d + 1);
                    statements(h.body(), d + 1);
                }
                statements(t.orElse(), d);
                statements(t.finalBody(), d);
            }
            case Stmt.Assert a -> {
                expression(a.test(), d);
                optional(a.msg(), d);
            }
            case Stmt.Import imp -> aliases(imp.names(), d);
            case Stmt.ImportFrom imp -> aliases(imp.names(), d);
            case Stmt.ExprStmt e -> expression(e.value(), d);
            case Stmt.Global g -> {
            }
            case Stmt.Nonlocal n -> {
            }
            case Stmt.Pass p -> {
            }
            case Stmt.Break b -> {
            }
            case Stmt.Continue c -> {
            }
        }
    }

    private void aliases(List<Stmt.Alias> names, int depth) {
        for (Stmt.Alias a : names) {
            line("alias", a.pos(), depth);
        }
    }

    private void keywords(List<Keyword> keywords, int depth) {
        for (Keyword k : keywords) {
            line("keyword", k.pos(), depth);
            expression(k.value(), depth + 1);
        }
    }

    private void arguments(Arguments a, int depth) {
        args(a.posOnly(), depth);
        args(a.args(), depth);
        if (a.varArg() != null) {
            arg(a.varArg(), depth);
        }
        args(a.kwOnly(), depth);
        expressions(a.kwDefaults(), depth);
        if (a.kwArg() != null) {
            arg(a.kwArg(), depth);
        }
        expressions(a.defaults(), depth);
    }

    private void args(List<Arg> args, int depth) {
        for (Arg a : args) {
            arg(a, depth);
        }
    }

    private void arg(Arg a, int depth) {
        line("arg", a.pos(), depth);
        optional(a.annotation(), depth + 1);
    }

    private void generators(List<Comprehension> generators, int depth) {
        for (Comprehension c : generators) {
            expression(c.target(), depth);
            expression(c.iter(), depth);
            expressions(c.ifs(), depth);
        }
    }

    private void expression(Expr e, int depth) {
        String type = switch (e) {
            case Expr.ListExpr l -> "List";
            case Expr.TupleExpr t -> "Tuple";
            case Expr.SetExpr s -> "Set";
            case Expr.DictExpr dict -> "Dict";
            case Expr.IntLiteral i -> "Constant";
            case Expr.FloatLiteral f -> "Constant";
            case Expr.ImaginaryLiteral i -> "Constant";
            case Expr.StringLiteral s -> "Constant";
            case Expr.BytesLiteral b -> "Constant";
            case Expr.BoolLiteral b -> "Constant";
            case Expr.NoneLiteral n -> "Constant";
            case Expr.EllipsisLiteral el -> "Constant";
            default -> e.getClass().getSimpleName();
        };
        line(type, e.pos(), depth);
        int d = depth + 1;
        switch (e) {
            case Expr.BoolOp b -> expressions(b.values(), d);
            case Expr.NamedExpr n -> {
                expression(n.target(), d);
                expression(n.value(), d);
            }
            case Expr.BinOp b -> {
                expression(b.left(), d);
                expression(b.right(), d);
            }
            case Expr.UnaryOp u -> expression(u.operand(), d);
            case Expr.Lambda l -> {
                arguments(l.args(), d);
                expression(l.body(), d);
            }
            case Expr.IfExp i -> {
                expression(i.test(), d);
                expression(i.body(), d);
                expression(i.orElse(), d);
            }
            case Expr.DictExpr dict -> {
                expressions(dict.keys(), d);
                expressions(dict.values(), d);
            }
            case Expr.SetExpr s -> expressions(s.elements(), d);
            case Expr.ListComp c -> {
                expression(c.element(), d);
                generators(c.generators(), d);
            }
            case Expr.SetComp c -> {
                expression(c.element(), d);
                generators(c.generators(), d);
            }
            case Expr.DictComp c -> {
                expression(c.key(), d);
                expression(c.value(), d);
                generators(c.generators(), d);
            }
            case Expr.GeneratorExp g -> {
                expression(g.element(), d);
                generators(g.generators(), d);
            }
            case Expr.Await a -> expression(a.value(), d);
            case Expr.Yield y -> optional(y.value(), d);
            case Expr.YieldFrom y -> expression(y.value(), d);
            case Expr.Compare c -> {
                expression(c.left(), d);
                expressions(c.comparators(), d);
            }
            case Expr.Call c -> {
                expression(c.func(), d);
                expressions(c.args(), d);
                keywords(c.keywords(), d);
            }
            case Expr.FormattedValue f -> {
                expression(f.value(), d);
                optional(f.formatSpec(), d);
            }
            case Expr.JoinedStr j -> expressions(j.values(), d);
            case Expr.Attribute a -> expression(a.value(), d);
            case Expr.Subscript s -> {
                expression(s.value(), d);
                expression(s.slice(), d);
            }
            case Expr.Starred s -> expression(s.value(), d);
            case Expr.ListExpr l -> expressions(l.elements(), d);
            case Expr.TupleExpr t -> expressions(t.elements(), d);
            case Expr.Slice s -> {
                optional(s.lower(), d);
                optional(s.upper(), d);
                optional(s.step(), d);
            }
            default -> {
            }
        }
    }
}
