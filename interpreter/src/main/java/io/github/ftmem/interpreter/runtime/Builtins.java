package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.syntax.Expr.BinaryOperator;
import io.github.ftmem.locks.CriticalSection;
import io.github.ftmem.refcount.RefCount;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;
import static io.github.ftmem.interpreter.runtime.Types.*;

/**
 * Builtin functions, the methods of the builtin types, items and slices, and the built-in modules
 * {@code sys}, {@code math}, {@code time}, {@code gc}. A builtin function object ({@code BUILTIN}) holds
 * the index of its name in {@link #NAMES} (append-only, thread-safe) and an optional bound self.
 */
public final class Builtins {
    private static final List<String> NAMES = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> IDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final String[] FUNCTIONS = {"print", "len", "repr", "isinstance", "issubclass", "id", "hash", "abs",
            "min", "max", "sum", "sorted", "reversed", "enumerate", "zip", "map", "filter", "any", "all", "iter",
            "next", "getattr", "setattr", "hasattr", "delattr", "callable", "round", "divmod", "pow", "chr", "ord",
            "hex", "bin", "oct", "format", "vars", "globals", "locals", "input", "ascii", "dir"};

    private Builtins() {
    }

    static int id(String name) {
        return IDS.computeIfAbsent(name, n -> {
            synchronized (NAMES) {
                NAMES.add(n);
                return NAMES.size() - 1;
            }
        });
    }

    static String nameOf(long id) {
        return NAMES.get((int) id);
    }

    /** A new builtin function object; {@code self} borrowed (0 = unbound). */
    static long builtin(String name, long self) {
        long b = Heap.object(BUILTIN, 16);
        putLong(b + P, id(name));
        if (self != 0) {
            putLong(b + P + 8, Heap.newRef(self));
        }
        return b;
    }

    static long createModule() {
        long d = Dict.newDict();
        for (String f : FUNCTIONS) {
            long b = builtin(f, 0);
            Dict.putStr(d, f, b);
            Heap.decref(b);
        }
        for (Map.Entry<String, Long> e : Runtime.builtinClasses().entrySet()) {
            String n = e.getKey();
            if (Arrays.asList("NoneType", "function", "cell", "method", "builtin_function_or_method", "module",
                    "iterator", "dict_view", "ellipsis", "NotImplementedType").contains(n)
                    || Ops.classKind(e.getValue()) == ITER || n.contains(".")) {
                continue;
            }
            Dict.putStr(d, n, e.getValue());
        }
        Dict.putStr(d, "None", Obj.NONE);
        Dict.putStr(d, "Ellipsis", Obj.ELLIPSIS);
        Dict.putStr(d, "NotImplemented", Obj.NOTIMPL);
        long name = Obj.newStr("builtins");
        Dict.putStr(d, "__name__", name);
        Heap.decref(name);
        installClassMethods();
        return d;
    }

    private static boolean classMethodsInstalled;

    private static synchronized void installClassMethods() {
        if (classMethodsInstalled) {
            return;
        }
        long init = Obj.immortal(builtin("BaseException.__init__", 0));
        Dict.putStr(Obj.field(Runtime.builtinClass("BaseException"), 16), "__init__", init);
        long oinit = Obj.immortal(builtin("object.__init__", 0));
        Dict.putStr(Obj.field(Runtime.builtinClass("object"), 16), "__init__", oinit);
        long osetattr = Obj.immortal(builtin("object.__setattr__", 0));
        Dict.putStr(Obj.field(Runtime.builtinClass("object"), 16), "__setattr__", osetattr);
        long odelattr = Obj.immortal(builtin("object.__delattr__", 0));
        Dict.putStr(Obj.field(Runtime.builtinClass("object"), 16), "__delattr__", odelattr);
        long onew = Obj.immortal(builtin("object.__new__", 0));
        Dict.putStr(Obj.field(Runtime.builtinClass("object"), 16), "__new__", onew);
        classMethodsInstalled = true;
    }

    // ---- generic helpers -----------------------------------------------------------------------------

    /** All items of an iterable as new references. */
    public static long[] toArray(long o) {
        int t = Header.type(o);
        // Exact lists and tuples are copied directly; a list subclass goes through its own __iter__.
        if ((t == LIST && !Types.isSubclassInstance(o)) || t == TUPLE) {
            return Seq.items(o);
        }
        long it = Iter.iter(o);
        long[] buf = new long[8];
        int n = 0;
        try {
            long x;
            while ((x = Iter.next(it)) != 0) {
                if (n == buf.length) buf = Arrays.copyOf(buf, n * 2);
                buf[n++] = x;
            }
        } catch (PyException e) {
            for (int i = 0; i < n; i++) Heap.decref(buf[i]);
            throw e;
        } finally {
            Heap.decref(it);
        }
        return Arrays.copyOf(buf, n);
    }

    private static void release(long[] a) {
        for (long v : a) Heap.xdecref(v);
    }

    static long len(long o) {
        if (Header.type(o) == CLASS) {
            long hook = Ops.metaHook(o, "__len__");
            if (hook != 0) {
                long r = Interp.callFunction(hook, new long[]{o}, null);
                try {
                    return Obj.intValue(r);
                } finally {
                    Heap.decref(r);
                }
            }
        }
        if (Types.isSubclassInstance(o) && override(o, "__len__") != 0) {
            return lenOfUserInstance(o);
        }
        return switch (Header.type(o)) {
            case STR -> Obj.strLength(o);
            case TUPLE -> Obj.tupleSize(o);
            case LIST -> Lists.size(o);
            case DICT, SET, FROZENSET -> Dict.size(o);
            case VIEW -> Dict.size(Obj.field(o, 0));
            case RANGE -> Obj.rangeLength(o);
            case INSTANCE -> lenOfUserInstance(o);
            default -> throw PyException.of("TypeError", "object of type '" + Ops.typeName(o) + "' has no len()");
        };
    }

    static long index(long seqLen, long key, String what) {
        if (!Obj.isInt(key)) {
            throw PyException.of("TypeError", what + " indices must be integers or slices, not " + Ops.typeName(key));
        }
        if (Header.type(key) == BIGINT) {
            throw PyException.of("IndexError", "cannot fit 'int' into an index-sized integer");
        }
        long i = Obj.intValue(key);
        if (i < 0) i += seqLen;
        if (i < 0 || i >= seqLen) {
            throw PyException.of("IndexError", what + " index out of range");
        }
        return i;
    }

    /** The bounds of a slice object as {@link #adjust} takes them (Long.MIN_VALUE for None). */
    static long[] sliceBounds(long slice) {
        long[] r = new long[3];
        for (int i = 0; i < 3; i++) {
            long v = Obj.field(slice, 8L * i);
            if (v == Obj.NONE) {
                r[i] = Long.MIN_VALUE;
            } else if (Obj.isSmallInt(v)) {
                r[i] = Obj.intValue(v);
            } else {
                throw PyException.of("TypeError", "slice indices must be integers or None or have an __index__ method");
            }
        }
        if (r[2] == 0) throw PyException.of("ValueError", "slice step cannot be zero");
        return r;
    }

    /** The Python-level override of {@code name} on a list/dict subclass instance, or 0. */
    private static long override(long o, String name) {
        if (!Types.isSubclassInstance(o)) return 0;
        long f = Ops.lookup(Ops.classOf(o), Obj.intern(name));
        return f != 0 && Header.type(f) == FUNCTION ? f : 0;
    }

