package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in {@code _thread} module: Python threads as Java platform threads registered as runtime
 * threads, the lock types ({@link PyLocks}), thread identity, and what {@code threading} (written in
 * Python, {@code lib/threading.py}) needs underneath.
 *
 * <h2>Implementation notes</h2>
 * A thread started by {@code start_new_thread} runs {@link #runThread}: it registers and attaches
 * ({@code RuntimeThreads.run}), takes the GIL if the runtime has one (detached first, so a stopped world
 * never waits for it), calls the function, reports an uncaught exception, drops its frame chain, gives
 * the GIL up and unregisters (its merge queue is drained and its heaps abandoned by the exit listeners).
 * The function and arguments are new references handed from the starting thread to the new one through
 * {@code Thread.start} (JLS 17.4.5: everything before {@code start} happens-before the thread's actions).
 *
 * <table>
 *   <caption>Shared state</caption>
 *   <tr><th>state</th><th>rule</th></tr>
 *   <tr><td>{@link #THREADS} (Java thread id → {@link PyThreadInfo})</td><td>{@code ConcurrentHashMap}; an
 *       entry is added by the thread itself when it starts running Python (or by the launcher for the main
 *       thread) and removed when it ends</td></tr>
 *   <tr><td>{@code PyThreadInfo.name/daemon}</td><td>volatile; written by {@code threading} on the thread
 *       itself, read by the deadlock report</td></tr>
 *   <tr><td>{@code PyThreadInfo.waitingFor/waitSince}</td><td>volatile; written by the thread around a
 *       blocking lock acquisition, read by the deadlock detector</td></tr>
 *   <tr><td>{@link #LIVE}</td><td>concurrent set of the threads started here whose Java thread has not
 *       ended ({@code _thread._count()}, and what the end of a run waits on)</td></tr>
 * </table>
 */
final class ThreadModule {
    /** Java stack of a Python thread: the tree-walking evaluator needs far more than CPython's 8 MiB for 1000 frames. */
    private static final long STACK_SIZE = 512L << 20;

    static final ConcurrentHashMap<Long, PyThreadInfo> THREADS = new ConcurrentHashMap<>();
    /** Threads started by {@code start_new_thread} whose Java thread has not ended (the end of a run waits on them). */
    private static final java.util.Set<PyThreadInfo> LIVE = ConcurrentHashMap.newKeySet();

    /** {@link PyThreadInfo#phase}: started, not yet running Python; running Python; past its Python code; frozen. */
    static final int STARTING = 0, RUNNING = 1, EXITING = 2, FROZEN = 3;

    private ThreadModule() {
    }

    /** What the runtime knows about a thread that runs Python code. */
    static final class PyThreadInfo {
        final long ident;
        final Thread thread;
        volatile String name;
        volatile boolean daemon;
        volatile long waitingFor;
        volatile long waitSince;
        /** {@link #STARTING} … {@link #FROZEN}; written by the thread itself (the starter writes STARTING). */
        volatile int phase = RUNNING;
        /** The thread's runtime state once it registered (null before). */
        volatile ThreadState state;
        private volatile long nativeId;

        PyThreadInfo(Thread thread, String name, boolean daemon) {
            this.thread = thread;
            this.ident = thread.threadId();
            this.name = name;
            this.daemon = daemon;
        }

        void beginWait(long lock) {
            waitSince = System.nanoTime();
            waitingFor = lock;
        }

        void endWait() {
            waitingFor = 0;
        }

        long nativeId() {
            return nativeId;
        }
    }

    static PyThreadInfo infoOfCurrent() {
        return THREADS.get(Thread.currentThread().threadId());
    }

    /** Registers the calling thread as the main thread of a run. */
    static PyThreadInfo registerCurrent(String name, boolean daemon) {
        PyThreadInfo info = new PyThreadInfo(Thread.currentThread(), name, daemon);
        register(info);
        return info;
    }

    /** On the thread itself: makes {@code info} findable by ident and records its OS id and runtime state. */
    private static void register(PyThreadInfo info) {
        info.nativeId = currentNativeId();
        info.state = RuntimeThreads.current();
        THREADS.put(info.ident, info);
    }

    static void unregisterCurrent() {
        THREADS.remove(Thread.currentThread().threadId());
    }

    /** The OS thread id of the calling thread (Linux: {@code /proc/thread-self}); its Java id elsewhere. */
    private static long currentNativeId() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
        } catch (Exception e) {
            return Thread.currentThread().threadId();
        }
    }

    /** The functions of {@code _thread} ({@code name} without the module prefix). */
    static long call(String name, Builtins.Call c) {
        long[] a = c.args();
        return switch (name) {
            case "start_new_thread", "start_joinable_thread" -> {
                c.count(2, 3);
                yield startNewThread(a[0], a[1], c.npos() > 2 ? a[2] : 0);
            }
            case "allocate_lock", "allocate" -> {
                c.count(0, 0);
                yield PyLocks.newLock(Types.LOCK);
            }
            case "RLock" -> {
                c.count(0, 0);
                yield PyLocks.newLock(Types.RLOCK);
            }
            case "get_ident" -> Obj.newInt(Thread.currentThread().threadId());
            case "get_native_id" -> {
                PyThreadInfo info = infoOfCurrent();
                yield Obj.newInt(info != null ? info.nativeId() : currentNativeId());
            }
            case "_count" -> Obj.newInt(LIVE.size());
            case "stack_size" -> {
                c.count(0, 1);
                if (c.npos() > 0 && Obj.intValue(a[0]) != 0 && Obj.intValue(a[0]) < 32768) {
                    throw PyException.of("ValueError", "size not valid: " + Obj.intValue(a[0]) + " bytes");
                }
                yield Obj.newInt(0);
            }
            case "_set_thread_info" -> {
                c.count(2, 2);
                PyThreadInfo info = infoOfCurrent();
                if (info != null) {
                    info.name = Obj.str(a[0]);
                    info.daemon = Ops.truthy(a[1]);
                    info.thread.setName(info.name);
                }
                yield Obj.NONE;
            }
            case "_print_thread_exception" -> {
                c.count(2, 2);
                printThreadException(Obj.str(a[0]), a[1]);
                yield Obj.NONE;
            }
            case "_print_exception" -> {
                c.count(1, 1);
                Runtime rt = Runtime.current();
                rt.out.flush();
                Launcher.printException(a[0], PyException.tracebackOf(a[0]), rt.err, new java.util.HashSet<>());
                rt.err.flush();
                yield Obj.NONE;
            }
            case "_deadlock_mode" -> Obj.newStr(Runtime.current().deadlockMode);
            default -> throw PyException.of("AttributeError", "module '_thread' has no attribute '" + name + "'");
        };
    }

    /** {@code _thread.start_new_thread(function, args[, kwargs])}: the new thread's ident. */
    private static long startNewThread(long function, long args, long kwargs) {
        if (!Ops.isCallable(function)) {
            throw PyException.of("TypeError", "first arg must be callable");
        }
        if (io.github.ftmem.core.Header.type(args) != Types.TUPLE) {
            throw PyException.of("TypeError", "2nd arg must be a tuple");
        }
        if (kwargs != 0 && kwargs != Obj.NONE && io.github.ftmem.core.Header.type(kwargs) != Types.DICT) {
            throw PyException.of("TypeError", "optional 3rd arg must be a dictionary");
        }
        Runtime rt = Runtime.current();
        long fn = Heap.newRef(function);
        long positional = Heap.newRef(args);
        long keywords = kwargs == 0 || kwargs == Obj.NONE ? 0 : Heap.newRef(kwargs);
        PyThreadInfo[] started = new PyThreadInfo[1];
        Thread thread = new Thread(null, () -> {
            try {
                RuntimeThreads.run(() -> runThread(rt, started[0], fn, positional, keywords));
            } finally {
                LIVE.remove(started[0]);
            }
        }, "ftpy-thread", STACK_SIZE);
        thread.setDaemon(true);
        PyThreadInfo info = new PyThreadInfo(thread, thread.getName(), false);
        info.phase = STARTING;
        started[0] = info;
        LIVE.add(info);
        if (rt.gil == null) {
            Heap.sharedReads = true;
        }
        DeadlockDetector.ensureStarted(rt);
        thread.start();
        return Obj.newInt(thread.threadId());
    }

    private static void runThread(Runtime rt, PyThreadInfo info, long fn, long args, long kwargs) {
        ThreadState self = RuntimeThreads.current();
        register(info);
        Heap.cacheOwner();
        info.phase = RUNNING;
        if (rt.gil != null) {
            self.detach();
            Gil.afterBlocking(self);
        } else if (rt.finalizing) {
            freezeIfFinalizing(self);
        }
        try {
            long[] all = Seq.items(args);
            String[] kwnames = null;
            if (kwargs != 0) {
                int n = (int) Dict.size(kwargs);
                long[] withKw = java.util.Arrays.copyOf(all, all.length + n);
                kwnames = new String[n];
                int k = 0;
                for (long i = 0; i < Dict.filled(kwargs) && k < n; i++) {
                    long key = Dict.keyAt(kwargs, i);
                    if (key == 0) continue;
                    kwnames[k] = Obj.str(key);
                    withKw[all.length + k] = Heap.newRef(Dict.valueAt(kwargs, i));
                    k++;
                }
                all = withKw;
            }
            try {
                Heap.decref(Interp.call(fn, all, kwnames));
            } catch (PyException e) {
                if (!Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("SystemExit"))) {
                    rt.out.flush();
                    rt.err.println("Exception ignored in thread started by: " + Seq.repr(fn));
                    Launcher.printTraceback(e, rt.err);
                } else {
                    Heap.decref(e.take());
                }
            } catch (StackOverflowError e) {
                rt.err.println("Exception ignored in thread started by: " + Seq.repr(fn));
                rt.err.println("RecursionError: maximum recursion depth exceeded");
            } finally {
                for (long x : all) Heap.decref(x);
            }
        } catch (FatalPythonError e) {
            rt.out.flush();
            e.report(rt.err);
            rt.err.flush();
            java.lang.Runtime.getRuntime().halt(FatalPythonError.EXIT_STATUS);
        } catch (RuntimeException | Error e) {
            rt.out.flush();
            FatalPythonError.capture(e).report(rt.err);
            rt.err.flush();
            java.lang.Runtime.getRuntime().halt(FatalPythonError.EXIT_STATUS);
        } finally {
            info.phase = EXITING;
            Heap.decref(fn);
            Heap.decref(args);
            Heap.xdecref(kwargs);
            PyThread t = PyThread.currentOrNull();
            if (t != null) {
                t.finishPython();
                t.frame = null;
            }
            unregisterCurrent();
            Gil.releaseIfHeld(self);
            info.endWait();
        }
    }

    /** {@code threading.excepthook}'s default output: "Exception in thread NAME:" and the traceback. */
    private static void printThreadException(String threadName, long exc) {
        Runtime rt = Runtime.current();
        rt.out.flush();
        rt.err.println("Exception in thread " + threadName + ":");
        Launcher.printException(exc, PyException.tracebackOf(exc), rt.err, new java.util.HashSet<>());
        rt.err.flush();
    }

    // ---- the end of a run -----------------------------------------------------------------------------

    /** The pending-work bit that makes a daemon thread stop for good at its next safepoint. */
    static final int FREEZE = 1 << 4;

    /**
     * After the main module: {@code threading._shutdown()} (the atexit hooks registered with threading,
     * then a join of every non-daemon thread), if {@code threading} was imported. Returns the exit status
     * (an exception in the shutdown is reported as an uncaught one).
     */
    static int waitForThreads(Runtime rt, int status, java.io.PrintStream out, java.io.PrintStream err) {
        long threading = Dict.getStr(rt.modules, "threading");
        if (threading == 0) {
            return status;
        }
        long shutdown = Dict.getStr(Heap.getLong(threading + Heap.P), "_shutdown");
        if (shutdown == 0) {
            return status;
        }
        try {
            Heap.decref(Interp.call(shutdown, new long[0], null));
        } catch (PyException e) {
            out.flush();
            Launcher.printTraceback(e, err);
            return status == 0 ? 1 : status;
        }
        return status;
    }

    /**
     * Stops the threads still running Python code when the main thread ends (daemon threads, CPython
     * stops them too): each is asked to freeze at its next safepoint ({@link #FREEZE}), and a thread
     * blocked detached freezes when its blocking call returns ({@link Gil#afterBlocking}). Returns once
     * none of them is attached, so the runtime's teardown never races with their Python code. Frozen
     * threads stay parked, detached, holding their frames (what they reference is not freed).
     */
    static void freezeDaemonThreads(Runtime rt) {
        ThreadState self = RuntimeThreads.current();
        RuntimeThreads.setPendingHandler(FREEZE, ThreadModule::freezeIfFinalizing);
        rt.finalizing = true;
        if (LIVE.isEmpty()) {
            return;
        }
        for (PyThreadInfo info : LIVE) {
            ThreadState ts = info.state;
            if (ts != null) {
                ts.requestWork(FREEZE);
            }
        }
        Gil.beforeBlocking(self);
        try {
            while (!LIVE.stream().allMatch(ThreadModule::settled)) {
                Thread.onSpinWait();
                Thread.yield();
            }
        } finally {
            Gil.afterBlocking(self);
        }
    }

    /**
     * Whether a started thread can no longer touch the runtime during its teardown: frozen, or blocked
     * detached in Python code (it freezes when its blocking call returns). A thread that is starting,
     * running attached or past its Python code (its exit steps free objects) is waited for.
     */
    private static boolean settled(PyThreadInfo info) {
        int phase = info.phase;
        if (phase == FROZEN) {
            return true;
        }
        if (phase == RUNNING) {
            ThreadState ts = info.state;
            if (ts != null && !ts.isAttached()) {
                ts.requestWork(FREEZE);
                return true;
            }
        }
        return !info.thread.isAlive();
    }

    /** A thread's check at a safepoint or after a blocking call: once the run is ending, park for good. */
    static void freezeIfFinalizing(ThreadState self) {
        Runtime rt = Runtime.current();
        if (rt == null || !rt.finalizing || !self.isAttached() || self == rt.mainThread) {
            return;
        }
        PyThreadInfo info = infoOfCurrent();
        if (info == null || !LIVE.contains(info)) {
            // Not a thread started by start_new_thread (a generator's thread runs for its caller).
            return;
        }
        Gil.beforeBlocking(self);
        info.phase = FROZEN;
        while (true) {
            java.util.concurrent.locks.LockSupport.park();
        }
    }
}
