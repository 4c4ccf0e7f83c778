package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.gc.ObjectVisitor;
import io.github.ftmem.gc.TypeOperations;
import io.github.ftmem.refcount.RefCount;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;

/**
 * Type ids (the header's {@code type} word) and, per id, the layout facts the rest of the runtime needs:
 * which fields hold references (for deallocation, {@code gc} traversal and clearing) and which payload
 * arrays an object owns. The table is immutable after class initialisation.
 *
 * <table>
 *   <caption>Layouts (offsets from the payload start, +32)</caption>
 *   <tr><th>type</th><th>payload</th></tr>
 *   <tr><td>INT</td><td>+0 long value</td></tr>
 *   <tr><td>BIGINT</td><td>+0 long byte count n, +8 n bytes two's complement, big-endian</td></tr>
 *   <tr><td>BOOL</td><td>+0 long 0/1</td></tr>
 *   <tr><td>FLOAT</td><td>+0 double</td></tr>
 *   <tr><td>STR</td><td>+0 long length (UTF-16 units), +8 long hash (0 = not computed), +16 chars</td></tr>
 *   <tr><td>TUPLE</td><td>+0 long size, +8 refs</td></tr>
 *   <tr><td>LIST</td><td>+0 size, +8 items (RAW block), +16 capacity</td></tr>
 *   <tr><td>DICT/SET</td><td>see {@link Dict}</td></tr>
 *   <tr><td>RANGE</td><td>+0 start, +8 stop, +16 step (longs)</td></tr>
 *   <tr><td>FUNCTION</td><td>+0 code id, +8 globals, +16 defaults, +24 kwdefaults, +32 closure, +40 name, +48 qualname, +56 doc, +64 module name, +72 attribute dict (0 until set)</td></tr>
 *   <tr><td>CELL</td><td>+0 ref (0 = empty)</td></tr>
 *   <tr><td>CLASS</td><td>+0 name, +8 bases, +16 dict, +24 mro, +32 long builtin kind, +40 qualname, +48 module</td></tr>
 *   <tr><td>INSTANCE</td><td>+0 class, +8 dict (0 for plain object(); a MANAGED dict, untracked, whose
 *       contents the instance traverses and clears as if inline, like CPython 3.11's managed dicts),
 *       +16 args (exceptions), +24 cause, +32 context, +40 long suppress context, +48 long creation serial, +56 weak reference list (not counted),
 *       +64 slot values (the names a class of the MRO lists in {@code __slots__}; 0 until one is set; a MANAGED
 *       dict like +8, so it never shows in {@code __dict__})
 *       (the collector visits instances in creation order, so finalizers run in CPython's order)</td></tr>
 *   <tr><td>METHOD</td><td>+0 function, +8 self</td></tr>
 *   <tr><td>BUILTIN</td><td>+0 long builtin id, +8 self (0 = unbound)</td></tr>
 *   <tr><td>MODULE</td><td>+0 dict, +8 name</td></tr>
 *   <tr><td>ITER</td><td>+0 source, +8 long index, +16 aux ref, +24 long kind, +32 long limit</td></tr>
 *   <tr><td>VIEW</td><td>+0 dict, +8 long kind</td></tr>
 *   <tr><td>PROPERTY</td><td>+0 getter, +8 setter, +16 deleter, +24 doc (each 0 when absent)</td></tr>
 *   <tr><td>STATICMETHOD/CLASSMETHOD</td><td>+0 function</td></tr>
 *   <tr><td>SUPER</td><td>+0 class (start after it in the MRO), +8 self</td></tr>
 *   <tr><td>list/dict subclass instance</td><td>the list or dict payload, then +0 class, +8 attribute dict
 *       (header flag {@link #FLAG_SUBCLASS}; offsets from {@link #subclassFields})</td></tr>
 *   <tr><td>GENERATOR</td><td>+0 name, +8 qualname; the suspended frame is reached through {@link Generators}</td></tr>
 *   <tr><td>LOCK/RLOCK</td><td>+0 int mutex word, +8 long owner thread id, +16 long acquisition site,
 *       +24 long recursion count (see {@link PyLocks}); no references</td></tr>
 *   <tr><td>ARRAY</td><td>+0 long typecode char, +8 long length, +16 RAW block of packed elements (0 while empty),
 *       +24 long capacity (elements); see {@link ArrayModule}</td></tr>
 *   <tr><td>WEAKREF</td><td>+0 referent (not counted), +8 callback, +16 next in the referent's list, +24 long hash,
 *       +32 long hashed (see {@link WeakRefs})</td></tr>
 * </table>
 */
