package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.gc.ObjectVisitor;

import java.util.concurrent.ConcurrentHashMap;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;

/**
 * Generators for the tree-walking evaluator: the body of a generator runs on its own runtime thread
 * (a platform thread registered with {@link RuntimeThreads}), and control passes between the caller
 * and the generator by a strict hand-off, so exactly one of them runs Python code at a time.
 *
 * <h2>Protocol</h2>
 * {@code State.turn} is CALLER or GENERATOR, written under the state's monitor and waited for with
 * {@code wait/notifyAll}; the side that is not running is detached from the runtime (so a
 * stop-the-world never waits for it) and holds no Python references in Java locals except counted
 * ones. Values cross as counted references in {@code transfer}; exceptions as {@link PyException}s.
 *
 * <table>
 *   <caption>Generator states</caption>
 *   <tr><th>state</th><th>thread</th><th>frame slots</th></tr>
 *   <tr><td>created</td><td>none</td><td>arguments bound (owned by the frame)</td></tr>
 *   <tr><td>suspended</td><td>parked in {@code yield}</td><td>live</td></tr>
 *   <tr><td>running</td><td>running, caller parked</td><td>live</td></tr>
 *   <tr><td>finished</td><td>exited</td><td>released</td></tr>
 * </table>
 *
 * <p>The heap object ({@code GENERATOR}: +0 name, +8 qualname) is GC-tracked; its frame's slots are
 * reported by {@link #traverse} from {@link #STATES} (a concurrent map keyed by the generator's
 * address: written by the thread that creates or frees the generator, read by the collector with the
 * world stopped). Deallocating a suspended generator closes it (GeneratorExit at its yield) and
 * waits for its thread to finish.
 *
 * <p>Frame chain ({@link PyThread}): the generator's frame is the bottom frame of its own thread's
 * chain ({@code back == null}, no uncounted function reference), so the root scanner sees it once;
 * the caller's frames stay on the caller's chain. The body's call depth continues from the resuming
 * caller's ({@code State.depth}, set before every hand-off).
 */
final class Generators {
    private static final ConcurrentHashMap<Long, State> STATES = new ConcurrentHashMap<>();
    private static final long STACK_SIZE = 32L << 20;

    private static final int CALLER = 0, GENERATOR = 1;

    static final class State {
        final Interp.Frame frame;
        int turn = CALLER;
        boolean started;
        boolean finished;
        boolean running;
        long transfer;
        PyException thrown;
        PyException raised;
        long returned;
        /**
         * The call depth the body continues from: the resuming caller's depth + 1, written by the caller
         * before each hand-off, read by the generator's thread after it (ordered by the monitor).
         */
        int depth;

        State(Interp.Frame frame) {
            this.frame = frame;
        }
    }

    private Generators() {
    }

    /** A new generator for a bound frame (the frame's slots are handed over). */
    static long create(Interp.Frame frame, long function) {
        long g = Heap.object(Types.GENERATOR, 16);
        putLong(g + P, Heap.newRef(Obj.field(function, 40)));
        putLong(g + P + 8, Heap.newRef(Obj.field(function, 48)));
        State st = new State(frame);
        frame.generator = st;
        STATES.put(g, st);
        return g;
    }

    static void traverse(long g, ObjectVisitor v) {
        State st = STATES.get(g);
        if (st == null || st.finished || st.running) {
            return;
        }
        for (long x : st.frame.slots) {
            if (x != 0) {
                v.visit(x);
            }
        }
    }

    /**
     * Resumes the generator with {@code send} (borrowed) or by raising {@code toThrow} at its yield.
     * Returns the next yielded value (new reference) or 0 when the generator returned (its value is
     * then in {@code st.returned}, taken by the caller).
     */
    private static long resume(long g, long send, PyException toThrow) {
        State st = STATES.get(g);
        if (st == null || st.finished) {
            if (toThrow != null) {
                throw toThrow;
            }
            return 0;
        }
        if (st.running) {
            if (toThrow != null) {
                Heap.decref(toThrow.take());
            }
            throw PyException.of("ValueError", "generator already executing");
        }
        if (!st.started && send != Obj.NONE && toThrow == null) {
            throw PyException.of("TypeError", "can't send non-None value to a just-started generator");
        }
        PyThread caller = PyThread.current();
        int callerDepth = caller.depth;
        if (callerDepth >= caller.runtime.recursionLimit) {
            if (toThrow != null) {
                Heap.decref(toThrow.take());
            }
            throw PyException.of("RecursionError", "maximum recursion depth exceeded");
        }
        st.transfer = Heap.newRef(send);
        st.thrown = toThrow;
        st.running = true;
        st.depth = callerDepth + 1;
        if (!st.started) {
            st.started = true;
            Thread t = new Thread(null, () -> RuntimeThreads.run(() -> body(st)), "ftpy-generator", STACK_SIZE);
            t.setDaemon(true);
            handOffAndWait(st, t);
        } else {
            handOffAndWait(st, null);
        }
        st.running = false;
        if (st.raised != null) {
            PyException e = st.raised;
            st.raised = null;
            throw e;
        }
        long v = st.transfer;
        st.transfer = 0;
        return v;
    }