    private static long lenOfUserInstance(long o) {
        long r = Ops.callDunder(o, "__len__");
        if (r == 0) throw PyException.of("TypeError", "object of type '" + Ops.typeName(o) + "' has no len()");
        try {
            if (!Obj.isInt(r)) {
                throw PyException.of("TypeError", "'" + Ops.typeName(r) + "' object cannot be interpreted as an integer");
            }
            if (Obj.bigValue(r).signum() < 0) throw PyException.of("ValueError", "__len__() should return >= 0");
            if (Header.type(r) == BIGINT) {
                throw PyException.of("OverflowError", "cannot fit 'int' into an index-sized integer");
            }
            return Obj.intValue(r);
        } finally {
            Heap.decref(r);
        }
    }

    public static long getItem(long o, long key) {
        long over = override(o, "__getitem__");
        if (over != 0) return Interp.callFunction(over, new long[]{o, key}, null);
        return builtinGetItem(o, key);
    }

    /** {@code o[key]} by the built-in type's own method ({@code dict.__getitem__(d, k)}), ignoring overrides. */
    static long builtinGetItem(long o, long key) {
        if (Header.type(o) == DICT && Types.isSubclassInstance(o) && Dict.get(o, key) == 0) {
            long missing = override(o, "__missing__");
            if (missing != 0) return Interp.callFunction(missing, new long[]{o, key}, null);
        }
        if (Header.type(key) == SLICE && Header.type(o) != INSTANCE && Header.type(o) != DICT) {
            return getSlice(o, sliceBounds(key));
        }
        switch (Header.type(o)) {
            case LIST -> {
                long i = index(Lists.size(o), key, "list");
                return Heap.newRef(Lists.get(o, i));
            }
            case TUPLE -> {
                long i = index(Obj.tupleSize(o), key, "tuple");
                return Heap.newRef(Obj.tupleItem(o, i));
            }
            case STR -> {
                long i = index(Obj.strLength(o), key, "string");
                return Obj.newStr(String.valueOf(Obj.charAt(o, i)));
            }
            case RANGE -> {
                long i = index(Obj.rangeLength(o), key, "range object");
                return Obj.newInt(getLong(o + P) + i * getLong(o + P + 16));
            }
            case DICT -> {
                long v = Dict.get(o, key);
                if (v == 0) {
                    throw PyException.withArgs("KeyError", Obj.tupleOf(key));
                }
                return Heap.newRef(v);
            }
            case INSTANCE -> {
                long r = Ops.callDunder(o, "__getitem__", key);
                if (r != 0) return r;
            }
            case CLASS -> {
                long hook = Ops.metaHook(o, "__getitem__");
                if (hook != 0) return Interp.callFunction(hook, new long[]{o, key}, null);
                long cgi = Ops.lookup(o, Obj.intern("__class_getitem__"));
                if (cgi != 0 && (Header.type(cgi) == CLASSMETHOD || Header.type(cgi) == FUNCTION)) {
                    long fn = Header.type(cgi) == CLASSMETHOD ? Obj.field(cgi, 0) : cgi;
                    return Interp.call(fn, new long[]{o, key}, null);
                }
                return Heap.newRef(o);
            }
            default -> {
            }
        }
        throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object is not subscriptable");
    }

    public static void setItem(long o, long key, long v) {
        long over = override(o, "__setitem__");
        if (over != 0) {
            Heap.decref(Interp.callFunction(over, new long[]{o, key, v}, null));
            return;
        }
        builtinSetItem(o, key, v);
    }

    /** {@code o[key] = v} by the built-in type's own method, ignoring subclass overrides. */
    static void builtinSetItem(long o, long key, long v) {
        switch (Header.type(o)) {
            case LIST -> {
                if (Header.type(key) == SLICE) {
                    setSlice(o, sliceBounds(key), v);
                    return;
                }
                long i = index(Lists.size(o), key, "list assignment");
                Lists.setStolen(o, i, Heap.newRef(v));
            }
            case DICT -> Dict.put(o, key, v);
            case INSTANCE -> {
                long r = Ops.callDunder(o, "__setitem__", key, v);
                if (r == 0) throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object does not support item assignment");
                Heap.decref(r);
            }
            default -> throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object does not support item assignment");
        }
    }

    public static void delItem(long o, long key) {
        long over = override(o, "__delitem__");
        if (over != 0) {
            Heap.decref(Interp.callFunction(over, new long[]{o, key}, null));
            return;
        }
        builtinDelItem(o, key);
    }

    /** {@code del o[key]} by the built-in type's own method, ignoring subclass overrides. */
    static void builtinDelItem(long o, long key) {
        switch (Header.type(o)) {
            case LIST -> {
                if (Header.type(key) == SLICE) {
                    delSlice(o, sliceBounds(key));
                    return;
                }
                long i = index(Lists.size(o), key, "list assignment");
                Heap.decref(Lists.removeAt(o, i));
            }
            case DICT -> {
                long v = Dict.pop(o, key);
                if (v == 0) throw PyException.withArgs("KeyError", Obj.tupleOf(key));
                Heap.decref(v);
            }
            case INSTANCE -> {
                long r = Ops.callDunder(o, "__delitem__", key);
                if (r == 0) throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object does not support item deletion");
                Heap.decref(r);
            }
            default -> throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object doesn't support item deletion");
        }
    }

