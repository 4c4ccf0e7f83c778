package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.allocator.AllocatorStatistics;
import io.github.ftmem.core.threads.RuntimeThreads;
import io.github.ftmem.core.threads.ThreadState;
import io.github.ftmem.core.threads.World;
import io.github.ftmem.gc.GcStats;
import io.github.ftmem.interpreter.resolve.Resolution;
import io.github.ftmem.interpreter.resolve.Resolver;
import io.github.ftmem.interpreter.syntax.Parser;
import io.github.ftmem.interpreter.syntax.Program;
import io.github.ftmem.interpreter.syntax.PySyntaxError;
import io.github.ftmem.interpreter.syntax.Source;
import io.github.ftmem.refcount.RefCount;
import io.github.ftmem.refcount.RefCountError;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Command line and program lifecycle: parses options, runs the program on a runtime thread with a
 * large Java stack (so that {@code sys.getrecursionlimit()} is reached long before the Java stack
 * ends), prints uncaught exceptions as CPython's traceback, tears the run down (module dict cleared,
 * final collections) and reports {@code -X showrefcount} / {@code -X stats}.
 *
 * <p>Runs are sequential within a process (tests run many programs in one JVM); {@link #run} is
 * synchronized for that reason.
 */
public final class Launcher {
    private static final long STACK_SIZE = 2L << 30;

    private static final String USAGE = "usage: ftpy [option] ... (FILE | -c CODE) [ARGS]";

    private static final String HELP = USAGE + "\n"
            + "Options:\n"
            + "-c CODE : program passed in as string (terminates option list)\n"
            + "-h, --help : print this help message and exit\n"
            + "-u, -B, -E : accepted for compatibility with CPython (no effect)\n"
            + "-X opt  : implementation-specific option:\n"
            + "    -X showrefcount: print the live references and the leaked ftmem blocks after the program\n"
            + "    -X stats: print allocator, refcount and collector statistics after the program\n"
            + "    -X gil=0|1: run free-threaded (0, the default) or with a global interpreter lock (1)\n"
            + "    -X deadlock=report|exit: when threads deadlock on Python locks, report it on stderr and keep\n"
            + "         waiting (report, the default) or exit with status 1 after the report (exit)\n"
            + "    -X lockfree=0|1, -X deferred=0|1, -X rc=biased|atomic: ablations of PEP 703's techniques, for\n"
            + "         measuring them (bench/run-ablation): container reads by threads take the lock (lockfree=0);\n"
            + "         functions, methods, classes and modules are counted like any object (deferred=0); every\n"
            + "         count on the shared word with atomics instead of biased counting (rc=atomic)\n"
            + "    -X dev: development mode: the allocator's debug mode (fill patterns, canaries, exact double\n"
            + "         and foreign free), refcount debug checks and memory address checks all on; a misuse\n"
            + "         they find is reported as 'Fatal Python error' with the Python traceback, exit 134\n"
            + "FILE    : program read from script file\n"
            + "ARGS    : arguments passed to program in sys.argv[1:]\n"
            + "\n"
            + "Environment variables:\n"
            + "PYTHON_GIL : 0 or 1, as -X gil\n"
            + "PYTHONDEVMODE : 1 enables -X dev";

    private Launcher() {
    }

    /** Runs ftpy with command-line {@code args}; returns the process exit status. */
    public static synchronized int run(String[] args, OutputStream stdout, OutputStream stderr) {
        PrintStream out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(stderr, false, StandardCharsets.UTF_8);
        try {
            return runParsed(args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int runParsed(String[] args, PrintStream out, PrintStream err) {
        boolean showRefcount = false, stats = false;
        String deadlockMode = "report";
        boolean lockFree = true;
        boolean deferred = true;
        String refcountMode = null;
        boolean devMode = "1".equals(System.getenv("PYTHONDEVMODE"));
        String gilEnv = System.getenv("PYTHON_GIL");
        Boolean gil = null;
        if (gilEnv != null && !gilEnv.isEmpty()) {
            if (!gilEnv.equals("0") && !gilEnv.equals("1")) {
                err.println("Fatal Python error: config_read_gil: PYTHON_GIL / -X gil must be \"0\" or \"1\"");
                return 2;
            }
            gil = gilEnv.equals("1");
        }
        String code = null, file = null;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-X") || (a.startsWith("-X") && a.length() > 2)) {
                String opt = a.length() > 2 ? a.substring(2) : (++i < args.length ? args[i] : null);
                if (opt == null) {
                    err.println("Argument expected for the -X option");
                    return 2;
                }
                switch (opt) {
                    case "showrefcount" -> showRefcount = true;
                    case "stats" -> stats = true;
                    case "gil=0", "gil=1" -> gil = opt.equals("gil=1");
                    case "dev" -> devMode = true;
                    case "deadlock=report", "deadlock=exit" -> deadlockMode = opt.substring("deadlock=".length());
                    case "lockfree=0", "lockfree=1" -> lockFree = opt.equals("lockfree=1");
                    case "deferred=0", "deferred=1" -> deferred = opt.equals("deferred=1");
                    case "rc=atomic", "rc=biased" -> refcountMode = opt.substring("rc=".length()).toUpperCase(java.util.Locale.ROOT);
                    default -> {
                        err.println("ftpy: unknown -X option '" + opt + "'");
                        return 2;
                    }
                }
            } else if (a.equals("-c")) {
                if (++i >= args.length) {
                    err.println("Argument expected for the -c option");
                    return 2;
                }
                code = args[i];
                i++;
                break;
            } else if (a.equals("-h") || a.equals("--help") || a.equals("-?")) {
                out.println(HELP);
                return 0;
            } else if (a.equals("-u") || a.equals("-B") || a.equals("-E")) {
                continue;
            } else if (a.startsWith("-") && !a.equals("-")) {
                err.println("Unknown option: " + a);
                return 2;
            } else {
                file = a;
                i++;
                break;
            }
        }
        if (code == null && file == null) {
            err.println(USAGE);
            return 2;
        }
        if (refcountMode != null && !refcountMode.equals(RefCount.MODE.name())) {
            err.println("ftpy: -X rc=" + refcountMode.toLowerCase(java.util.Locale.ROOT) + " needs refcount's "
                    + refcountMode + " mode, which is chosen when the JVM starts: run it through ./ftpy, or start java"
                    + " with -Dftmem.refcount.mode=" + refcountMode);
            return 2;
        }
        if (devMode && !DevMode.active()) {
            err.println("ftpy: -X dev needs the ftmem debug checks, which are chosen when the JVM starts: run it"
                    + " through ./ftpy, or start java with " + DevMode.JVM_FLAGS);
            return 2;
        }
        String text;
        String fileName;
        List<String> argv = new ArrayList<>();
        if (code != null) {
            text = code;
            fileName = "<string>";
            argv.add("-c");
        } else {
            fileName = file;
            try {
                text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                err.println("ftpy: can't open file '" + Path.of(file).toAbsolutePath() + "': [Errno 2] No such file or directory");
                return 2;
            } catch (IOException e) {
                err.println("ftpy: can't open file '" + Path.of(file).toAbsolutePath() + "': " + e.getMessage());
                return 2;
            }
            argv.add(file);
        }
        argv.addAll(Arrays.asList(args).subList(i, args.length));
        Source source = new Source(fileName, text);
        String scriptDirectory = file == null ? ""
                : String.valueOf(Path.of(file).toAbsolutePath().normalize().getParent());
        AtomicInteger status = new AtomicInteger();
        boolean refs = showRefcount, st = stats;
        boolean gilEnabled = gil != null && gil;
        String deadlock = deadlockMode;
        boolean lockFreeReads = lockFree, deferObjects = deferred;
        Thread t = new Thread(null, () -> {
            Heap.lockFreeReads = lockFreeReads;
            Heap.deferObjects = deferObjects;
            try {
                RuntimeThreads.run(() -> status.set(execute(source, scriptDirectory, argv, out, err, refs, st, gilEnabled, deadlock)));
            } catch (FatalPythonError e) {
                out.flush();
                e.report(err);
                status.set(FatalPythonError.EXIT_STATUS);
            } catch (RuntimeException | Error e) {
                out.flush();
                FatalPythonError.capture(e).report(err);
                status.set(FatalPythonError.EXIT_STATUS);
            }
        }, "ftpy-main", STACK_SIZE);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            Heap.lockFreeReads = true;
            Heap.deferObjects = true;
        }
        return status.get();
    }

    private static int execute(Source source, String scriptDirectory, List<String> argv, PrintStream out, PrintStream err,
                               boolean showRefcount, boolean stats, boolean gilEnabled, String deadlockMode) {
        long baseline = Heap.liveBlocks() - Heap.immortalBlocks();
        Resolution resolution;
        try {
            Program program = Parser.parse(source);
            resolution = Resolver.resolve(program);
        } catch (PySyntaxError e) {
            out.flush();
            err.print(e.format());
            if (showRefcount) {
                err.println("[" + liveRefs() + " refs, " + (Heap.liveBlocks() - Heap.immortalBlocks() - baseline) + " blocks]");
            }
            return 1;
        }
        Runtime rt = new Runtime(out, err);
        rt.argv = argv.toArray(new String[0]);
        rt.scriptDirectory = scriptDirectory;
        rt.gilEnabled = gilEnabled;
        rt.deadlockMode = deadlockMode;
        ThreadState self = RuntimeThreads.current();
        rt.mainThread = self;
        if (gilEnabled) {
            Gil.installHandler();
            rt.gil = new Gil();
            self.detach();
            rt.gil.acquire(self);
            self.attach();
        }
        ThreadModule.registerCurrent("MainThread", false);
        rt.sources.put(source.fileName(), source);
        rt.collector.installScheduledHandler();
        int status = 0;
        // The program runs as module __main__, registered in sys.modules as CPython does.
        long mainModule = Builtins.newModule("__main__");
        long globals = Heap.newRef(Obj.field(mainModule, 0));
        try {
            Dict.putStr(rt.modules, "__main__", mainModule);
            Dict.putStr(globals, "__builtins__", rt.builtins);
            Dict.putStr(globals, "__doc__", Obj.NONE);
            if (!source.fileName().startsWith("<")) {
                long file = Obj.newStr(source.fileName());
                Dict.putStr(globals, "__file__", file);
                Heap.decref(file);
            }
            try {
                Interp.runModule(resolution, source, globals);
            } catch (PyException e) {
                status = handleUncaught(e, out, err);
            } catch (StackOverflowError e) {
                out.flush();
                err.println("RecursionError: maximum recursion depth exceeded");
                status = 1;
            }
            status = ThreadModule.waitForThreads(rt, status, out, err);
            out.flush();
            ThreadModule.freezeDaemonThreads(rt);
            // Only this thread runs Python code from here on (the others ended or are frozen): loads go
            // back to plain borrowed reads, and what it kept alive for its safepoint is released.
            Heap.sharedReads = false;
            PyThread mainState = PyThread.currentOrNull();
            if (mainState != null) {
                mainState.finishPython();
            }
            Dict.clear(globals);
            Heap.decref(globals);
            Heap.decref(mainModule);
            rt.shutdown();
        } catch (FatalPythonError e) {
            // The heap cannot be trusted any more: report and end the run without tearing it down,
            // as CPython's Py_FatalError aborts.
            out.flush();
            e.report(err);
            return FatalPythonError.EXIT_STATUS;
        } catch (RuntimeException | RefCountError | AssertionError e) {
            out.flush();
            FatalPythonError.capture(e).report(err);
            return FatalPythonError.EXIT_STATUS;
        } finally {
            rt.collector.uninstallScheduledHandler();
            ThreadModule.unregisterCurrent();
            Gil.releaseIfHeld(self);
        }
        out.flush();
        if (stats) {
            printStats(rt, err);
        }
        if (showRefcount) {
            long blocks = Heap.liveBlocks() - Heap.immortalBlocks() - baseline;
            err.println("[" + liveRefs() + " refs, " + blocks + " blocks]");
        }
        return status;
    }

    private static int handleUncaught(PyException e, PrintStream out, PrintStream err) {
        long exc = e.take();
        try {
            if (Ops.isSubclass(Ops.classOf(exc), Runtime.builtinClass("SystemExit"))) {
                long args = Obj.field(exc, 16);
                if (args == 0 || Obj.tupleSize(args) == 0) return 0;
                long code = Obj.tupleItem(args, 0);
                if (code == Obj.NONE) return 0;
                if (Obj.isSmallInt(code)) return (int) Obj.intValue(code);
                out.flush();
                err.println(Seq.str(code));
                return 1;
            }
            out.flush();
            printException(exc, e.traceback, err, new java.util.HashSet<>());
            return 1;
        } finally {
            Heap.decref(exc);
        }
    }

    /**
     * Reports an exception that cannot propagate (raised by a finalizer or a weakref callback) the way
     * CPython's {@code PyErr_WriteUnraisable} does: "Exception ignored in: ..." and the traceback on stderr.
     */
    static void printUnraisable(PyException e, long where) {
        Runtime rt = Runtime.current();
        rt.out.flush();
        rt.err.println("Exception ignored in: " + Seq.repr(where));
        printTraceback(e, rt.err);
    }

    /** Prints {@code e}'s traceback and exception (with its causes) to {@code err} and releases the exception. */
    static void printTraceback(PyException e, PrintStream err) {
        long exc = e.take();
        try {
            printException(exc, e.traceback, err, new java.util.HashSet<>());
        } finally {
            Heap.decref(exc);
        }
    }

    static void printException(long exc, List<String> traceback, PrintStream err, java.util.Set<Long> seen) {
        seen.add(exc);
        long cause = Obj.field(exc, 24);
        long context = Obj.field(exc, 32);
        if (cause != 0 && !seen.contains(cause)) {
            printException(cause, PyException.tracebackOf(cause), err, seen);
            err.println("\nThe above exception was the direct cause of the following exception:\n");
        } else if (context != 0 && Obj.field(exc, 40) == 0 && !seen.contains(context)) {
            printException(context, PyException.tracebackOf(context), err, seen);
            err.println("\nDuring handling of the above exception, another exception occurred:\n");
        }
        if (!traceback.isEmpty()) {
            err.println("Traceback (most recent call last):");
            for (String line : traceback) {
                err.println(line);
            }
        }
        err.println(exceptionLine(exc));
    }

    static String exceptionLine(long exc) {
        long cls = Ops.classOf(exc);
        String module = Obj.str(Obj.field(cls, 48));
        String name = Obj.str(Obj.field(cls, 40));
        String type = module.equals("__main__") || module.equals("builtins") ? name : module + "." + name;
        String msg;
        try {
            msg = Seq.str(exc);
        } catch (PyException inner) {
            Heap.decref(inner.take());
            msg = "<exception str() failed>";
        }
        return msg.isEmpty() ? type : type + ": " + msg;
    }

    /** Sum of the reference counts of the live non-immortal objects (CPython's "refs"). */
    private static long liveRefs() {
        long[] total = {0};
        World.stop();
        try {
            for (int tag : new int[]{Heap.TAG_OBJECT, Heap.TAG_GC}) {
                Heap.ALLOCATOR.visit(tag, (address, size) -> {
                    if (!RefCount.isImmortal(address)) {
                        total[0] += RefCount.refcount(address);
                    }
                });
            }
        } finally {
            World.start();
        }
        return total[0];
    }

    private static void printStats(Runtime rt, PrintStream err) {
        AllocatorStatistics a = Heap.ALLOCATOR.statistics();
        GcStats g = rt.collector.stats();
        err.println("allocator: " + a.liveBlocks() + " live blocks, " + a.liveBytes() + " live bytes, "
                + a.committedBytes() + " committed bytes");
        err.println("objects: " + (Heap.liveBlocks() - Heap.immortalBlocks()) + " live blocks (" + Heap.immortalBlocks()
                + " immortal)");
        RefCount.Counters c = RefCount.counters();
        err.println("refcount: mode " + RefCount.MODE + ", " + c.ownerOps() + " owner ops, " + c.sharedOps() + " shared ops, " + c.queued()
                + " queued, " + c.merged() + " merged" + (RefCount.COUNTERS ? "" : " (counters off: -Dftmem.refcount.counters=true)"));
        long[] reads = PyThread.sharedReadCounts();
        err.println("shared reads: " + reads[0] + " lock-free, " + reads[1] + " under the container's lock (while threads ran)");
        err.println("gc: " + g.collections() + " collections, " + g.collected() + " collected, " + g.uncollectable()
                + " uncollectable, max pause " + g.maxPauseNanos() / 1000 + " us, total pause "
                + g.totalPauseNanos() / 1000 + " us");
    }
}
