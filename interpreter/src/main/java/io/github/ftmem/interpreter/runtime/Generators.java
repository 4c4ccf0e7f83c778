package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.gc.ObjectVisitor;

import java.util.concurrent.ConcurrentHashMap;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;

/**
 * Generators and generator expressions.
 *
 * <h2>Implementation notes</h2>
 * A generator is a {@code GENERATOR} heap object (+0 name, +8 qualname, GC-tracked) plus a Java {@link State}
 * found through {@link #STATES} (keyed by the object's address). Three kinds of body:
 * <ul>
 *   <li><b>FRAME</b> (almost every generator function): the body runs on the caller's thread in
 *   {@link ResumableFrames}, a statement executor that returns {@link ResumableFrames#YIELD}. As the yield
 *   propagates outward every compound statement on the path pushes its resume state onto the generator's
 *   resume stack; resuming re-descends through the same statements, each popping its state, and the yield
 *   point returns the sent value or raises the thrown exception. Suspension runs no Java {@code finally}
 *   cleanup: the references a suspended statement still needs move to the resume stack.</li>
 *   <li><b>GENEXP</b>: a generator expression; its state is one iterator per active {@code for} clause
 *   ({@code .0} in the frame slot 0, the inner ones in {@link State#levelIters}).</li>
 *   <li><b>THREAD</b>: the fallback for the rare generator functions with a {@code yield} nested inside an
 *   expression ({@code print((yield x))}, {@code a + (yield)}, a yield in a loop test), decided statically
 *   per code object by {@link ResumableFrames#plan}: the body runs on its own runtime thread with a strict
 *   hand-off (below).</li>
 * </ul>
 *
 * <table>
 *   <caption>Generator states</caption>
 *   <tr><th>state</th><th>started</th><th>running</th><th>finished</th><th>frame slots</th><th>resume stack</th></tr>
 *   <tr><td>created</td><td>no</td><td>no</td><td>no</td><td>arguments bound</td><td>empty</td></tr>
 *   <tr><td>suspended</td><td>yes</td><td>no</td><td>no</td><td>live</td><td>one entry group per statement on the path to the yield</td></tr>
 *   <tr><td>running</td><td>yes</td><td>yes</td><td>no</td><td>live</td><td>being popped / pushed</td></tr>
 *   <tr><td>finished</td><td>-</td><td>no</td><td>yes</td><td>released</td><td>empty</td></tr>
 * </table>
 *
 * <p>The resume stack ({@link State#refs} owned references: for-iterators, a with-statement's manager and
 * {@code __exit__}, a yield-from sub-iterator, a return value pending across a finally; {@link State#words}:
 * statement indices, branch and try phases, borrowed saved {@code f.handling}; {@link State#excs}: the
 * exception handled by a suspended except clause or pending across a suspended finally) is touched only by
 * the thread running the generator (FRAME and GENEXP run on the thread that resumes them, one at a time: a
 * second resume while running raises "generator already executing"), and read by the collector with the
 * world stopped: {@link #traverse} reports the frame slots and every reference of the resume stack of a
 * generator that is not running (the stop is the synchronization that makes the plain fields visible).
 * A resume claims the generator ({@link ResumeClaim}, a CAS) (CPython 3.13t's {@code gi_frame_state}
 * check): two threads resuming one generator at once get one winner, the other
 * {@code ValueError: generator already executing}; the claim's CAS and the release store that ends a run
 * order the plain fields ({@code started}, {@code finished}, the resume stack, the frame) between runs on
 * different threads. {@link #STATES} is a
 * concurrent map: written by the thread that creates or frees a generator, read by any thread.
 *
 * <h2>THREAD hand-off</h2>
 * {@link GeneratorHandOff} passes the turn between the caller and the generator's thread (exactly one runs
 * Python code; the other is parked and detached). Values cross as counted references in {@code transfer},
 * exceptions as {@link PyException}s in {@code thrown}/{@code raised}, written only by the side holding the
 * turn; the hand-off's monitor orders them before the other side's reads.
 *
 * <p>Deallocating (or finalizing in a garbage cycle) a generator that still has a frame closes it: an unstarted
 * one just releases its frame, a suspended one gets GeneratorExit at its yield (finally blocks and
 * {@code __exit__} run); if it yields again, "generator ignored GeneratorExit" is reported as unraisable and
 * its frame and resume stack are dropped without running more code.
 *
 * <h2>Frame chain</h2>
 * ({@link PyThread}) A FRAME or GENEXP generator's frame is linked on the resuming thread's chain for the
 * duration of each resume ({@code back} = the caller's frame) and unlinked at its yield or end; it holds no
 * uncounted reference while suspended (yields are statements, so no call is in progress and the frame's
 * {@code function} is 0), and the collector reaches its references through {@link #traverse}. A THREAD
 * generator's frame is the bottom frame of its own thread's chain ({@code back == null}); its body's call
 * depth continues from the resuming caller's ({@code State.depth}, set before every hand-off).
 */