    /** Slice indices per CPython's PySlice_AdjustIndices; returns {start, stop, step, length}. */
    static long[] adjust(long[] b, long len) {
        long step = b[2] == Long.MIN_VALUE ? 1 : b[2];
        long start, stop;
        if (b[0] == Long.MIN_VALUE) {
            start = step < 0 ? len - 1 : 0;
        } else {
            start = b[0];
            if (start < 0) {
                start += len;
                if (start < 0) start = step < 0 ? -1 : 0;
            } else if (start >= len) {
                start = step < 0 ? len - 1 : len;
            }
        }
        if (b[1] == Long.MIN_VALUE) {
            stop = step < 0 ? -1 : len;
        } else {
            stop = b[1];
            if (stop < 0) {
                stop += len;
                if (stop < 0) stop = step < 0 ? -1 : 0;
            } else if (stop >= len) {
                stop = step < 0 ? len - 1 : len;
            }
        }
        long n;
        if (step < 0) {
            n = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        } else {
            n = start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return new long[]{start, stop, step, n};
    }

    static long getSlice(long o, long[] bounds) {
        int t = Header.type(o);
        switch (t) {
            case STR -> {
                String s = Obj.str(o);
                long[] a = adjust(bounds, s.length());
                StringBuilder b = new StringBuilder();
                for (long i = 0, j = a[0]; i < a[3]; i++, j += a[2]) b.append(s.charAt((int) j));
                return Obj.newStr(b.toString());
            }
            case LIST, TUPLE -> {
                long[] items = Seq.items(o);
                long[] a = adjust(bounds, items.length);
                long[] out = new long[(int) a[3]];
                for (long i = 0, j = a[0]; i < a[3]; i++, j += a[2]) {
                    out[(int) i] = Heap.newRef(items[(int) j]);
                }
                release(items);
                return Seq.fromArray(t, out, out.length);
            }
            case RANGE -> {
                long[] a = adjust(bounds, Obj.rangeLength(o));
                long start = getLong(o + P), step = getLong(o + P + 16);
                return Obj.newRange(start + a[0] * step, start + (a[0] + a[3] * a[2]) * step, step * a[2]);
            }
            default -> throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object is not subscriptable");
        }
    }

    static void setSlice(long o, long[] bounds, long v) {
        if (Header.type(o) != LIST) {
            throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object does not support item assignment");
        }
        long[] items = Seq.items(o);
        long[] a = adjust(bounds, items.length);
        long[] repl = toArray(v);
        List<Long> out = new ArrayList<>();
        if (a[2] == 1) {
            long stop = Math.max(a[0], a[1]);
            for (int i = 0; i < a[0]; i++) out.add(items[i]);
            for (long r : repl) out.add(r);
            for (int i = (int) a[0]; i < stop; i++) Heap.decref(items[i]);
            for (int i = (int) stop; i < items.length; i++) out.add(items[i]);
        } else {
            if (repl.length != a[3]) {
                release(items);
                release(repl);
                throw PyException.of("ValueError", "attempt to assign sequence of size " + repl.length
                        + " to extended slice of size " + a[3]);
            }
            for (long i = 0, j = a[0]; i < a[3]; i++, j += a[2]) {
                Heap.decref(items[(int) j]);
                items[(int) j] = repl[(int) i];
            }
            for (long x : items) out.add(x);
        }
        long[] arr = out.stream().mapToLong(Long::longValue).toArray();
        Lists.replaceAll(o, arr, arr.length);
    }

    static void delSlice(long o, long[] bounds) {
        if (Header.type(o) != LIST) {
            throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object doesn't support item deletion");
        }
        long[] items = Seq.items(o);
        long[] a = adjust(bounds, items.length);
        boolean[] drop = new boolean[items.length];
        for (long i = 0, j = a[0]; i < a[3]; i++, j += a[2]) drop[(int) j] = true;
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            if (drop[i]) Heap.decref(items[i]);
            else out.add(items[i]);
        }
        long[] arr = out.stream().mapToLong(Long::longValue).toArray();
        Lists.replaceAll(o, arr, arr.length);
    }

    static void listExtend(long l, long src) {
        if (Header.type(src) == LIST && !Types.isSubclassInstance(src)) {
            Lists.extendFromList(l, src);
            return;
        }
        long[] items = toArray(src);
        for (long x : items) Lists.appendStolen(l, x);
    }

    static long copyDict(long d) {
        long c = Dict.create(Header.type(d));
        if (Header.type(d) == DICT) {
            dictUpdate(c, d);
        } else {
            setAddAll(c, d);
        }
        return c;
    }

    static void dictUpdate(long d, long src) {
        if (Header.type(src) == DICT) {
            // Both dicts in one two-object critical section: src cannot change under the iteration
            // and d is updated as one step (exclusive up to a blocking __eq__/__hash__ of a key).
            CriticalSection.begin2(d, src);
            try {
                long size = Dict.size(src);
                for (long i = 0; i < Dict.filled(src); i++) {
                    long k = Dict.keyAt(src, i);
                    if (k == 0) continue;
                    putOwned(d, k, Dict.valueAt(src, i));
                    if (Dict.size(src) != size) {
                        throw PyException.of("RuntimeError", "dict mutated during update");
                    }
                }
            } finally {
                CriticalSection.end();
            }
            return;
        }
        if (Header.type(src) == INSTANCE && Ops.lookup(Ops.classOf(src), Obj.intern("keys")) != 0) {
            long keysMethod = Interp.getAttr(src, "keys");
            long keys;
            try {
                keys = Interp.call(keysMethod, new long[0], null);
            } finally {
                Heap.decref(keysMethod);
            }
            long[] ks = toArray(keys);
            Heap.decref(keys);
            try {
                for (long k : ks) {
                    long v = getItem(src, k);
                    try {
                        Dict.put(d, k, v);
                    } finally {
                        Heap.decref(v);
                    }
                }
            } finally {
                release(ks);
            }
            return;
        }
        long[] pairs = toArray(src);
        try {
            for (long p : pairs) {
                long[] kv = toArray(p);
                try {
                    if (kv.length != 2) {
                        throw PyException.of("ValueError", "dictionary update sequence element has length " + kv.length + "; 2 is required");
                    }
                    Dict.put(d, kv[0], kv[1]);
                } finally {
                    release(kv);
                }
            }
        } finally {
            release(pairs);
        }
    }

    static long setOp(BinaryOperator op, long a, long b) {
        long r = Dict.create(Header.type(a));
        switch (op) {
            case BITOR -> {
                setAddAll(r, a);
                setAddAll(r, b);
            }
            case BITAND -> {
                long small = Dict.size(b) > Dict.size(a) ? a : b;
                long big = small == a ? b : a;
                for (long i = 0; i < Dict.filled(small); i++) {
                    long k = Dict.keyAt(small, i);
                    if (k != 0) addIfMember(r, k, Dict.hashAt(small, i), big, true);
                }
            }
            case SUB -> {
                if ((Dict.size(a) >> 2) > Dict.size(b)) {
                    SetTable.merge(r, a);
                    for (long i = 0; i < Dict.filled(b); i++) {
                        long k = Dict.keyAt(b, i);
                        if (k == 0) continue;
                        long h = Dict.hashAt(b, i);
                        Heap.incref(k);
                        try {
                            SetTable.discard(r, k, h);
                        } finally {
                            Heap.decref(k);
                        }
                    }
                } else {
                    for (long i = 0; i < Dict.filled(a); i++) {
                        long k = Dict.keyAt(a, i);
                        if (k != 0) addIfMember(r, k, Dict.hashAt(a, i), b, false);
                    }
                }
            }
            case BITXOR -> {
                SetTable.merge(r, b);
                for (long i = 0; i < Dict.filled(a); i++) {
                    long k = Dict.keyAt(a, i);
                    if (k == 0) continue;
                    long h = Dict.hashAt(a, i);
                    Heap.incref(k);
                    try {
                        if (!SetTable.discard(r, k, h)) SetTable.add(r, k, h);
                    } finally {
                        Heap.decref(k);
                    }
                }
            }
            default -> {
                Heap.decref(r);
                return 0;
            }
        }
        return r;
    }

    /**
     * Adds {@code key} (borrowed from another set's table, with its hash) to {@code r} if its membership in
     * {@code other} is {@code member}; the membership test's {@code __eq__} may mutate the source table,
     * so the key is held by its own reference across the test and the add.
     */
    private static void addIfMember(long r, long key, long hash, long other, boolean member) {
        Heap.incref(key);
        try {
            if (Dict.contains(other, key) == member) SetTable.add(r, key, hash);
        } finally {
            Heap.decref(key);
        }
    }

    /**
     * Stores a key and value borrowed from another dict: the store's {@code __hash__}/{@code __eq__} may
     * mutate the source, so both are held by their own references across it.
     */
    private static void putOwned(long d, long key, long value) {
        Heap.incref(key);
        Heap.incref(value);
        try {
            Dict.put(d, key, value);
        } finally {
            Heap.decref(value);
            Heap.decref(key);
        }
    }

