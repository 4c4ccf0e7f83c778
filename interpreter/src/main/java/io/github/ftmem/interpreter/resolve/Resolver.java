package io.github.ftmem.interpreter.resolve;

import io.github.ftmem.interpreter.resolve.Scope.NameScope;
import io.github.ftmem.interpreter.syntax.Expr;
import io.github.ftmem.interpreter.syntax.Expr.Arg;
import io.github.ftmem.interpreter.syntax.Expr.Arguments;
import io.github.ftmem.interpreter.syntax.Expr.Comprehension;
import io.github.ftmem.interpreter.syntax.Expr.Ctx;
import io.github.ftmem.interpreter.syntax.Expr.Keyword;
import io.github.ftmem.interpreter.syntax.Program;
import io.github.ftmem.interpreter.syntax.Pos;
import io.github.ftmem.interpreter.syntax.PySyntaxError;
import io.github.ftmem.interpreter.syntax.Source;
import io.github.ftmem.interpreter.syntax.Stmt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.ftmem.interpreter.resolve.Scope.DEF_ANNOT;
import static io.github.ftmem.interpreter.resolve.Scope.DEF_BOUND;
import static io.github.ftmem.interpreter.resolve.Scope.DEF_COMP_ITER;
import static io.github.ftmem.interpreter.resolve.Scope.DEF_FREE_CLASS;
import static io.github.ftmem.interpreter.resolve.Scope.DEF_GLOBAL;
import static io.github.ftmem.interpreter.resolve.Scope.DEF_IMPORT;
import static io.github.ftmem.interpreter.resolve.Scope.DEF_LOCAL;
import static io.github.ftmem.interpreter.resolve.Scope.DEF_NONLOCAL;
import static io.github.ftmem.interpreter.resolve.Scope.DEF_PARAM;
import static io.github.ftmem.interpreter.resolve.Scope.USE;

/**
 * Binds every name of a module to a frame slot, a cell, a global or a builtin, following
 * Python's scoping rules exactly as CPython 3.11 implements them, in CPython's three phases so
 * that the first error reported is the one CPython reports:
 * <ol>
 *   <li>symbol collection ({@code symtable.c}: {@code symtable_visit_*}), which reports misplaced
 *       {@code global}/{@code nonlocal}, duplicate parameters, {@code yield} outside a function,
 *       {@code import *} outside the module and assignment-expression conflicts;</li>
 *   <li>analysis ({@code analyze_block}/{@code analyze_name}): local, cell, free, global
 *       explicit/implicit for each name of each block; reports {@code nonlocal} without a binding
 *       and at module level;</li>
 *   <li>code-generation checks ({@code compile.c}), in source order: {@code return}/{@code break}/
 *       {@code continue} outside their construct, starred targets, repeated keyword arguments,
 *       a bare {@code except:} that is not last — while binding each name occurrence.</li>
 * </ol>
 */
public final class Resolver {
    private final Source source;
    private final IdentityHashMap<Object, Scope> scopes = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Binding> bindings = new IdentityHashMap<>();
    private final Set<String> moduleBound = new HashSet<>();
    private Scope moduleScope;
    /** {@code from __future__ import annotations}: annotations are not evaluated, so not resolved. */
    private boolean futureAnnotations;

    private Resolver(Source source) {
        this.source = source;
    }