final class Generators {
    private static final ConcurrentHashMap<Long, State> STATES = new ConcurrentHashMap<>();
    private static final long STACK_SIZE = 32L << 20;

    static final int FRAME = 0, GENEXP = 1, THREAD = 2;

    static final class State {
        final Interp.Frame frame;
        final int kind;
        final ResumableFrames.Plan plan;
        boolean started;
        boolean finished;
        /** Who is resuming the generator now: claimed by CAS, released with a release store. */
        final ResumeClaim claim = new ResumeClaim();

        // FRAME: resume stack and the value or exception delivered to the yield point.
        long[] refs = new long[8];
        int refTop;
        long[] words = new long[16];
        int wordTop;
        PyException[] excs = new PyException[2];
        int excTop;
        boolean resuming;
        long sent;
        PyException thrown;
        long yielded;

        // GENEXP: the iterators of the inner for clauses (owned), and how many clauses are active.
        long[] levelIters;
        int active;

        // THREAD: the hand-off; the fields below are written by the side holding the turn.
        final GeneratorHandOff handOff = new GeneratorHandOff();
        long transfer;
        PyException raised;
        /**
         * The call depth the body continues from: the resuming caller's depth + 1, written by the caller
         * before each hand-off, read by the generator's thread after it (ordered by the hand-off).
         */
        int depth;

        State(Interp.Frame frame, int kind, ResumableFrames.Plan plan) {
            this.frame = frame;
            this.kind = kind;
            this.plan = plan;
        }

        void pushRef(long r) {
            if (refTop == refs.length) refs = java.util.Arrays.copyOf(refs, refTop * 2);
            refs[refTop++] = r;
        }

        long popRef() {
            long r = refs[--refTop];
            refs[refTop] = 0;
            return r;
        }

        void pushWord(long w) {
            if (wordTop == words.length) words = java.util.Arrays.copyOf(words, wordTop * 2);
            words[wordTop++] = w;
        }

        long popWord() {
            return words[--wordTop];
        }

        void pushExc(PyException e) {
            if (excTop == excs.length) excs = java.util.Arrays.copyOf(excs, excTop * 2);
            excs[excTop++] = e;
        }

        PyException popExc() {
            PyException e = excs[--excTop];
            excs[excTop] = null;
            return e;
        }

        /** Releases what a suspended body still holds, without running any of its code. */
        void discardResumeStack() {
            while (refTop > 0) {
                Heap.xdecref(popRef());
            }
            while (excTop > 0) {
                PyException e = popExc();
                if (e != null) Heap.xdecref(e.take());
            }
            wordTop = 0;
            resuming = false;
            Heap.xdecref(sent);
            sent = 0;
            if (thrown != null) {
                Heap.xdecref(thrown.take());
                thrown = null;
            }
            if (levelIters != null) {
                for (int i = 0; i < levelIters.length; i++) {
                    Heap.xdecref(levelIters[i]);
                    levelIters[i] = 0;
                }
            }
        }
    }

    private Generators() {
    }

    /** A new generator for a bound generator-function frame (the frame's slots are handed over). */
    static long create(Interp.Frame frame, long function) {
        ResumableFrames.Plan plan = ResumableFrames.plan(frame.code);
        State st = new State(frame, plan.resumable() ? FRAME : THREAD, plan);
        if (st.kind == THREAD) {
            frame.generator = st;
        }
        return register(st, Heap.newRef(Obj.field(function, 40)), Heap.newRef(Obj.field(function, 48)));
    }

    /** A new generator expression over its frame ({@code .0} bound); name and qualname stolen. */
    static long createGenexp(Interp.Frame frame, long name, long qualname) {
        return register(new State(frame, GENEXP, null), name, qualname);
    }

