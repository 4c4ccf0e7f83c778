package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;
import static io.github.ftmem.interpreter.runtime.Types.*;

/**
 * Iterators: one heap type ({@code ITER}: +0 source, +8 index, +16 aux, +24 kind, +32 expected size)
 * with a kind per source; {@link #next} returns a new reference or 0 at the end.
 */
public final class Iter {
    static final int LIST_IT = 0, TUPLE_IT = 1, STR_IT = 2, RANGE_IT = 3, KEYS = 4, VALUES = 5, ITEMS = 6,
            SET_IT = 7, ENUMERATE = 8, ZIP = 9, MAP = 10, FILTER = 11, REVERSED = 12, SEQUENCE = 14;
    /** Python-visible class name per kind. */
    static final String[] CLASS_NAMES = {"list_iterator", "tuple_iterator", "str_ascii_iterator", "range_iterator",
            "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "set_iterator", "enumerate", "zip", "map",
            "filter", "reversed", "generator", "iterator"};

    private Iter() {
    }

    static long create(int kind, long sourceStolen, long auxStolen, long index) {
        long it = Heap.object(ITER, 40);
        putLong(it + P, sourceStolen);
        putLong(it + P + 8, index);
        putLong(it + P + 16, auxStolen);
        putLong(it + P + 24, kind);
        return it;
    }

    /** The result of a Python {@code __iter__}, which must be an iterator (consumed on error). */
    private static long checkIterator(long r) {
        int t = Header.type(r);
        if (t == ITER || t == Types.GENERATOR
                || (t == INSTANCE && Ops.lookup(Ops.classOf(r), Obj.intern("__next__")) != 0)) {
            return r;
        }
        String type = Ops.typeName(r);
        Heap.decref(r);
        throw PyException.of("TypeError", "iter() returned non-iterator of type '" + type + "'");
    }

    public static long iter(long o) {
        if (Header.type(o) == CLASS) {
            long hook = Ops.metaHook(o, "__iter__");
            if (hook != 0) return checkIterator(Interp.callFunction(hook, new long[]{o}, null));
        }
        if (Types.isSubclassInstance(o)) {
            // A list or dict subclass that defines __iter__ in Python iterates through it.
            long r = Ops.callDunder(o, "__iter__");
            if (r != 0) return checkIterator(r);
        }
        return builtinIter(o);
    }

    /** {@code iter(o)} by the built-in type's own {@code __iter__}, ignoring a subclass override. */
    static long builtinIter(long o) {
        int t = Header.type(o);
        int kind;
        switch (t) {
            case LIST -> kind = LIST_IT;
            case TUPLE -> kind = TUPLE_IT;
            case STR -> kind = STR_IT;
            case RANGE -> kind = RANGE_IT;
            case DICT -> kind = KEYS;
            case SET, FROZENSET -> kind = SET_IT;
            case VIEW -> {
                long d = getLong(o + P);
                Heap.incref(d);
                long it = create(KEYS + (int) getLong(o + P + 8), d, 0, 0);
                putLong(it + P + 32, Dict.size(d));
                return it;
            }
            case ITER, Types.GENERATOR -> {
                return Heap.newRef(o);
            }
            case INSTANCE -> {
                long r = Ops.callDunder(o, "__iter__");
                if (r != 0) return checkIterator(r);
                long getitem = Ops.lookup(Ops.classOf(o), Obj.intern("__getitem__"));
                if (getitem != 0) {
                    return create(SEQUENCE, Heap.newRef(o), 0, 0);
                }
                throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object is not iterable");
            }
            default -> throw PyException.of("TypeError", "'" + Ops.typeName(o) + "' object is not iterable");
        }
        Heap.incref(o);
        long it = create(kind, o, 0, 0);
        if (kind == KEYS || kind == SET_IT) putLong(it + P + 32, Dict.size(o));
        return it;
    }

