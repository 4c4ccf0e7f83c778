package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.runtime.Builtins.Call;

import java.math.BigDecimal;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Types.*;

/** Calls of the builtin classes: {@code int(x)}, {@code str(x)}, {@code list(it)}, {@code type(x)}, ... */
final class Constructors {
    private Constructors() {
    }

    /** {@code C(...)} for a Python subclass C of list or dict: the builtin payload, then {@code __init__}. */
    private static long constructSubclass(long cls, int kind, Call c) {
        long o = kind == LIST ? Lists.createSubclass(cls) : Dict.createSubclass(cls);
        try {
            long init = Ops.lookup(cls, Obj.intern("__init__"));
            if (init != 0 && Header.type(init) == FUNCTION) {
                long[] all = new long[c.args().length + 1];
                all[0] = o;
                System.arraycopy(c.args(), 0, all, 1, c.args().length);
                long r = Interp.callFunction(init, all, c.kwnames());
                Heap.decref(r);
            } else {
                initBuiltinPart(o, kind, c.args(), c.npos(), c.kwnames());
            }
        } catch (PyException e) {
            Heap.decref(o);
            throw e;
        }
        return o;
    }

    /** list.__init__ / dict.__init__ on an existing object. */
    static void initBuiltinPart(long o, int kind, long[] a, int npos, String[] kwnames) {
        if (kind == LIST) {
            if (npos > 0) Builtins.listExtend(o, a[0]);
            return;
        }
        if (npos > 0) Builtins.dictUpdate(o, a[0]);
        if (kwnames != null) {
            for (int i = 0; i < kwnames.length; i++) Dict.putStr(o, kwnames[i], a[npos + i]);
        }
    }

