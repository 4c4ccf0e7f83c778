package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.embed.RefCountReferenceCounts;
import io.github.ftmem.gc.Collector;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;


/**
 * The state of one interpreter run: the cycle collector wired to the ftmem heap, the builtins and
 * {@code sys.modules}, the output streams, the recursion limit. Process-wide immortal state (builtin
 * classes, singletons, interned strs) is created once and shared by successive runs.
 *
 * <p>Thread safety: {@link #current()} is a static volatile set for the duration of a run (runs in one
 * process are sequential) and shared by all threads of the run. The per-thread part (frame chain,
 * call depth) is each thread's {@link PyThread}; the collector's root scanner
 * ({@link PyThread#scanner}) walks those chains with the world stopped and reports the frames'
 * uncounted references to deferred objects. The process-wide start-up state ({@code BUILTIN_CLASSES},
 * {@code TYPE_CLASS}, {@code ITER_CLASS}, {@code memoryError}) is written once under this class's lock
 * by {@link #createClasses} and only read afterwards: visible to the constructing thread through the
 * lock and to the threads it starts through {@code Thread.start}. {@link #recursionLimit} and the gc
 * thresholds are plain: a thread may apply a new value late. docs/interpreter.md "Threads" has the
 * rule of every static of the package.
 */
public final class Runtime {
    private static volatile Runtime current;
    private static final Map<String, Long> BUILTIN_CLASSES = new HashMap<>();
    static final long[] TYPE_CLASS = new long[Types.COUNT];
    static final long[] ITER_CLASS = new long[Iter.CLASS_NAMES.length];
    private static long memoryError;
    private static boolean classesCreated;

    public final Collector collector;
    public final PrintStream out;
    public final PrintStream err;
    public long builtins;
    public long modules;
    public int recursionLimit = 1000;
    /** gc.set_threshold's second and third values (the collector is not generational; kept for get_threshold). */
    long threshold1 = 10, threshold2 = 10;
    /**
     * Uncounted frame references the root scanner reported in the last collection (a diagnostic for
     * tests): written by the collecting thread with the world stopped, read afterwards by that thread.
     */
    int deferredRootsAtLastScan;
    public final Map<String, io.github.ftmem.interpreter.syntax.Source> sources = new java.util.concurrent.ConcurrentHashMap<>();
    public String[] argv = new String[0];
    /** {@code sys.path[0]}: the script's directory, or "" (the working directory) for {@code -c} and stdin. */
    public String scriptDirectory = "";

    /** The initial {@code sys.path}: the script's directory, then the modules shipped with ftpy. */
    java.util.List<String> defaultPath() {
        return java.util.List.of(scriptDirectory, Imports.LIB);
    }
    /** {@code -X gil=1} / {@code PYTHON_GIL=1}: reported by {@code sys._is_gil_enabled()}; {@link #gil} is then set. */
    boolean gilEnabled;
    /** The global interpreter lock when {@link #gilEnabled}, else null (free-threaded). Set before the program runs. */
    Gil gil;
    /** {@code sys.setswitchinterval} in free-threaded mode (kept and reported; the GIL uses its own). */
    volatile double switchInterval = 0.005;
    /** {@code -X deadlock=report} (the default) or {@code exit}: what {@link DeadlockDetector} does after its report. */
    String deadlockMode = "report";
    /** The thread that runs the main module; set before it runs. */
    io.github.ftmem.core.threads.ThreadState mainThread;
    /** Set once the main module and the non-daemon threads are done: other threads freeze ({@link ThreadModule#freezeDaemonThreads}). */
    volatile boolean finalizing;

    public Runtime(PrintStream out, PrintStream err) {
        Heap.sharedReads = false;
        PyThread.resetSharedReadCounts();
        this.out = out;
        this.err = err;
        Collector.Builder b = Collector.builder()
                .objectSpace(Runtime::forEachTracked)
                .referenceCounts(RefCountReferenceCounts.INSTANCE)
                .rootScanner(PyThread.scanner(this))
                .weakReferences(WeakRefs.HOOKS);
        for (int t = 1; t < Types.COUNT; t++) {
            if (Types.isGc(t)) {
                b.type(t, Types.GC_OPERATIONS);
            }
        }
        collector = b.build();
        current = this;
        Obj.initImmortals();
        createClasses();
        Finalizers.internNames();
        builtins = Builtins.createModule();
        modules = Dict.newDict();
        Heap.cacheOwner();
    }