    private static long register(State st, long name, long qualname) {
        long g = Heap.object(Types.GENERATOR, 16);
        putLong(g + P, name);
        putLong(g + P + 8, qualname);
        STATES.put(g, st);
        return g;
    }

    static void traverse(long g, ObjectVisitor v) {
        State st = STATES.get(g);
        if (st == null || st.finished || st.claim.isClaimed()) {
            return;
        }
        for (long x : st.frame.slots) {
            if (x != 0) v.visit(x);
        }
        for (int i = 0; i < st.refTop; i++) {
            if (st.refs[i] != 0) v.visit(st.refs[i]);
        }
        for (int i = 0; i < st.excTop; i++) {
            if (st.excs[i] != null && st.excs[i].exc != 0) v.visit(st.excs[i].exc);
        }
        if (st.levelIters != null) {
            for (long x : st.levelIters) {
                if (x != 0) v.visit(x);
            }
        }
    }

    /**
     * Resumes the generator with {@code send} (borrowed) or by raising {@code toThrow} (owned) at its yield.
     * Returns the next yielded value (new reference), or 0 when the generator returned None; a return
     * with another value raises StopIteration(value).
     */
    static long resume(long g, long send, PyException toThrow) {
        State st = STATES.get(g);
        if (st == null || st.finished) {
            if (toThrow != null) throw toThrow;
            return 0;
        }
        if (!st.claim.tryClaim()) {
            if (toThrow != null) Heap.decref(toThrow.take());
            throw PyException.of("ValueError", "generator already executing");
        }
        if (st.finished) {
            // Another thread finished it between the check above and the claim.
            st.claim.release();
            if (toThrow != null) throw toThrow;
            return 0;
        }
        if (!st.started && send != Obj.NONE && toThrow == null) {
            st.claim.release();
            throw PyException.of("TypeError", "can't send non-None value to a just-started generator");
        }
        PyThread caller = PyThread.current();
        if (caller.depth >= caller.runtime.recursionLimit) {
            st.claim.release();
            if (toThrow != null) Heap.decref(toThrow.take());
            throw PyException.of("RecursionError", "maximum recursion depth exceeded");
        }
        return st.kind == THREAD ? resumeThread(st, caller, send, toThrow) : resumeHere(st, caller, send, toThrow);
    }

    /** FRAME and GENEXP: runs the body on this thread until its next yield or its end. */
    private static long resumeHere(State st, PyThread caller, long send, PyException toThrow) {
        Interp.Frame f = st.frame;
        assert f.stackTop == 0 && f.function == 0 : "a suspended generator frame holds no uncounted reference";
        // The frame joins the resuming thread's chain for this run, so the root scanner sees it there.
        f.thread = caller;
        f.back = caller.frame;
        caller.frame = f;
        caller.depth++;
        boolean done = true;
        long returned = 0;
        long v;
        try {
            if (st.kind == GENEXP) {
                v = ResumableFrames.genexpNext(st, toThrow);
            } else {
                if (st.started) {
                    st.resuming = true;
                    st.sent = Heap.newRef(send);
                    st.thrown = toThrow;
                } else if (toThrow != null) {
                    st.started = true;
                    f.line = ResumableFrames.firstLine(f.code);
                    throw toThrow;
                }
                st.started = true;
                int c = ResumableFrames.execBody(st, f, st.plan.body());
                if (c == ResumableFrames.YIELD) {
                    v = st.yielded;
                    st.yielded = 0;
                } else {
                    if (c == Interp.RETURN && f.retval != Obj.NONE) {
                        returned = f.retval;
                    } else if (c == Interp.RETURN) {
                        Heap.decref(f.retval);
                    }
                    f.retval = 0;
                    v = 0;
                }
            }
            st.started = true;
            done = v == 0;
        } catch (PyException e) {
            Interp.addTraceback(e, f);
            throw generatorRaised(e);
        } catch (StackOverflowError e) {
            throw PyException.of("RecursionError", "maximum recursion depth exceeded");
        } finally {
            caller.frame = f.back;
            f.back = null;
            caller.depth--;
            st.claim.release();
            if (done) finish(st);
        }
        if (returned != 0) {
            long args = Obj.newTuple(1);
            Obj.tupleInit(args, 0, returned);
            throw PyException.withArgs("StopIteration", args);
        }
        return v;
    }

