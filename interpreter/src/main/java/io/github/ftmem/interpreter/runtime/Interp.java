package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.interpreter.resolve.Binding;
import io.github.ftmem.interpreter.resolve.Resolution;
import io.github.ftmem.interpreter.resolve.Scope;
import io.github.ftmem.interpreter.syntax.Expr;
import io.github.ftmem.interpreter.syntax.Expr.*;
import io.github.ftmem.interpreter.syntax.Source;
import io.github.ftmem.interpreter.syntax.Stmt;
import io.github.ftmem.interpreter.syntax.Stmt.*;
import io.github.ftmem.refcount.RefCount;
import io.github.ftmem.refcount.RefCountError;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;
import static io.github.ftmem.interpreter.runtime.Types.*;

/**
 * The evaluator: walks the resolved AST on {@code long} references. {@code eval} returns a new reference;
 * {@code exec} returns a completion code ({@link #NORMAL}, {@link #BREAK}, {@link #CONTINUE}, {@link #RETURN}).
 * Frame slots own their references. The runtime thread's safepoint is polled at loop back-edges and
 * calls. Python exceptions are {@link PyException}s; a traceback entry is added as each frame unwinds.
 */
public final class Interp {
    static final int NORMAL = 0, BREAK = 1, CONTINUE = 2, RETURN = 3;

    /** Compiled code of a def/lambda/comprehension/class body; published in an append-only table. */
    record Code(Scope scope, Object node, String name, String qualname, Arguments args, List<Stmt> body,
                Expr expr, Resolution resolution, Source source) {
    }

