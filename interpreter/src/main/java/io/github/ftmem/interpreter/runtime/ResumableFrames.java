package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.resolve.Scope;
import io.github.ftmem.interpreter.syntax.Expr;
import io.github.ftmem.interpreter.syntax.Expr.Comprehension;
import io.github.ftmem.interpreter.syntax.Expr.GeneratorExp;
import io.github.ftmem.interpreter.syntax.Expr.Lambda;
import io.github.ftmem.interpreter.syntax.Expr.Yield;
import io.github.ftmem.interpreter.syntax.Expr.YieldFrom;
import io.github.ftmem.interpreter.syntax.Stmt;
import io.github.ftmem.interpreter.syntax.Stmt.*;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import static io.github.ftmem.interpreter.runtime.Interp.BREAK;
import static io.github.ftmem.interpreter.runtime.Interp.NORMAL;
import static io.github.ftmem.interpreter.runtime.Interp.RETURN;

/**
 * The resumable statement executor of FRAME generators and the step function of generator expressions
 * (see {@link Generators} for the states and the resume stack).
 *
 * <p>Only statements that contain a yield ({@link Plan#yielding}) run here; every other statement goes to
 * {@link Interp#exec}, so the fast path is the ordinary one. Yield points: {@code yield e} and
 * {@code yield from e} as an expression statement, as the whole right-hand side of an assignment or as the
 * value of a {@code return} (so a generator lambda, whose body is one). On
 * YIELD each statement on the way out pushes its state, innermost first; on resume each pops its state
 * on the way in, outermost first (a LIFO), so pushes and pops pair up exactly:
 * <table>
 *   <caption>Resume stack entries (pushed in this order, popped in reverse)</caption>
 *   <tr><th>statement</th><th>pushes</th></tr>
 *   <tr><td>statement list</td><td>word: index of the suspended statement</td></tr>
 *   <tr><td>if</td><td>word: 0 body, 1 else</td></tr>
 *   <tr><td>while</td><td>word: 0 body, 1 else</td></tr>
 *   <tr><td>for</td><td>(body) ref: the iterator, word 0; (else) word 1</td></tr>
 *   <tr><td>try, in body / else</td><td>word BODY / ELSE</td></tr>
 *   <tr><td>try, in handler k</td><td>exc: the handled exception; words: saved f.handling, k, HANDLER</td></tr>
 *   <tr><td>try, in finally</td><td>word: pending completion; exc: pending exception or null; ref: saved return
 *   value; words: saved f.handling, FINALLY</td></tr>
 *   <tr><td>with (per item)</td><td>refs: the manager, its {@code __exit__}</td></tr>
 *   <tr><td>yield from</td><td>ref: the sub-iterator</td></tr>
 * </table>
 */
final class ResumableFrames {
    static final int YIELD = 4;

    private static final int BODY = 0, HANDLER = 1, ELSE = 2, FINALLY = 3;

    /**
     * Per code object: whether its yields are all at supported positions, which statements contain one, and
     * the body to run (a lambda's expression becomes one {@code return} statement).
     */
    record Plan(boolean resumable, Set<Stmt> yielding, List<Stmt> body) {
    }

    /**
     * Plans by the scope of the generator function (Scope has identity equality; weak keys, so that the
     * plans of a finished in-process run go with its syntax tree).
     */
    private static final Map<Scope, Plan> PLANS = Collections.synchronizedMap(new WeakHashMap<>());

    private ResumableFrames() {
    }

    static Plan plan(Interp.Code code) {
        Plan p = PLANS.get(code.scope());
        if (p == null) {
            Set<Stmt> yielding = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Stmt> body = code.body() != null ? code.body() : List.of(new Return(code.expr().pos(), code.expr()));
            p = new Plan(supported(body, yielding), yielding, body);
            PLANS.put(code.scope(), p);
        }
        return p;
    }

    static int firstLine(Interp.Code code) {
        return code.node() instanceof Stmt s ? s.pos().line() : ((Expr) code.node()).pos().line();
    }

