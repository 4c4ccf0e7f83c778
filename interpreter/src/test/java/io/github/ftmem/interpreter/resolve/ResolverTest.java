package io.github.ftmem.interpreter.resolve;

import io.github.ftmem.interpreter.syntax.Expr;
import io.github.ftmem.interpreter.syntax.Program;
import io.github.ftmem.interpreter.syntax.Parser;
import io.github.ftmem.interpreter.syntax.Source;
import io.github.ftmem.interpreter.syntax.Stmt;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bindings, frame layouts and closures as the evaluator will consume them. */
class ResolverTest {

    private static Resolution resolve(String program) {
        return Resolver.resolve(Parser.parse(new Source("t.py", program)));
    }

    /** Every binding of name {@code id} in source order, rendered like "FAST[0] x". */
    private static List<String> bindingsOf(Resolution r, String id) {
        List<String> out = new ArrayList<>();
        collect(r, r.program().body(), id, out);
        return out;
    }

    private static void collect(Resolution r, List<Stmt> body, String id, List<String> out) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.FunctionDef f -> {
                    collect(r, f.body(), id, out);
                    if (f.name().equals(id)) {
                        out.add(r.binding(f).toString());
                    }
                }
                case Stmt.ClassDef c -> {
                    collect(r, c.body(), id, out);
                    if (c.name().equals(id)) {
                        out.add(r.binding(c).toString());
                    }
                }
                case Stmt.Assign a -> {
                    names(r, a.value(), id, out);
                    a.targets().forEach(t -> names(r, t, id, out));
                }
                case Stmt.AugAssign a -> {
                    names(r, a.target(), id, out);
                    names(r, a.value(), id, out);
                }
                case Stmt.Return ret -> {
                    if (ret.value() != null) {
                        names(r, ret.value(), id, out);
                    }
                }
                case Stmt.ExprStmt e -> names(r, e.value(), id, out);
                default -> {
                }
            }
        }
    }

    private static void names(Resolution r, Expr e, String id, List<String> out) {
        if (e instanceof Expr.Name n) {
            if (n.id().equals(id)) {
                out.add(r.binding(n).toString());
            }
            return;
        }
        if (e instanceof Expr.Lambda l) {
            names(r, l.body(), id, out);
            return;
        }
        if (e instanceof Expr.ListComp c) {
            names(r, c.generators().getFirst().iter(), id, out);
            names(r, c.element(), id, out);
            return;
        }
        Resolver.children(e, child -> names(r, child, id, out));
    }

    @Test
    void moduleNamesAreGlobalAndUnboundNamesBuiltin() {
        Resolution r = resolve("x = 1\nprint(x)\nlen = len\n");
        assertEquals(List.of("GLOBAL x", "GLOBAL x"), bindingsOf(r, "x"));
        assertEquals(List.of("BUILTIN print"), bindingsOf(r, "print"));
        assertEquals(List.of("GLOBAL len", "GLOBAL len"), bindingsOf(r, "len"), "len is bound in the module");
        assertEquals(0, r.moduleScope().slotCount());
    }

    @Test
    void starImportMakesEveryNameGlobal() {
        Resolution r = resolve("from math import *\nprint(pi)\n");
        assertEquals(List.of("GLOBAL print"), bindingsOf(r, "print"));
    }

    @Test
    void functionLocalsLiveInSlotsAfterParameters() {
        Resolution r = resolve("def f(a, b=1, *args, c, **kw):\n    x = a\n    return x + b\n");
        Stmt.FunctionDef f = (Stmt.FunctionDef) r.program().body().getFirst();
        Scope s = r.scope(f);
        assertEquals(List.of("a", "b", "c", "args", "kw", "x"), s.slots());
        assertEquals(5, s.parameterCount());
        assertEquals(List.of(), s.cellSlots());
        assertEquals(List.of("FAST[5] x", "FAST[5] x"), bindingsOf(r, "x"));
        assertEquals(List.of("GLOBAL f"), bindingsOf(r, "f"));
        assertFalse(s.isGenerator());
    }

    @Test
    void closuresUseCellsAndFreeSlots() {
        Resolution r = resolve("""
                def outer(p):
                    n = 0
                    def inner():
                        nonlocal n
                        n += p
                        return n
                    return inner
                """);
        Stmt.FunctionDef outer = (Stmt.FunctionDef) r.program().body().getFirst();
        Stmt.FunctionDef inner = (Stmt.FunctionDef) outer.body().get(1);
        Scope os = r.scope(outer);
        Scope is = r.scope(inner);
        assertEquals(List.of("p", "n", "inner"), os.slots());
        assertEquals(List.of(0, 1), os.cellSlots());
        assertEquals(List.of(0), os.cellParameters(), "parameter p is moved into a cell on entry");
        assertEquals(List.of("n", "p"), is.slots());
        assertEquals(0, is.freeStart());
        assertEquals(List.of("CELL[1] n", "CELL[0] p"), is.closureSources().stream().map(Binding::toString).toList());
        assertEquals(List.of("CELL[1] n", "FREE[0] n", "FREE[0] n"), bindingsOf(r, "n"));
    }

    @Test
    void freeVariablesPassThroughIntermediateScopes() {
        Resolution r = resolve("""
                def a():
                    x = 1
                    def b():
                        def c():
                            return x
                        return c
                    return b
                """);
        Stmt.FunctionDef a = (Stmt.FunctionDef) r.program().body().getFirst();
        Stmt.FunctionDef b = (Stmt.FunctionDef) a.body().get(1);
        Stmt.FunctionDef c = (Stmt.FunctionDef) b.body().getFirst();
        assertEquals(List.of("c", "x"), r.scope(b).slots());
        assertEquals(List.of("CELL[0] x"), r.scope(b).closureSources().stream().map(Binding::toString).toList());
        assertEquals(List.of("FREE[1] x"), r.scope(c).closureSources().stream().map(Binding::toString).toList());
    }

    @Test
    void classBodiesUseNamesAndClassDeref() {
        Resolution r = resolve("""
                def f():
                    v = 1
                    class C:
                        w = v
                        v = 2
                        def m(self):
                            return super().m() + v
                    return C
                """);
        Stmt.FunctionDef f = (Stmt.FunctionDef) r.program().body().getFirst();
        Stmt.ClassDef c = (Stmt.ClassDef) f.body().get(1);
        Scope cs = r.scope(c);
        assertTrue(cs.needsClassCell());
        assertEquals(List.of("__class__", "v"), cs.slots(), "__class__ cell, then v passed through to m");
        List<String> v = bindingsOf(r, "v");
        assertTrue(v.contains("NAME v"), v.toString());
        assertTrue(v.contains("FREE[2] v"), v.toString());
        Stmt.FunctionDef m = (Stmt.FunctionDef) c.body().get(2);
        assertEquals(List.of("__class__", "v"), r.scope(m).slots().subList(r.scope(m).freeStart(),
                r.scope(m).slotCount()));
        assertEquals(List.of("CELL[0] __class__", "FREE[1] v"),
                r.scope(m).closureSources().stream().map(Binding::toString).toList());
    }

    @Test
    void freeVariableReadInClassBodyIsClassDeref() {
        Resolution r = resolve("def f():\n    x = 1\n    class C:\n        y = x\n    return C\n");
        assertEquals(List.of("CELL[0] x", "CLASS_DEREF[0] x"), bindingsOf(r, "x"));
    }

    @Test
    void comprehensionsAreFunctionsWithIteratorParameter() {
        Resolution r = resolve("def f(n):\n    return [i * n for i in range(n)]\n");
        Stmt.FunctionDef f = (Stmt.FunctionDef) r.program().body().getFirst();
        Stmt.Return ret = (Stmt.Return) f.body().getFirst();
        Scope comp = r.scope(ret.value());
        assertEquals(Scope.Kind.COMPREHENSION, comp.kind());
        assertEquals(List.of(".0", "i", "n"), comp.slots());
        assertEquals(List.of("CELL[0] n"), comp.closureSources().stream().map(Binding::toString).toList());
        assertEquals(List.of("FAST[1] i"), bindingsOf(r, "i"));
        assertEquals(List.of("CELL[0] n", "FREE[2] n"), bindingsOf(r, "n"), "range(n) runs in f, i * n in the comprehension");
    }

    @Test
    void walrusInComprehensionBindsInEnclosingFunction() {
        Resolution r = resolve("def f():\n    [y := 1 for _ in range(3)]\n    return y\n");
        Stmt.FunctionDef f = (Stmt.FunctionDef) r.program().body().getFirst();
        assertEquals(List.of("y"), r.scope(f).slots());
        assertEquals(List.of(0), r.scope(f).cellSlots());
    }

    @Test
    void generatorsAndGlobals() {
        Resolution r = resolve("""
                total = 0
                def gen():
                    global total
                    total += 1
                    yield total
                """);
        Stmt.FunctionDef g = (Stmt.FunctionDef) r.program().body().get(1);
        assertTrue(r.scope(g).isGenerator());
        assertEquals(List.of(), r.scope(g).slots());
        assertEquals(List.of("GLOBAL total", "GLOBAL total", "GLOBAL total"), bindingsOf(r, "total"));
    }

    @Test
    void everyNameOccurrenceIsResolved() {
        Program m = Parser.parse(new Source("t.py", "import os.path as p, sys\nfor i, (j, *k) in x: del i\n"
                + "try:\n    pass\nexcept E as e:\n    pass\n"));
        Resolution r = Resolver.resolve(m);
        Stmt.Import imp = (Stmt.Import) m.body().getFirst();
        assertEquals("GLOBAL p", r.binding(imp.names().get(0)).toString());
        assertEquals("GLOBAL sys", r.binding(imp.names().get(1)).toString());
        Stmt.Try t = (Stmt.Try) m.body().get(2);
        assertEquals("GLOBAL e", r.binding(t.handlers().getFirst()).toString());
        assertTrue(r.bindingCount() >= 8);
    }
}