    static void setAddAll(long s, long src) {
        if (Header.type(src) == SET || Header.type(src) == FROZENSET) {
            SetTable.merge(s, src);
            return;
        }
        if (Header.type(src) == DICT) {
            SetTable.reserve(s, Dict.size(src));
            for (long i = 0; i < Dict.filled(src); i++) {
                long k = Dict.keyAt(src, i);
                if (k == 0) continue;
                long h = Dict.hashAt(src, i);
                Heap.incref(k);
                try {
                    SetTable.add(s, k, h);
                } finally {
                    Heap.decref(k);
                }
            }
            return;
        }
        long[] items = toArray(src);
        try {
            for (long x : items) Dict.put(s, x, 0);
        } finally {
            release(items);
        }
    }

    // ---- formatting (stand-ins behind Text) -------------------------------------------------------

    static String format(long v, String spec) {
        int t = Header.type(v);
        if (t == INSTANCE) {
            long specObj = Obj.newStr(spec);
            long r;
            try {
                r = Ops.callDunder(v, "__format__", specObj);
            } finally {
                Heap.decref(specObj);
            }
            if (r != 0) {
                try {
                    return Obj.str(r);
                } finally {
                    Heap.decref(r);
                }
            }
        }
        if (spec.isEmpty()) {
            return Seq.str(v);
        }
        if (t == BOOL) {
            return Text.formatBool(BigInteger.valueOf(Obj.intValue(v)), spec);
        }
        if (Obj.isInt(v)) return Text.format(Obj.bigValue(v), spec);
        if (t == FLOAT) return Text.format(Obj.floatValue(v), spec);
        if (t == STR) return Text.format(Obj.str(v), spec);
        throw PyException.of("TypeError", "unsupported format string passed to " + Ops.typeName(v) + ".__format__");
    }

    // ---- attributes --------------------------------------------------------------------------------

    /** Attribute lookup; a new reference, or 0 if absent. */
    static long getAttrOrZero(long obj, String name) {
        int t = Header.type(obj);
        long key = Obj.intern(name);
        if (name.equals("__class__")) {
            return Heap.newRef(Ops.classOf(obj));
        }
        if (Types.isSubclassInstance(obj)) {
            long cls = Ops.classOf(obj);
            long ca = Ops.lookup(cls, key);
            if (ca != 0 && Header.type(ca) == PROPERTY) {
                return propertyGet(ca, obj);
            }
            long idict = Obj.field(obj, Types.subclassFields(t) + 8);
            long v = Dict.get(idict, key);
            if (v != 0) return Heap.newRef(v);
            if (name.equals("__dict__")) return Heap.newRef(idict);
            if (ca != 0) return bind(ca, obj, cls);
            long ga = Ops.lookup(cls, Obj.intern("__getattr__"));
            if (ga != 0 && Header.type(ga) == FUNCTION && !hasMethod(t, name)) {
                return Interp.callFunction(ga, new long[]{obj, key}, null);
            }
        }
        switch (t) {
            case INSTANCE -> {
                long cls = Ops.classOf(obj);
                long ca = Ops.lookup(cls, key);
                if (ca != 0 && Header.type(ca) == PROPERTY) {
                    return propertyGet(ca, obj);
                }
                long slots = Obj.field(obj, 64);
                long v = slots == 0 ? 0 : Dict.get(slots, key);
                if (v != 0) return Heap.newRef(v);
                long idict = Obj.field(obj, 8);
                v = idict == 0 ? 0 : Dict.get(idict, key);
                if (v != 0) return Heap.newRef(v);
                if (name.equals("__dict__") && idict != 0) {
                    return Interp.slotAllows(cls, "__dict__") ? Heap.newRef(idict) : 0;
                }
                if (Ops.isException(obj)) {
                    switch (name) {
                        case "args" -> {
                            long a = Obj.field(obj, 16);
                            return Heap.newRef(a == 0 ? Obj.EMPTY_TUPLE : a);
                        }
                        case "__cause__" -> {
                            long c = Obj.field(obj, 24);
                            return Heap.newRef(c == 0 ? Obj.NONE : c);
                        }
                        case "__context__" -> {
                            long c = Obj.field(obj, 32);
                            return Heap.newRef(c == 0 ? Obj.NONE : c);
                        }
                        case "__suppress_context__" -> {
                            return Obj.bool(Obj.field(obj, 40) != 0);
                        }
                        case "__traceback__" -> {
                            return Obj.NONE;
                        }
                        case "value", "code" -> {
                            long a = Obj.field(obj, 16);
                            boolean stop = name.equals("value")
                                    && Ops.isSubclass(cls, Runtime.builtinClass("StopIteration"));
                            boolean exit = name.equals("code") && Ops.isSubclass(cls, Runtime.builtinClass("SystemExit"));
                            if (stop || exit) {
                                if (a == 0 || Obj.tupleSize(a) == 0) return Obj.NONE;
                                return Heap.newRef(Obj.tupleSize(a) == 1 ? Obj.tupleItem(a, 0) : a);
                            }
                        }
                        default -> {
                        }
                    }
                }
                if (ca != 0) return bind(ca, obj, cls);
                long ga = Ops.lookup(cls, Obj.intern("__getattr__"));
                if (ga != 0 && Header.type(ga) == FUNCTION) {
                    return Interp.callFunction(ga, new long[]{obj, key}, null);
                }
                return 0;
            }
            case CLASS -> {
                switch (name) {
                    case "__name__" -> { return Heap.newRef(Obj.field(obj, hasModuleQualifiedName(Ops.classKind(obj)) ? 40 : 0)); }
                    case "__qualname__" -> { return Heap.newRef(Obj.field(obj, 40)); }
                    case "__module__" -> { return Heap.newRef(Obj.field(obj, 48)); }
                    case "__bases__" -> { return Heap.newRef(Obj.field(obj, 8)); }
                    case "__mro__" -> { return Heap.newRef(Obj.field(obj, 24)); }
                    case "__dict__" -> {
                        Ops.noteClassDictExposed();
                        return Heap.newRef(Obj.field(obj, 16));
                    }
                    case "mro" -> { return builtin("type.mro", obj); }
                    default -> {
                    }
                }
                long v = Ops.lookup(obj, key);
                if (v != 0) {
                    if (Header.type(v) == STATICMETHOD) return Heap.newRef(Obj.field(v, 0));
                    if (Header.type(v) == CLASSMETHOD) return method(Obj.field(v, 0), obj);
                    return Heap.newRef(v);
                }
                long kind = Ops.classKind(obj);
                if (kind != INSTANCE && kind != CLASS && hasMethod((int) kind, name)) {
                    return builtin(Types.name((int) kind).replace("int", "int") + "." + name, 0);
                }
                return 0;
            }
            case MODULE -> {
                if (name.equals("__name__")) return Heap.newRef(Obj.field(obj, 8));
                if (name.equals("__dict__")) return Heap.newRef(Obj.field(obj, 0));
                long v = Dict.get(Obj.field(obj, 0), key);
                return v == 0 ? 0 : Heap.newRef(v);
            }
            case FUNCTION -> {
                switch (name) {
                    case "__name__" -> { return Heap.newRef(Obj.field(obj, 40)); }
                    case "__qualname__" -> { return Heap.newRef(Obj.field(obj, 48)); }
                    case "__doc__" -> { return Heap.newRef(Obj.field(obj, 56)); }
                    case "__module__" -> { return Heap.newRef(Obj.field(obj, 64)); }
                    case "__defaults__" -> {
                        long d = Obj.field(obj, 16);
                        return Heap.newRef(d == 0 ? Obj.NONE : d);
                    }
                    case "__dict__" -> {
                        if (Obj.field(obj, 72) == 0) {
                            Obj.setField(obj, 72, Dict.newDict());
                        }
                        return Heap.newRef(Obj.field(obj, 72));
                    }
                    default -> {
                        long d = Obj.field(obj, 72);
                        long v = d == 0 ? 0 : Dict.get(d, key);
                        return v == 0 ? 0 : Heap.newRef(v);
                    }
                }
            }
            case GENERATOR -> {
                long a = Generators.attribute(obj, name);
                if (a != 0) return a;
            }
            case METHOD -> {
                if (name.equals("__self__")) return Heap.newRef(Obj.field(obj, 8));
                if (name.equals("__func__")) return Heap.newRef(Obj.field(obj, 0));
                return getAttrOrZero(Obj.field(obj, 0), name);
            }
            case BUILTIN -> {
                if (name.equals("__name__")) {
                    String n = nameOf(Obj.field(obj, 0));
                    return Obj.newStr(n.substring(n.lastIndexOf('.') + 1));
                }
                return 0;
            }
            case SUPER -> {
                long start = Obj.field(obj, 0);
                long self = Obj.field(obj, 8);
                long cls = Header.type(self) == CLASS ? self : Ops.classOf(self);
                long mro = Obj.field(cls, 24);
                boolean after = false;
                for (long i = 0; i < Obj.tupleSize(mro); i++) {
                    long c = Obj.tupleItem(mro, i);
                    if (after) {
                        long v = Dict.get(Obj.field(c, 16), key);
                        if (v != 0) return bind(v, self, cls);
                        int builtinKind = (int) Ops.classKind(c);
                        if ((builtinKind == LIST || builtinKind == DICT) && c == Runtime.TYPE_CLASS[builtinKind]
                                && (hasMethod(builtinKind, name) || name.equals("__setitem__")
                                || name.equals("__getitem__") || name.equals("__init__")
                                || name.equals("__delitem__") || name.equals("__repr__")
                                || name.equals("__contains__") || name.equals("__len__"))) {
                            return builtin(Types.name(builtinKind) + "." + name, self);
                        }
                    }
                    if (c == start) after = true;
                }
                return 0;
            }
            case PROPERTY -> {
                switch (name) {
                    case "setter", "getter", "deleter" -> { return builtin("property." + name, obj); }
                    case "fget" -> { return refOrNone(Obj.field(obj, 0)); }
                    case "fset" -> { return refOrNone(Obj.field(obj, 8)); }
                    case "fdel" -> { return refOrNone(Obj.field(obj, 16)); }
                    case "__doc__" -> {
                        if (Obj.field(obj, 24) != 0 || Obj.field(obj, 0) == 0) return refOrNone(Obj.field(obj, 24));
                        long doc = getAttrOrZero(Obj.field(obj, 0), "__doc__");
                        return doc == 0 ? Obj.NONE : doc;
                    }
                    default -> { return 0; }
                }
            }
            case STATICMETHOD, CLASSMETHOD -> {
                if (name.equals("__func__") || name.equals("__wrapped__")) return Heap.newRef(Obj.field(obj, 0));
                return 0;
            }
            default -> {
            }
        }
        if (t == INT || t == BIGINT || t == BOOL) {
            if (name.equals("real") || name.equals("numerator")) return Obj.isSmallInt(obj) && t == BOOL ? Obj.newInt(Obj.intValue(obj)) : Heap.newRef(obj);
            if (name.equals("imag")) return Obj.newInt(0);
            if (name.equals("denominator")) return Obj.newInt(1);
        }
        if (t == SLICE) {
            switch (name) {
                case "start" -> { return Heap.newRef(Obj.field(obj, 0)); }
                case "stop" -> { return Heap.newRef(Obj.field(obj, 8)); }
                case "step" -> { return Heap.newRef(Obj.field(obj, 16)); }
                default -> {
                }
            }
        }
        if (t == RANGE) {
            switch (name) {
                case "start" -> { return Obj.newInt(getLong(obj + P)); }
                case "stop" -> { return Obj.newInt(getLong(obj + P + 8)); }
                case "step" -> { return Obj.newInt(getLong(obj + P + 16)); }
                default -> {
                }
            }
        }
        if (t == FLOAT) {
            if (name.equals("real")) return Heap.newRef(obj);
            if (name.equals("imag")) return Obj.newFloat(0);
        }
        if (hasMethod(t, name)) {
            return builtin(Types.name(t == BIGINT ? INT : t) + "." + name, obj);
        }
        return 0;
    }