public final class Types {
    public static final int NONE = 1, BOOL = 2, INT = 3, BIGINT = 4, FLOAT = 5, STR = 6, TUPLE = 7, LIST = 8,
            DICT = 9, SET = 10, RANGE = 11, FUNCTION = 12, CELL = 13, CLASS = 14, INSTANCE = 15, METHOD = 16,
            BUILTIN = 17, MODULE = 18, ITER = 19, VIEW = 20, ELLIPSIS = 21, NOTIMPL = 22, PROPERTY = 23,
            STATICMETHOD = 24, CLASSMETHOD = 25, FROZENSET = 26, SLICE = 27, SUPER = 28, WEAKREF = 29, GENERATOR = 30,
            LOCK = 31, RLOCK = 32, ARRAY = 33;
    public static final int COUNT = 34;

    /** Header flag: a list or dict that is an instance of a Python subclass (class and dict appended). */
    static final int FLAG_SUBCLASS = 2;

    /** Payload offset of the class field of a subclass instance of list or dict (the dict follows it). */
    static long subclassFields(int type) {
        return type == LIST ? 24 : 48;
    }

    static void initSubclassFields(long o, int type, long cls) {
        long f = subclassFields(type);
        Heap.incref(cls);
        putLong(o + P + f, cls);
        long d = Dict.newDict();
        Header.setFlags(d, Dict.MANAGED);
        putLong(o + P + f + 8, d);
        Header.setFlags(o, FLAG_SUBCLASS);
    }

    static boolean isSubclassInstance(long o) {
        int t = Header.type(o);
        return (t == LIST || t == DICT) && (Header.flags(o) & FLAG_SUBCLASS) != 0;
    }

    private static final String[] NAMES = {"?", "NoneType", "bool", "int", "int", "float", "str", "tuple", "list",
            "dict", "set", "range", "function", "cell", "type", "object", "method", "builtin_function_or_method",
            "module", "iterator", "dict_view", "ellipsis", "NotImplementedType", "property", "staticmethod",
            "classmethod", "frozenset", "slice", "super", "weakref.ReferenceType", "generator", "_thread.lock",
            "_thread.RLock", "array_storage"};

    /** Payload offsets of a class's dict and MRO tuple (the empty tuple once the collector cleared the class). */
    static final long CLASS_DICT = 16, CLASS_MRO = 24;

    /** Offsets (from the payload) of the reference fields of fixed-layout types. */
    private static final long[][] REF_FIELDS = new long[COUNT][];

    static {
        REF_FIELDS[FUNCTION] = new long[]{8, 16, 24, 32, 40, 48, 56, 64, 72};
        REF_FIELDS[CELL] = new long[]{0};
        REF_FIELDS[CLASS] = new long[]{0, 8, 16, 24, 40, 48};
        REF_FIELDS[INSTANCE] = new long[]{0, 8, 16, 24, 32, 64};
        REF_FIELDS[METHOD] = new long[]{0, 8};
        REF_FIELDS[BUILTIN] = new long[]{8};
        REF_FIELDS[MODULE] = new long[]{0, 8};
        REF_FIELDS[ITER] = new long[]{0, 16};
        REF_FIELDS[VIEW] = new long[]{0};
        REF_FIELDS[PROPERTY] = new long[]{0, 8, 16, 24};
        REF_FIELDS[STATICMETHOD] = new long[]{0};
        REF_FIELDS[CLASSMETHOD] = new long[]{0};
        REF_FIELDS[SLICE] = new long[]{0, 8, 16};
        REF_FIELDS[SUPER] = new long[]{0, 8};
        REF_FIELDS[WEAKREF] = new long[]{8};
        REF_FIELDS[GENERATOR] = new long[]{0, 8};
    }