    private static boolean supported(List<Stmt> body, Set<Stmt> yielding) {
        for (Stmt s : body) {
            if (!containsYield(s)) continue;
            yielding.add(s);
            boolean ok = switch (s) {
                case ExprStmt e -> isYieldPoint(e.value());
                case Assign a -> isYieldPoint(a.value()) && !containsYield(a.targets());
                case Return r -> isYieldPoint(r.value());
                case If i -> !containsYield(i.test()) && supported(i.body(), yielding) && supported(i.orElse(), yielding);
                case While w -> !containsYield(w.test()) && supported(w.body(), yielding) && supported(w.orElse(), yielding);
                case For f -> !containsYield(f.target()) && !containsYield(f.iter()) && supported(f.body(), yielding)
                        && supported(f.orElse(), yielding);
                case Try t -> {
                    boolean r = supported(t.body(), yielding) && supported(t.orElse(), yielding)
                            && supported(t.finalBody(), yielding);
                    for (ExceptHandler h : t.handlers()) {
                        r &= !containsYield(h.type()) && supported(h.body(), yielding);
                    }
                    yield r;
                }
                case With w -> !containsYield(w.items()) && supported(w.body(), yielding);
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    private static boolean isYieldPoint(Expr e) {
        return e instanceof Yield y ? !containsYield(y.value()) : e instanceof YieldFrom yf && !containsYield(yf.value());
    }

    /** Whether evaluating this node (in this scope: not inside nested def, lambda or class bodies) may yield. */
    private static boolean containsYield(Object node) {
        switch (node) {
            case null -> {
                return false;
            }
            case Yield y -> {
                return true;
            }
            case YieldFrom y -> {
                return true;
            }
            case Lambda l -> {
                return containsYield(l.args());
            }
            case FunctionDef d -> {
                return containsYield(d.decorators()) || containsYield(d.args());
            }
            case ClassDef c -> {
                return containsYield(c.bases()) || containsYield(c.keywords()) || containsYield(c.decorators());
            }
            case List<?> list -> {
                for (Object o : list) {
                    if (containsYield(o)) return true;
                }
                return false;
            }
            case Record r -> {
                for (RecordComponent rc : r.getClass().getRecordComponents()) {
                    Class<?> t = rc.getType();
                    if (t.isPrimitive() || t == String.class || t.isEnum()) continue;
                    try {
                        if (containsYield(rc.getAccessor().invoke(r))) return true;
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    // ---- the executor ---------------------------------------------------------------------------------

    static int execBody(Generators.State st, Interp.Frame f, List<Stmt> body) {
        int i = st.resuming ? (int) st.popWord() : 0;
        Set<Stmt> yielding = st.plan.yielding();
        for (int n = body.size(); i < n; i++) {
            Stmt s = body.get(i);
            int c = yielding.contains(s) ? exec(st, f, s) : Interp.exec(f, s);
            if (c != NORMAL) {
                if (c == YIELD) st.pushWord(i);
                return c;
            }
        }
        return NORMAL;
    }

    private static int exec(Generators.State st, Interp.Frame f, Stmt s) {
        f.line = s.pos().line();
        switch (s) {
            case ExprStmt e -> {
                long v = yieldAt(st, f, e.value());
                if (v == 0) return YIELD;
                Heap.decref(v);
                return NORMAL;
            }
            case Assign a -> {
                long v = yieldAt(st, f, a.value());
                if (v == 0) return YIELD;
                try {
                    for (Expr t : a.targets()) Interp.assign(f, t, v);
                } finally {
                    Heap.decref(v);
                }
                return NORMAL;
            }
            case Return r -> {
                long v = yieldAt(st, f, r.value());
                if (v == 0) return YIELD;
                f.retval = v;
                return RETURN;
            }
            case If i -> {
                int branch = st.resuming ? (int) st.popWord() : Interp.truth(f, i.test()) ? 0 : 1;
                int c = execBody(st, f, branch == 0 ? i.body() : i.orElse());
                if (c == YIELD) st.pushWord(branch);
                return c;
            }
            case While w -> {
                return execWhile(st, f, w);
            }
            case For fo -> {
                return execFor(st, f, fo);
            }
            case Try t -> {
                return execTry(st, f, t);
            }
            case With w -> {
                return execWith(st, f, w, 0);
            }
            default -> throw new IllegalStateException("not a resumable statement: " + s);
        }
    }

    /**
     * A yield point: suspends (returns 0, the value to yield in {@code st.yielded}) or, when resuming,
     * returns the value of the yield expression (new reference) or raises the thrown exception.
     */
    private static long yieldAt(Generators.State st, Interp.Frame f, Expr e) {
        if (e instanceof Yield y) {
            if (st.resuming) {
                st.resuming = false;
                return received(st);
            }
            st.yielded = y.value() == null ? Obj.NONE : Interp.eval(f, y.value());
            return 0;
        }
        YieldFrom yf = (YieldFrom) e;
        long it;
        long sent = Obj.NONE;
        PyException thrown = null;
        if (st.resuming) {
            st.resuming = false;
            it = st.popRef();
            sent = st.sent;
            st.sent = 0;
            thrown = st.thrown;
            st.thrown = null;
        } else {
            long src = Interp.eval(f, yf.value());
            try {
                it = Iter.iter(src);
            } finally {
                Heap.decref(src);
            }
        }
        long v;
        try {
            v = delegate(it, sent, thrown);
        } catch (PyException ex) {
            Heap.decref(it);
            if (Generators.isStopIteration(ex)) {
                return Generators.takeStopIterationValue(ex);
            }
            throw ex;
        } finally {
            Heap.xdecref(sent);
        }
        if (v == 0) {
            Heap.decref(it);
            return Obj.NONE;
        }
        st.pushRef(it);
        st.yielded = v;
        return 0;
    }

    /**
     * One step of {@code yield from}: the sub-iterator's next value (new reference), 0 when it is exhausted
     * with None, or StopIteration(value) raised. {@code sent} borrowed, {@code thrown} owned.
     */
    private static long delegate(long it, long sent, PyException thrown) {
        boolean generator = Header.type(it) == Types.GENERATOR;
        if (thrown != null) {
            if (Ops.isSubclass(Ops.classOf(thrown.exc), Runtime.builtinClass("GeneratorExit"))) {
                try {
                    closeSubIterator(it, generator);
                } catch (PyException e) {
                    Heap.decref(thrown.take());
                    throw e;
                }
                throw thrown;
            }
            if (generator) {
                return Generators.resume(it, Obj.NONE, thrown);
            }
            long method = Builtins.getAttrOrZero(it, "throw");
            if (method == 0) throw thrown;
            try {
                return Interp.call(method, new long[]{thrown.exc}, null);
            } finally {
                Heap.decref(method);
                Heap.decref(thrown.take());
            }
        }
        if (generator) {
            return Generators.resume(it, sent, null);
        }
        if (sent == Obj.NONE || sent == 0) {
            return Iter.next(it);
        }
        long method = Interp.getAttr(it, "send");
        try {
            return Interp.call(method, new long[]{sent}, null);
        } finally {
            Heap.decref(method);
        }
    }

    private static void closeSubIterator(long it, boolean generator) {
        if (generator) {
            Generators.close(it);
            return;
        }
        long close = Builtins.getAttrOrZero(it, "close");
        if (close != 0) {
            try {
                Heap.decref(Interp.call(close, new long[0], null));
            } finally {
                Heap.decref(close);
            }
        }
    }

    /** The value delivered to a resumed yield: the sent value (new reference), or the thrown exception raised. */
    private static long received(Generators.State st) {
        long v = st.sent;
        st.sent = 0;
        if (st.thrown != null) {
            Heap.xdecref(v);
            PyException e = st.thrown;
            st.thrown = null;
            throw e;
        }
        return v == 0 ? Obj.NONE : v;
    }

    private static int execWhile(Generators.State st, Interp.Frame f, While w) {
        boolean inElse = false;
        boolean resumeBody = false;
        if (st.resuming) {
            inElse = st.popWord() == 1;
            resumeBody = !inElse;
        }
        if (!inElse) {
            while (resumeBody || Interp.truth(f, w.test())) {
                resumeBody = false;
                Interp.poll();
                int c = execBody(st, f, w.body());
                if (c == YIELD) {
                    st.pushWord(0);
                    return YIELD;
                }
                if (c == BREAK) return NORMAL;
                if (c == RETURN) return c;
            }
        }
        int c = execBody(st, f, w.orElse());
        if (c == YIELD) st.pushWord(1);
        return c;
    }

    private static int execFor(Generators.State st, Interp.Frame f, For fo) {
        boolean inElse = false;
        boolean resumeBody = false;
        long it = 0;
        if (st.resuming) {
            inElse = st.popWord() == 1;
            if (!inElse) {
                it = st.popRef();
                resumeBody = true;
            }
        } else {
            long seq = Interp.eval(f, fo.iter());
            try {
                it = Iter.iter(seq);
            } finally {
                Heap.decref(seq);
            }
        }
        if (!inElse) {
            try {
                while (true) {
                    if (!resumeBody) {
                        long x = Iter.next(it);
                        if (x == 0) break;
                        try {
                            Interp.assign(f, fo.target(), x);
                        } finally {
                            Heap.decref(x);
                        }
                        Interp.poll();
                    }
                    resumeBody = false;
                    int c = execBody(st, f, fo.body());
                    if (c == YIELD) {
                        st.pushRef(it);
                        it = 0;
                        st.pushWord(0);
                        return YIELD;
                    }
                    if (c == BREAK) return NORMAL;
                    if (c == RETURN) return c;
                    f.line = fo.pos().line();
                }
            } finally {
                Heap.xdecref(it);
            }
        }
        int c = execBody(st, f, fo.orElse());
        if (c == YIELD) st.pushWord(1);
        return c;
    }

    private static int execTry(Generators.State st, Interp.Frame f, Try t) {
        int phase = st.resuming ? (int) st.popWord() : BODY;
        int c = NORMAL;
        PyException pending = null;
        long savedHandling;
        long savedRetval;
        if (phase != FINALLY) {
            try {
                c = execTryBody(st, f, t, phase);
                if (c == YIELD) return YIELD;
            } catch (PyException e) {
                if (t.finalBody().isEmpty()) throw e;
                Interp.addTraceback(e, f);
                pending = e;
            }
            if (t.finalBody().isEmpty()) return c;
            savedHandling = f.handling;
            if (pending != null) f.handling = pending.exc;
            savedRetval = f.retval;
            f.retval = 0;
        } else {
            savedHandling = st.popWord();
            savedRetval = st.popRef();
            pending = st.popExc();
            c = (int) st.popWord();
        }
        int fc;
        try {
            fc = execBody(st, f, t.finalBody());
        } catch (PyException inner) {
            f.handling = savedHandling;
            Heap.xdecref(savedRetval);
            if (pending != null) {
                Interp.chain(inner, pending.exc);
                Heap.decref(pending.take());
            }
            throw inner;
        }
        if (fc == YIELD) {
            st.pushWord(c);
            st.pushExc(pending);
            st.pushRef(savedRetval);
            st.pushWord(savedHandling);
            st.pushWord(FINALLY);
            return YIELD;
        }
        f.handling = savedHandling;
        if (fc == RETURN) {
            Heap.xdecref(savedRetval);
            if (pending != null) Heap.decref(pending.take());
            return RETURN;
        }
        f.retval = savedRetval;
        if (fc != NORMAL) {
            if (pending != null) Heap.decref(pending.take());
            if (c == RETURN) {
                Heap.xdecref(f.retval);
                f.retval = 0;
            }
            return fc;
        }
        if (pending != null) throw pending;
        return c;
    }

    /** The body, handlers and else of a try; on YIELD pushes its state, phase last. */
    private static int execTryBody(Generators.State st, Interp.Frame f, Try t, int phase) {
        PyException handled = null;
        int k = -1;
        long savedHandling = 0;
        if (phase == BODY) {
            int c;
            try {
                c = execBody(st, f, t.body());
            } catch (PyException e) {
                Interp.addTraceback(e, f);
                try {
                    k = matchHandler(f, t, e);
                } catch (PyException inner) {
                    Interp.chain(inner, e.exc);
                    Heap.decref(e.take());
                    throw inner;
                }
                if (k < 0) throw e;
                handled = e;
                savedHandling = f.handling;
                f.handling = e.exc;
                ExceptHandler h = t.handlers().get(k);
                if (h.name() != null) {
                    try {
                        Interp.storeBinding(f, f.code.resolution().binding(h), e.exc);
                    } catch (PyException inner) {
                        endHandler(f, h, handled, savedHandling);
                        throw inner;
                    }
                }
                phase = HANDLER;
                c = NORMAL;
            }
            if (phase == BODY) {
                if (c == YIELD) {
                    st.pushWord(BODY);
                    return YIELD;
                }
                if (c != NORMAL) return c;
                phase = ELSE;
            }
        }
        if (phase == HANDLER) {
            if (handled == null) {
                k = (int) st.popWord();
                savedHandling = st.popWord();
                handled = st.popExc();
            }
            ExceptHandler h = t.handlers().get(k);
            int c;
            try {
                c = execBody(st, f, h.body());
            } catch (PyException inner) {
                Interp.chain(inner, handled.exc);
                endHandler(f, h, handled, savedHandling);
                throw inner;
            }
            if (c == YIELD) {
                st.pushExc(handled);
                st.pushWord(savedHandling);
                st.pushWord(k);
                st.pushWord(HANDLER);
                return YIELD;
            }
            endHandler(f, h, handled, savedHandling);
            return c;
        }
        int c = execBody(st, f, t.orElse());
        if (c == YIELD) st.pushWord(ELSE);
        return c;
    }

    /** The index of the first handler matching {@code e}, or -1. */
    private static int matchHandler(Interp.Frame f, Try t, PyException e) {
        List<ExceptHandler> handlers = t.handlers();
        for (int i = 0; i < handlers.size(); i++) {
            ExceptHandler h = handlers.get(i);
            if (h.type() == null) return i;
            f.line = h.pos().line();
            long ht = Interp.eval(f, h.type());
            try {
                if (Interp.matches(e.exc, ht)) return i;
            } finally {
                Heap.decref(ht);
            }
        }
        return -1;
    }

    private static void endHandler(Interp.Frame f, ExceptHandler h, PyException handled, long savedHandling) {
        f.handling = savedHandling;
        try {
            if (h.name() != null) Interp.deleteBinding(f, f.code.resolution().binding(h), true);
        } finally {
            Heap.decref(handled.take());
        }
    }

    private static int execWith(Generators.State st, Interp.Frame f, With w, int index) {
        if (index == w.items().size()) {
            return execBody(st, f, w.body());
        }
        long mgr;
        long exit;
        long entered = 0;
        boolean resumed = st.resuming;
        if (resumed) {
            exit = st.popRef();
            mgr = st.popRef();
        } else {
            WithItem item = w.items().get(index);
            mgr = Interp.eval(f, item.contextExpr());
            try {
                long enter = Interp.getAttr(mgr, "__enter__");
                try {
                    entered = Interp.call(enter, new long[0], null);
                } finally {
                    Heap.decref(enter);
                }
                try {
                    exit = Interp.getAttr(mgr, "__exit__");
                } catch (PyException e) {
                    Heap.decref(entered);
                    throw e;
                }
            } catch (PyException e) {
                Heap.decref(mgr);
                throw e;
            }
        }
        int c;
        try {
            if (!resumed) {
                Expr target = w.items().get(index).optionalVars();
                try {
                    if (target != null) Interp.assign(f, target, entered);
                } finally {
                    Heap.decref(entered);
                }
            }
            c = execWith(st, f, w, index + 1);
        } catch (PyException e) {
            Interp.addTraceback(e, f);
            boolean suppress;
            try {
                long exc = e.exc;
                long r = Interp.call(exit, new long[]{Ops.classOf(exc), exc, Obj.NONE}, null);
                suppress = Ops.truthy(r);
                Heap.decref(r);
            } finally {
                Heap.decref(exit);
                Heap.decref(mgr);
            }
            if (suppress) {
                Heap.decref(e.take());
                return NORMAL;
            }
            throw e;
        }
        if (c == YIELD) {
            st.pushRef(mgr);
            st.pushRef(exit);
            return YIELD;
        }
        try {
            Heap.decref(Interp.call(exit, new long[]{Obj.NONE, Obj.NONE, Obj.NONE}, null));
        } finally {
            Heap.decref(exit);
            Heap.decref(mgr);
        }
        return c;
    }

    // ---- generator expressions ------------------------------------------------------------------------

    /**
     * The next value of a generator expression (new reference), or 0 when exhausted. {@code toThrow}
     * (owned) is raised at the suspension point, which in a generator expression ends it.
     */
    static long genexpNext(Generators.State st, PyException toThrow) {
        Interp.Frame f = st.frame;
        if (toThrow != null) throw toThrow;
        GeneratorExp node = (GeneratorExp) f.code.node();
        List<Comprehension> gens = node.generators();
        int n = gens.size();
        if (st.levelIters == null) {
            st.levelIters = new long[n];
            st.active = 1;
        }
        while (true) {
            int level = st.active - 1;
            long it = level == 0 ? f.slots[0] : st.levelIters[level];
            long x = Iter.next(it);
            if (x == 0) {
                if (level == 0) return 0;
                st.levelIters[level] = 0;
                st.active--;
                Heap.decref(it);
                continue;
            }
            Comprehension g = gens.get(level);
            try {
                Interp.assign(f, g.target(), x);
            } finally {
                Heap.decref(x);
            }
            Interp.poll();
            boolean keep = true;
            for (Expr cond : g.ifs()) {
                if (!Interp.truth(f, cond)) {
                    keep = false;
                    break;
                }
            }
            if (!keep) continue;
            if (level + 1 < n) {
                long src = Interp.eval(f, gens.get(level + 1).iter());
                long inner;
                try {
                    inner = Iter.iter(src);
                } finally {
                    Heap.decref(src);
                }
                st.levelIters[level + 1] = inner;
                st.active++;
                continue;
            }
            return Interp.eval(f, node.element());
        }
    }
}