    /** "generator raised StopIteration": a StopIteration escaping the body becomes RuntimeError. */
    private static PyException generatorRaised(PyException e) {
        if (Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("StopIteration"))) {
            PyException re = PyException.of("RuntimeError", "generator raised StopIteration");
            Obj.setField(re.exc, 24, e.take());
            return re;
        }
        return e;
    }

    private static void finish(State st) {
        if (st.finished) return;
        st.finished = true;
        st.discardResumeStack();
        Heap.xdecref(st.frame.retval);
        st.frame.retval = 0;
        Interp.releaseFrame(st.frame);
    }

    // ---- THREAD kind ------------------------------------------------------------------------------------

    private static long resumeThread(State st, PyThread caller, long send, PyException toThrow) {
        st.transfer = Heap.newRef(send);
        st.thrown = toThrow;
        st.depth = caller.depth + 1;
        if (!st.started) {
            st.started = true;
            // The turn goes back only after the thread has unregistered: its exit steps (merge-queue
            // drain, heap release) must not overlap the caller's next collection or the runtime's end.
            Runnable run = () -> {
                try {
                    RuntimeThreads.run(() -> {
                        try {
                            body(st);
                        } finally {
                            Gil.releaseIfHeld(RuntimeThreads.current());
                        }
                    });
                } finally {
                    st.handOff.finish();
                }
            };
            Thread t = new Thread(null, run, "ftpy-generator", STACK_SIZE);
            t.setDaemon(true);
            st.handOff.runGenerator(t);
        } else {
            st.handOff.runGenerator(null);
        }
        st.claim.release();
        if (st.raised != null) {
            PyException e = st.raised;
            st.raised = null;
            throw e;
        }
        long v = st.transfer;
        st.transfer = 0;
        return v;
    }

    private static void body(State st) {
        st.handOff.awaitTurn();
        Interp.Frame f = st.frame;
        // This thread's frame chain starts at the generator's frame (back = null): the caller's frames
        // are on the caller's chain, so the root scanner sees each frame once.
        PyThread self = PyThread.current();
        f.thread = self;
        self.frame = f;
        self.depth = st.depth;
        try {
            Heap.xdecref(st.transfer);
            st.transfer = 0;
            if (st.thrown != null) {
                PyException e = st.thrown;
                st.thrown = null;
                throw e;
            }
            int c = Interp.execGeneratorBody(f);
            long value = c == Interp.RETURN ? f.retval : Obj.NONE;
            f.retval = 0;
            st.transfer = 0;
            if (value != Obj.NONE) {
                long args = Obj.newTuple(1);
                Obj.tupleInit(args, 0, value);
                st.raised = PyException.withArgs("StopIteration", args);
            }
        } catch (PyException e) {
            st.raised = generatorRaised(e);
        } catch (StackOverflowError e) {
            st.raised = PyException.of("RecursionError", "maximum recursion depth exceeded");
        } catch (RuntimeException | Error e) {
            st.raised = PyException.of("SystemError", "ftpy internal error in a generator: " + e);
        } finally {
            self.frame = null;
            Interp.releaseFrame(f);
            st.finished = true;
        }
    }

    /** {@code yield value} on a THREAD generator's thread: value stolen; returns the sent value (new reference). */
    static long yieldValue(State st, long value) {
        st.transfer = value;
        st.handOff.yieldToCaller();
        PyThread.current().depth = st.depth;
        if (st.thrown != null) {
            Heap.xdecref(st.transfer);
            st.transfer = 0;
            PyException e = st.thrown;
            st.thrown = null;
            throw e;
        }
        long sent = st.transfer;
        st.transfer = 0;
        return sent == 0 ? Obj.NONE : sent;
    }

    // ---- the Python-level operations ----------------------------------------------------------------------

    /** {@code next(g)}: the next value (new reference) or 0 when exhausted. */
    static long next(long g) {
        try {
            return resume(g, Obj.NONE, null);
        } catch (PyException e) {
            if (isStopIteration(e)) {
                Heap.decref(e.take());
                return 0;
            }
            throw e;
        }
    }

    static boolean isStopIteration(PyException e) {
        return Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("StopIteration"));
    }

    /** Consumes a StopIteration: its value (new reference; None without arguments), as {@code yield from} returns it. */
    static long takeStopIterationValue(PyException e) {
        long args = Obj.field(e.exc, 16);
        long result = args != 0 && Obj.tupleSize(args) > 0 ? Heap.newRef(Obj.tupleItem(args, 0)) : Obj.NONE;
        Heap.decref(e.take());
        return result;
    }

    /** {@code g.send(v)}: the next value; StopIteration at the end. */
    static long send(long g, long value) {
        long v = resume(g, value, null);
        if (v == 0) {
            throw PyException.withArgs("StopIteration", Obj.EMPTY_TUPLE);
        }
        return v;
    }

    /** {@code g.throw(typ[, val])}: an exception class or instance, and the value for a class (0 if absent); borrowed. */
    static long throwInto(long g, long typ, long val) {
        long v = resume(g, Obj.NONE, exceptionToThrow(typ, val));
        if (v == 0) {
            throw PyException.withArgs("StopIteration", Obj.EMPTY_TUPLE);
        }
        return v;
    }

    /** The exception {@code throw(typ, val)} raises, as CPython's {@code _gen_throw} builds it. */
    private static PyException exceptionToThrow(long typ, long val) {
        boolean noValue = val == 0 || val == Obj.NONE;
        if (Header.type(typ) == Types.CLASS && Ops.isSubclass(typ, Runtime.builtinClass("BaseException"))) {
            if (!noValue && Ops.isException(val) && Ops.isSubclass(Ops.classOf(val), typ)) {
                return new PyException(Heap.newRef(val));
            }
            long[] args = noValue ? new long[0] : Header.type(val) == Types.TUPLE ? Seq.items(val) : new long[]{val};
            try {
                return new PyException(Interp.call(typ, args, null));
            } finally {
                if (!noValue && Header.type(val) == Types.TUPLE) {
                    for (long a : args) Heap.decref(a);
                }
            }
        }
        if (Ops.isException(typ)) {
            if (!noValue) {
                throw PyException.of("TypeError", "instance exception may not have a separate value");
            }
            return new PyException(Heap.newRef(typ));
        }
        throw PyException.of("TypeError", "exceptions must be classes or instances deriving from BaseException, not "
                + Ops.typeName(typ));
    }

    /** {@code g.close()}. */
    static void close(long g) {
        State st = STATES.get(g);
        if (st == null || st.finished) {
            return;
        }
        if (!st.started) {
            finish(st);
            return;
        }
        long v;
        try {
            v = resume(g, Obj.NONE, PyException.withArgs("GeneratorExit", Obj.EMPTY_TUPLE));
        } catch (PyException e) {
            long cls = Ops.classOf(e.exc);
            if (Ops.isSubclass(cls, Runtime.builtinClass("GeneratorExit"))
                    || Ops.isSubclass(cls, Runtime.builtinClass("StopIteration"))) {
                Heap.decref(e.take());
                return;
            }
            throw e;
        }
        if (v != 0) {
            Heap.decref(v);
            throw PyException.of("RuntimeError", "generator ignored GeneratorExit");
        }
    }

    /** {@code __name__}, {@code __qualname__}, {@code gi_running}, {@code gi_suspended} (new reference), or 0. */
    static long attribute(long g, String name) {
        State st = STATES.get(g);
        return switch (name) {
            case "__name__" -> Heap.newRef(getLong(g + P));
            case "__qualname__" -> Heap.newRef(getLong(g + P + 8));
            case "gi_running" -> Obj.bool(st != null && st.claim.isClaimed());
            case "gi_suspended" -> Obj.bool(st != null && st.started && !st.claim.isClaimed() && !st.finished);
            default -> 0;
        };
    }

    /** Whether the generator still has a frame, so that finalizing it (closing) runs or releases it. */
    static boolean hasFrame(long g) {
        State st = STATES.get(g);
        return st != null && !st.finished;
    }

    /**
     * Deallocation: closes a suspended generator (reporting an escaping exception as unraisable), then drops
     * whatever it still holds without running more of its code.
     */
    static void release(long g) {
        State st = STATES.get(g);
        if (st == null) {
            return;
        }
        try {
            close(g);
        } catch (PyException e) {
            // PyErr_WriteUnraisable: an exception without a traceback gets the running frame's entry.
            Interp.Frame running = PyThread.current().frame;
            if (e.traceback.isEmpty() && running != null) {
                Interp.addTraceback(e, running);
            }
            Launcher.printUnraisable(e, g);
        }
        if (!st.finished && st.kind != THREAD) {
            finish(st);
        }
        STATES.remove(g);
    }
}