    /**
     * The collector's object space: every tracked block of the GC heap, instances first in creation
     * order (CPython's gc lists are in allocation order, which fixes the order finalizers run in), then
     * the other objects in heap order. World stopped; only Java-heap scratch is allocated.
     */
    private static void forEachTracked(io.github.ftmem.gc.ObjectVisitor visitor) {
        Finalizers.forgetPauseLookups();
        AddressList instances = new AddressList();
        AddressList others = new AddressList();
        Heap.ALLOCATOR.visit(Heap.TAG_GC, (address, size) -> {
            if (Header.hasGcBits(address, Header.GC_TRACKED)) {
                (Header.type(address) == Types.INSTANCE ? instances : others).add(address);
            }
        });
        long[] found = instances.items;
        int n = instances.size;
        long[] serials = new long[n];
        boolean sorted = true;
        long maxSerial = 0;
        for (int i = 0; i < n; i++) {
            long serial = Obj.field(found[i], 48);
            serials[i] = serial;
            sorted &= i == 0 || serials[i - 1] < serial;
            maxSerial = Math.max(maxSerial, serial);
        }
        if (!sorted) {
            found = inCreationOrder(found, serials, n, maxSerial);
        }
        for (int i = 0; i < n; i++) {
            visitor.visit(found[i]);
        }
        long[] rest = others.items;
        for (int i = 0; i < others.size; i++) {
            visitor.visit(rest[i]);
        }
    }

    /** A growable array of addresses (Java-heap scratch of one object-space walk). */
    private static final class AddressList {
        long[] items = new long[1024];
        int size;