    private Types() {
    }

    public static String name(int type) {
        return NAMES[type];
    }

    public static boolean isGc(int type) {
        return switch (type) {
            case TUPLE, LIST, DICT, SET, FROZENSET, FUNCTION, CELL, CLASS, INSTANCE, METHOD, BUILTIN, MODULE, ITER,
                 VIEW, PROPERTY, STATICMETHOD, CLASSMETHOD, SLICE, SUPER, WEAKREF, GENERATOR -> true;
            default -> false;
        };
    }

    /** Registers a deallocator per type with the refcount module (idempotent). */
    static void registerDeallocators() {
        for (int t = 1; t < COUNT; t++) {
            RefCount.setDeallocator(t, Types::deallocate);
        }
    }

    /** Frees an object whose count reached zero: releases its references, then its blocks. */
    static void deallocate(long o) {
        int type = Header.type(o);
        if (type == INSTANCE) {
            if (Finalizers.finalizeFromDealloc(o)) {
                return;
            }
            WeakRefs.clearAndNotify(o);
            PyException.forget(o);
        } else if (type == WEAKREF) {
            WeakRefs.unlink(o);
        } else if (type == GENERATOR) {
            Generators.release(o);
        } else if (type == ARRAY) {
            ArrayModule.release(o);
        }
        if (isSubclassInstance(o)) {
            long f = subclassFields(type);
            long cls = getLong(o + P + f);
            long dict = getLong(o + P + f + 8);
            putLong(o + P + f, 0);
            putLong(o + P + f + 8, 0);
            Heap.xdecref(dict);
            Heap.xdecref(cls);
        }
        switch (type) {
            // Items are released last to first, as CPython's list_dealloc and tupledealloc do (finalizer order).
            case TUPLE -> {
                long n = getLong(o + P);
                for (long i = n - 1; i >= 0; i--) {
                    Heap.xdecref(getLong(o + P + 8 + 8 * i));
                }
            }
            case LIST -> {
                long items = getLong(o + P + 8);
                long n = getLong(o + P);
                for (long i = n - 1; i >= 0; i--) {
                    Heap.xdecref(getLong(items + 8 * i));
                }
                if (items != 0) {
                    Heap.freeRaw(items);
                }
            }
            case DICT, SET, FROZENSET -> Dict.release(o);
            default -> {
                long[] fields = REF_FIELDS[type];
                if (fields != null) {
                    for (long f : fields) {
                        long v = getLong(o + P + f);
                        putLong(o + P + f, 0);
                        Heap.xdecref(v);
                    }
                }
            }
        }
        Heap.freeObject(o);
    }

    static void traverse(long o, ObjectVisitor v) {
        int type = Header.type(o);
        if (type == INSTANCE) {
            traverseInstance(o, v);
            return;
        }
        if (isSubclassInstance(o)) {
            long f = subclassFields(type);
            long cls = getLong(o + P + f);
            long dict = getLong(o + P + f + 8);
            if (cls != 0) v.visit(cls);
            if (dict != 0) Dict.traverse(dict, v);
        }
        switch (type) {
            case TUPLE -> {
                long n = getLong(o + P);
                for (long i = 0; i < n; i++) {
                    long x = getLong(o + P + 8 + 8 * i);
                    if (x != 0) v.visit(x);
                }
            }
            case LIST -> {
                long items = getLong(o + P + 8);
                long n = getLong(o + P);
                for (long i = 0; i < n; i++) {
                    long x = getLong(items + 8 * i);
                    if (x != 0) v.visit(x);
                }
            }
            case DICT, SET, FROZENSET -> Dict.traverse(o, v);
            case GENERATOR -> {
                for (long f : REF_FIELDS[GENERATOR]) {
                    long x = getLong(o + P + f);
                    if (x != 0) v.visit(x);
                }
                Generators.traverse(o, v);
            }
            default -> {
                long[] fields = REF_FIELDS[type];
                if (fields != null) {
                    for (long f : fields) {
                        long x = getLong(o + P + f);
                        if (x != 0) v.visit(x);
                    }
                }
            }
        }
    }