    /**
     * Code objects by id (a function's +0 field). Append-only: ids are assigned under the list's lock,
     * readers index the copy-on-write array without locking (a function's id was published with the
     * function, so its entry is there). One entry per def/lambda scope, not per execution of the def
     * ({@link #CODE_IDS}): a closure factory called a million times adds one entry.
     */
    static final List<Code> CODES = new CopyOnWriteArrayList<>();
    /** The code id of each def/lambda scope (scopes compare by identity): a concurrent map, computed once. */
    private static final java.util.concurrent.ConcurrentHashMap<Scope, Integer> CODE_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Marks a stack reference ({@link #stackRef}) that is uncounted and recorded in its frame; addresses are 8-aligned. */
    static final long UNCOUNTED = 1;

    /**
     * One running body (module, function, class body, comprehension). {@code slots} own their
     * references. {@code back}, {@code function} and the uncounted-reference stack are read by the
     * collector's root scanner with the world stopped ({@link PyThread} has the protocol).
     */
    static final class Frame {
        final long[] slots;
        final long globals;
        long locals;
        final Code code;
        int line;
        long retval;
        long handling;
        /** The generator whose body runs in this frame, or null. */
        Generators.State generator;
        /** The frame this one was called from on the same thread, or null (outermost, or a generator body). */
        Frame back;
        /**
         * The thread running this frame, so that calls from it need no thread-local lookup. Set by the
         * thread that links the frame on its chain (a generator's thread sets it for the generator's frame).
         */
        PyThread thread;
        /** The running function when it is deferred: an uncounted reference (CPython's {@code f_funcobj}); else 0. */
        long function;
        /** Uncounted references to deferred objects held by operations in progress: {@code [0, stackTop)}. */
        long[] stackRefs;
        int stackTop;

        Frame(Code code, long globals, int slotCount) {
            this.code = code;
            this.globals = globals;
            this.slots = new long[slotCount];
        }

        /** Records an uncounted reference to the deferred object {@code o} for the duration of an operation. */
        void pushUncounted(long o) {
            long[] refs = stackRefs;
            int top = stackTop;
            if (refs == null || top == refs.length) {
                refs = growStackRefs();
            }
            refs[top] = o;
            stackTop = top + 1;
        }

        private long[] growStackRefs() {
            long[] refs = stackRefs == null ? new long[4] : java.util.Arrays.copyOf(stackRefs, stackRefs.length * 2);
            stackRefs = refs;
            return refs;
        }

        /** Forgets the uncounted reference to {@code o} recorded last (references are released in LIFO order). */
        void popUncounted(long o) {
            int top = stackTop - 1;
            if (top < 0 || stackRefs[top] != o) {
                popUncountedOutOfOrder(o);
                return;
            }
            stackTop = top;
        }

        private void popUncountedOutOfOrder(long o) {
            for (int i = stackTop - 1; i >= 0; i--) {
                if (stackRefs[i] == o) {
                    System.arraycopy(stackRefs, i + 1, stackRefs, i, stackTop - 1 - i);
                    stackTop--;
                    return;
                }
            }
            throw new IllegalStateException("no uncounted reference to " + Header.describe(o) + " in frame " + (code == null ? "<none>" : code.name()));
        }

        /** Scanner, world stopped: visits this frame's uncounted references; returns how many. */
        int visitUncounted(io.github.ftmem.gc.ObjectVisitor visitor) {
            int n = 0;
            if (function != 0) {
                visitor.visit(function);
                n++;
            }
            for (int i = 0; i < stackTop; i++) {
                visitor.visit(stackRefs[i]);
                n++;
            }
            return n;
        }
    }

    /**
     * A stack reference to the borrowed {@code o} (CPython's {@code PyStackRef_FromPyObjectNew}): a
     * deferred object is recorded in {@code f} uncounted and returned tagged with {@link #UNCOUNTED};
     * anything else is counted. The caller reads the object with {@link #objectOf} and releases it
     * with {@link #closeStackRef}; it must not store the tagged value in the heap.
     */
    static long stackRef(Frame f, long o) {
        if (RefCount.isDeferred(o)) {
            f.pushUncounted(o);
            return o | UNCOUNTED;
        }
        Heap.incref(o);
        return o;
    }

    static long objectOf(long stackRef) {
        return stackRef & ~UNCOUNTED;
    }

    /** Releases a stack reference from {@link #stackRef} or a counted one ({@code PyStackRef_CLOSE}). */
    static void closeStackRef(Frame f, long stackRef) {
        if ((stackRef & UNCOUNTED) != 0) {
            f.popUncounted(stackRef & ~UNCOUNTED);
        } else {
            Heap.decref(stackRef);
        }
    }

    /**
     * Evaluates {@code e} to a stack reference: a name is loaded borrowed and kept uncounted if its
     * value is deferred (a module-level function, a class, a module), other expressions give a counted
     * reference. Nothing can free a deferred object between the load and the push: only the collector
     * frees one, and it needs this thread at a safepoint.
     */
    private static long evalStackRef(Frame f, Expr e) {
        if (e instanceof Name n) {
            return stackRef(f, loadBorrowed(f, binding(f, n), n));
        }
        return eval(f, e);
    }

    private Interp() {
    }

    /** The innermost Python function frame of the running thread (zero-argument super()). */
    static Frame currentFrame() {
        Frame f = PyThread.current().frame;
        while (f != null && f.code.scope().kind() != Scope.Kind.FUNCTION && f.code.scope().kind() != Scope.Kind.LAMBDA) {
            f = f.back;
        }
        return f;
    }

    // ---- module execution ------------------------------------------------------------------------

    /** Runs a module body in {@code globals} (borrowed). */
    public static void runModule(Resolution r, Source source, long globals) {
        Scope scope = r.moduleScope();
        Code code = new Code(scope, r.program(), "<module>", "<module>", Arguments.EMPTY, r.program().body(), null, r,
                source);
        Frame f = new Frame(code, globals, scope.slotCount());
        f.locals = globals;
        PyThread t = PyThread.current();
        f.thread = t;
        f.back = t.frame;
        t.frame = f;
        try {
            execBody(f, r.program().body());
        } catch (PyException e) {
            addTraceback(e, f);
            throw e;
        } catch (OutOfMemoryError oom) {
            PyException e = PyException.memoryError();
            addTraceback(e, f);
            throw e;
        } catch (RuntimeException | RefCountError | AssertionError failure) {
            throw FatalPythonError.capture(failure);
        } finally {
            t.frame = f.back;
            releaseSlots(f);
        }
    }

    static void releaseFrame(Frame f) {
        releaseSlots(f);
    }

    /** Runs a THREAD generator's body (a lambda's: its expression) on its thread, recording the frame in tracebacks. */
    static int execGeneratorBody(Frame f) {
        try {
            if (f.code.body() == null) {
                f.line = f.code.expr().pos().line();
                f.retval = eval(f, f.code.expr());
                return RETURN;
            }
            return execBody(f, f.code.body());
        } catch (PyException e) {
            addTraceback(e, f);
            throw e;
        }
    }

    private static void releaseSlots(Frame f) {
        for (int i = 0; i < f.slots.length; i++) {
            long v = f.slots[i];
            f.slots[i] = 0;
            Heap.xdecref(v);
        }
    }

    static void addTraceback(PyException e, Frame f) {
        if (e.lastFrame == f) {
            return;
        }
        e.lastFrame = f;
        String line = f.code.source().line(f.line).strip();
        e.traceback.addFirst("  File \"" + f.code.source().fileName() + "\", line " + f.line + ", in " + f.code.name()
                + (line.isEmpty() ? "" : "\n    " + line));
    }

    // ---- statements ------------------------------------------------------------------------------

    static int execBody(Frame f, List<Stmt> body) {
        for (int i = 0, n = body.size(); i < n; i++) {
            int c = exec(f, body.get(i));
            if (c != NORMAL) return c;
        }
        return NORMAL;
    }

    static int exec(Frame f, Stmt s) {
        f.line = s.pos().line();
        switch (s) {
            case ExprStmt e -> Heap.decref(eval(f, e.value()));
            case Assign a -> {
                long v = eval(f, a.value());
                try {
                    List<Expr> targets = a.targets();
                    for (int i = 0, n = targets.size(); i < n; i++) assign(f, targets.get(i), v);
                } finally {
                    Heap.decref(v);
                }
            }
            case AugAssign a -> augAssign(f, a);
            case AnnAssign a -> {
                if (a.simple() && a.target() instanceof Name n && f.locals != 0
                        && f.code.scope().kind() == Scope.Kind.CLASS) {
                    // A class body records the annotation in __annotations__ (dataclasses, NamedTuple read it).
                    long ann = Dict.getStr(f.locals, "__annotations__");
                    if (ann == 0) {
                        ann = Dict.newDict();
                        Dict.putStr(f.locals, "__annotations__", ann);
                        Heap.decref(ann);
                    }
                    long t = f.code.resolution().futureAnnotations()
                            ? Obj.newStr(ClassSetup.sourceText(f.code.source(), a.annotation().pos()))
                            : eval(f, a.annotation());
                    try {
                        long key = Obj.newStr(n.id());
                        try {
                            Dict.put(ann, key, t);
                        } finally {
                            Heap.decref(key);
                        }
                    } finally {
                        Heap.decref(t);
                    }
                }
                if (a.value() != null) {
                    long v = eval(f, a.value());
                    try {
                        assign(f, a.target(), v);
                    } finally {
                        Heap.decref(v);
                    }
                }
            }
            case If i -> {
                return execBody(f, truth(f, i.test()) ? i.body() : i.orElse());
            }
            case While w -> {
                while (truth(f, w.test())) {
                    poll(f);
                    int c = execBody(f, w.body());
                    if (c == BREAK) return NORMAL;
                    if (c == RETURN) return c;
                }
                return execBody(f, w.orElse());
            }
            case For fo -> {
                return execFor(f, fo);
            }
            case Pass p -> {
            }
            case Break b -> {
                return BREAK;
            }
            case Continue c -> {
                return CONTINUE;
            }
            case Return r -> {
                f.retval = r.value() == null ? Obj.NONE : eval(f, r.value());
                return RETURN;
            }
            case FunctionDef d -> {
                long[] decorators = evalDecorators(f, d.decorators());
                long fn;
                try {
                    fn = makeFunction(f, d, d.name(), d.args(), d.body(), null, d.docstring());
                } catch (Throwable e) {
                    for (long x : decorators) Heap.decref(x);
                    throw e;
                }
                storeDecorated(f, decorators, fn, d);
            }
            case ClassDef c -> {
                long[] decorators = evalDecorators(f, c.decorators());
                long cls;
                try {
                    cls = makeClass(f, c);
                } catch (Throwable e) {
                    for (long x : decorators) Heap.decref(x);
                    throw e;
                }
                storeDecorated(f, decorators, cls, c);
            }
            case Delete d -> {
                for (Expr t : d.targets()) delete(f, t);
            }
            case Raise r -> raise(f, r);
            case Try t -> {
                return execTry(f, t);
            }
            case Assert a -> {
                if (!truth(f, a.test())) {
                    if (a.msg() == null) throw PyException.withArgs("AssertionError", Obj.EMPTY_TUPLE);
                    long m = eval(f, a.msg());
                    long args = Obj.newTuple(1);
                    Obj.tupleInit(args, 0, m);
                    throw PyException.withArgs("AssertionError", args);
                }
            }
            case Global g -> {
            }
            case Nonlocal n -> {
            }
            case Import im -> {
                for (Alias a : im.names()) {
                    long m = a.asName() != null ? Imports.importModule(a.name()) : Imports.importTopLevel(a.name());
                    try {
                        storeName(f, a, a.asName() != null ? a.asName() : a.name().split("\\.")[0], m);
                    } finally {
                        Heap.decref(m);
                    }
                }
            }
            case ImportFrom im -> {
                String moduleName = Imports.resolveRelative(im.module(), im.level(), f.globals);
                long m = Imports.importModule(moduleName);
                try {
                    for (Alias a : im.names()) {
                        if (a.name().equals("*")) {
                            importStar(f, m);
                            continue;
                        }
                        long v = Imports.importFrom(m, moduleName, a.name());
                        try {
                            storeName(f, a, a.asName() != null ? a.asName() : a.name(), v);
                        } finally {
                            Heap.decref(v);
                        }
                    }
                } finally {
                    Heap.decref(m);
                }
            }
            case With w -> {
                return execWith(f, w, 0);
            }
        }
        return NORMAL;
    }

    /** {@code from m import *}: the names in {@code m.__all__}, or every public name of its dict. */
    private static void importStar(Frame f, long module) {
        long d = getLong(module + P);
        long all = Dict.getStr(d, "__all__");
        long[] names;
        if (all != 0) {
            names = Builtins.toArray(all);
        } else {
            java.util.List<Long> publicNames = new java.util.ArrayList<>();
            for (long i = 0; i < Dict.filled(d); i++) {
                long k = Dict.keyAt(d, i);
                if (k != 0 && Header.type(k) == Types.STR && !Obj.str(k).startsWith("_")) {
                    publicNames.add(Heap.newRef(k));
                }
            }
            names = publicNames.stream().mapToLong(Long::longValue).toArray();
        }
        String moduleName = Obj.str(Obj.field(module, 8));
        try {
            for (long name : names) {
                if (Header.type(name) != Types.STR) {
                    throw PyException.of("TypeError", "Item in " + moduleName + ".__all__ must be str, not "
                            + Ops.typeName(name));
                }
                long v = Imports.importFrom(module, moduleName, Obj.str(name));
                try {
                    Dict.put(f.locals, name, v);
                } finally {
                    Heap.decref(v);
                }
            }
        } finally {
            for (long name : names) Heap.decref(name);
        }
    }

    private static void storeName(Frame f, Object node, String name, long v) {
        storeBinding(f, f.code.resolution().binding(node), v);
    }

    /** Evaluates decorator expressions top to bottom, before the definition they decorate (new references). */
    private static long[] evalDecorators(Frame f, List<Expr> decorators) {
        long[] values = new long[decorators.size()];
        int n = 0;
        try {
            for (; n < values.length; n++) values[n] = eval(f, decorators.get(n));
        } catch (Throwable e) {
            for (int i = 0; i < n; i++) Heap.decref(values[i]);
            throw e;
        }
        return values;
    }

    /** Applies the evaluated decorators bottom-up to {@code obj} and stores the result (consumes all). */
    private static void storeDecorated(Frame f, long[] decorators, long obj, Object node) {
        for (int i = decorators.length - 1; i >= 0; i--) {
            long r;
            try {
                r = call(decorators[i], new long[]{obj}, null);
            } catch (Throwable e) {
                for (int j = 0; j < i; j++) Heap.decref(decorators[j]);
                throw e;
            } finally {
                Heap.decref(decorators[i]);
                Heap.decref(obj);
            }
            obj = r;
        }
        try {
            storeBinding(f, f.code.resolution().binding(node), obj);
        } finally {
            Heap.decref(obj);
        }
    }

    static void poll() {
        PyThread t = PyThread.currentOrNull();
        if (t != null) {
            t.safepoint();
        } else {
            RuntimeThreads.current().poll();
        }
    }

    /** {@link #poll()} through the frame's thread state (no thread-local lookup); {@code f} runs on this thread. */
    private static void poll(Frame f) {
        PyThread t = f.thread;
        if (t != null) {
            t.safepoint();
        } else {
            poll();
        }
    }

    private static int execFor(Frame f, For fo) {
        long seq = eval(f, fo.iter());
        long it;
        try {
            it = Iter.iter(seq);
        } finally {
            Heap.decref(seq);
        }
        try {
            while (true) {
                long x = Iter.next(it);
                if (x == 0) break;
                try {
                    assign(f, fo.target(), x);
                } finally {
                    Heap.decref(x);
                }
                poll(f);
                int c = execBody(f, fo.body());
                if (c == BREAK) return NORMAL;
                if (c == RETURN) return c;
                f.line = fo.pos().line();
            }
        } finally {
            Heap.decref(it);
        }
        return execBody(f, fo.orElse());
    }

    private static int execWith(Frame f, With w, int index) {
        if (index == w.items().size()) {
            return execBody(f, w.body());
        }
        WithItem item = w.items().get(index);
        long mgr = eval(f, item.contextExpr());
        try {
            long enter = Builtins.getAttrOrZero(mgr, "__enter__");
            if (enter == 0) {
                throw PyException.of("TypeError", "'" + Ops.typeName(mgr) + "' object does not support the context manager protocol");
            }
            long exit;
            try {
                exit = Builtins.getAttrOrZero(mgr, "__exit__");
            } catch (PyException e) {
                Heap.decref(enter);
                throw e;
            }
            if (exit == 0) {
                Heap.decref(enter);
                throw PyException.of("TypeError", "'" + Ops.typeName(mgr)
                        + "' object does not support the context manager protocol (missed __exit__ method)");
            }
            long v;
            try {
                v = call(enter, new long[0], null);
            } catch (PyException e) {
                Heap.decref(exit);
                throw e;
            } finally {
                Heap.decref(enter);
            }
            int c;
            try {
                try {
                    if (item.optionalVars() != null) assign(f, item.optionalVars(), v);
                } finally {
                    Heap.decref(v);
                }
                c = execWith(f, w, index + 1);
            } catch (PyException e) {
                addTraceback(e, f);
                long exc = e.exc;
                boolean suppress;
                try {
                    long r = call(exit, new long[]{Ops.classOf(exc), exc, Obj.NONE}, null);
                    try {
                        suppress = Ops.truthy(r);
                    } finally {
                        Heap.decref(r);
                    }
                } catch (PyException inner) {
                    chain(inner, exc);
                    Heap.decref(e.take());
                    Heap.decref(exit);
                    throw inner;
                }
                if (suppress) {
                    Heap.decref(e.take());
                    Heap.decref(exit);
                    return NORMAL;
                }
                Heap.decref(exit);
                throw e;
            }
            try {
                Heap.decref(call(exit, new long[]{Obj.NONE, Obj.NONE, Obj.NONE}, null));
            } finally {
                Heap.decref(exit);
            }
            return c;
        } finally {
            Heap.decref(mgr);
        }
    }

    private static void raise(Frame f, Raise r) {
        if (r.exc() == null) {
            if (f.handling == 0) throw PyException.of("RuntimeError", "No active exception to reraise");
            PyException again = new PyException(Heap.newRef(f.handling));
            again.lastFrame = f;
            throw again;
        }
        long e = eval(f, r.exc());
        if (Header.type(e) == CLASS) {
            long cls = e;
            try {
                e = call(cls, new long[0], null);
            } finally {
                Heap.decref(cls);
            }
        }
        if (!Ops.isException(e)) {
            Heap.decref(e);
            throw PyException.of("TypeError", "exceptions must derive from BaseException");
        }
        if (r.cause() != null) {
            long c = eval(f, r.cause());
            if (Header.type(c) == CLASS) {
                long cls = c;
                try {
                    c = call(cls, new long[0], null);
                } finally {
                    Heap.decref(cls);
                }
            }
            Obj.setField(e, 24, c == Obj.NONE ? 0 : c);
            putLong(e + P + 40, 1);
        }
        if (f.handling != 0 && f.handling != e && Obj.field(e, 32) == 0) {
            Obj.setField(e, 32, Heap.newRef(f.handling));
        }
        throw new PyException(e);
    }

    private static int execTry(Frame f, Try t) {
        int c = NORMAL;
        PyException pending = null;
        try {
            c = execTryBody(f, t);
        } catch (PyException e) {
            if (t.finalBody().isEmpty()) {
                throw e;
            }
            addTraceback(e, f);
            pending = e;
        }
        if (!t.finalBody().isEmpty()) {
            long saved = f.handling;
            if (pending != null) {
                f.handling = pending.exc;
            }
            int fc;
            try {
                fc = execFinally(f, t.finalBody());
            } catch (PyException inner) {
                if (pending != null) {
                    chain(inner, pending.exc);
                    Heap.decref(pending.take());
                }
                throw inner;
            } finally {
                f.handling = saved;
            }
            if (fc != NORMAL) {
                if (pending != null) {
                    Heap.decref(pending.take());
                }
                if (c == RETURN && fc != RETURN) {
                    Heap.xdecref(f.retval);
                    f.retval = 0;
                }
                return fc;
            }
        }
        if (pending != null) {
            throw pending;
        }
        return c;
    }

    /** Sets the implicit context of a new exception raised while {@code handled} was being handled. */
    static void chain(PyException inner, long handled) {
        if (inner.exc != handled && Ops.isException(inner.exc) && Obj.field(inner.exc, 32) == 0) {
            Obj.setField(inner.exc, 32, Heap.newRef(handled));
        }
    }

    private static int execTryBody(Frame f, Try t) {
        int c;
        try {
            c = execBody(f, t.body());
        } catch (PyException e) {
            addTraceback(e, f);
            long exc = e.exc;
            ExceptHandler match = null;
            for (ExceptHandler h : t.handlers()) {
                if (h.type() == null) {
                    match = h;
                    break;
                }
                f.line = h.pos().line();
                boolean m;
                try {
                    long ht = eval(f, h.type());
                    try {
                        m = matches(exc, ht);
                    } finally {
                        Heap.decref(ht);
                    }
                } catch (PyException inner) {
                    // The except clause's expression failed: the new exception replaces the one in flight
                    // (its context), which is released here.
                    chain(inner, exc);
                    Heap.decref(e.take());
                    throw inner;
                }
                if (m) {
                    match = h;
                    break;
                }
            }
            if (match == null) {
                throw e;
            }
            long saved = f.handling;
            f.handling = exc;
            try {
                if (match.name() != null) storeBinding(f, f.code.resolution().binding(match), exc);
                c = execBody(f, match.body());
            } catch (PyException inner) {
                chain(inner, exc);
                throw inner;
            } finally {
                f.handling = saved;
                if (match.name() != null) deleteBinding(f, f.code.resolution().binding(match), true);
                Heap.decref(e.take());
            }
            return c;
        }
        if (c == NORMAL) {
            c = execBody(f, t.orElse());
        }
        return c;
    }

    private static int execFinally(Frame f, List<Stmt> body) {
        long saved = f.retval;
        f.retval = 0;
        int c = execBody(f, body);
        if (c == RETURN) {
            Heap.xdecref(saved);
            return c;
        }
        f.retval = saved;
        return c;
    }

    static boolean matches(long exc, long type) {
        if (Header.type(type) == TUPLE) {
            for (long i = 0; i < Obj.tupleSize(type); i++) {
                if (matches(exc, Obj.tupleItem(type, i))) return true;
            }
            return false;
        }
        if (Header.type(type) != CLASS || !Ops.isSubclass(type, Runtime.builtinClass("BaseException"))) {
            throw PyException.of("TypeError", "catching classes that do not inherit from BaseException is not allowed");
        }
        return Ops.isSubclass(Ops.classOf(exc), type);
    }

    private static void augAssign(Frame f, AugAssign a) {
        Expr t = a.target();
        switch (t) {
            case Name n -> {
                long v = inplaceConsuming(f, a, loadBinding(f, binding(f, n), n));
                try {
                    storeBinding(f, binding(f, n), v);
                } finally {
                    Heap.decref(v);
                }
            }
            case Attribute at -> {
                long obj = eval(f, at.value());
                try {
                    long v = inplaceConsuming(f, a, getAttr(obj, at.attr()));
                    try {
                        setAttr(obj, at.attr(), v);
                    } finally {
                        Heap.decref(v);
                    }
                } finally {
                    Heap.decref(obj);
                }
            }
            case Subscript sub -> {
                long obj = eval(f, sub.value());
                long key = 0;
                try {
                    key = eval(f, sub.slice());
                    long v = inplaceConsuming(f, a, Builtins.getItem(obj, key));
                    try {
                        Builtins.setItem(obj, key, v);
                    } finally {
                        Heap.decref(v);
                    }
                } finally {
                    Heap.decref(obj);
                    Heap.xdecref(key);
                }
            }
            default -> throw new IllegalStateException("augmented target " + t);
        }
    }

    /** Evaluates the right-hand side and applies the in-place operator to {@code cur}, releasing it. */
    private static long inplaceConsuming(Frame f, AugAssign a, long cur) {
        try {
            long rhs = eval(f, a.value());
            try {
                return inplace(a.op(), cur, rhs);
            } finally {
                Heap.decref(rhs);
            }
        } finally {
            Heap.decref(cur);
        }
    }

    static long inplace(BinaryOperator op, long cur, long rhs) {
        if (Header.type(cur) == LIST && op == BinaryOperator.ADD) {
            Builtins.listExtend(cur, rhs);
            return Heap.newRef(cur);
        }
        if (Header.type(cur) == INSTANCE) {
            String name = "__i" + Ops.binaryDunder(op).substring(2);
            long r = Ops.callDunder(cur, name, rhs);
            if (r != 0 && r != Obj.NOTIMPL) return r;
        }
        return op == BinaryOperator.POW ? Ops.power(cur, rhs) : Ops.binaryInplace(op, cur, rhs);
    }

    // ---- assignment --------------------------------------------------------------------------------

    static void assign(Frame f, Expr target, long v) {
        switch (target) {
            case Name n -> storeBinding(f, binding(f, n), v);
            case Attribute a -> {
                long obj = eval(f, a.value());
                try {
                    setAttr(obj, a.attr(), v);
                } finally {
                    Heap.decref(obj);
                }
            }
            case Subscript s -> {
                long obj = eval(f, s.value());
                try {
                    if (s.slice() instanceof Slice sl && Header.type(obj) != INSTANCE && !Types.isSubclassInstance(obj)) {
                        long[] b = sliceBounds(f, sl);
                        Builtins.setSlice(obj, b, v);
                    } else {
                        long key = eval(f, s.slice());
                        try {
                            Builtins.setItem(obj, key, v);
                        } finally {
                            Heap.decref(key);
                        }
                    }
                } finally {
                    Heap.decref(obj);
                }
            }
            case TupleExpr t -> unpack(f, t.elements(), v);
            case ListExpr l -> unpack(f, l.elements(), v);
            case Starred s -> assign(f, s.value(), v);
            default -> throw new IllegalStateException("assignment target " + target);
        }
    }

    private static void unpack(Frame f, List<Expr> targets, long v) {
        long[] items = Builtins.toArray(v);
        try {
            int star = -1;
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i) instanceof Starred) star = i;
            }
            int n = targets.size();
            if (star < 0) {
                if (items.length > n) throw PyException.of("ValueError", "too many values to unpack (expected " + n + ")");
                if (items.length < n) throw PyException.of("ValueError", "not enough values to unpack (expected " + n + ", got " + items.length + ")");
                for (int i = 0; i < n; i++) assign(f, targets.get(i), items[i]);
            } else {
                if (items.length < n - 1) throw PyException.of("ValueError", "not enough values to unpack (expected at least " + (n - 1) + ", got " + items.length + ")");
                for (int i = 0; i < star; i++) assign(f, targets.get(i), items[i]);
                int restCount = items.length - (n - 1);
                long rest = Lists.create(restCount);
                for (int i = 0; i < restCount; i++) Lists.append(rest, items[star + i]);
                try {
                    assign(f, targets.get(star), rest);
                } finally {
                    Heap.decref(rest);
                }
                for (int i = star + 1; i < n; i++) assign(f, targets.get(i), items[items.length - (n - i)]);
            }
        } finally {
            for (long x : items) Heap.decref(x);
        }
    }

    static void storeBinding(Frame f, Binding b, long v) {
        switch (b.kind()) {
            case FAST -> {
                Heap.incref(v);
                long old = f.slots[b.slot()];
                f.slots[b.slot()] = v;
                Heap.xdecref(old);
            }
            case CELL, FREE, CLASS_DEREF -> {
                Heap.incref(v);
                Obj.cellSet(f.slots[b.slot()], v);
            }
            case NAME -> Dict.put(f.locals, Obj.intern(b.name()), v);
            case GLOBAL, BUILTIN -> Dict.put(f.globals, Obj.intern(b.name()), v);
        }
    }

    private static void delete(Frame f, Expr t) {
        switch (t) {
            case Name n -> deleteBinding(f, binding(f, n), false);
            case Attribute a -> {
                long obj = eval(f, a.value());
                try {
                    delAttr(obj, a.attr());
                } finally {
                    Heap.decref(obj);
                }
            }
            case Subscript s -> {
                long obj = eval(f, s.value());
                try {
                    if (s.slice() instanceof Slice sl && Header.type(obj) != INSTANCE && !Types.isSubclassInstance(obj)) {
                        Builtins.delSlice(obj, sliceBounds(f, sl));
                    } else {
                        long key = eval(f, s.slice());
                        try {
                            Builtins.delItem(obj, key);
                        } finally {
                            Heap.decref(key);
                        }
                    }
                } finally {
                    Heap.decref(obj);
                }
            }
            case TupleExpr te -> te.elements().forEach(e -> delete(f, e));
            case ListExpr le -> le.elements().forEach(e -> delete(f, e));
            default -> throw new IllegalStateException("del target " + t);
        }
    }

    static void deleteBinding(Frame f, Binding b, boolean quiet) {
        switch (b.kind()) {
            case FAST -> {
                long old = f.slots[b.slot()];
                if (old == 0 && !quiet) throw unbound(b.name());
                f.slots[b.slot()] = 0;
                Heap.xdecref(old);
            }
            case CELL, FREE, CLASS_DEREF -> {
                if (Obj.cellGet(f.slots[b.slot()]) == 0 && !quiet) throw unbound(b.name());
                Obj.cellSet(f.slots[b.slot()], 0);
            }
            case NAME, GLOBAL, BUILTIN -> {
                long d = b.kind() == Binding.Kind.NAME ? f.locals : f.globals;
                long v = Dict.pop(d, Obj.intern(b.name()));
                if (v == 0) {
                    if (!quiet) throw PyException.of("NameError", "name '" + b.name() + "' is not defined");
                } else {
                    Heap.decref(v);
                }
            }
        }
    }

    private static PyException unbound(String name) {
        return PyException.of("UnboundLocalError", "cannot access local variable '" + name
                + "' where it is not associated with a value");
    }

    // ---- expressions ---------------------------------------------------------------------------------

    static boolean truth(Frame f, Expr e) {
        long v = eval(f, e);
        try {
            return Ops.truthy(v);
        } finally {
            Heap.decref(v);
        }
    }

    static long eval(Frame f, Expr e) {
        switch (e) {
            case Name n -> {
                return loadBinding(f, binding(f, n), n);
            }
            case IntLiteral i -> {
                return i.annotation() instanceof Long c ? c : constant(i, Obj.newInt(i.value()));
            }
            case FloatLiteral fl -> {
                return fl.annotation() instanceof Long c ? c : constant(fl, Obj.newFloat(fl.value()));
            }
            case StringLiteral s -> {
                return s.annotation() instanceof Long c ? c : constant(s, Obj.newStr(s.value()));
            }
            case BoolLiteral b -> {
                return Obj.bool(b.value());
            }
            case NoneLiteral n -> {
                return Obj.NONE;
            }
            case EllipsisLiteral el -> {
                return Obj.ELLIPSIS;
            }
            case BinOp b -> {
                long l = eval(f, b.left());
                try {
                    long r = eval(f, b.right());
                    try {
                        return b.op() == BinaryOperator.POW ? Ops.power(l, r) : Ops.binary(b.op(), l, r);
                    } finally {
                        Heap.decref(r);
                    }
                } finally {
                    Heap.decref(l);
                }
            }
            case UnaryOp u -> {
                long v = eval(f, u.operand());
                try {
                    return switch (u.op()) {
                        case NOT -> Obj.bool(!Ops.truthy(v));
                        case USUB -> Ops.negate(v);
                        case UADD -> Ops.positive(v);
                        case INVERT -> Ops.invert(v);
                    };
                } finally {
                    Heap.decref(v);
                }
            }
            case BoolOp b -> {
                long v = 0;
                for (int i = 0; i < b.values().size(); i++) {
                    Heap.xdecref(v);
                    v = eval(f, b.values().get(i));
                    if (i == b.values().size() - 1) break;
                    boolean t = Ops.truthy(v);
                    if (b.op() == BoolOperator.AND ? !t : t) break;
                }
                return v;
            }
            case Compare c -> {
                long left = eval(f, c.left());
                try {
                    for (int i = 0; i < c.ops().size(); i++) {
                        long right = eval(f, c.comparators().get(i));
                        long r;
                        try {
                            r = Ops.compare(c.ops().get(i), left, right);
                        } catch (PyException ex) {
                            Heap.decref(right);
                            throw ex;
                        }
                        if (i == c.ops().size() - 1 || !Ops.truthy(r)) {
                            Heap.decref(right);
                            return r;
                        }
                        Heap.decref(r);
                        Heap.decref(left);
                        left = right;
                    }
                    throw new IllegalStateException();
                } finally {
                    Heap.decref(left);
                }
            }
            case IfExp i -> {
                return eval(f, truth(f, i.test()) ? i.body() : i.orElse());
            }
            case Call c -> {
                return evalCall(f, c);
            }
            case Attribute a -> {
                long receiver = evalStackRef(f, a.value());
                try {
                    return getAttr(objectOf(receiver), a.attr());
                } finally {
                    closeStackRef(f, receiver);
                }
            }
            case Subscript s -> {
                long obj = eval(f, s.value());
                try {
                    if (s.slice() instanceof Slice sl && Header.type(obj) != INSTANCE) {
                        return Builtins.getSlice(obj, sliceBounds(f, sl));
                    }
                    long key = eval(f, s.slice());
                    try {
                        return Builtins.getItem(obj, key);
                    } finally {
                        Heap.decref(key);
                    }
                } finally {
                    Heap.decref(obj);
                }
            }
            case TupleExpr t -> {
                return buildSeq(f, t.elements(), TUPLE);
            }
            case ListExpr l -> {
                return buildSeq(f, l.elements(), LIST);
            }
            case SetExpr s -> {
                long set = Dict.create(SET);
                try {
                    for (Expr x : s.elements()) {
                        if (x instanceof Starred st) {
                            long src = eval(f, st.value());
                            try {
                                for (long v : Builtins.toArray(src)) {
                                    Dict.put(set, v, 0);
                                    Heap.decref(v);
                                }
                            } finally {
                                Heap.decref(src);
                            }
                            continue;
                        }
                        long v = eval(f, x);
                        try {
                            Dict.put(set, v, 0);
                        } finally {
                            Heap.decref(v);
                        }
                    }
                } catch (PyException ex) {
                    Heap.decref(set);
                    throw ex;
                }
                return set;
            }
            case DictExpr d -> {
                long dict = Dict.newDict();
                try {
                    for (int i = 0; i < d.keys().size(); i++) {
                        if (d.keys().get(i) == null) {
                            long src = eval(f, d.values().get(i));
                            try {
                                Builtins.dictUpdate(dict, src);
                            } finally {
                                Heap.decref(src);
                            }
                            continue;
                        }
                        long k = eval(f, d.keys().get(i));
                        try {
                            long v = eval(f, d.values().get(i));
                            try {
                                Dict.put(dict, k, v);
                            } finally {
                                Heap.decref(v);
                            }
                        } finally {
                            Heap.decref(k);
                        }
                    }
                } catch (PyException ex) {
                    Heap.decref(dict);
                    throw ex;
                }
                return dict;
            }
            case Lambda l -> {
                return makeFunction(f, l, "<lambda>", l.args(), null, l.body(), null);
            }
            case ListComp lc -> {
                return comprehension(f, lc, lc.generators(), LIST);
            }
            case SetComp sc -> {
                return comprehension(f, sc, sc.generators(), SET);
            }
            case DictComp dc -> {
                return comprehension(f, dc, dc.generators(), DICT);
            }
            case GeneratorExp g -> {
                return generatorExpression(f, g);
            }
            case JoinedStr j -> {
                StringBuilder b = new StringBuilder();
                for (Expr part : j.values()) {
                    if (part instanceof StringLiteral s) {
                        b.append(s.value());
                    } else {
                        long v = eval(f, part);
                        try {
                            b.append(Obj.str(v));
                        } finally {
                            Heap.decref(v);
                        }
                    }
                }
                return Obj.newStr(b.toString());
            }
            case FormattedValue fv -> {
                long v = eval(f, fv.value());
                try {
                    String spec = "";
                    if (fv.formatSpec() != null) {
                        long s = eval(f, fv.formatSpec());
                        spec = Obj.str(s);
                        Heap.decref(s);
                    }
                    if (fv.conversion() == 'r' || fv.conversion() == 'a') {
                        long r = Obj.newStr(Seq.repr(v));
                        Heap.decref(v);
                        v = r;
                    } else if (fv.conversion() == 's') {
                        long r = Obj.newStr(Seq.str(v));
                        Heap.decref(v);
                        v = r;
                    }
                    return Obj.newStr(Builtins.format(v, spec));
                } finally {
                    Heap.decref(v);
                }
            }
            case NamedExpr ne -> {
                long v = eval(f, ne.value());
                storeBinding(f, binding(f, ne.target()), v);
                return v;
            }
            case Slice sl -> {
                long[] parts = new long[3];
                Expr[] exprs = {sl.lower(), sl.upper(), sl.step()};
                try {
                    for (int i = 0; i < 3; i++) {
                        parts[i] = exprs[i] == null ? Obj.NONE : eval(f, exprs[i]);
                    }
                } catch (PyException ex) {
                    for (long p : parts) Heap.xdecref(p);
                    throw ex;
                }
                long o = Heap.object(SLICE, 24);
                putLong(o + P, parts[0]);
                putLong(o + P + 8, parts[1]);
                putLong(o + P + 16, parts[2]);
                return o;
            }
            case Yield y -> {
                long v = y.value() == null ? Obj.NONE : eval(f, y.value());
                return Generators.yieldValue(f.generator, v);
            }
            case YieldFrom yf -> {
                return yieldFrom(f, yf);
            }
            case Starred s -> throw PyException.of("SyntaxError", "can't use starred expression here");
            default -> throw PyException.of("NotImplementedError", "expression " + e.getClass().getSimpleName()
                    + " is not supported yet");
        }
    }

    /** {@code yield from it}: re-yields every value (sending through to generators); its value is the result. */
    private static long yieldFrom(Frame f, YieldFrom yf) {
        long src = eval(f, yf.value());
        long it;
        try {
            it = Iter.iter(src);
        } finally {
            Heap.decref(src);
        }
        long sent = Obj.NONE;
        try {
            while (true) {
                long v;
                if (Header.type(it) == GENERATOR) {
                    try {
                        v = Generators.send(it, sent);
                    } catch (PyException e) {
                        if (Generators.isStopIteration(e)) {
                            return Generators.takeStopIterationValue(e);
                        }
                        throw e;
                    } finally {
                        Heap.decref(sent);
                        sent = Obj.NONE;
                    }
                } else {
                    v = Iter.next(it);
                }
                if (v == 0) {
                    return Obj.NONE;
                }
                sent = Generators.yieldValue(f.generator, v);
            }
        } finally {
            Heap.decref(sent);
            Heap.decref(it);
        }
    }

    private static long[] sliceBounds(Frame f, Slice sl) {
        long[] r = new long[3];
        Expr[] parts = {sl.lower(), sl.upper(), sl.step()};
        for (int i = 0; i < 3; i++) {
            r[i] = Long.MIN_VALUE;
            if (parts[i] != null) {
                long v = eval(f, parts[i]);
                try {
                    if (v != Obj.NONE) {
                        if (!Obj.isSmallInt(v)) {
                            throw PyException.of("TypeError", "slice indices must be integers or None or have an __index__ method");
                        }
                        r[i] = Obj.intValue(v);
                    }
                } finally {
                    Heap.decref(v);
                }
            }
        }
        if (r[2] == 0) throw PyException.of("ValueError", "slice step cannot be zero");
        return r;
    }

    private static long buildSeq(Frame f, List<Expr> elements, int type) {
        List<Long> vals = new ArrayList<>();
        try {
            for (Expr x : elements) {
                if (x instanceof Starred st) {
                    long src = eval(f, st.value());
                    try {
                        for (long v : Builtins.toArray(src)) vals.add(v);
                    } finally {
                        Heap.decref(src);
                    }
                } else {
                    vals.add(eval(f, x));
                }
            }
        } catch (PyException ex) {
            vals.forEach(Heap::decref);
            throw ex;
        }
        long[] arr = new long[vals.size()];
        for (int i = 0; i < arr.length; i++) {
            arr[i] = vals.get(i);
        }
        return Seq.fromArray(type, arr, arr.length);
    }

    /**
     * The resolver's binding of a name occurrence, cached on the node: the first execution looks it
     * up by node identity in the resolution, later ones read the node's annotation. A binding is an
     * immutable record and a pure function of the program, so a racing first execution on another
     * thread stores an equal value and a reader can never see a partly built one.
     */
    static Binding binding(Frame f, Name n) {
        if (n.annotation() instanceof Binding cached) {
            return cached;
        }
        Binding b = f.code.resolution().binding(n);
        n.annotate(b);
        return b;
    }

    /**
     * Makes {@code o}, the value of a literal, the literal's constant: immortal (CPython's code
     * constants; immutable values, so sharing them between evaluations is invisible except to
     * {@code is}, where it matches CPython) and cached on the node, so that later evaluations allocate
     * nothing. Two threads evaluating the literal first at once may each make one; one stays cached,
     * the other is merely an unused immortal.
     */
    private static long constant(Expr.Annotated literal, long o) {
        if (!RefCount.isImmortal(o)) {
            Obj.immortal(o);
        }
        literal.annotate(o);
        return o;
    }

    static long loadBinding(Frame f, Binding b, Name n) {
        return Heap.newRef(loadBorrowed(f, b, n));
    }

    /** The value a name binding holds, borrowed (from a slot, a cell or a namespace dict). */
    private static long loadBorrowed(Frame f, Binding b, Name n) {
        switch (b.kind()) {
            case FAST -> {
                long v = f.slots[b.slot()];
                if (v == 0) throw unbound(b.name());
                return v;
            }
            case CELL, FREE -> {
                long v = Obj.cellGet(f.slots[b.slot()]);
                if (v == 0) {
                    if (b.kind() == Binding.Kind.FREE) {
                        throw PyException.of("NameError", "cannot access free variable '" + b.name()
                                + "' where it is not associated with a value in enclosing scope");
                    }
                    throw unbound(b.name());
                }
                return v;
            }
            case CLASS_DEREF -> {
                long v = Dict.get(f.locals, Obj.intern(b.name()));
                if (v == 0) v = Obj.cellGet(f.slots[b.slot()]);
                if (v == 0) throw PyException.of("NameError", "name '" + b.name() + "' is not defined");
                return v;
            }
            default -> {
                long key = Obj.intern(b.name());
                long v = 0;
                boolean inLocals = b.kind() == Binding.Kind.NAME;
                if (inLocals) v = Dict.get(f.locals, key);
                // At module level the namespace is the globals: one lookup, not two.
                if (v == 0 && !(inLocals && f.locals == f.globals)) v = Dict.get(f.globals, key);
                long builtins = Runtime.current().builtins;
                if (v == 0 && builtins != 0) v = Dict.get(builtins, key);
                if (v == 0) throw PyException.of("NameError", "name '" + b.name() + "' is not defined");
                return v;
            }
        }
    }

    // ---- functions -------------------------------------------------------------------------------------

    private static long makeFunction(Frame f, Object node, String name, Arguments args, List<Stmt> body, Expr expr,
                                     String doc) {
        Scope scope = f.code.resolution().scope(node);
        String qual = f.code.scope().kind() == Scope.Kind.MODULE ? name
                : f.code.qualname() + (f.code.scope().kind() == Scope.Kind.CLASS ? "." : ".<locals>.") + name;
        int id = CODE_IDS.computeIfAbsent(scope, s -> {
            Code code = new Code(s, node, name, qual, args, body, expr, f.code.resolution(), f.code.source());
            synchronized (CODES) {
                CODES.add(code);
                return CODES.size() - 1;
            }
        });
        long defaults = 0, kwdefaults = 0;
        if (!args.defaults().isEmpty()) defaults = buildSeq(f, args.defaults(), TUPLE);
        for (int i = 0; i < args.kwOnly().size(); i++) {
            Expr d = args.kwDefaults().get(i);
            if (d == null) continue;
            if (kwdefaults == 0) kwdefaults = Dict.newDict();
            long v = eval(f, d);
            Dict.putStr(kwdefaults, args.kwOnly().get(i).name(), v);
            Heap.decref(v);
        }
        long fn = Heap.object(FUNCTION, 80);
        putLong(fn + P, id);
        putLong(fn + P + 8, Heap.newRef(f.globals));
        putLong(fn + P + 16, defaults);
        putLong(fn + P + 24, kwdefaults);
        putLong(fn + P + 32, closure(f, scope));
        putLong(fn + P + 40, Obj.newStr(name));
        putLong(fn + P + 48, Obj.newStr(qual));
        putLong(fn + P + 56, doc == null ? Obj.NONE : Obj.newStr(doc));
        long modName = Dict.getStr(f.globals, "__name__");
        putLong(fn + P + 64, modName == 0 ? Obj.NONE : Heap.newRef(modName));
        if (node instanceof FunctionDef && !insideFunction(f.code.scope()) && Heap.deferObjects) {
            // CPython's rule (funcobject.c, CO_NESTED): functions not nested in a function defer their
            // counts — module-level functions and the methods of classes that are not inside a function,
            // which every thread calling them would otherwise incref on one contended word; lambdas and
            // closures die by reference counting, so gc.collect() counts match.
            io.github.ftmem.refcount.RefCount.setDeferred(fn);
        }
        return fn;
    }

    /** Whether code running in {@code scope} is nested in a function (CPython's {@code CO_NESTED} for a def there). */
    private static boolean insideFunction(Scope scope) {
        for (Scope s = scope; s != null; s = s.parent()) {
            if (s.kind() != Scope.Kind.MODULE && s.kind() != Scope.Kind.CLASS) {
                return true;
            }
        }
        return false;
    }

    private static long closure(Frame f, Scope scope) {
        List<Binding> sources = scope.closureSources();
        if (sources.isEmpty()) return 0;
        long t = Obj.newTuple(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            Obj.tupleInit(t, i, Heap.newRef(f.slots[sources.get(i).slot()]));
        }
        return t;
    }

    static Code codeOf(long fn) {
        return CODES.get((int) getLong(fn + P));
    }

    /** Calls a Python function object with borrowed positional args (kwnames name the trailing ones). */
    public static long callFunction(long fn, long[] args, String[] kwnames) {
        return callFunction(PyThread.current(), fn, args, kwnames);
    }

    /** {@link #callFunction(long, long[], String[])} on the calling thread's {@code t}, known by the caller. */
    private static long callFunction(PyThread t, long fn, long[] args, String[] kwnames) {
        assert t == PyThread.current() : "a frame's thread is the thread running it";
        Code code = codeOf(fn);
        if (t.depth >= t.runtime.recursionLimit) {
            throw PyException.of("RecursionError", "maximum recursion depth exceeded");
        }
        t.safepoint();
        Frame f = new Frame(code, getLong(fn + P + 8), code.scope().slotCount());
        if (RefCount.isDeferred(fn)) {
            f.function = fn;
        }
        f.thread = t;
        t.depth++;
        Frame caller = t.frame;
        f.back = caller;
        t.frame = f;
        boolean handedOver = false;
        try {
            bindArguments(f, fn, code, args, kwnames);
            if (code.scope().isGenerator()) {
                handedOver = true;
                // The frame leaves this thread's chain: it runs later on the generator's own thread,
                // after the caller's reference to the function may be gone.
                f.back = null;
                f.function = 0;
                return Generators.create(f, fn);
            }
            if (code.expr() != null) {
                f.line = code.expr().pos().line();
                return eval(f, code.expr());
            }
            int c = execBody(f, code.body());
            if (c == RETURN) {
                return f.retval;
            }
            return Obj.NONE;
        } catch (PyException e) {
            addTraceback(e, f);
            throw e;
        } catch (StackOverflowError so) {
            throw PyException.of("RecursionError", "maximum recursion depth exceeded");
        } catch (OutOfMemoryError oom) {
            throw PyException.memoryError();
        } catch (RuntimeException | RefCountError | AssertionError failure) {
            throw FatalPythonError.capture(failure);
        } finally {
            t.depth--;
            t.frame = caller;
            if (!handedOver) {
                releaseSlots(f);
            }
        }
    }

    private static void bindArguments(Frame f, long fn, Code code, long[] args, String[] kwnames) {
        Arguments a = code.args();
        Scope scope = code.scope();
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        int positional = a.posOnly().size() + a.args().size();
        int nkwonly = a.kwOnly().size();
        for (int i = 0; i < Math.min(npos, positional); i++) {
            f.slots[i] = Heap.newRef(args[i]);
        }
        int next = positional + nkwonly;
        if (a.varArg() != null) {
            int extra = Math.max(0, npos - positional);
            long t = Obj.newTuple(extra);
            for (int i = 0; i < extra; i++) Obj.tupleInit(t, i, Heap.newRef(args[positional + i]));
            f.slots[next++] = t;
        } else if (npos > positional) {
            int given = npos;
            long defaults = getLong(fn + P + 16);
            int nd = defaults == 0 ? 0 : (int) Obj.tupleSize(defaults);
            String takes = nd > 0 ? "from " + (positional - nd) + " to " + positional : String.valueOf(positional);
            throw PyException.of("TypeError", callName(fn) + " takes " + takes + " positional argument" + (positional == 1 && nd == 0 ? "" : "s")
                    + " but " + given + (given == 1 ? " was" : " were") + " given");
        }
        long kwdict = 0;
        if (a.kwArg() != null) {
            kwdict = Dict.newDict();
            f.slots[next] = kwdict;
        }
        for (int k = 0; k < nkw; k++) {
            String name = kwnames[k];
            int slot = scope.slotOf(name);
            boolean isParam = slot >= a.posOnly().size() && slot < positional + nkwonly;
            if (!isParam && slot >= 0 && slot < a.posOnly().size() && kwdict == 0) {
                throw PyException.of("TypeError", callName(fn) + " got some positional-only arguments passed as keyword arguments: '"
                        + name + "'");
            }
            if (!isParam) {
                if (kwdict != 0) {
                    Dict.putStr(kwdict, name, args[npos + k]);
                    continue;
                }
                throw PyException.of("TypeError", callName(fn) + " got an unexpected keyword argument '" + name + "'");
            }
            if (f.slots[slot] != 0) {
                throw PyException.of("TypeError", callName(fn) + " got multiple values for argument '" + name + "'");
            }
            f.slots[slot] = Heap.newRef(args[npos + k]);
        }
        long defaults = getLong(fn + P + 16);
        int nd = defaults == 0 ? 0 : (int) Obj.tupleSize(defaults);
        List<String> missing = null;
        for (int i = 0; i < positional; i++) {
            if (f.slots[i] == 0) {
                int di = i - (positional - nd);
                if (di >= 0) {
                    f.slots[i] = Heap.newRef(Obj.tupleItem(defaults, di));
                } else {
                    if (missing == null) missing = new ArrayList<>();
                    missing.add("'" + scope.slots().get(i) + "'");
                }
            }
        }
        if (missing != null) {
            throw PyException.of("TypeError", callName(fn) + " missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + joinNames(missing));
        }
        long kwdefaults = getLong(fn + P + 24);
        for (int i = positional; i < positional + nkwonly; i++) {
            if (f.slots[i] == 0) {
                long d = kwdefaults == 0 ? 0 : Dict.getStr(kwdefaults, scope.slots().get(i));
                if (d != 0) f.slots[i] = Heap.newRef(d);
                else {
                    if (missing == null) missing = new ArrayList<>();
                    missing.add("'" + scope.slots().get(i) + "'");
                }
            }
        }
        if (missing != null) {
            throw PyException.of("TypeError", callName(fn) + " missing " + missing.size() + " required keyword-only argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + joinNames(missing));
        }
        setupCells(f, scope, getLong(fn + P + 32));
    }

    /** {@code qualname()} of a function, for argument errors (built only when an error is raised). */
    private static String callName(long fn) {
        return Obj.str(getLong(fn + P + 48)) + "()";
    }

    private static void setupCells(Frame f, Scope scope, long closure) {
        if (closure == 0 && scope.cellSlots().isEmpty()) {
            return;
        }
        for (int slot : scope.cellSlots()) {
            if (slot >= scope.freeStart()) continue;
            f.slots[slot] = Obj.newCell(f.slots[slot]);
        }
        for (int i = scope.freeStart(); i < scope.slotCount(); i++) {
            f.slots[i] = Heap.newRef(Obj.tupleItem(closure, i - scope.freeStart()));
        }
    }

    private static String joinNames(List<String> names) {
        if (names.size() == 1) return names.getFirst();
        if (names.size() == 2) return names.get(0) + " and " + names.get(1);
        return String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.getLast();
    }

    /**
     * A call. The callee is a stack reference ({@link #stackRef}): a deferred callee (a module-level
     * function, a class, a function found in a module) is held uncounted in {@code f} for the call,
     * like the receiver of {@code mod.func(...)} while the attribute is looked up. {@code fn} is the
     * possibly tagged stack reference; {@code callee} the object.
     */
    private static long evalCall(Frame f, Call c) {
        long fn;
        long self = 0;
        if (c.func() instanceof Attribute at) {
            long receiver = evalStackRef(f, at.value());
            long obj = objectOf(receiver);
            long method = Header.type(obj) == INSTANCE ? plainMethod(obj, at.attr()) : 0;
            Builtins.MethodSite site;
            if (method != 0) {
                assert receiver == obj : "instances are never deferred";
                self = obj;
                fn = stackRef(f, method);
            } else if ((site = Builtins.methodSite(obj, at.attr())) != null && isSimple(c)) {
                return callBuiltinMethod(f, c, site, receiver);
            } else {
                long found = Header.type(obj) == MODULE ? Dict.get(Obj.field(obj, 0), Obj.intern(at.attr())) : 0;
                if (found != 0) {
                    // Borrowed from the module's dict: take the callee before releasing the module (if
                    // the module reference was counted, releasing it could free the dict).
                    fn = stackRef(f, found);
                    closeStackRef(f, receiver);
                } else {
                    try {
                        fn = getAttr(obj, at.attr());
                    } finally {
                        closeStackRef(f, receiver);
                    }
                }
            }
        } else {
            fn = evalStackRef(f, c.func());
        }
        long callee = objectOf(fn);
        if (isSimple(c)) {
            int n = c.args().size();
            int nk = c.keywords().size();
            int offset = self != 0 ? 1 : 0;
            long[] args = new long[offset + n + nk];
            if (self != 0) {
                args[0] = self;
            }
            int filled = offset;
            try {
                filled = evalArguments(f, c, args, offset);
                f.line = c.pos().line();
                String[] names = keywordNames(c);
                return Header.type(callee) == FUNCTION ? callFunction(f.thread, callee, args, names)
                        : call(callee, args, names);
            } finally {
                releaseArguments(args, filled);
                closeStackRef(f, fn);
            }
        }
        if (self != 0) {
            long bound = Builtins.method(callee, self);
            closeStackRef(f, fn);
            Heap.decref(self);
            fn = bound;
            callee = bound;
        }
        List<Long> vals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            for (Expr x : c.args()) {
                if (x instanceof Starred st) {
                    long src = eval(f, st.value());
                    try {
                        for (long v : Builtins.toArray(src)) vals.add(v);
                    } finally {
                        Heap.decref(src);
                    }
                } else {
                    vals.add(eval(f, x));
                }
            }
            int positional = vals.size();
            for (Keyword k : c.keywords()) {
                if (k.name() == null) {
                    long d = eval(f, k.value());
                    try {
                        for (long i = 0; i < Dict.filled(d); i++) {
                            long key = Dict.keyAt(d, i);
                            if (key == 0) continue;
                            names.add(Obj.str(key));
                            vals.add(Heap.newRef(Dict.valueAt(d, i)));
                        }
                    } finally {
                        Heap.decref(d);
                    }
                } else {
                    long v = eval(f, k.value());
                    names.add(k.name());
                    vals.add(v);
                }
            }
            assert vals.size() - positional == names.size();
            long[] args = new long[vals.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = vals.get(i);
            }
            f.line = c.pos().line();
            String[] kwnames = names.isEmpty() ? null : names.toArray(new String[0]);
            return Header.type(callee) == FUNCTION ? callFunction(f.thread, callee, args, kwnames)
                    : call(callee, args, kwnames);
        } finally {
            vals.forEach(Heap::decref);
            closeStackRef(f, fn);
        }
    }

    /**
     * {@code obj.name(args)} for a built-in method of a container or str ({@link Builtins#methodSite}):
     * the call the bound builtin would make, without allocating it. {@code receiver} is the counted
     * stack reference to {@code obj} (containers and strs are never deferred); it keeps {@code obj}
     * alive during the call, as the bound method's reference did, and is released after it.
     */
    private static long callBuiltinMethod(Frame f, Call c, Builtins.MethodSite site, long receiver) {
        long[] args = new long[c.args().size() + c.keywords().size()];
        int filled = 0;
        try {
            filled = evalArguments(f, c, args, 0);
            f.line = c.pos().line();
            return Builtins.callMethod(site, objectOf(receiver), args, keywordNames(c));
        } finally {
            releaseArguments(args, filled);
            closeStackRef(f, receiver);
        }
    }

    /**
     * Evaluates a simple call's positional, then keyword argument values (new references) into
     * {@code args} from {@code offset}; returns the end of the filled range. If an evaluation raises,
     * releases the values it stored (the caller still owns {@code args[0, offset)}).
     */
    private static int evalArguments(Frame f, Call c, long[] args, int offset) {
        List<Expr> argExprs = c.args();
        List<Keyword> keywords = c.keywords();
        int filled = offset;
        try {
            for (int i = 0, n = argExprs.size(); i < n; i++) {
                args[filled] = eval(f, argExprs.get(i));
                filled++;
            }
            for (int i = 0, nk = keywords.size(); i < nk; i++) {
                args[filled] = eval(f, keywords.get(i).value());
                filled++;
            }
            return filled;
        } catch (RuntimeException | Error e) {
            releaseArguments(args, offset, filled);
            throw e;
        }
    }

    /** The names of a simple call's keyword arguments, or null without any. */
    private static String[] keywordNames(Call c) {
        List<Keyword> keywords = c.keywords();
        int nk = keywords.size();
        if (nk == 0) {
            return null;
        }
        String[] names = new String[nk];
        for (int i = 0; i < nk; i++) {
            names[i] = keywords.get(i).name();
        }
        return names;
    }

    private static void releaseArguments(long[] args, int end) {
        releaseArguments(args, 0, end);
    }

    private static void releaseArguments(long[] args, int start, int end) {
        for (int i = start; i < end; i++) {
            Heap.decref(args[i]);
        }
    }

    private static boolean isSimple(Call c) {
        List<Expr> args = c.args();
        for (int i = 0, n = args.size(); i < n; i++) {
            if (args.get(i) instanceof Starred) return false;
        }
        List<Keyword> keywords = c.keywords();
        for (int i = 0, n = keywords.size(); i < n; i++) {
            if (keywords.get(i).name() == null) return false;
        }
        return true;
    }

    /**
     * {@code obj.name} when it is a plain function found on the class (not shadowed by the instance
     * dict, no {@code __getattr__} involved): the call can pass {@code obj} as the first argument
     * without creating a bound method. Borrowed, or 0.
     */
    private static long plainMethod(long obj, String name) {
        long key = Obj.intern(name);
        long fn = Ops.lookup(Ops.classOf(obj), key);
        if (fn == 0 || Header.type(fn) != FUNCTION) {
            return 0;
        }
        long dict = Obj.field(obj, 8);
        return dict != 0 && Dict.get(dict, key) != 0 ? 0 : fn;
    }

    /** Calls any callable with borrowed arguments. */
    public static long call(long fn, long[] args, String[] kwnames) {
        switch (Header.type(fn)) {
            case FUNCTION -> {
                return callFunction(fn, args, kwnames);
            }
            case METHOD -> {
                long[] all = new long[args.length + 1];
                all[0] = getLong(fn + P + 8);
                System.arraycopy(args, 0, all, 1, args.length);
                return call(getLong(fn + P), all, kwnames);
            }
            case BUILTIN -> {
                return Builtins.callBuiltin(fn, args, kwnames);
            }
            case CLASS -> {
                return Builtins.callClass(fn, args, kwnames);
            }
            case STATICMETHOD -> {
                return call(getLong(fn + P), args, kwnames);
            }
            case WEAKREF -> {
                if (args.length != 0) {
                    throw PyException.of("TypeError", "weakref() takes no arguments");
                }
                return WeakRefs.get(fn);
            }
            case INSTANCE -> {
                long m = Ops.lookup(Ops.classOf(fn), Obj.intern("__call__"));
                if (m != 0) {
                    long[] all = new long[args.length + 1];
                    all[0] = fn;
                    System.arraycopy(args, 0, all, 1, args.length);
                    return call(m, all, kwnames);
                }
            }
            default -> {
            }
        }
        throw PyException.of("TypeError", "'" + Ops.typeName(fn) + "' object is not callable");
    }

    // ---- comprehensions --------------------------------------------------------------------------------

    private static long comprehension(Frame f, Expr node, List<Comprehension> gens, int type) {
        Scope scope = f.code.resolution().scope(node);
        long first = eval(f, gens.getFirst().iter());
        long it;
        try {
            it = Iter.iter(first);
        } finally {
            Heap.decref(first);
        }
        Code code = new Code(scope, node, "<" + (type == LIST ? "listcomp"
                : type == SET ? "setcomp" : "dictcomp") + ">", f.code.qualname(), Arguments.EMPTY, null, null,
                f.code.resolution(), f.code.source());
        Frame cf = new Frame(code, f.globals, scope.slotCount());
        cf.line = f.line;
        cf.slots[0] = it;
        long result = type == LIST ? Lists.create(0) : Dict.create(type == SET ? SET : DICT);
        PyThread t = f.thread != null ? f.thread : PyThread.current();
        cf.thread = t;
        cf.back = t.frame;
        t.frame = cf;
        try {
            long clo = closure(f, scope);
            try {
                setupCells(cf, scope, clo);
            } finally {
                Heap.xdecref(clo);
            }
            runGenerators(cf, node, gens, 0, result);
        } catch (PyException e) {
            Heap.decref(result);
            addTraceback(e, cf);
            throw e;
        } finally {
            t.frame = cf.back;
            releaseSlots(cf);
        }
        return result;
    }

    /**
     * A lazy generator expression: the first iterable is evaluated (and made an iterator) here, in the
     * enclosing scope; the rest runs when the generator is resumed ({@link ResumableFrames#genexpNext}).
     */
    private static long generatorExpression(Frame f, GeneratorExp node) {
        Scope scope = f.code.resolution().scope(node);
        long first = eval(f, node.generators().getFirst().iter());
        long it;
        try {
            it = Iter.iter(first);
        } finally {
            Heap.decref(first);
        }
        String qual = f.code.scope().kind() == Scope.Kind.MODULE ? "<genexpr>"
                : f.code.qualname() + (f.code.scope().kind() == Scope.Kind.CLASS ? "." : ".<locals>.") + "<genexpr>";
        Code code = new Code(scope, node, "<genexpr>", qual, Arguments.EMPTY, null, null, f.code.resolution(),
                f.code.source());
        Frame gf = new Frame(code, f.globals, scope.slotCount());
        gf.line = node.pos().line();
        gf.slots[0] = it;
        try {
            long clo = closure(f, scope);
            try {
                setupCells(gf, scope, clo);
            } finally {
                Heap.xdecref(clo);
            }
        } catch (PyException e) {
            releaseSlots(gf);
            throw e;
        }
        return Generators.createGenexp(gf, Obj.newStr("<genexpr>"), Obj.newStr(qual));
    }

    private static void runGenerators(Frame f, Expr node, List<Comprehension> gens, int index, long result) {
        Comprehension g = gens.get(index);
        long it;
        if (index == 0) {
            it = Heap.newRef(f.slots[0]);
        } else {
            long src = eval(f, g.iter());
            try {
                it = Iter.iter(src);
            } finally {
                Heap.decref(src);
            }
        }
        try {
            outer:
            while (true) {
                long x = Iter.next(it);
                if (x == 0) break;
                try {
                    assign(f, g.target(), x);
                } finally {
                    Heap.decref(x);
                }
                poll(f);
                for (Expr cond : g.ifs()) {
                    if (!truth(f, cond)) continue outer;
                }
                if (index + 1 < gens.size()) {
                    runGenerators(f, node, gens, index + 1, result);
                    continue;
                }
                switch (node) {
                    case ListComp lc -> Lists.appendStolen(result, eval(f, lc.element()));
                    case SetComp sc -> {
                        long v = eval(f, sc.element());
                        try {
                            Dict.put(result, v, 0);
                        } finally {
                            Heap.decref(v);
                        }
                    }
                    case DictComp dc -> {
                        long k = eval(f, dc.key());
                        try {
                            long v = eval(f, dc.value());
                            try {
                                Dict.put(result, k, v);
                            } finally {
                                Heap.decref(v);
                            }
                        } finally {
                            Heap.decref(k);
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
        } finally {
            Heap.decref(it);
        }
    }

    // ---- classes -------------------------------------------------------------------------------------------

    private static long makeClass(Frame f, ClassDef c) {
        long bases = buildSeq(f, c.bases(), TUPLE);
        long[] kwValues = new long[c.keywords().size()];
        try {
            for (int i = 0; i < kwValues.length; i++) kwValues[i] = eval(f, c.keywords().get(i).value());
            if (Obj.tupleSize(bases) == 0) {
                Heap.decref(bases);
                bases = Obj.tupleOf(Runtime.builtinClass("object"));
            }
            long kind = INSTANCE;
            for (long i = 0; i < Obj.tupleSize(bases); i++) {
                long b = Obj.tupleItem(bases, i);
                if (Header.type(b) != CLASS) {
                    throw PyException.of("TypeError", "bases must be types");
                }
                long k = Ops.classKind(b);
                if (k != INSTANCE && k != LIST && k != DICT) {
                    throw PyException.of("TypeError", "subclassing built-in type '" + Obj.str(Obj.field(b, 0))
                            + "' is not supported yet");
                }
                if (k != INSTANCE) {
                    if (kind != INSTANCE && kind != k) {
                        throw PyException.of("TypeError", "multiple bases have instance lay-out conflict");
                    }
                    kind = k;
                }
            }
            Scope scope = f.code.resolution().scope(c);
            String qual = f.code.scope().kind() == Scope.Kind.MODULE ? c.name()
                    : f.code.qualname() + (f.code.scope().kind() == Scope.Kind.CLASS ? "." : ".<locals>.") + c.name();
            Code code = new Code(scope, c, c.name(), qual, Arguments.EMPTY, c.body(), null, f.code.resolution(),
                    f.code.source());
            long ns = Dict.newDict();
            Frame cf = new Frame(code, f.globals, scope.slotCount());
            cf.locals = ns;
            long cls;
            try {
                long modName = Dict.getStr(f.globals, "__name__");
                if (modName != 0) Dict.putStr(ns, "__module__", modName);
                long qn = Obj.newStr(qual);
                Dict.putStr(ns, "__qualname__", qn);
                Heap.decref(qn);
                if (c.docstring() != null) {
                    long d = Obj.newStr(c.docstring());
                    Dict.putStr(ns, "__doc__", d);
                    Heap.decref(d);
                }
                for (int slot : scope.cellSlots()) {
                    if (slot < scope.freeStart()) cf.slots[slot] = Obj.newCell(0);
                }
                long clo = closure(f, scope);
                for (int i = scope.freeStart(); i < scope.slotCount(); i++) {
                    cf.slots[i] = Heap.newRef(Obj.tupleItem(clo, i - scope.freeStart()));
                }
                Heap.xdecref(clo);
                PyThread t = PyThread.current();
                cf.thread = t;
                cf.back = t.frame;
                t.frame = cf;
                try {
                    execBody(cf, c.body());
                } catch (PyException e) {
                    addTraceback(e, cf);
                    throw e;
                } finally {
                    t.frame = cf.back;
                }
                if (Dict.getStr(ns, "__eq__") != 0 && Dict.getStr(ns, "__hash__") == 0) {
                    Dict.putStr(ns, "__hash__", Obj.NONE);
                }
                long name = Obj.newStr(c.name());
                try {
                    cls = Ops.makeClass(name, bases, ns, (int) kind);
                } finally {
                    Heap.decref(name);
                }
                ns = 0;
                long qn2 = Dict.getStr(Obj.field(cls, 16), "__qualname__");
                Obj.setField(cls, 40, Heap.newRef(qn2));
                if (modName != 0) Obj.setField(cls, 48, Heap.newRef(modName));
                int classCell = scope.slotOf("__class__");
                if (scope.needsClassCell() && classCell >= 0 && classCell < scope.freeStart()) {
                    Obj.cellSet(cf.slots[classCell], Heap.newRef(cls));
                }
            } finally {
                Heap.xdecref(ns);
                releaseSlots(cf);
            }
            try {
                ClassSetup.finish(cls, c.keywords(), kwValues);
            } catch (PyException e) {
                Heap.decref(cls);
                throw e;
            }
            return cls;
        } finally {
            for (long v : kwValues) Heap.xdecref(v);
            Heap.decref(bases);
        }
    }

    // ---- attributes --------------------------------------------------------------------------------------

    public static long getAttr(long obj, String name) {
        long r = Builtins.getAttrOrZero(obj, name);
        if (r == 0) {
            if (Header.type(obj) == CLASS) {
                throw PyException.of("AttributeError", "type object '" + Obj.str(Obj.field(obj, 0))
                        + "' has no attribute '" + name + "'");
            }
            if (Header.type(obj) == MODULE) {
                throw PyException.of("AttributeError", "module '" + Obj.str(Obj.field(obj, 8))
                        + "' has no attribute '" + name + "'");
            }
            throw PyException.of("AttributeError", "'" + Ops.typeName(obj) + "' object has no attribute '" + name + "'");
        }
        return r;
    }

    public static void setAttr(long obj, String name, long v) {
        if (Ops.attributeHooksDefined() && (Header.type(obj) == INSTANCE || Types.isSubclassInstance(obj))) {
            long hook = Ops.lookup(Ops.classOf(obj), Obj.intern("__setattr__"));
            if (hook != 0 && Header.type(hook) == FUNCTION) {
                long key = Obj.newStr(name);
                try {
                    Heap.decref(callFunction(hook, new long[]{obj, key, v}, null));
                } finally {
                    Heap.decref(key);
                }
                return;
            }
        }
        setAttrDirect(obj, name, v);
    }

    /** Attribute assignment without a class's {@code __setattr__} hook ({@code object.__setattr__}). */
    static void setAttrDirect(long obj, String name, long v) {
        if (Types.isSubclassInstance(obj)) {
            long p = Ops.lookup(Ops.classOf(obj), Obj.intern(name));
            if (p != 0 && Header.type(p) == PROPERTY) {
                Builtins.propertySet(p, obj, name, v);
                return;
            }
            Dict.putStr(Obj.field(obj, Types.subclassFields(Header.type(obj)) + 8), name, v);
            return;
        }
        switch (Header.type(obj)) {
            case INSTANCE -> {
                long p = Ops.lookup(Ops.classOf(obj), Obj.intern(name));
                if (p != 0 && Header.type(p) == PROPERTY) {
                    Builtins.propertySet(p, obj, name, v);
                    return;
                }
                boolean slots = Ops.slotsMayBeDefined();
                if (slots && Obj.field(obj, 8) != 0 && isSlot(Ops.classOf(obj), name)) {
                    long slotValues = Obj.field(obj, 64);
                    if (slotValues == 0) {
                        slotValues = Dict.newDict();
                        Header.setFlags(slotValues, Dict.MANAGED);
                        Header.clearGcBits(slotValues, Header.GC_TRACKED);
                        Obj.setField(obj, 64, slotValues);
                    }
                    Dict.putStr(slotValues, name, v);
                    return;
                }
                if (Obj.field(obj, 8) == 0 || (slots && !slotAllows(Ops.classOf(obj), name))) {
                    if (Obj.field(obj, 8) != 0 && Ops.lookup(Ops.classOf(obj), Obj.intern(name)) != 0) {
                        throw PyException.of("AttributeError", "'" + Ops.typeName(obj) + "' object attribute '" + name
                                + "' is read-only");
                    }
                    throw PyException.of("AttributeError", "'" + Ops.typeName(obj) + "' object has no attribute '" + name + "'");
                }
                Dict.putStr(Obj.field(obj, 8), name, v);
            }
            case CLASS -> {
                Ops.noteClassAttribute(name);
                Dict.putStr(Obj.field(obj, 16), name, v);
            }
            case FUNCTION -> {
                switch (name) {
                    case "__name__" -> Obj.setField(obj, 40, Heap.newRef(v));
                    case "__qualname__" -> Obj.setField(obj, 48, Heap.newRef(v));
                    case "__doc__" -> Obj.setField(obj, 56, Heap.newRef(v));
                    case "__module__" -> Obj.setField(obj, 64, Heap.newRef(v));
                    default -> {
                        if (Obj.field(obj, 72) == 0) {
                            Obj.setField(obj, 72, Dict.newDict());
                        }
                        Dict.putStr(Obj.field(obj, 72), name, v);
                    }
                }
            }
            case MODULE -> Dict.putStr(Obj.field(obj, 0), name, v);
            default -> throw PyException.of("AttributeError", "'" + Ops.typeName(obj) + "' object has no attribute '"
                    + name + "'");
        }
    }

    /**
     * {@code __slots__}: when every class of the MRO but object declares slots (none of them
     * {@code "__dict__"}), only those names may be set on an instance. The values live in the managed
     * dict, which such instances do not expose as {@code __dict__}.
     */
    /** Whether a class of {@code cls}'s MRO lists {@code name} in its {@code __slots__}. */
    static boolean isSlot(long cls, String name) {
        if (name.equals("__dict__") || name.equals("__weakref__")) {
            return false;
        }
        long mro = Obj.field(cls, 24);
        for (long i = 0; i < Obj.tupleSize(mro); i++) {
            long slots = Dict.getStr(Obj.field(Obj.tupleItem(mro, i), 16), "__slots__");
            if (slots == 0) {
                continue;
            }
            if (Header.type(slots) == STR) {
                if (Obj.str(slots).equals(name)) return true;
                continue;
            }
            long[] names = Builtins.toArray(slots);
            boolean listed = false;
            for (long n : names) {
                listed |= Header.type(n) == STR && Obj.str(n).equals(name);
                Heap.decref(n);
            }
            if (listed) return true;
        }
        return false;
    }

    static boolean slotAllows(long cls, String name) {
        long mro = Obj.field(cls, 24);
        long object = Runtime.builtinClass("object");
        boolean restricted = true;
        boolean listed = false;
        for (long i = 0; i < Obj.tupleSize(mro); i++) {
            long c = Obj.tupleItem(mro, i);
            if (c == object) continue;
            long slots = Dict.getStr(Obj.field(c, 16), "__slots__");
            if (slots == 0) {
                restricted = false;
                break;
            }
            if (Header.type(slots) == STR) {
                listed |= Obj.str(slots).equals(name);
                restricted &= !Obj.str(slots).equals("__dict__");
            } else {
                long[] names = Builtins.toArray(slots);
                for (long n : names) {
                    listed |= Header.type(n) == STR && Obj.str(n).equals(name);
                    restricted &= !(Header.type(n) == STR && Obj.str(n).equals("__dict__"));
                    Heap.decref(n);
                }
            }
        }
        return !restricted || listed;
    }

    static void delAttr(long obj, String name) {
        if (Ops.attributeHooksDefined() && (Header.type(obj) == INSTANCE || Types.isSubclassInstance(obj))) {
            long hook = Ops.lookup(Ops.classOf(obj), Obj.intern("__delattr__"));
            if (hook != 0 && Header.type(hook) == FUNCTION) {
                long key = Obj.newStr(name);
                try {
                    Heap.decref(callFunction(hook, new long[]{obj, key}, null));
                } finally {
                    Heap.decref(key);
                }
                return;
            }
        }
        delAttrDirect(obj, name);
    }

    /** Attribute deletion without a class's {@code __delattr__} hook ({@code object.__delattr__}). */
    static void delAttrDirect(long obj, String name) {
        if (Header.type(obj) == INSTANCE && Obj.field(obj, 8) != 0 && isSlot(Ops.classOf(obj), name)) {
            long v = Obj.field(obj, 64) == 0 ? 0 : Dict.pop(Obj.field(obj, 64), Obj.intern(name));
            if (v == 0) {
                throw PyException.of("AttributeError", name); // CPython's member descriptor says only the name
            }
            Heap.decref(v);
            return;
        }
        if (Header.type(obj) == INSTANCE || Types.isSubclassInstance(obj)) {
            long p = Ops.lookup(Ops.classOf(obj), Obj.intern(name));
            if (p != 0 && Header.type(p) == PROPERTY) {
                Builtins.propertySet(p, obj, name, 0);
                return;
            }
        }
        long d = Types.isSubclassInstance(obj) ? Obj.field(obj, Types.subclassFields(Header.type(obj)) + 8) : switch (Header.type(obj)) {
            case INSTANCE -> Obj.field(obj, 8);
            case CLASS -> Obj.field(obj, 16);
            case MODULE -> Obj.field(obj, 0);
            default -> 0;
        };
        long v = d == 0 ? 0 : Dict.pop(d, Obj.intern(name));
        if (v == 0) {
            throw PyException.of("AttributeError", "'" + Ops.typeName(obj) + "' object has no attribute '" + name + "'");
        }
        Heap.decref(v);
    }
}