        void add(long address) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = address;
        }
    }

    /**
     * The first {@code n} addresses ordered by their (distinct, non-negative) serials. When serial and
     * index fit one long together, the packed keys {@code serial << bits | index} go through
     * {@link java.util.Arrays#sort(long[], int, int)} (heap order is made of long runs of serials, which
     * the JDK's sort detects and merges); otherwise a quicksort on the two arrays.
     */
    private static long[] inCreationOrder(long[] addresses, long[] serials, int n, long maxSerial) {
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(n - 1, 1));
        if (maxSerial >= 1L << (63 - bits)) {
            sortBy(serials, addresses, 0, n - 1);
            return addresses;
        }
        for (int i = 0; i < n; i++) {
            serials[i] = serials[i] << bits | i;
        }
        java.util.Arrays.sort(serials, 0, n);
        long mask = (1L << bits) - 1;
        long[] ordered = new long[n];
        for (int i = 0; i < n; i++) {
            ordered[i] = addresses[(int) (serials[i] & mask)];
        }
        return ordered;
    }

    /**
     * Sorts {@code keys[lo..hi]} (distinct) ascending and permutes {@code values} alike: a quicksort on
     * two primitive arrays, so ordering a million instances allocates nothing per instance.
     */
    private static void sortBy(long[] keys, long[] values, int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < keys[lo]) swap(keys, values, mid, lo);
            if (keys[hi] < keys[lo]) swap(keys, values, hi, lo);
            if (keys[hi] < keys[mid]) swap(keys, values, hi, mid);
            long pivot = keys[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (keys[i] < pivot) i++;
                while (keys[j] > pivot) j--;
                if (i <= j) swap(keys, values, i++, j--);
            }
            if (j - lo < hi - i) {
                sortBy(keys, values, lo, j);
                lo = i;
            } else {
                sortBy(keys, values, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && keys[j] < keys[j - 1]; j--) swap(keys, values, j, j - 1);
        }
    }

    private static void swap(long[] keys, long[] values, int a, int b) {
        long k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        long v = values[a];
        values[a] = values[b];
        values[b] = v;
    }

    public static Runtime current() {
        return current;
    }

    static Runtime currentOrNull() {
        return current;
    }

    /** Releases the run's builtins and modules; what remains afterwards is garbage or a leak. */
    public void shutdown() {
        Dict.clear(modules);
        // Finalizers of garbage cycles may still run Python code: builtins stay available until then.
        collector.collect();
        collector.collect();
        long m = modules;
        modules = 0;
        Heap.decref(m);
        long b = builtins;
        builtins = 0;
        Heap.decref(b);
        collector.collect();
    }

    static long builtinClass(String name) {
        Long c = BUILTIN_CLASSES.get(name);
        if (c == null) {
            throw new IllegalStateException("no builtin class " + name);
        }
        return c;
    }

    static Map<String, Long> builtinClasses() {
        return BUILTIN_CLASSES;
    }

    static long memoryErrorInstance() {
        Heap.incref(memoryError);
        return memoryError;
    }

    private static synchronized void createClasses() {
        if (classesCreated) {
            return;
        }
        long object = builtin("object", 0, Types.INSTANCE);
        String[][] plain = {{"NoneType", "1"}, {"int", "3"}, {"bool", "2"}, {"float", "5"}, {"str", "6"},
                {"tuple", "7"}, {"list", "8"}, {"dict", "9"}, {"set", "10"}, {"range", "11"}, {"function", "12"},
                {"cell", "13"}, {"type", "14"}, {"method", "16"}, {"builtin_function_or_method", "17"},
                {"module", "18"}, {"iterator", "19"}, {"dict_view", "20"}, {"ellipsis", "21"},
                {"NotImplementedType", "22"}, {"property", "23"}, {"staticmethod", "24"}, {"classmethod", "25"},
                {"frozenset", "26"}, {"slice", "27"}, {"super", "28"}, {"weakref.ReferenceType", "29"}, {"generator", "30"},
                {"_thread.lock", "31"}, {"_thread.RLock", "32"}, {"array_storage", "33"}};
        for (String[] p : plain) {
            int kind = Integer.parseInt(p[1]);
            long base = kind == Types.BOOL ? BUILTIN_CLASSES.get("int") : object;
            TYPE_CLASS[kind] = builtin(p[0], base, kind);
        }
        // CPython's tp_name "weakref.ReferenceType": errors name it so; __name__ and repr use these fields.
        Obj.setField(TYPE_CLASS[Types.WEAKREF], 40, Obj.intern("ReferenceType"));
        Obj.setField(TYPE_CLASS[Types.WEAKREF], 48, Obj.intern("weakref"));
        Obj.setField(TYPE_CLASS[Types.LOCK], 40, Obj.intern("lock"));
        Obj.setField(TYPE_CLASS[Types.LOCK], 48, Obj.intern("_thread"));
        Obj.setField(TYPE_CLASS[Types.RLOCK], 40, Obj.intern("RLock"));
        Obj.setField(TYPE_CLASS[Types.RLOCK], 48, Obj.intern("_thread"));
        TYPE_CLASS[Types.BIGINT] = TYPE_CLASS[Types.INT];
        for (int k = 0; k < Iter.CLASS_NAMES.length; k++) {
            ITER_CLASS[k] = builtin(Iter.CLASS_NAMES[k], object, Types.ITER);
        }
        TYPE_CLASS[Types.INSTANCE] = object;
        String[][] exceptions = {{"BaseException", "object"}, {"Exception", "BaseException"},
                {"SystemExit", "BaseException"}, {"KeyboardInterrupt", "BaseException"},
                {"GeneratorExit", "BaseException"}, {"ArithmeticError", "Exception"},
                {"ZeroDivisionError", "ArithmeticError"}, {"OverflowError", "ArithmeticError"},
                {"LookupError", "Exception"}, {"IndexError", "LookupError"}, {"KeyError", "LookupError"},
                {"ValueError", "Exception"}, {"TypeError", "Exception"}, {"NameError", "Exception"},
                {"UnboundLocalError", "NameError"}, {"AttributeError", "Exception"}, {"RuntimeError", "Exception"},
                {"RecursionError", "RuntimeError"}, {"NotImplementedError", "RuntimeError"},
                {"StopIteration", "Exception"}, {"AssertionError", "Exception"}, {"ImportError", "Exception"},
                {"ModuleNotFoundError", "ImportError"}, {"MemoryError", "Exception"}, {"OSError", "Exception"},
                {"FileNotFoundError", "OSError"}, {"TimeoutError", "OSError"}, {"UnicodeError", "ValueError"}, {"EOFError", "Exception"},
                {"NotADirectoryError", "OSError"}, {"IsADirectoryError", "OSError"}, {"PermissionError", "OSError"},
                {"FileExistsError", "OSError"}};
        for (String[] e : exceptions) {
            builtin(e[0], BUILTIN_CLASSES.get(e[1]), Types.INSTANCE);
        }
        memoryError = Obj.immortal(Ops.newInstance(BUILTIN_CLASSES.get("MemoryError"), Obj.EMPTY_TUPLE));
        Obj.immortal(Obj.field(memoryError, 8));
        classesCreated = true;
    }

    private static long builtin(String name, long base, int kind) {
        long bases = base == 0 ? Obj.EMPTY_TUPLE : Obj.tupleOf(base);
        long cls = Ops.makeClass(Obj.intern(name), bases, Dict.newDict(), kind);
        Heap.decref(bases);
        Obj.immortal(Obj.field(cls, 16));
        Obj.immortal(Obj.field(cls, 24));
        if (Obj.field(cls, 8) != Obj.EMPTY_TUPLE) {
            Obj.immortal(Obj.field(cls, 8));
        }
        Obj.immortal(cls);
        Obj.setField(cls, 48, Obj.intern("builtins"));
        BUILTIN_CLASSES.put(name, cls);
        return cls;
    }
}