    /**
     * An instance's references in {@link #REF_FIELDS} order (class, attribute dict contents, args,
     * cause, context, slot dict contents), unrolled: the collector calls this for most objects of a
     * class-heavy heap, often before the JIT has compiled the general loop.
     */
    private static void traverseInstance(long o, ObjectVisitor v) {
        long cls = getLong(o + P);
        if (cls != 0) v.visit(cls);
        long dict = getLong(o + P + 8);
        if (dict != 0) Dict.traverse(dict, v);
        long args = getLong(o + P + 16);
        if (args != 0) v.visit(args);
        long cause = getLong(o + P + 24);
        if (cause != 0) v.visit(cause);
        long context = getLong(o + P + 32);
        if (context != 0) v.visit(context);
        long slots = getLong(o + P + 64);
        if (slots != 0) Dict.traverse(slots, v);
    }

    /** Drops the references of a garbage object so that counting frees the cycle (tp_clear). */
    static void clear(long o) {
        int type = Header.type(o);
        if (isSubclassInstance(o) && getLong(o + P + subclassFields(type) + 8) != 0) {
            Dict.clear(getLong(o + P + subclassFields(type) + 8));
        }
        if (type == WEAKREF) {
            WeakRefs.unlink(o);
        } else if (type == GENERATOR) {
            Generators.release(o);
        }
        switch (type) {
            case TUPLE -> {
                long n = getLong(o + P);
                for (long i = 0; i < n; i++) {
                    long x = getLong(o + P + 8 + 8 * i);
                    putLong(o + P + 8 + 8 * i, 0);
                    Heap.xdecref(x);
                }
            }
            case LIST -> Lists.clear(o);
            case DICT, SET, FROZENSET -> Dict.clear(o);
            case CLASS -> {
                // As CPython's type_clear: empty the dict and drop the MRO, keep the name, bases and
                // dict object. The MRO becomes the immortal empty tuple rather than 0, so that an
                // instance dying later in the same garbage still finds a well-formed class whose
                // every lookup answers "not found" (never a read through a null tuple).
                long dict = getLong(o + P + CLASS_DICT);
                if (dict != 0) {
                    Dict.clear(dict);
                }
                long mro = getLong(o + P + CLASS_MRO);
                putLong(o + P + CLASS_MRO, Obj.EMPTY_TUPLE);
                Heap.xdecref(mro);
            }
            case INSTANCE -> {
                for (long f : new long[]{8, 64}) {
                    long d = getLong(o + P + f);
                    if (d != 0) {
                        Dict.clear(d);
                    }
                }
                for (long f : new long[]{16, 24, 32}) {
                    long x = getLong(o + P + f);
                    putLong(o + P + f, 0);
                    Heap.xdecref(x);
                }
            }
            default -> {
                long[] fields = REF_FIELDS[type];
                if (fields != null) {
                    for (long f : fields) {
                        long x = getLong(o + P + f);
                        putLong(o + P + f, 0);
                        Heap.xdecref(x);
                    }
                }
            }
        }
    }

    static final TypeOperations GC_OPERATIONS = new TypeOperations() {
        @Override
        public void traverse(long object, ObjectVisitor visitor) {
            Types.traverse(object, visitor);
        }

        @Override
        public void clear(long object) {
            Types.clear(object);
        }

        @Override
        public boolean hasFinalizer(long object) {
            return Header.type(object) == GENERATOR ? Generators.hasFrame(object)
                    : Finalizers.pendingFinalizer(object) != 0;
        }

        @Override
        public void finalize(long object) {
            if (Header.type(object) == GENERATOR) {
                Generators.release(object);
            } else {
                Finalizers.finalizeFromCollector(object);
            }
        }
    };
}