    /**
     * Whether the module's leading future imports (after an optional docstring) include
     * {@code annotations} (PEP 563).
     */
    static boolean futureAnnotations(Program module) {
        for (Stmt s : module.body()) {
            if (s instanceof Stmt.ImportFrom imp && "__future__".equals(imp.module()) && imp.level() == 0) {
                for (var a : imp.names()) {
                    if (a.name().equals("annotations")) return true;
                }
                continue;
            }
            if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.StringLiteral && s == module.body().get(0)) {
                continue;
            }
            break;
        }
        return false;
    }

    /** Resolves {@code module}, or throws the {@link PySyntaxError} CPython would report. */
    public static Resolution resolve(Program module) {
        Resolver r = new Resolver(module.source());
        r.moduleScope = new Scope(Scope.Kind.MODULE, "<module>", null);
        r.futureAnnotations = futureAnnotations(module);
        new SymbolPass(r, r.moduleScope).statements(module.body());
        r.analyze(r.moduleScope, null, new HashSet<>(), new HashSet<>());
        r.collectModuleBindings(r.moduleScope);
        r.layout(r.moduleScope);
        new BindPass(r, r.moduleScope).statements(module.body());
        return new Resolution(module, r.moduleScope, r.bindings, r.scopes, r.futureAnnotations);
    }

    PySyntaxError error(String message, Pos pos) {
        return PySyntaxError.at(PySyntaxError.Kind.SYNTAX_ERROR, message, source, pos);
    }

    // ------------------------------------------------------------------ phase 1: symbols

    /** Collects symbol flags per scope ({@code symtable_visit_stmt}/{@code symtable_visit_expr}). */
    private static final class SymbolPass {
        private final Resolver r;
        private Scope cur;
        private boolean inCompIterExpr;

        SymbolPass(Resolver r, Scope scope) {
            this.r = r;
            this.cur = scope;
        }

        void statements(List<Stmt> body) {
            for (Stmt s : body) {
                statement(s);
            }
        }

        private void def(String name, int flags, Pos pos) {
            def(cur, name, flags, pos);
        }

        private void def(Scope scope, String name, int flags, Pos pos) {
            if ((flags & DEF_PARAM) != 0 && (scope.flags(name) & DEF_PARAM) != 0) {
                throw r.error("duplicate argument '" + name + "' in function definition", pos);
            }
            scope.addFlags(name, flags);
            if ((flags & DEF_GLOBAL) != 0) {
                // CPython records a global declaration in the module's symbols too (st_global).
                r.moduleScope.addFlags(name, DEF_GLOBAL);
            }
        }

        private Scope enter(Object node, Scope.Kind kind, String name) {
            Scope s = new Scope(kind, name, cur);
            r.scopes.put(node, s);
            cur = s;
            return s;
        }

        private void statement(Stmt s) {
            switch (s) {
                case Stmt.FunctionDef f -> {
                    def(f.name(), DEF_LOCAL, f.pos());
                    argumentDefaults(f.args());
                    if (!r.futureAnnotations) {
                        annotations(f.args());
                        if (f.returns() != null) {
                            expression(f.returns());
                        }
                    }
                    expressions(f.decorators());
                    Scope outer = cur;
                    enter(f, Scope.Kind.FUNCTION, f.name());
                    parameters(f.args());
                    statements(f.body());
                    cur = outer;
                }
                case Stmt.ClassDef c -> {
                    def(c.name(), DEF_LOCAL, c.pos());
                    expressions(c.bases());
                    keywords(c.keywords());
                    expressions(c.decorators());
                    Scope outer = cur;
                    enter(c, Scope.Kind.CLASS, c.name());
                    statements(c.body());
                    cur = outer;
                }
                case Stmt.Return ret -> optional(ret.value());
                case Stmt.Delete d -> expressions(d.targets());
                case Stmt.Assign a -> {
                    expressions(a.targets());
                    expression(a.value());
                }
                case Stmt.AugAssign a -> {
                    expression(a.target());
                    expression(a.value());
                }
                case Stmt.AnnAssign a -> {
                    if (a.target() instanceof Expr.Name n) {
                        int flags = cur.flags(n.id());
                        if ((flags & (DEF_GLOBAL | DEF_NONLOCAL)) != 0 && cur.kind() != Scope.Kind.MODULE
                                && a.simple()) {
                            throw r.error(((flags & DEF_GLOBAL) != 0 ? "annotated name '%s' can't be global"
                                    : "annotated name '%s' can't be nonlocal").formatted(n.id()), a.pos());
                        }
                        if (a.simple()) {
                            def(n.id(), DEF_ANNOT | DEF_LOCAL, n.pos());
                        } else if (a.value() != null) {
                            def(n.id(), DEF_LOCAL, n.pos());
                        }
                    } else {
                        expression(a.target());
                    }
                    if (!r.futureAnnotations) {
                        expression(a.annotation());
                    }
                    optional(a.value());
                }
                case Stmt.For f -> {
                    expression(f.target());
                    expression(f.iter());
                    statements(f.body());
                    statements(f.orElse());
                }
                case Stmt.While w -> {
                    expression(w.test());
                    statements(w.body());
                    statements(w.orElse());
                }
                case Stmt.If i -> {
                    expression(i.test());
                    statements(i.body());
                    statements(i.orElse());
                }
                case Stmt.With w -> {
                    for (Stmt.WithItem item : w.items()) {
                        expression(item.contextExpr());
                        optional(item.optionalVars());
                    }
                    statements(w.body());
                }
                case Stmt.Raise raise -> {
                    optional(raise.exc());
                    optional(raise.cause());
                }
                case Stmt.Try t -> {
                    statements(t.body());
                    statements(t.orElse());
                    for (Stmt.ExceptHandler h : t.handlers()) {
                        optional(h.type());
                        if (h.name() != null) {
                            def(h.name(), DEF_LOCAL, h.pos());
                        }
                        statements(h.body());
                    }
                    statements(t.finalBody());
                }
                case Stmt.Assert a -> {
                    expression(a.test());
                    optional(a.msg());
                }
                case Stmt.Import imp -> imports(imp.names());
                case Stmt.ImportFrom imp -> imports(imp.names());
                case Stmt.Global g -> directive(g.names(), g, true);
                case Stmt.Nonlocal n -> directive(n.names(), n, false);
                case Stmt.ExprStmt e -> expression(e.value());
                case Stmt.Pass p -> {
                }
                case Stmt.Break b -> {
                }
                case Stmt.Continue c -> {
                }
            }
        }

        private void imports(List<Stmt.Alias> names) {
            for (Stmt.Alias alias : names) {
                if (alias.name().equals("*")) {
                    if (cur.kind() != Scope.Kind.MODULE) {
                        throw r.error("import * only allowed at module level", alias.pos());
                    }
                    cur.hasStarImport = true;
                    continue;
                }
                def(boundName(alias), DEF_IMPORT, alias.pos());
            }
        }

        private void directive(List<String> names, Stmt s, boolean global) {
            for (String name : names) {
                int flags = cur.flags(name);
                if ((flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
                    String what = global ? "global" : "nonlocal";
                    String message;
                    if ((flags & DEF_PARAM) != 0) {
                        message = "name '%s' is parameter and " + what;
                    } else if ((flags & USE) != 0) {
                        message = "name '%s' is used prior to " + what + " declaration";
                    } else if ((flags & DEF_ANNOT) != 0) {
                        message = "annotated name '%s' can't be " + what;
                    } else {
                        message = "name '%s' is assigned to before " + what + " declaration";
                    }
                    throw r.error(message.formatted(name), s.pos());
                }
                def(name, global ? DEF_GLOBAL : DEF_NONLOCAL, s.pos());
                cur.directives.putIfAbsent(name, s.pos());
            }
        }

        private void argumentDefaults(Arguments args) {
            expressions(args.defaults());
            for (Expr e : args.kwDefaults()) {
                optional(e);
            }
        }

        private void annotations(Arguments args) {
            for (Arg a : allParameters(args)) {
                optional(a.annotation());
            }
        }

        private void parameters(Arguments args) {
            for (Arg a : allParameters(args)) {
                def(a.name(), DEF_PARAM, a.pos());
                cur.parameters.add(a.name());
            }
        }

        private void keywords(List<Keyword> keywords) {
            for (Keyword k : keywords) {
                expression(k.value());
            }
        }

        private void expressions(List<Expr> es) {
            for (Expr e : es) {
                expression(e);
            }
        }

        private void optional(Expr e) {
            if (e != null) {
                expression(e);
            }
        }

        private void expression(Expr e) {
            switch (e) {
                case Expr.Name n -> {
                    if (n.ctx() == Ctx.LOAD) {
                        def(n.id(), USE, n.pos());
                        if (cur.isFunctionLike() && n.id().equals("super")) {
                            def("__class__", USE, n.pos());
                        }
                    } else {
                        def(n.id(), DEF_LOCAL | (compIterTarget ? DEF_COMP_ITER : 0), n.pos());
                    }
                }
                case Expr.NamedExpr ne -> {
                    if (inCompIterExpr) {
                        throw r.error("assignment expression cannot be used in a comprehension iterable expression",
                                ne.pos());
                    }
                    if (cur.kind() == Scope.Kind.COMPREHENSION) {
                        extendNamedExprScope(ne.target());
                    }
                    expression(ne.value());
                    expression(ne.target());
                }
                case Expr.Lambda l -> {
                    argumentDefaults(l.args());
                    Scope outer = cur;
                    enter(l, Scope.Kind.LAMBDA, "<lambda>");
                    parameters(l.args());
                    expression(l.body());
                    cur = outer;
                }
                case Expr.ListComp c -> comprehension(c, "<listcomp>", "list comprehension", c.generators(),
                        c.element(), null);
                case Expr.SetComp c -> comprehension(c, "<setcomp>", "set comprehension", c.generators(),
                        c.element(), null);
                case Expr.DictComp c -> comprehension(c, "<dictcomp>", "dict comprehension", c.generators(),
                        c.key(), c.value());
                case Expr.GeneratorExp g -> comprehension(g, "<genexpr>", "generator expression", g.generators(),
                        g.element(), null);
                case Expr.Yield y -> {
                    yieldHere(y);
                    optional(y.value());
                }
                case Expr.YieldFrom y -> {
                    yieldHere(y);
                    expression(y.value());
                }
                default -> children(e, this::expression);
            }
        }

        private boolean compIterTarget;

        private void yieldHere(Expr y) {
            if (cur.kind() == Scope.Kind.MODULE || cur.kind() == Scope.Kind.CLASS) {
                throw r.error("'yield' outside function", y.pos());
            }
            if (cur.kind() == Scope.Kind.COMPREHENSION) {
                String what = switch (cur.name()) {
                    case "<listcomp>" -> "list comprehension";
                    case "<setcomp>" -> "set comprehension";
                    case "<dictcomp>" -> "dict comprehension";
                    default -> "generator expression";
                };
                throw r.error("'yield' inside " + what, y.pos());
            }
            cur.generator = true;
        }

        private void comprehension(Expr node, String name, String what, List<Comprehension> generators,
                                   Expr element, Expr value) {
            Comprehension outermost = generators.getFirst();
            boolean wasIter = inCompIterExpr;
            inCompIterExpr = true;
            expression(outermost.iter());
            inCompIterExpr = wasIter;
            Scope outer = cur;
            Scope scope = enter(node, Scope.Kind.COMPREHENSION, name);
            scope.generator = node instanceof Expr.GeneratorExp;
            def(".0", DEF_PARAM, node.pos());
            scope.parameters.add(".0");
            compTarget(outermost.target());
            expressions(outermost.ifs());
            for (int i = 1; i < generators.size(); i++) {
                Comprehension g = generators.get(i);
                inCompIterExpr = true;
                expression(g.iter());
                inCompIterExpr = wasIter;
                compTarget(g.target());
                expressions(g.ifs());
            }
            if (value != null) {
                expression(value);
            }
            expression(element);
            cur = outer;
        }

        private void compTarget(Expr target) {
            compIterTarget = true;
            expression(target);
            compIterTarget = false;
        }

        private void extendNamedExprScope(Expr.Name target) {
            String name = target.id();
            for (Scope s = cur; s != null; s = s.parent()) {
                if (s.kind() == Scope.Kind.COMPREHENSION) {
                    if ((s.flags(name) & DEF_COMP_ITER) != 0) {
                        throw r.error("assignment expression cannot rebind comprehension iteration variable '"
                                + name + "'", target.pos());
                    }
                    continue;
                }
                if (s.isFunctionLike()) {
                    def(name, (s.flags(name) & DEF_GLOBAL) != 0 ? DEF_GLOBAL : DEF_NONLOCAL, target.pos());
                    cur.directives.putIfAbsent(name, target.pos());
                    def(s, name, DEF_LOCAL, target.pos());
                    return;
                }
                if (s.kind() == Scope.Kind.MODULE) {
                    def(name, DEF_GLOBAL, target.pos());
                    cur.directives.putIfAbsent(name, target.pos());
                    def(s, name, DEF_GLOBAL, target.pos());
                    s.addFlags(name, DEF_LOCAL);
                    return;
                }
                throw r.error("assignment expression within a comprehension cannot be used in a class body",
                        target.pos());
            }
        }
    }

    static List<Arg> allParameters(Arguments args) {
        List<Arg> all = new ArrayList<>(args.posOnly());
        all.addAll(args.args());
        all.addAll(args.kwOnly());
        if (args.varArg() != null) {
            all.add(args.varArg());
        }
        if (args.kwArg() != null) {
            all.add(args.kwArg());
        }
        return all;
    }

    static String boundName(Stmt.Alias alias) {
        if (alias.asName() != null) {
            return alias.asName();
        }
        int dot = alias.name().indexOf('.');
        return dot < 0 ? alias.name() : alias.name().substring(0, dot);
    }

    /** Visits the direct sub-expressions of the expressions that open no scope. */
    static void children(Expr e, java.util.function.Consumer<Expr> visit) {
        switch (e) {
            case Expr.BoolOp b -> b.values().forEach(visit);
            case Expr.NamedExpr n -> {
                visit.accept(n.value());
                visit.accept(n.target());
            }
            case Expr.BinOp b -> {
                visit.accept(b.left());
                visit.accept(b.right());
            }
            case Expr.UnaryOp u -> visit.accept(u.operand());
            case Expr.IfExp i -> {
                visit.accept(i.test());
                visit.accept(i.body());
                visit.accept(i.orElse());
            }
            case Expr.DictExpr d -> {
                for (int i = 0; i < d.keys().size(); i++) {
                    if (d.keys().get(i) != null) {
                        visit.accept(d.keys().get(i));
                    }
                    visit.accept(d.values().get(i));
                }
            }
            case Expr.SetExpr s -> s.elements().forEach(visit);
            case Expr.Await a -> visit.accept(a.value());
            case Expr.Yield y -> {
                if (y.value() != null) {
                    visit.accept(y.value());
                }
            }
            case Expr.YieldFrom y -> visit.accept(y.value());
            case Expr.Compare c -> {
                visit.accept(c.left());
                c.comparators().forEach(visit);
            }
            case Expr.Call c -> {
                visit.accept(c.func());
                c.args().forEach(visit);
                for (Keyword k : c.keywords()) {
                    visit.accept(k.value());
                }
            }
            case Expr.FormattedValue f -> {
                visit.accept(f.value());
                if (f.formatSpec() != null) {
                    visit.accept(f.formatSpec());
                }
            }
            case Expr.JoinedStr j -> j.values().forEach(visit);
            case Expr.Attribute a -> visit.accept(a.value());
            case Expr.Subscript s -> {
                visit.accept(s.value());
                visit.accept(s.slice());
            }
            case Expr.Starred s -> visit.accept(s.value());
            case Expr.ListExpr l -> l.elements().forEach(visit);
            case Expr.TupleExpr t -> t.elements().forEach(visit);
            case Expr.Slice s -> {
                if (s.lower() != null) {
                    visit.accept(s.lower());
                }
                if (s.upper() != null) {
                    visit.accept(s.upper());
                }
                if (s.step() != null) {
                    visit.accept(s.step());
                }
            }
            case Expr.Name n -> {
            }
            case Expr.IntLiteral i -> {
            }
            case Expr.FloatLiteral f -> {
            }
            case Expr.ImaginaryLiteral i -> {
            }
            case Expr.StringLiteral s -> {
            }
            case Expr.BytesLiteral b -> {
            }
            case Expr.BoolLiteral b -> {
            }
            case Expr.NoneLiteral n -> {
            }
            case Expr.EllipsisLiteral el -> {
            }
            case Expr.Lambda l -> throw new IllegalArgumentException("scope node");
            case Expr.ListComp c -> throw new IllegalArgumentException("scope node");
            case Expr.SetComp c -> throw new IllegalArgumentException("scope node");
            case Expr.DictComp c -> throw new IllegalArgumentException("scope node");
            case Expr.GeneratorExp g -> throw new IllegalArgumentException("scope node");
        }
    }

    // ------------------------------------------------------------------ phase 2: analysis

    /** {@code analyze_block}: {@code bound} is null for the module. */
    private void analyze(Scope scope, Set<String> bound, Set<String> free, Set<String> global) {
        Set<String> local = new HashSet<>();
        Set<String> newGlobal = new HashSet<>();
        Set<String> newFree = new LinkedHashSet<>();
        Set<String> newBound = new HashSet<>();
        if (scope.kind() == Scope.Kind.CLASS) {
            newGlobal.addAll(global);
            if (bound != null) {
                newBound.addAll(bound);
            }
        }
        for (Map.Entry<String, Integer> symbol : scope.symbols.entrySet()) {
            analyzeName(scope, symbol.getKey(), symbol.getValue(), bound, local, free, global);
        }
        if (scope.kind() != Scope.Kind.CLASS) {
            if (scope.isFunctionLike()) {
                newBound.addAll(local);
            }
            if (bound != null) {
                newBound.addAll(bound);
            }
            newGlobal.addAll(global);
        } else {
            newBound.add("__class__");
        }
        Set<String> allFree = new LinkedHashSet<>();
        for (Scope child : scope.children()) {
            Set<String> childFree = new LinkedHashSet<>(newFree);
            analyze(child, new HashSet<>(newBound), childFree, new HashSet<>(newGlobal));
            allFree.addAll(childFree);
            if (child.free || child.childFree) {
                scope.childFree = true;
            }
        }
        newFree.addAll(allFree);
        if (scope.isFunctionLike()) {
            for (Map.Entry<String, NameScope> e : scope.nameScopes.entrySet()) {
                if (e.getValue() == NameScope.LOCAL && newFree.remove(e.getKey())) {
                    e.setValue(NameScope.CELL);
                }
            }
        } else if (scope.kind() == Scope.Kind.CLASS && newFree.remove("__class__")) {
            scope.needsClassClosure = true;
        }
        for (String name : newFree) {
            if (scope.symbols.containsKey(name)) {
                if (scope.kind() == Scope.Kind.CLASS) {
                    scope.addFlags(name, DEF_FREE_CLASS);
                }
                continue;
            }
            if (bound != null && !bound.contains(name)) {
                continue;
            }
            scope.symbols.put(name, 0);
            scope.nameScopes.put(name, NameScope.FREE);
        }
        free.addAll(newFree);
    }

    private void analyzeName(Scope scope, String name, int flags, Set<String> bound, Set<String> local,
                             Set<String> free, Set<String> global) {
        if ((flags & DEF_GLOBAL) != 0) {
            if ((flags & DEF_NONLOCAL) != 0) {
                throw error("name '" + name + "' is nonlocal and global", directive(scope, name));
            }
            scope.nameScopes.put(name, NameScope.GLOBAL_EXPLICIT);
            global.add(name);
            if (bound != null) {
                bound.remove(name);
            }
            return;
        }
        if ((flags & DEF_NONLOCAL) != 0) {
            if (bound == null) {
                throw error("nonlocal declaration not allowed at module level", directive(scope, name));
            }
            if (!bound.contains(name)) {
                throw error("no binding for nonlocal '" + name + "' found", directive(scope, name));
            }
            scope.nameScopes.put(name, NameScope.FREE);
            scope.free = true;
            free.add(name);
            return;
        }
        if ((flags & DEF_BOUND) != 0) {
            scope.nameScopes.put(name, NameScope.LOCAL);
            local.add(name);
            global.remove(name);
            return;
        }
        if (bound != null && bound.contains(name)) {
            scope.nameScopes.put(name, NameScope.FREE);
            scope.free = true;
            free.add(name);
            return;
        }
        scope.nameScopes.put(name, NameScope.GLOBAL_IMPLICIT);
    }

    private static Pos directive(Scope scope, String name) {
        return (Pos) scope.directives.get(name);
    }

    // ------------------------------------------------------------------ phase 3: layout and binding

    private void collectModuleBindings(Scope scope) {
        for (Map.Entry<String, Integer> symbol : scope.symbols.entrySet()) {
            int flags = symbol.getValue();
            boolean bound = (flags & DEF_BOUND) != 0;
            if (scope.kind() == Scope.Kind.MODULE ? bound : bound && (flags & DEF_GLOBAL) != 0) {
                moduleBound.add(symbol.getKey());
            }
        }
        for (Scope child : scope.children()) {
            collectModuleBindings(child);
        }
    }

    private void layout(Scope scope) {
        List<String> slots = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        List<Integer> cellParams = new ArrayList<>();
        if (scope.isFunctionLike()) {
            for (String p : scope.parameters) {
                if (scope.nameScope(p) == NameScope.CELL) {
                    cells.add(slots.size());
                    cellParams.add(slots.size());
                }
                slots.add(p);
            }
            for (Map.Entry<String, NameScope> e : scope.nameScopes.entrySet()) {
                if ((e.getValue() == NameScope.LOCAL || e.getValue() == NameScope.CELL)
                        && !scope.parameters.contains(e.getKey())) {
                    if (e.getValue() == NameScope.CELL) {
                        cells.add(slots.size());
                    }
                    slots.add(e.getKey());
                }
            }
        } else if (scope.needsClassClosure) {
            cells.add(slots.size());
            slots.add("__class__");
        }
        int firstFree = slots.size();
        for (Map.Entry<String, NameScope> e : scope.nameScopes.entrySet()) {
            boolean passThrough = scope.kind() == Scope.Kind.CLASS
                    && (scope.flags(e.getKey()) & DEF_FREE_CLASS) != 0;
            if (e.getValue() == NameScope.FREE || passThrough) {
                cells.add(slots.size());
                slots.add(e.getKey());
            }
        }
        scope.layout(slots, cells, cellParams, firstFree);
        for (Scope child : scope.children()) {
            layout(child);
        }
        for (Scope child : scope.children()) {
            List<Binding> sources = new ArrayList<>();
            for (int i = child.freeStart(); i < child.slotCount(); i++) {
                String name = child.slots().get(i);
                int slot = scope.slotOf(name);
                if (slot < 0) {
                    throw new IllegalStateException("free variable " + name + " of " + child.name()
                            + " has no cell in " + scope.name());
                }
                sources.add(new Binding(slot < scope.freeStart() ? Binding.Kind.CELL : Binding.Kind.FREE, slot,
                        name));
            }
            child.closureSources(sources);
        }
    }

    /** The binding of {@code name} used with {@code ctx} in {@code scope} ({@code compiler_nameop}). */
    Binding bind(Scope scope, String name, Ctx ctx) {
        NameScope ns = scope.nameScope(name);
        if (scope.isFunctionLike()) {
            return switch (ns == null ? NameScope.GLOBAL_IMPLICIT : ns) {
                case LOCAL -> new Binding(Binding.Kind.FAST, scope.slotOf(name), name);
                case CELL -> new Binding(Binding.Kind.CELL, scope.slotOf(name), name);
                case FREE -> new Binding(Binding.Kind.FREE, scope.slotOf(name), name);
                case GLOBAL_EXPLICIT, GLOBAL_IMPLICIT -> globalOrBuiltin(name, ctx);
            };
        }
        if (scope.kind() == Scope.Kind.CLASS) {
            if (ns == NameScope.GLOBAL_EXPLICIT) {
                return globalOrBuiltin(name, ctx);
            }
            if (ns == NameScope.FREE) {
                return ctx == Ctx.LOAD ? new Binding(Binding.Kind.CLASS_DEREF, scope.slotOf(name), name)
                        : new Binding(Binding.Kind.FREE, scope.slotOf(name), name);
            }
            return Binding.name(name);
        }
        return globalOrBuiltin(name, ctx);
    }

    private Binding globalOrBuiltin(String name, Ctx ctx) {
        if (ctx == Ctx.LOAD && !moduleBound.contains(name) && !moduleScope.hasStarImport) {
            return Binding.builtin(name);
        }
        return Binding.global(name);
    }

    /** Binds every name occurrence and applies the compiler's checks, in source order. */
    private static final class BindPass {
        private final Resolver r;
        private Scope cur;
        private int loopDepth;

        BindPass(Resolver r, Scope scope) {
            this.r = r;
            this.cur = scope;
        }

        void statements(List<Stmt> body) {
            for (Stmt s : body) {
                statement(s);
            }
        }

        private void store(Object node, String name) {
            r.bindings.put(node, r.bind(cur, name, Ctx.STORE));
        }

        private void statement(Stmt s) {
            switch (s) {
                case Stmt.FunctionDef f -> {
                    expressions(f.decorators());
                    defaults(f.args());
                    if (!r.futureAnnotations) {
                        for (Arg a : allParameters(f.args())) {
                            optional(a.annotation());
                        }
                        optional(f.returns());
                    }
                    body(f, f.args(), () -> statements(f.body()));
                    store(f, f.name());
                }
                case Stmt.ClassDef c -> {
                    expressions(c.decorators());
                    expressions(c.bases());
                    keywords(c.keywords());
                    Scope outer = cur;
                    int outerLoops = loopDepth;
                    cur = r.scopes.get(c);
                    loopDepth = 0;
                    statements(c.body());
                    cur = outer;
                    loopDepth = outerLoops;
                    store(c, c.name());
                }
                case Stmt.Return ret -> {
                    if (!cur.isFunctionLike()) {
                        throw r.error("'return' outside function", ret.pos());
                    }
                    optional(ret.value());
                }
                case Stmt.Delete d -> expressions(d.targets());
                case Stmt.Assign a -> {
                    expression(a.value());
                    for (Expr target : a.targets()) {
                        target(target);
                    }
                }
                case Stmt.AugAssign a -> {
                    expression(a.target());
                    expression(a.value());
                }
                case Stmt.AnnAssign a -> {
                    optional(a.value());
                    if (a.target() instanceof Expr.Name || a.value() != null) {
                        target(a.target());
                    } else {
                        expression(a.target());
                    }
                    if (!r.futureAnnotations) {
                        expression(a.annotation());
                    }
                }
                case Stmt.For f -> {
                    expression(f.iter());
                    target(f.target());
                    loopDepth++;
                    statements(f.body());
                    loopDepth--;
                    statements(f.orElse());
                }
                case Stmt.While w -> {
                    expression(w.test());
                    loopDepth++;
                    statements(w.body());
                    loopDepth--;
                    statements(w.orElse());
                }
                case Stmt.If i -> {
                    expression(i.test());
                    statements(i.body());
                    statements(i.orElse());
                }
                case Stmt.With w -> {
                    for (Stmt.WithItem item : w.items()) {
                        expression(item.contextExpr());
                        if (item.optionalVars() != null) {
                            target(item.optionalVars());
                        }
                    }
                    statements(w.body());
                }
                case Stmt.Raise raise -> {
                    optional(raise.exc());
                    optional(raise.cause());
                }
                case Stmt.Try t -> {
                    statements(t.body());
                    for (int i = 0; i < t.handlers().size(); i++) {
                        Stmt.ExceptHandler h = t.handlers().get(i);
                        if (h.type() == null && i < t.handlers().size() - 1) {
                            throw r.error("default 'except:' must be last", h.pos());
                        }
                        optional(h.type());
                        if (h.name() != null) {
                            store(h, h.name());
                        }
                        statements(h.body());
                    }
                    statements(t.orElse());
                    statements(t.finalBody());
                }
                case Stmt.Assert a -> {
                    expression(a.test());
                    optional(a.msg());
                }
                case Stmt.Import imp -> {
                    for (Stmt.Alias alias : imp.names()) {
                        store(alias, boundName(alias));
                    }
                }
                case Stmt.ImportFrom imp -> {
                    for (Stmt.Alias alias : imp.names()) {
                        if (!alias.name().equals("*")) {
                            store(alias, boundName(alias));
                        }
                    }
                }
                case Stmt.Global g -> {
                }
                case Stmt.Nonlocal n -> {
                }
                case Stmt.ExprStmt e -> expression(e.value());
                case Stmt.Pass p -> {
                }
                case Stmt.Break b -> {
                    if (loopDepth == 0) {
                        throw r.error("'break' outside loop", b.pos());
                    }
                }
                case Stmt.Continue c -> {
                    if (loopDepth == 0) {
                        throw r.error("'continue' not properly in loop", c.pos());
                    }
                }
            }
        }

        /** Enters the scope of a def or lambda and binds its parameters. */
        private void body(Object node, Arguments args, Runnable visitBody) {
            Scope outer = cur;
            int outerLoops = loopDepth;
            cur = r.scopes.get(node);
            loopDepth = 0;
            for (Arg a : allParameters(args)) {
                r.bindings.put(a, r.bind(cur, a.name(), Ctx.STORE));
            }
            visitBody.run();
            cur = outer;
            loopDepth = outerLoops;
        }

        private void defaults(Arguments args) {
            expressions(args.defaults());
            for (Expr e : args.kwDefaults()) {
                optional(e);
            }
        }

        private void keywords(List<Keyword> keywords) {
            Set<String> seen = new HashSet<>();
            for (Keyword k : keywords) {
                if (k.name() != null && !seen.add(k.name())) {
                    throw r.error("keyword argument repeated: " + k.name(), k.pos());
                }
            }
            for (Keyword k : keywords) {
                expression(k.value());
            }
        }

        /** An assignment target: checks starred use ({@code compiler_visit_expr} for Store). */
        private void target(Expr t) {
            switch (t) {
                case Expr.Starred s -> throw r.error("starred assignment target must be in a list or tuple", s.pos());
                case Expr.TupleExpr tuple -> unpackTarget(tuple, tuple.elements());
                case Expr.ListExpr list -> unpackTarget(list, list.elements());
                default -> expression(t);
            }
        }

        private void unpackTarget(Expr node, List<Expr> elements) {
            boolean seenStar = false;
            for (Expr e : elements) {
                if (e instanceof Expr.Starred) {
                    if (seenStar) {
                        throw r.error("multiple starred expressions in assignment", node.pos());
                    }
                    seenStar = true;
                }
            }
            for (Expr e : elements) {
                if (e instanceof Expr.Starred s) {
                    target(s.value());
                } else {
                    target(e);
                }
            }
        }

        private void expressions(List<Expr> es) {
            for (Expr e : es) {
                expression(e);
            }
        }

        private void optional(Expr e) {
            if (e != null) {
                expression(e);
            }
        }

        /** Elements of a display or call, where {@code *x} is allowed. */
        private void elements(List<Expr> es) {
            for (Expr e : es) {
                if (e instanceof Expr.Starred s && s.ctx() == Ctx.LOAD) {
                    expression(s.value());
                } else {
                    expression(e);
                }
            }
        }

        private void expression(Expr e) {
            switch (e) {
                case Expr.Name n -> r.bindings.put(n, r.bind(cur, n.id(), n.ctx()));
                case Expr.Starred s -> {
                    if (s.ctx() == Ctx.LOAD) {
                        throw r.error("can't use starred expression here", s.pos());
                    }
                    target(s);
                }
                case Expr.TupleExpr t -> {
                    if (t.ctx() == Ctx.LOAD) {
                        elements(t.elements());
                    } else {
                        unpackTarget(t, t.elements());
                    }
                }
                case Expr.ListExpr l -> {
                    if (l.ctx() == Ctx.LOAD) {
                        elements(l.elements());
                    } else {
                        unpackTarget(l, l.elements());
                    }
                }
                case Expr.SetExpr s -> elements(s.elements());
                case Expr.Call c -> {
                    expression(c.func());
                    elements(c.args());
                    keywords(c.keywords());
                }
                case Expr.Lambda l -> {
                    defaults(l.args());
                    body(l, l.args(), () -> expression(l.body()));
                }
                case Expr.ListComp c -> comprehension(c, c.generators(), c.element(), null);
                case Expr.SetComp c -> comprehension(c, c.generators(), c.element(), null);
                case Expr.DictComp c -> comprehension(c, c.generators(), c.key(), c.value());
                case Expr.GeneratorExp g -> comprehension(g, g.generators(), g.element(), null);
                case Expr.Await a -> {
                    throw r.error(cur.isFunctionLike() ? "'await' outside async function" : "'await' outside function",
                            a.pos());
                }
                default -> children(e, this::expression);
            }
        }

        private void comprehension(Expr node, List<Comprehension> generators, Expr element, Expr value) {
            expression(generators.getFirst().iter());
            Scope outer = cur;
            int outerLoops = loopDepth;
            cur = r.scopes.get(node);
            loopDepth = 0;
            for (int i = 0; i < generators.size(); i++) {
                Comprehension g = generators.get(i);
                if (i > 0) {
                    expression(g.iter());
                }
                target(g.target());
                expressions(g.ifs());
            }
            expression(element);
            optional(value);
            cur = outer;
            loopDepth = outerLoops;
        }
    }
}