    /** A new property from getter, setter, deleter and doc (each 0 or None when absent; borrowed). */
    static long newProperty(long[] parts) {
        long p = Heap.object(PROPERTY, 32);
        for (int i = 0; i < 4; i++) {
            if (parts[i] != 0 && parts[i] != Obj.NONE) Heap.putLong(p + P + 8L * i, Heap.newRef(parts[i]));
        }
        return p;
    }

    private static long refOrNone(long v) {
        return v == 0 ? Obj.NONE : Heap.newRef(v);
    }

    /** The value of property {@code p} on {@code self}: its getter's result. */
    static long propertyGet(long p, long self) {
        long getter = Obj.field(p, 0);
        if (getter == 0) {
            throw PyException.of("AttributeError", "property '" + propertyName(p) + "' of '" + Ops.typeName(self)
                    + "' object has no getter");
        }
        return Interp.call(getter, new long[]{self}, null);
    }

    /** Runs the setter (value != 0) or the deleter (value == 0) of property {@code p} on {@code self}. */
    static void propertySet(long p, long self, String name, long value) {
        long f = Obj.field(p, value == 0 ? 16 : 8);
        if (f == 0) {
            throw PyException.of("AttributeError", "property '" + name + "' of '" + Ops.typeName(self)
                    + "' object has no " + (value == 0 ? "deleter" : "setter"));
        }
        Heap.decref(Interp.call(f, value == 0 ? new long[]{self} : new long[]{self, value}, null));
    }

    private static String propertyName(long p) {
        for (int i = 0; i < 3; i++) {
            long f = Obj.field(p, 8L * i);
            if (f != 0 && Header.type(f) == FUNCTION) {
                long n = getAttrOrZero(f, "__name__");
                try {
                    return Obj.str(n);
                } finally {
                    Heap.decref(n);
                }
            }
        }
        return "?";
    }

    private static long bind(long attr, long self, long cls) {
        return switch (Header.type(attr)) {
            case FUNCTION -> method(attr, self);
            case STATICMETHOD -> Heap.newRef(Obj.field(attr, 0));
            case CLASSMETHOD -> method(Obj.field(attr, 0), cls);
            case PROPERTY -> propertyGet(attr, self);
            case BUILTIN -> Obj.field(attr, 8) == 0 ? builtin(nameOf(Obj.field(attr, 0)), self) : Heap.newRef(attr);
            default -> Heap.newRef(attr);
        };
    }

    static long method(long fn, long self) {
        long m = Heap.object(METHOD, 16);
        putLong(m + P, Heap.newRef(fn));
        putLong(m + P + 8, Heap.newRef(self));
        return m;
    }

    private static final Map<Integer, java.util.Set<String>> METHODS = new HashMap<>();