    static long construct(long cls, int kind, Call c) {
        long[] a = c.args();
        if ((kind == LIST || kind == DICT) && cls != Runtime.TYPE_CLASS[kind]) {
            return constructSubclass(cls, kind, c);
        }
        switch (kind) {
            case INT: {
                c.count(0, 2);
                if (c.npos() == 0) return Obj.newInt(0);
                long v = a[0];
                long baseObj = c.npos() > 1 ? a[1] : c.kw("base");
                if (baseObj != 0) {
                    if (Header.type(v) != STR) throw PyException.of("TypeError", "int() can't convert non-string with explicit base");
                    int base = (int) Obj.intValue(baseObj);
                    if (base != 0 && (base < 2 || base > 36)) throw PyException.of("ValueError", "int() base must be >= 2 and <= 36, or 0");
                    return Obj.newInt(Text.parseInt(Obj.str(v), base));
                }
                switch (Header.type(v)) {
                    case INT, BIGINT:
                        return Heap.newRef(v);
                    case BOOL:
                        return Obj.newInt(Obj.intValue(v));
                    case FLOAT: {
                        double d = Obj.floatValue(v);
                        if (Double.isNaN(d)) throw PyException.of("ValueError", "cannot convert float NaN to integer");
                        if (Double.isInfinite(d)) throw PyException.of("OverflowError", "cannot convert float infinity to integer");
                        return Obj.newInt(new BigDecimal(d).toBigInteger());
                    }
                    case STR: {
                        return Obj.newInt(Text.parseInt(Obj.str(v), 10));
                    }
                    default: {
                        long r = Ops.callDunder(v, "__int__");
                        if (r == 0) r = Ops.callDunder(v, "__index__");
                        if (r != 0) return r;
                        throw PyException.of("TypeError", "int() argument must be a string, a bytes-like object or a real number, not '" + Ops.typeName(v) + "'");
                    }
                }
            }
            case FLOAT: {
                c.count(0, 1);
                if (c.npos() == 0) return Obj.newFloat(0);
                long v = a[0];
                if (Header.type(v) == FLOAT) return Heap.newRef(v);
                if (Ops.isNumber(v)) return Obj.newFloat(Ops.toDouble(v));
                if (Header.type(v) == STR) {
                    return Obj.newFloat(Text.parseFloat(Obj.str(v)));
                }
                long r = Ops.callDunder(v, "__float__");
                if (r != 0) return r;
                throw PyException.of("TypeError", "float() argument must be a string or a real number, not '" + Ops.typeName(v) + "'");
            }
            case STR:
                c.count(0, 1);
                return c.npos() == 0 ? Obj.EMPTY_STR : Obj.newStr(Seq.str(a[0]));
            case BOOL:
                c.count(0, 1);
                return Obj.bool(c.npos() > 0 && Ops.truthy(a[0]));
            case LIST: {
                c.count(0, 1);
                long l = Lists.create(0);
                if (c.npos() > 0) {
                    try {
                        Builtins.listExtend(l, a[0]);
                    } catch (PyException e) {
                        Heap.decref(l);
                        throw e;
                    }
                }
                return l;
            }
            case TUPLE: {
                c.count(0, 1);
                if (c.npos() == 0) return Obj.EMPTY_TUPLE;
                if (Header.type(a[0]) == TUPLE) return Heap.newRef(a[0]);
                long[] items = Builtins.toArray(a[0]);
                return Seq.fromArray(TUPLE, items, items.length);
            }
            case DICT: {
                long d = Dict.newDict();
                try {
                    if (c.npos() > 0) Builtins.dictUpdate(d, a[0]);
                    if (c.kwnames() != null) {
                        for (int i = 0; i < c.kwnames().length; i++) Dict.putStr(d, c.kwnames()[i], a[c.npos() + i]);
                    }
                } catch (PyException e) {
                    Heap.decref(d);
                    throw e;
                }
                return d;
            }
            case SET:
            case FROZENSET: {
                c.count(0, 1);
                long s = Dict.create(kind);
                try {
                    if (c.npos() > 0) Builtins.setAddAll(s, a[0]);
                } catch (PyException e) {
                    Heap.decref(s);
                    throw e;
                }
                return s;
            }
            case RANGE: {
                c.count(1, 3);
                for (int i = 0; i < c.npos(); i++) {
                    if (!Obj.isInt(a[i])) {
                        throw PyException.of("TypeError", "'" + Ops.typeName(a[i]) + "' object cannot be interpreted as an integer");
                    }
                }
                long start = 0, stop, step = 1;
                if (c.npos() == 1) {
                    stop = Obj.intValue(a[0]);
                } else {
                    start = Obj.intValue(a[0]);
                    stop = Obj.intValue(a[1]);
                    if (c.npos() > 2) step = Obj.intValue(a[2]);
                }
                if (step == 0) throw PyException.of("ValueError", "range() arg 3 must not be zero");
                return Obj.newRange(start, stop, step);
            }
            case CLASS: {
                if (c.npos() == 1) return Heap.newRef(Ops.classOf(a[0]));
                if (c.npos() == 3) {
                    long dict = Builtins.copyDict(a[2]);
                    long bases = Obj.tupleSize(a[1]) == 0 ? Obj.tupleOf(Runtime.builtinClass("object")) : Heap.newRef(a[1]);
                    try {
                        return Ops.makeClass(a[0], bases, dict, INSTANCE);
                    } catch (PyException e) {
                        Heap.decref(dict);
                        throw e;
                    } finally {
                        Heap.decref(bases);
                    }
                }
                throw PyException.of("TypeError", "type() takes 1 or 3 arguments");
            }
            case PROPERTY: {
                long[] parts = {c.arg(0, "fget"), c.arg(1, "fset"), c.arg(2, "fdel"), c.arg(3, "doc")};
                return Builtins.newProperty(parts);
            }
            case WEAKREF:
                c.count(1, 2);
                return WeakRefs.create(a[0], c.npos() > 1 ? a[1] : 0);
            case STATICMETHOD:
            case CLASSMETHOD: {
                c.count(1, 1);
                long p = Heap.object(kind, 16);
                Heap.putLong(p + P, Heap.newRef(a[0]));
                return p;
            }
            case SUPER: {
                if (c.npos() == 2) return Builtins.superObject(a[0], a[1]);
                Interp.Frame f = Interp.currentFrame();
                if (f == null) throw PyException.of("RuntimeError", "super(): no arguments");
                int slot = f.code.scope().slotOf("__class__");
                if (slot < 0 || f.slots.length == 0) throw PyException.of("RuntimeError", "super(): __class__ cell not found");
                long start = Obj.cellGet(f.slots[slot]);
                long self = f.slots[0];
                if (self != 0 && f.code.scope().cellParameters().contains(0)) self = Obj.cellGet(self);
                if (start == 0 || self == 0) throw PyException.of("RuntimeError", "super(): no arguments");
                return Builtins.superObject(start, self);
            }
            case SLICE: {
                c.count(1, 3);
                long[] parts = c.npos() == 1 ? new long[]{Obj.NONE, a[0], Obj.NONE}
                        : new long[]{a[0], a[1], c.npos() > 2 ? a[2] : Obj.NONE};
                long s = Heap.object(SLICE, 24);
                for (int i = 0; i < 3; i++) {
                    Heap.putLong(s + P + 8L * i, Heap.newRef(parts[i]));
                }
                return s;
            }
            case NONE:
                return Obj.NONE;
            default:
                throw PyException.of("TypeError", "cannot create '" + Types.name(kind) + "' instances");
        }
    }
}