    public static long next(long it) {
        int t = Header.type(it);
        if (t == INSTANCE) {
            long f = Ops.lookup(Ops.classOf(it), Obj.intern("__next__"));
            if (f == 0) throw PyException.of("TypeError", "'" + Ops.typeName(it) + "' object is not an iterator");
            try {
                return Interp.callFunction(f, new long[]{it}, null);
            } catch (PyException e) {
                if (Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("StopIteration"))) {
                    Heap.decref(e.take());
                    return 0;
                }
                throw e;
            }
        }
        if (t == Types.GENERATOR) {
            return Generators.next(it);
        }
        if (t != ITER) {
            throw PyException.of("TypeError", "'" + Ops.typeName(it) + "' object is not an iterator");
        }
        long src = getLong(it + P);
        long i = getLong(it + P + 8);
        int kind = (int) getLong(it + P + 24);
        switch (kind) {
            case LIST_IT: {
                if (src == 0 || i >= Lists.size(src)) return exhaust(it);
                putLong(it + P + 8, i + 1);
                return Heap.newRef(Lists.get(src, i));
            }
            case TUPLE_IT: {
                if (src == 0 || i >= Obj.tupleSize(src)) return exhaust(it);
                putLong(it + P + 8, i + 1);
                return Heap.newRef(Obj.tupleItem(src, i));
            }
            case STR_IT: {
                if (src == 0 || i >= Obj.strLength(src)) return exhaust(it);
                putLong(it + P + 8, i + 1);
                return Obj.newStr(String.valueOf(Obj.charAt(src, i)));
            }
            case RANGE_IT: {
                if (src == 0 || i >= Obj.rangeLength(src)) return exhaust(it);
                putLong(it + P + 8, i + 1);
                return Obj.newInt(getLong(src + P) + i * getLong(src + P + 16));
            }
            case KEYS: case VALUES: case ITEMS: case SET_IT: {
                if (src == 0) return 0;
                if (Dict.size(src) != getLong(it + P + 32)) {
                    putLong(it + P + 32, -1);
                    throw PyException.of("RuntimeError", (Header.type(src) == DICT ? "dictionary" : "Set")
                            + " changed size during iteration");
                }
                long n = Dict.filled(src);
                while (i < n && Dict.keyAt(src, i) == 0) i++;
                if (i >= n) return exhaust(it);
                putLong(it + P + 8, i + 1);
                long k = Dict.keyAt(src, i);
                if (kind == KEYS || kind == SET_IT) return Heap.newRef(k);
                if (kind == VALUES) return Heap.newRef(Dict.valueAt(src, i));
                return Obj.tupleOf(k, Dict.valueAt(src, i));
            }
            case SEQUENCE: {
                if (src == 0) return 0;
                long idx = Obj.newInt(i);
                try {
                    long r = Ops.callDunder(src, "__getitem__", idx);
                    putLong(it + P + 8, i + 1);
                    return r;
                } catch (PyException e) {
                    if (Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("IndexError"))
                            || Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("StopIteration"))) {
                        Heap.decref(e.take());
                        return exhaust(it);
                    }
                    throw e;
                } finally {
                    Heap.decref(idx);
                }
            }
            case ENUMERATE: {
                long x = next(src);
                if (x == 0) return 0;
                long idx = Obj.newInt(i);
                putLong(it + P + 8, i + 1);
                long t2 = Obj.newTuple(2);
                Obj.tupleInit(t2, 0, idx);
                Obj.tupleInit(t2, 1, x);
                return t2;
            }
            case ZIP: case MAP: {
                long n = Obj.tupleSize(src);
                if (n == 0) return exhaust(it);
                long[] vals = new long[(int) n];
                for (int j = 0; j < n; j++) {
                    vals[j] = next(Obj.tupleItem(src, j));
                    if (vals[j] == 0) {
                        for (int k = 0; k < j; k++) Heap.decref(vals[k]);
                        return 0;
                    }
                }
                if (kind == ZIP) return Seq.fromArray(TUPLE, vals, vals.length);
                try {
                    return Interp.call(getLong(it + P + 16), vals, null);
                } finally {
                    for (long v : vals) Heap.decref(v);
                }
            }
            case FILTER: {
                long f = getLong(it + P + 16);
                while (true) {
                    long x = next(src);
                    if (x == 0) return 0;
                    boolean keep;
                    if (f == Obj.NONE) {
                        keep = Ops.truthy(x);
                    } else {
                        long r;
                        try {
                            r = Interp.call(f, new long[]{x}, null);
                        } catch (PyException e) {
                            Heap.decref(x);
                            throw e;
                        }
                        keep = Ops.truthy(r);
                        Heap.decref(r);
                    }
                    if (keep) return x;
                    Heap.decref(x);
                }
            }
            case REVERSED: {
                if (src == 0 || i < 0) return exhaust(it);
                putLong(it + P + 8, i - 1);
                if (Header.type(src) == LIST) {
                    if (i >= Lists.size(src)) return exhaust(it);
                    return Heap.newRef(Lists.get(src, i));
                }
                if (Header.type(src) == TUPLE) return Heap.newRef(Obj.tupleItem(src, i));
                if (Header.type(src) == STR) return Obj.newStr(String.valueOf(Obj.charAt(src, i)));
                return Obj.newInt(getLong(src + P) + i * getLong(src + P + 16));
            }
            default:
                throw new IllegalStateException("iterator kind " + kind);
        }
    }

    private static long exhaust(long it) {
        Obj.setField(it, 0, 0);
        return 0;
    }
}