    static {
        METHODS.put(STR, java.util.Set.of("join", "split", "rsplit", "strip", "lstrip", "rstrip", "upper", "lower",
                "title", "capitalize", "swapcase", "replace", "startswith", "endswith", "find", "rfind", "index",
                "rindex", "count", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isidentifier",
                "isnumeric", "isdecimal", "istitle", "center", "ljust", "rjust", "zfill", "format", "format_map", "splitlines",
                "partition", "rpartition", "encode", "casefold", "expandtabs", "removeprefix", "removesuffix"));
        METHODS.put(LIST, union(Methods.CONTAINER_DUNDERS, "append", "extend", "pop", "insert", "remove", "index",
                "count", "sort", "reverse", "copy", "clear"));
        METHODS.put(TUPLE, java.util.Set.of("index", "count"));
        METHODS.put(DICT, union(Methods.CONTAINER_DUNDERS, "get", "keys", "values", "items", "pop", "popitem",
                "setdefault", "update", "copy", "clear", "fromkeys"));
        METHODS.put(SET, java.util.Set.of("add", "remove", "discard", "pop", "clear", "copy", "union", "intersection",
                "difference", "symmetric_difference", "update", "issubset", "issuperset", "isdisjoint",
                "intersection_update", "difference_update"));
        METHODS.put(FROZENSET, java.util.Set.of("union", "intersection", "difference", "symmetric_difference",
                "issubset", "issuperset", "isdisjoint", "copy"));
        METHODS.put(INT, java.util.Set.of("bit_length", "to_bytes", "conjugate", "bit_count"));
        METHODS.put(BOOL, METHODS.get(INT));
        METHODS.put(FLOAT, java.util.Set.of("is_integer", "hex", "conjugate"));
        METHODS.put(RANGE, java.util.Set.of("index", "count"));
        METHODS.put(GENERATOR, java.util.Set.of("send", "throw", "close", "__next__", "__iter__"));
        METHODS.put(SLICE, java.util.Set.of("indices"));
        METHODS.put(LOCK, java.util.Set.of("acquire", "release", "locked", "acquire_lock", "release_lock",
                "locked_lock", "__enter__", "__exit__"));
        METHODS.put(RLOCK, java.util.Set.of("acquire", "release", "__enter__", "__exit__", "_is_owned",
                "_release_save", "_acquire_restore", "_recursion_count"));
    }

    private static java.util.Set<String> union(java.util.Set<String> common, String... names) {
        java.util.Set<String> all = new java.util.HashSet<>(common);
        all.addAll(java.util.List.of(names));
        return java.util.Set.copyOf(all);
    }

    private static boolean hasMethod(int type, String name) {
        java.util.Set<String> s = METHODS.get(type == BIGINT ? INT : type);
        return s != null && s.contains(name);
    }

    // ---- calls -------------------------------------------------------------------------------------

    /**
     * {@code obj.name} for a method of a built-in container or str (a non-dunder name in
     * {@link #METHODS}): what {@link #getAttrOrZero} answers for it is a bound builtin whose call goes to
     * {@code Methods.call(name, obj, Call(fullName, ...))}, which {@link #callMethod} does directly,
     * without creating the bound object. Immutable; cached per (type, name) in {@link #METHOD_SITES}.
     */
    record MethodSite(int type, String name, String fullName) {
    }

    /**
     * Direct-mapped cache of method sites by name hash and type. Entries are immutable records read and
     * written with plain accesses (a racing reader sees null, an old entry or a complete new one; a
     * mismatch recomputes); {@link #METHODS} is fixed after class initialisation, so an entry never goes
     * stale.
     */
    private static final MethodSite[] METHOD_SITES = new MethodSite[256];

    /** The method site of {@code obj.name} if it is such a built-in method, else null. */
    static MethodSite methodSite(long obj, String name) {
        int t = Header.type(obj);
        if (t != STR && t != LIST && t != TUPLE && t != DICT && t != SET && t != FROZENSET) {
            return null;
        }
        int i = (name.hashCode() * 31 + t) & (METHOD_SITES.length - 1);
        MethodSite site = METHOD_SITES[i];
        if (site != null && site.type == t && name.equals(site.name)) {
            return Types.isSubclassInstance(obj) ? null : site;
        }
        if (name.startsWith("__") || !hasMethod(t, name) || Types.isSubclassInstance(obj)) {
            return null;
        }
        site = new MethodSite(t, name, Types.name(t) + "." + name);
        METHOD_SITES[i] = site;
        return site;
    }

    /** Calls the built-in method of {@code site} on {@code self} (borrowed, as the arguments): {@code callBuiltin} of the bound method. */
    static long callMethod(MethodSite site, long self, long[] args, String[] kwnames) {
        return Methods.call(site.name(), self, new Call(site.fullName(), args, kwnames));
    }