    /** Caller side: gives the turn to the generator (starting its thread if given) and waits for it back. */
    private static void handOffAndWait(State st, Thread start) {
        ThreadState self = RuntimeThreads.current();
        self.detach();
        try {
            synchronized (st) {
                st.turn = GENERATOR;
                if (start != null) {
                    start.start();
                }
                st.notifyAll();
                while (st.turn != CALLER) {
                    st.wait();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            self.attach();
        }
    }

    private static void body(State st) {
        waitForTurn(st, GENERATOR);
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
            if (Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("StopIteration"))) {
                PyException re = PyException.of("RuntimeError", "generator raised StopIteration");
                Obj.setField(re.exc, 24, e.take());
                st.raised = re;
            } else {
                st.raised = e;
            }
        } catch (StackOverflowError e) {
            st.raised = PyException.of("RecursionError", "maximum recursion depth exceeded");
        } catch (RuntimeException | Error e) {
            st.raised = PyException.of("SystemError", "ftpy internal error in a generator: " + e);
        } finally {
            self.frame = null;
            Interp.releaseFrame(f);
            st.finished = true;
            synchronized (st) {
                st.turn = CALLER;
                st.notifyAll();
            }
        }
    }

    private static void waitForTurn(State st, int turn) {
        synchronized (st) {
            while (st.turn != turn) {
                try {
                    st.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** {@code yield value} on the generator's thread: value stolen; returns the sent value (new reference). */
    static long yieldValue(State st, long value) {
        st.transfer = value;
        ThreadState self = RuntimeThreads.current();
        self.detach();
        try {
            synchronized (st) {
                st.turn = CALLER;
                st.notifyAll();
                while (st.turn != GENERATOR) {
                    st.wait();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            self.attach();
        }
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

    /** {@code next(g)}: the next value (new reference) or 0 when exhausted. */
    static long next(long g) {
        try {
            long v = resume(g, Obj.NONE, null);
            return v;
        } catch (PyException e) {
            if (Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("StopIteration"))) {
                Heap.decref(e.take());
                return 0;
            }
            throw e;
        }
    }

    /** {@code g.send(v)}: the next value; StopIteration at the end. */
    static long send(long g, long value) {
        long v = resume(g, value, null);
        if (v == 0) {
            throw PyException.withArgs("StopIteration", Obj.EMPTY_TUPLE);
        }
        return v;
    }

    /** {@code g.throw(exc)}. */
    static long throwInto(long g, long exc) {
        long e = exc;
        if (Header.type(e) == Types.CLASS) {
            e = Interp.call(exc, new long[0], null);
        } else {
            Heap.incref(e);
        }
        long v = resume(g, Obj.NONE, new PyException(e));
        if (v == 0) {
            throw PyException.withArgs("StopIteration", Obj.EMPTY_TUPLE);
        }
        return v;
    }

    /** {@code g.close()}. */
    static void close(long g) {
        State st = STATES.get(g);
        if (st == null || st.finished) {
            return;
        }
        if (!st.started) {
            st.finished = true;
            Interp.releaseFrame(st.frame);
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

    static boolean isSuspended(long g) {
        State st = STATES.get(g);
        return st != null && st.started && !st.finished;
    }

    /** Deallocation: closes a suspended generator, releases an unstarted one's frame. */
    static void release(long g) {
        try {
            close(g);
        } catch (PyException e) {
            Runtime rt = Runtime.current();
            rt.err.println("Exception ignored in: <generator object " + Obj.str(getLong(g + P + 8)) + " at 0x"
                    + Long.toHexString(g) + ">");
            long exc = e.take();
            try {
                Launcher.printException(exc, e.traceback, rt.err, new java.util.HashSet<>());
            } finally {
                Heap.decref(exc);
            }
        }
        STATES.remove(g);
    }
}