    static long callBuiltin(long fn, long[] args, String[] kwnames) {
        String name = nameOf(Obj.field(fn, 0));
        long self = Obj.field(fn, 8);
        int dot = name.indexOf('.');
        if (self == 0 && dot > 0 && !BUILTIN_MODULES.contains(name.substring(0, dot))
                && !name.equals("dict.fromkeys") && !name.contains("__init__")) {
            if (args.length == 0) {
                throw PyException.of("TypeError", "unbound method " + name + "() needs an argument");
            }
            self = args[0];
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        if (self != 0 && (name.equals("BaseException.__init__") || name.startsWith("object."))) {
            long[] all = new long[args.length + 1];
            all[0] = self;
            System.arraycopy(args, 0, all, 1, args.length);
            return Functions.call(name, new Call(name, all, kwnames));
        }
        if (self == 0 && name.equals("dict.fromkeys")) {
            return Functions.call(name, new Call(name, args, kwnames));
        }
        Call c = new Call(name, args, kwnames);
        if (self != 0) {
            return Methods.call(name.substring(name.lastIndexOf('.') + 1), self, c);
        }
        return Functions.call(name, c);
    }

    /** Arguments of a builtin call: positional values, then keyword values named by {@code kwnames}. */
    record Call(String name, long[] args, String[] kwnames) {
        int npos() {
            return args.length - (kwnames == null ? 0 : kwnames.length);
        }

        long kw(String key) {
            if (kwnames != null) {
                for (int i = 0; i < kwnames.length; i++) {
                    if (kwnames[i].equals(key)) return args[npos() + i];
                }
            }
            return 0;
        }

        long arg(int i) {
            return i < npos() ? args[i] : 0;
        }

        /** Positional argument {@code i}, else the keyword argument {@code key}; 0 if neither was given. */
        long arg(int i, String key) {
            return i < npos() ? args[i] : kw(key);
        }

        private String shortName() {
            return name.substring(name.lastIndexOf('.') + 1);
        }

        void count(int min, int max) {
            if (kwnames != null && kwnames.length > 0 && max >= 0) {
                for (String k : kwnames) {
                    if (!allowedKw(k)) {
                        throw PyException.of("TypeError", shortName() + "() takes no keyword arguments");
                    }
                }
            }
            int np = npos();
            if (np < min || (max >= 0 && np > max)) {
                String n = shortName();
                if (min == max) {
                    throw PyException.of("TypeError", n + "() takes exactly " + (min == 1 ? "one argument" : min + " arguments")
                            + " (" + np + " given)");
                }
                if (np < min) {
                    throw PyException.of("TypeError", n + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + np);
                }
                throw PyException.of("TypeError", n + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + np);
            }
        }

        private boolean allowedKw(String k) {
            return switch (k) {
                case "key", "reverse", "default", "sep", "end", "file", "flush", "start", "maxsplit", "base",
                     "strict", "generation", "blocking", "timeout" -> true;
                default -> false;
            };
        }
    }

    /**
     * Built-in types whose C-level name carries a module ({@code weakref.ReferenceType}, {@code _thread.lock}):
     * their {@code __name__} is the part after the dot (kept in the qualname field), as CPython's tp_name.
     */
    private static boolean hasModuleQualifiedName(long kind) {
        return kind == WEAKREF || kind == LOCK || kind == RLOCK;
    }

    /** Calls a class: builtin types construct values; other classes make an instance and run __init__. */
    static long callClass(long cls, long[] args, String[] kwnames) {
        long kind = Ops.classKind(cls);
        if (kind != INSTANCE) {
            return Constructors.construct(cls, (int) kind, new Call(Obj.str(Obj.field(cls, 0)), args, kwnames));
        }
        long metaCall = Ops.metaHook(cls, "__call__");
        if (metaCall != 0) {
            long[] all = new long[args.length + 1];
            all[0] = cls;
            System.arraycopy(args, 0, all, 1, args.length);
            return Interp.callFunction(metaCall, all, kwnames);
        }
        boolean exception = Ops.isSubclass(cls, Runtime.builtinClass("BaseException"));
        int nkw = kwnames == null ? 0 : kwnames.length;
        long userNew = Ops.lookup(cls, Obj.intern("__new__"));
        if (userNew != 0 && Header.type(userNew) == STATICMETHOD) userNew = Obj.field(userNew, 0);
        if (userNew != 0 && Header.type(userNew) == FUNCTION) {
            // A class defining __new__ (an implicit staticmethod): __new__(cls, *args), then __init__ when
            // it returned an instance of cls.
            long[] all = new long[args.length + 1];
            all[0] = cls;
            System.arraycopy(args, 0, all, 1, args.length);
            long made = Interp.callFunction(userNew, all, kwnames);
            if (!Ops.isSubclass(Ops.classOf(made), cls)) return made;
            try {
                long init = Ops.lookup(cls, Obj.intern("__init__"));
                if (init != 0 && Header.type(init) == FUNCTION) {
                    all[0] = made;
                    long r = Interp.callFunction(init, all, kwnames);
                    if (r != Obj.NONE) {
                        Heap.decref(r);
                        throw PyException.of("TypeError", "__init__() should return None, not '" + Ops.typeName(r) + "'");
                    }
                }
            } catch (PyException e) {
                Heap.decref(made);
                throw e;
            }
            return made;
        }
        checkNotAbstract(cls);
        long inst;
        if (exception) {
            long a = Obj.newTuple(args.length - nkw);
            for (int i = 0; i < args.length - nkw; i++) Obj.tupleInit(a, i, Heap.newRef(args[i]));
            inst = Ops.newInstance(cls, a);
        } else {
            inst = Ops.newInstance(cls, 0);
        }
        try {
            long init = Ops.lookup(cls, Obj.intern("__init__"));
            if (init != 0 && Header.type(init) == FUNCTION) {
                long[] all = new long[args.length + 1];
                all[0] = inst;
                System.arraycopy(args, 0, all, 1, args.length);
                long r = Interp.callFunction(init, all, kwnames);
                if (r != Obj.NONE) {
                    Heap.decref(r);
                    throw PyException.of("TypeError", "__init__() should return None, not '" + Ops.typeName(r) + "'");
                }
            } else if (!exception && args.length > 0) {
                throw PyException.of("TypeError", Obj.str(Obj.field(cls, 0)) + "() takes no arguments");
            } else if (exception && nkw > 0) {
                throw PyException.of("TypeError", Obj.str(Obj.field(cls, 0)) + "() takes no keyword arguments");
            }
        } catch (PyException e) {
            Heap.decref(inst);
            throw e;
        }
        return inst;
    }

    /** CPython's object.__new__ refusal of a class whose own {@code __abstractmethods__} is non-empty. */
    static void checkNotAbstract(long cls) {
        long am = Dict.getStr(Obj.field(cls, 16), "__abstractmethods__");
        if (am == 0 || !Ops.truthy(am)) return;
        long[] names = toArray(am);
        try {
            List<String> sorted = new ArrayList<>();
            for (long n : names) sorted.add(Seq.str(n));
            java.util.Collections.sort(sorted);
            throw PyException.of("TypeError", "Can't instantiate abstract class " + Obj.str(Obj.field(cls, 0))
                    + " with abstract method" + (sorted.size() == 1 ? " " : "s ") + String.join(", ", sorted));
        } finally {
            release(names);
        }
    }

    /** Instance creation of {@code object.__new__(cls)}: the instance without running {@code __init__}. */
    static long objectNew(long cls, long[] args, int npos) {
        if (Header.type(cls) != CLASS) {
            throw PyException.of("TypeError", "object.__new__(X): X is not a type object (" + Ops.typeName(cls) + ")");
        }
        long kind = Ops.classKind(cls);
        if (kind != INSTANCE) {
            return Constructors.construct(cls, (int) kind, new Call(Obj.str(Obj.field(cls, 0)), new long[0], null));
        }
        checkNotAbstract(cls);
        if (Ops.isSubclass(cls, Runtime.builtinClass("BaseException"))) {
            long a = Obj.newTuple(npos);
            for (int i = 0; i < npos; i++) Obj.tupleInit(a, i, Heap.newRef(args[i]));
            return Ops.newInstance(cls, a);
        }
        return Ops.newInstance(cls, 0);
    }

    static long superObject(long start, long self) {
        long s = Heap.object(SUPER, 16);
        putLong(s + P, Heap.newRef(start));
        putLong(s + P + 8, Heap.newRef(self));
        return s;
    }

    // ---- modules ---------------------------------------------------------------------------------------

    /**
     * The modules built into the runtime ({@link #importModule}): a builtin named {@code "<module>.<f>"}
     * is a module function; any other dotted builtin without a receiver is an unbound method of a type.
     */
    private static final java.util.Set<String> BUILTIN_MODULES =
            java.util.Set.of("sys", "math", "time", "gc", "_random", "_weakref", "_ftpyio", "_thread", "posix", "_array");

    /** Whether {@code name} is one of the modules built into the runtime (not a source module). */
    static boolean isBuiltinModule(String name) {
        return BUILTIN_MODULES.contains(name);
    }

    /** A new module object with an empty dict and {@code __name__} set. */
    static long newModule(String name) {
        long d = Dict.newDict();
        long m = Heap.object(MODULE, 16);
        putLong(m + P, d);
        putLong(m + P + 8, Obj.newStr(name));
        Dict.putStr(d, "__name__", Obj.field(m, 8));
        return m;
    }

    /** Creates the built-in module {@code name} and registers it in {@code sys.modules} (new reference). */
    static long importModule(String name) {
        Runtime rt = Runtime.current();
        long m = newModule(name);
        long d = getLong(m + P);
        String[] functions;
        switch (name) {
            case "sys" -> {
                functions = new String[]{"exit", "getrefcount", "getrecursionlimit", "setrecursionlimit", "intern",
                        "_is_gil_enabled", "getsizeof", "setswitchinterval", "getswitchinterval"};
                long argv = Lists.create(rt.argv.length);
                for (String a : rt.argv) Lists.appendStolen(argv, Obj.newStr(a));
                Dict.putStr(d, "argv", argv);
                Heap.decref(argv);
                putConst(d, "maxsize", Obj.newInt(Long.MAX_VALUE));
                putConst(d, "version", Obj.newStr("3.11.0 (ftpy, ftmem heap)"));
                putConst(d, "platform", Obj.newStr("linux"));
                putConst(d, "byteorder", Obj.newStr("little"));
                long vi = Obj.tupleOf(Obj.newInt(3), Obj.newInt(11), Obj.newInt(0));
                putConst(d, "version_info", vi);
                putConst(d, "implementation_name", Obj.newStr("ftpy"));
                Dict.putStr(d, "modules", rt.modules);
                long path = Lists.create(2);
                for (String entry : rt.defaultPath()) Lists.appendStolen(path, Obj.newStr(entry));
                Dict.putStr(d, "path", path);
                Heap.decref(path);
                long streams = Imports.importModule("_streams");
                try {
                    for (String stream : new String[]{"stdout", "stderr"}) {
                        Dict.putStr(d, stream, Dict.getStr(Obj.field(streams, 0), stream));
                    }
                } finally {
                    Heap.decref(streams);
                }
            }
            case "math" -> {
                functions = new String[]{"sqrt", "floor", "ceil", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
                        "log", "log2", "log10", "exp", "fabs", "factorial", "gcd", "lcm", "isqrt", "pow", "hypot",
                        "isclose", "isnan", "isinf", "isfinite", "trunc", "comb", "perm", "degrees", "radians", "fsum",
                        "copysign", "prod", "dist", "modf", "fmod", "frexp", "ldexp", "remainder", "sinh", "cosh", "tanh", "log1p", "expm1"};
                putConst(d, "pi", Obj.newFloat(Math.PI));
                putConst(d, "e", Obj.newFloat(Math.E));
                putConst(d, "tau", Obj.newFloat(2 * Math.PI));
                putConst(d, "inf", Obj.newFloat(Double.POSITIVE_INFINITY));
                putConst(d, "nan", Obj.newFloat(Double.NaN));
            }
            case "time" -> functions = new String[]{"perf_counter", "perf_counter_ns", "time", "time_ns", "monotonic",
                    "monotonic_ns", "sleep", "process_time", "process_time_ns", "thread_time", "thread_time_ns"};
            case "posix" -> {
                functions = new String[]{"getpid", "getppid", "getcwd", "listdir", "cpu_count", "path_kind",
                        "sched_getaffinity"};
                long env = Dict.newDict();
                for (var e : new java.util.TreeMap<>(System.getenv()).entrySet()) {
                    long k = Obj.newStr(e.getKey()), v = Obj.newStr(e.getValue());
                    Dict.put(env, k, v);
                    Heap.decref(k);
                    Heap.decref(v);
                }
                putConst(d, "environ", env);
            }
            case "_random" -> functions = new String[]{"seed", "call"};
            case "_array" -> functions = new String[]{"new", "len", "get", "set", "insert", "delete", "tolist", "address"};
            case "_ftpyio" -> functions = new String[]{"write", "flush"};
            case "_thread" -> {
                functions = new String[]{"start_new_thread", "allocate_lock", "allocate", "RLock", "get_ident",
                        "get_native_id", "_count", "stack_size", "_set_thread_info", "_print_thread_exception", "_print_exception",
                        "_deadlock_mode"};
                Dict.putStr(d, "LockType", Runtime.TYPE_CLASS[LOCK]);
                Dict.putStr(d, "error", Runtime.builtinClass("RuntimeError"));
                putConst(d, "TIMEOUT_MAX", Obj.newFloat(PyLocks.TIMEOUT_MAX));
            }
            case "_weakref" -> {
                functions = new String[]{"getweakrefcount"};
                Dict.putStr(d, "ref", Runtime.TYPE_CLASS[WEAKREF]);
                Dict.putStr(d, "ReferenceType", Runtime.TYPE_CLASS[WEAKREF]);
            }
            case "gc" -> functions = new String[]{"collect", "enable", "disable", "isenabled", "get_threshold",
                    "set_threshold", "get_count", "is_tracked", "freeze", "unfreeze", "get_stats", "get_freeze_count",
                    "is_finalized"};
            default -> {
                Heap.decref(m);
                throw PyException.of("ModuleNotFoundError", "No module named '" + name + "'");
            }
        }
        for (String f : functions) {
            long b = builtin(name + "." + f, 0);
            Dict.putStr(d, f, b);
            Heap.decref(b);
        }
        Dict.putStr(rt.modules, name, m);
        return m;
    }

    private static void putConst(long d, String name, long stolen) {
        Dict.putStr(d, name, stolen);
        Heap.decref(stolen);
    }

    static long refcountOf(long o) {
        long c = RefCount.refcount(o);
        return RefCount.isImmortal(o) ? (1L << 32) - 1 : c;
    }

    /**
     * {@code fmt.format(*args, **kwargs)} ({@code mapping != 0}: {@code fmt.format_map(mapping)}) through
     * {@link io.github.ftmem.interpreter.text.StrFormat}; the objects it reaches by attribute or item are
     * released when the call ends.
     */
    static String formatStr(String fmt, long[] args, String[] kwnames, long mapping) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        int npos = args.length - nkw;
        List<Long> temps = new ArrayList<>();
        io.github.ftmem.interpreter.text.StrFormat.Fields<Long> fields = new io.github.ftmem.interpreter.text.StrFormat.Fields<>() {
            @Override
            public int positionalCount() {
                return mapping != 0 ? -1 : npos;
            }

            @Override
            public Long positional(int index) {
                return args[index];
            }

            @Override
            public Long keyword(String name) {
                if (mapping != 0) {
                    return keepItem(mapping, Obj.newStr(name));
                }
                for (int k = 0; k < nkw; k++) {
                    if (kwnames[k].equals(name)) return args[npos + k];
                }
                throw PyException.withArgs("KeyError", Obj.tupleOf(Obj.intern(name)));
            }

            @Override
            public Long getAttr(Long obj, String name) {
                return keep(Interp.getAttr(obj, name));
            }

            @Override
            public Long getItem(Long obj, String key) {
                return keepItem(obj, Obj.newStr(key));
            }

            @Override
            public Long getItem(Long obj, long index) {
                return keepItem(obj, Obj.newInt(index));
            }

            @Override
            public String str(Long obj) {
                return Seq.str(obj);
            }

            @Override
            public String repr(Long obj) {
                return Seq.repr(obj);
            }

            @Override
            public String format(Long obj, String spec) {
                return Builtins.format(obj, spec);
            }

            /** {@code obj[key]}, kept until the call ends; {@code key} is a new reference, released here. */
            private Long keepItem(long obj, long key) {
                try {
                    return keep(Builtins.getItem(obj, key));
                } finally {
                    Heap.decref(key);
                }
            }

            private long keep(long v) {
                temps.add(v);
                return v;
            }
        };
        try {
            return io.github.ftmem.interpreter.text.StrFormat.format(fmt, fields);
        } catch (io.github.ftmem.interpreter.numbers.PyLibError e) {
            throw Text.translate(e);
        } finally {
            for (long v : temps) Heap.decref(v);
        }
    }
}
