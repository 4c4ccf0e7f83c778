package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.gc.GcStats;
import io.github.ftmem.interpreter.runtime.Builtins.Call;
import io.github.ftmem.interpreter.syntax.Expr;
import io.github.ftmem.interpreter.syntax.Expr.BinaryOperator;
import io.github.ftmem.refcount.RefCount;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import static io.github.ftmem.interpreter.runtime.Types.*;

/** The builtin functions and the functions of the built-in modules. */
final class Functions {
    private Functions() {
    }

    /**
     * {@code _ftpyio.write(fd, text)} / {@code _ftpyio.flush(fd)}: the interpreter's stdout (1) and
     * stderr (2), under {@code sys.stdout} and {@code sys.stderr} (lib/_streams.py).
     */
    private static long standardStream(String function, Call c) {
        c.count(function.equals("write") ? 2 : 1, function.equals("write") ? 2 : 1);
        Runtime rt = Runtime.current();
        java.io.PrintStream stream = Obj.intValue(c.args()[0]) == 2 ? rt.err : rt.out;
        if (function.equals("flush")) {
            stream.flush();
            return Obj.NONE;
        }
        long text = c.args()[1];
        stream.print(Obj.str(text));
        return Obj.newInt(Obj.strLength(text));
    }

    /** Adds the str keys of dict {@code d} to {@code names}. */
    private static void addKeys(java.util.Set<String> names, long d) {
        long keys = Methods.call("keys", d, new Call("dict.keys", new long[0], null));
        long[] ks;
        try {
            ks = Builtins.toArray(keys);
        } finally {
            Heap.decref(keys);
        }
        for (long k : ks) {
            if (Header.type(k) == STR) names.add(Obj.str(k));
            Heap.decref(k);
        }
    }

    static long call(String name, Call c) {
        long[] a = c.args();
        switch (name) {
            case "print": {
                long sep = c.kw("sep"), end = c.kw("end");
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < c.npos(); i++) {
                    if (i > 0) b.append(sep == 0 || sep == Obj.NONE ? " " : Obj.str(sep));
                    b.append(Seq.str(a[i]));
                }
                b.append(end == 0 || end == Obj.NONE ? "\n" : Obj.str(end));
                long file = c.kw("file");
                if (file != 0 && file != Obj.NONE) {
                    long write = Interp.getAttr(file, "write");
                    long text = Obj.newStr(b.toString());
                    try {
                        Heap.decref(Interp.call(write, new long[]{text}, null));
                    } finally {
                        Heap.decref(text);
                        Heap.decref(write);
                    }
                    return Obj.NONE;
                }
                Runtime.current().out.print(b);
                return Obj.NONE;
            }
            case "len":
                c.count(1, 1);
                return Obj.newInt(Builtins.len(a[0]));
            case "repr":
                c.count(1, 1);
                return Obj.newStr(Seq.repr(a[0]));
            case "ascii":
                c.count(1, 1);
                return Obj.newStr(Seq.repr(a[0]));
            case "isinstance": {
                c.count(2, 2);
                long hook = Ops.metaHook(a[1], "__instancecheck__");
                if (hook != 0) return Obj.bool(Ops.truthyStolen(Interp.callFunction(hook, new long[]{a[1], a[0]}, null)));
                return Obj.bool(isInstance(Ops.classOf(a[0]), a[1], "isinstance"));
            }
            case "issubclass": {
                c.count(2, 2);
                if (Header.type(a[0]) != CLASS) throw PyException.of("TypeError", "issubclass() arg 1 must be a class");
                long hook = Ops.metaHook(a[1], "__subclasscheck__");
                if (hook != 0) return Obj.bool(Ops.truthyStolen(Interp.callFunction(hook, new long[]{a[1], a[0]}, null)));
                return Obj.bool(isInstance(a[0], a[1], "issubclass"));
            }
            case "id":
                c.count(1, 1);
                return Obj.newInt(a[0]);
            case "hash":
                c.count(1, 1);
                return Obj.newInt(Ops.hash(a[0]));
            case "abs": {
                c.count(1, 1);
                long v = a[0];
                if (Header.type(v) == FLOAT) return Obj.newFloat(Math.abs(Obj.floatValue(v)));
                if (Obj.isInt(v)) return Obj.newInt(Obj.bigValue(v).abs());
                long r = Ops.callDunder(v, "__abs__");
                if (r != 0) return r;
                throw PyException.of("TypeError", "bad operand type for abs(): '" + Ops.typeName(v) + "'");
            }
            case "min":
            case "max":
                return minMax(c, name.equals("max"));
            case "sum": {
                long[] items = Builtins.toArray(a[0]);
                long acc = c.npos() > 1 ? Heap.newRef(a[1]) : (c.kw("start") != 0 ? Heap.newRef(c.kw("start")) : Obj.newInt(0));
                try {
                    if (Header.type(acc) == STR) throw PyException.of("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
                    for (long x : items) {
                        long n = Ops.binary(BinaryOperator.ADD, acc, x);
                        Heap.decref(acc);
                        acc = n;
                    }
                } catch (PyException e) {
                    Heap.decref(acc);
                    throw e;
                } finally {
                    for (long x : items) Heap.decref(x);
                }
                return acc;
            }
            case "sorted": {
                c.count(1, 1);
                long l = Lists.create(0);
                try {
                    Builtins.listExtend(l, a[0]);
                    Methods.sort(l, c.kw("key"), c.kw("reverse"));
                } catch (PyException e) {
                    Heap.decref(l);
                    throw e;
                }
                return l;
            }
            case "reversed": {
                c.count(1, 1);
                long v = a[0];
                int t = Header.type(v);
                if (t == LIST || t == TUPLE || t == STR || t == RANGE) {
                    long n = Builtins.len(v);
                    return Iter.create(Iter.REVERSED, Heap.newRef(v), 0, n - 1);
                }
                if (t == DICT) {
                    long[] keys = Builtins.toArray(v);
                    long tup = Seq.fromArray(TUPLE, keys, keys.length);
                    return Iter.create(Iter.REVERSED, tup, 0, keys.length - 1);
                }
                long r = Ops.callDunder(v, "__reversed__");
                if (r != 0) return r;
                throw PyException.of("TypeError", "'" + Ops.typeName(v) + "' object is not reversible");
            }
            case "enumerate": {
                long it = Iter.iter(a[0]);
                long start = c.npos() > 1 ? a[1] : c.kw("start");
                return Iter.create(Iter.ENUMERATE, it, 0, start == 0 ? 0 : Obj.intValue(start));
            }
            case "zip":
            case "map": {
                int from = name.equals("map") ? 1 : 0;
                if (name.equals("map") && c.npos() < 2) throw PyException.of("TypeError", "map() must have at least two arguments.");
                long t = Obj.newTuple(c.npos() - from);
                try {
                    for (int i = from; i < c.npos(); i++) Obj.tupleInit(t, i - from, Iter.iter(a[i]));
                } catch (PyException e) {
                    Heap.decref(t);
                    throw e;
                }
                return Iter.create(name.equals("map") ? Iter.MAP : Iter.ZIP, t, from == 1 ? Heap.newRef(a[0]) : 0, 0);
            }
            case "filter": {
                c.count(2, 2);
                return Iter.create(Iter.FILTER, Iter.iter(a[1]), Heap.newRef(a[0]), 0);
            }
            case "any":
            case "all": {
                c.count(1, 1);
                boolean any = name.equals("any");
                long it = Iter.iter(a[0]);
                try {
                    long x;
                    while ((x = Iter.next(it)) != 0) {
                        boolean t = Ops.truthy(x);
                        Heap.decref(x);
                        if (t == any) return Obj.bool(any);
                    }
                    return Obj.bool(!any);
                } finally {
                    Heap.decref(it);
                }
            }
            case "iter":
                c.count(1, 1);
                return Iter.iter(a[0]);
            case "next": {
                c.count(1, 2);
                if (Header.type(a[0]) == GENERATOR) {
                    try {
                        return Generators.send(a[0], Obj.NONE);
                    } catch (PyException e) {
                        if (c.npos() > 1 && Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("StopIteration"))) {
                            Heap.decref(e.take());
                            return Heap.newRef(a[1]);
                        }
                        throw e;
                    }
                }
                long r = Iter.next(a[0]);
                if (r != 0) return r;
                if (c.npos() > 1) return Heap.newRef(a[1]);
                throw PyException.withArgs("StopIteration", Obj.EMPTY_TUPLE);
            }
            case "getattr": {
                c.count(2, 3);
                checkAttrName(a[1], "getattr");
                if (c.npos() == 2) return Interp.getAttr(a[0], Obj.str(a[1]));
                try {
                    long r = Builtins.getAttrOrZero(a[0], Obj.str(a[1]));
                    if (r != 0) return r;
                } catch (PyException e) {
                    if (!Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("AttributeError"))) throw e;
                    Heap.decref(e.take());
                }
                return Heap.newRef(a[2]);
            }
            case "setattr":
                c.count(3, 3);
                checkAttrName(a[1], "setattr");
                Interp.setAttr(a[0], Obj.str(a[1]), a[2]);
                return Obj.NONE;
            case "delattr":
                c.count(2, 2);
                Interp.delAttr(a[0], Obj.str(a[1]));
                return Obj.NONE;
            case "hasattr": {
                c.count(2, 2);
                checkAttrName(a[1], "hasattr");
                try {
                    long r = Builtins.getAttrOrZero(a[0], Obj.str(a[1]));
                    Heap.xdecref(r);
                    return Obj.bool(r != 0);
                } catch (PyException e) {
                    if (Ops.isSubclass(Ops.classOf(e.exc), Runtime.builtinClass("AttributeError"))) {
                        Heap.decref(e.take());
                        return Obj.FALSE;
                    }
                    throw e;
                }
            }
            case "callable": {
                c.count(1, 1);
                return Obj.bool(Ops.isCallable(a[0]));
            }
            case "round":
                return round(c);
            case "divmod": {
                c.count(2, 2);
                if (Obj.isInt(a[0]) && Obj.isInt(a[1])) {
                    long q = Ops.binary(BinaryOperator.FLOORDIV, a[0], a[1]);
                    long r = Ops.binary(BinaryOperator.MOD, a[0], a[1]);
                    long t = Obj.newTuple(2);
                    Obj.tupleInit(t, 0, q);
                    Obj.tupleInit(t, 1, r);
                    return t;
                }
                if (Ops.isNumber(a[0]) && Ops.isNumber(a[1])) {
                    double y = Ops.toDouble(a[1]);
                    if (y == 0) throw PyException.of("ZeroDivisionError", "float divmod()");
                    double[] qr = Ops.floatDivmod(Ops.toDouble(a[0]), y);
                    long t = Obj.newTuple(2);
                    Obj.tupleInit(t, 0, Obj.newFloat(qr[0]));
                    Obj.tupleInit(t, 1, Obj.newFloat(qr[1]));
                    return t;
                }
                throw PyException.of("TypeError", "unsupported operand type(s) for divmod(): '" + Ops.typeName(a[0])
                        + "' and '" + Ops.typeName(a[1]) + "'");
            }
            case "pow": {
                c.count(2, 3);
                if (c.npos() == 3) {
                    BigInteger m = Obj.bigValue(a[2]);
                    if (m.signum() == 0) throw PyException.of("ValueError", "pow() 3rd argument cannot be 0");
                    BigInteger base = Obj.bigValue(a[0]), exp = Obj.bigValue(a[1]);
                    BigInteger r;
                    if (exp.signum() < 0) {
                        try {
                            r = base.modInverse(m.abs()).modPow(exp.negate(), m.abs());
                        } catch (ArithmeticException e) {
                            throw PyException.of("ValueError", "base is not invertible for the given modulus");
                        }
                    } else {
                        r = base.modPow(exp, m.abs());
                    }
                    if (m.signum() < 0 && r.signum() != 0) r = r.add(m);
                    return Obj.newInt(r);
                }
                return Ops.power(a[0], a[1]);
            }
            case "chr": {
                c.count(1, 1);
                long v = Obj.intValue(a[0]);
                if (v < 0 || v > 0x10FFFF) throw PyException.of("ValueError", "chr() arg not in range(0x110000)");
                return Obj.newStr(new String(Character.toChars((int) v)));
            }
            case "ord": {
                c.count(1, 1);
                if (Header.type(a[0]) != STR) throw PyException.of("TypeError", "ord() expected string of length 1, but " + Ops.typeName(a[0]) + " found");
                String s = Obj.str(a[0]);
                if (s.codePointCount(0, s.length()) != 1) throw PyException.of("TypeError", "ord() expected a character, but string of length " + s.length() + " found");
                return Obj.newInt(s.codePointAt(0));
            }
            case "hex":
            case "bin":
            case "oct": {
                c.count(1, 1);
                if (!Obj.isInt(a[0])) throw PyException.of("TypeError", "'" + Ops.typeName(a[0]) + "' object cannot be interpreted as an integer");
                BigInteger v = Obj.bigValue(a[0]);
                int radix = name.equals("hex") ? 16 : name.equals("bin") ? 2 : 8;
                String p = name.equals("hex") ? "0x" : name.equals("bin") ? "0b" : "0o";
                return Obj.newStr((v.signum() < 0 ? "-" : "") + p + v.abs().toString(radix));
            }
            case "format":
                c.count(1, 2);
                return Obj.newStr(Builtins.format(a[0], c.npos() > 1 ? Obj.str(a[1]) : ""));
            case "vars": {
                c.count(1, 1);
                return Interp.getAttr(a[0], "__dict__");
            }
            case "dir": {
                // dir(obj): the sorted names of a module's dict, or of an instance's dict and its class's MRO
                // dicts (a custom __dir__ is not consulted); dir() of the current scope is not supported.
                c.count(0, 1);
                if (c.npos() == 0) throw PyException.of("NotImplementedError", "dir() is not supported");
                java.util.TreeSet<String> names = new java.util.TreeSet<>();
                long o = a[0];
                int t = Header.type(o);
                if (t == MODULE) {
                    addKeys(names, Obj.field(o, 0));
                } else {
                    if (t == INSTANCE && Obj.field(o, 8) != 0) addKeys(names, Obj.field(o, 8));
                    long mro = Obj.field(t == CLASS ? o : Ops.classOf(o), Types.CLASS_MRO);
                    for (long i = 0; i < Obj.tupleSize(mro); i++) {
                        long k = Obj.tupleItem(mro, i);
                        if (k != 0) addKeys(names, Obj.field(k, Types.CLASS_DICT));
                    }
                }
                long l = Lists.create(names.size());
                for (String n : names) Lists.appendStolen(l, Obj.newStr(n));
                return l;
            }
            case "input":
                throw PyException.of("EOFError", "EOF when reading a line");
            case "globals": {
                // The calling Python frame's globals: builtins run without a frame of their own.
                c.count(0, 0);
                Interp.Frame caller = PyThread.current().frame;
                if (caller == null) throw PyException.of("SystemError", "globals(): no current frame");
                return Heap.newRef(caller.globals);
            }
            case "locals":
                throw PyException.of("NotImplementedError", name + "() is not supported");
            case "property.setter":
            case "property.getter":
            case "property.deleter":
                throw new IllegalStateException();
            case "BaseException.__init__": {
                long self = a[0];
                long t = Obj.newTuple(a.length - 1);
                for (int i = 1; i < a.length; i++) Obj.tupleInit(t, i - 1, Heap.newRef(a[i]));
                Obj.setField(self, 16, t);
                return Obj.NONE;
            }
            case "object.__init__":
                return Obj.NONE;
            case "posix.getpid", "posix.getcwd", "posix.listdir", "posix.cpu_count", "posix.path_kind",
                 "posix.sched_getaffinity", "posix.getppid":
                return PosixModule.call(name.substring(6), c);
            case "_array.new", "_array.len", "_array.get", "_array.set", "_array.insert", "_array.delete",
                 "_array.tolist", "_array.address":
                return ArrayModule.call(name.substring(7), c);
            case "object.__new__":
                if (c.npos() == 0) throw PyException.of("TypeError", "object.__new__(): not enough arguments");
                return Builtins.objectNew(a[0], java.util.Arrays.copyOfRange(a, 1, c.npos()), c.npos() - 1);
            case "object.__setattr__": {
                c.count(3, 3);
                if (Header.type(a[1]) != STR) {
                    throw PyException.of("TypeError", "attribute name must be string, not '" + Ops.typeName(a[1]) + "'");
                }
                Interp.setAttrDirect(a[0], Obj.str(a[1]), a[2]);
                return Obj.NONE;
            }
            case "object.__delattr__": {
                c.count(2, 2);
                if (Header.type(a[1]) != STR) {
                    throw PyException.of("TypeError", "attribute name must be string, not '" + Ops.typeName(a[1]) + "'");
                }
                Interp.delAttrDirect(a[0], Obj.str(a[1]));
                return Obj.NONE;
            }
            case "dict.fromkeys": {
                c.count(1, 2);
                long d = Dict.newDict();
                long v = c.npos() > 1 ? a[1] : Obj.NONE;
                long[] keys = Builtins.toArray(a[0]);
                try {
                    for (long k : keys) Dict.put(d, k, v);
                } finally {
                    for (long k : keys) Heap.decref(k);
                }
                return d;
            }
            default:
                break;
        }
        if (name.startsWith("math.")) return MathModule.call(name.substring(5), c);
        if (name.startsWith("_thread.")) return ThreadModule.call(name.substring(8), c);
        if (name.startsWith("_random.")) return RandomModule.call(name.substring(8), c);
        if (name.startsWith("_ftpyio.")) return standardStream(name.substring(8), c);
        if (name.equals("_weakref.getweakrefcount")) {
            long n = 0;
            if (Header.type(a[0]) == INSTANCE) {
                for (long w = Obj.field(a[0], WeakRefs.LIST); w != 0; w = Obj.field(w, 16)) n++;
            }
            return Obj.newInt(n);
        }
        return moduleFunction(name, c);
    }

    private static void checkAttrName(long n, String fn) {
        if (Header.type(n) != STR) {
            throw PyException.of("TypeError", "attribute name must be string, not '" + Ops.typeName(n) + "'");
        }
    }

    private static boolean isInstance(long cls, long spec, String fn) {
        if (Header.type(spec) == TUPLE) {
            for (long i = 0; i < Obj.tupleSize(spec); i++) {
                if (isInstance(cls, Obj.tupleItem(spec, i), fn)) return true;
            }
            return false;
        }
        if (Header.type(spec) != CLASS) {
            throw PyException.of("TypeError", fn + "() arg 2 must be a type, a tuple of types, or a union");
        }
        return Ops.isSubclass(cls, spec);
    }

    private static long minMax(Call c, boolean max) {
        String name = max ? "max" : "min";
        long key = c.kw("key");
        if (key == Obj.NONE) key = 0;
        long dflt = c.kw("default");
        long[] items;
        if (c.npos() == 0) throw PyException.of("TypeError", name + " expected at least 1 argument, got 0");
        if (c.npos() == 1) {
            items = Builtins.toArray(c.args()[0]);
        } else {
            items = new long[c.npos()];
            for (int i = 0; i < items.length; i++) items[i] = Heap.newRef(c.args()[i]);
        }
        try {
            if (items.length == 0) {
                if (dflt != 0) return Heap.newRef(dflt);
                throw PyException.of("ValueError", name + "() arg is an empty sequence");
            }
            long best = items[0];
            long bestKey = key == 0 ? Heap.newRef(best) : Interp.call(key, new long[]{best}, null);
            try {
                for (int i = 1; i < items.length; i++) {
                    long k = key == 0 ? Heap.newRef(items[i]) : Interp.call(key, new long[]{items[i]}, null);
                    boolean better;
                    try {
                        better = Ops.compareBool(max ? Expr.CmpOperator.GT : Expr.CmpOperator.LT, k, bestKey);
                    } catch (Throwable e) {
                        Heap.decref(k);
                        throw e;
                    }
                    if (better) {
                        Heap.decref(bestKey);
                        bestKey = k;
                        best = items[i];
                    } else {
                        Heap.decref(k);
                    }
                }
            } finally {
                Heap.decref(bestKey);
            }
            return Heap.newRef(best);
        } finally {
            for (long x : items) Heap.decref(x);
        }
    }

    private static long round(Call c) {
        c.count(1, 2);
        long v = c.args()[0];
        long nd = c.npos() > 1 ? c.args()[1] : 0;
        if (nd == Obj.NONE) nd = 0;
        if (Obj.isInt(v)) {
            if (nd == 0 || Obj.intValue(nd) >= 0) return Obj.newInt(Obj.bigValue(v));
            BigInteger p = BigInteger.TEN.pow((int) -Obj.intValue(nd));
            BigDecimal r = new BigDecimal(Obj.bigValue(v)).divide(new BigDecimal(p)).setScale(0, RoundingMode.HALF_EVEN);
            return Obj.newInt(r.toBigInteger().multiply(p));
        }
        if (Header.type(v) == FLOAT) {
            double d = Obj.floatValue(v);
            if (nd == 0) {
                if (Double.isNaN(d)) throw PyException.of("ValueError", "cannot convert float NaN to integer");
                if (Double.isInfinite(d)) throw PyException.of("OverflowError", "cannot convert float infinity to integer");
                return Obj.newInt(new BigDecimal(Math.rint(d)).toBigInteger());
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) return Obj.newFloat(d);
            return Obj.newFloat(Text.round(d, Obj.intValue(nd)));
        }
        long r = nd == 0 ? Ops.callDunder(v, "__round__") : Ops.callDunder(v, "__round__", nd);
        if (r != 0) return r;
        throw PyException.of("TypeError", "type " + Ops.typeName(v) + " doesn't define __round__ method");
    }

    private static long moduleFunction(String name, Call c) {
        long[] a = c.args();
        Runtime rt = Runtime.current();
        switch (name) {
            case "sys.exit": {
                long code = c.npos() > 0 ? a[0] : Obj.NONE;
                throw PyException.withArgs("SystemExit", code == Obj.NONE && c.npos() == 0 ? Obj.EMPTY_TUPLE : Obj.tupleOf(code));
            }
            case "sys.getrefcount":
                c.count(1, 1);
                return Obj.newInt(Builtins.refcountOf(a[0]));
            case "sys.getrecursionlimit":
                return Obj.newInt(rt.recursionLimit);
            case "sys.setrecursionlimit": {
                c.count(1, 1);
                long n = Obj.intValue(a[0]);
                if (n < 1) throw PyException.of("ValueError", "recursion limit must be greater or equal than 1");
                rt.recursionLimit = (int) Math.min(n, 100_000);
                return Obj.NONE;
            }
            case "sys.intern":
                c.count(1, 1);
                if (Header.type(a[0]) != STR) throw PyException.of("TypeError", "intern() argument must be str, not " + Ops.typeName(a[0]));
                return Obj.intern(a[0]);
            case "sys._is_gil_enabled":
                return Obj.bool(rt.gilEnabled);
            case "sys.getswitchinterval":
                c.count(0, 0);
                return Obj.newFloat(rt.gil != null ? rt.gil.switchInterval() : rt.switchInterval);
            case "sys.setswitchinterval": {
                c.count(1, 1);
                double interval = Ops.toDouble(a[0]);
                if (!(interval > 0)) throw PyException.of("ValueError", "switch interval must be strictly positive");
                rt.switchInterval = interval;
                if (rt.gil != null) rt.gil.setSwitchInterval(interval);
                return Obj.NONE;
            }
            case "sys.getsizeof":
                return Obj.newInt(Heap.allocator().usableSize(a[0]));
            case "time.perf_counter":
            case "time.monotonic":
                return Obj.newFloat(System.nanoTime() / 1e9);
            case "time.process_time":
                return Obj.newFloat(PosixModule.processTimeNs() / 1e9);
            case "time.process_time_ns":
                return Obj.newInt(PosixModule.processTimeNs());
            case "time.thread_time":
                return Obj.newFloat(PosixModule.threadTimeNs() / 1e9);
            case "time.thread_time_ns":
                return Obj.newInt(PosixModule.threadTimeNs());
            case "time.perf_counter_ns":
            case "time.monotonic_ns":
                return Obj.newInt(System.nanoTime());
            case "time.time":
                return Obj.newFloat(System.currentTimeMillis() / 1e3);
            case "time.time_ns":
                return Obj.newInt(System.currentTimeMillis() * 1_000_000L);
            case "time.sleep": {
                c.count(1, 1);
                double s = Ops.toDouble(a[0]);
                if (s < 0) throw PyException.of("ValueError", "sleep length must be non-negative");
                io.github.ftmem.core.threads.ThreadState ts = io.github.ftmem.core.threads.RuntimeThreads.current();
                Gil.beforeBlocking(ts);
                try {
                    Thread.sleep((long) (s * 1000), (int) ((s * 1e9) % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    Gil.afterBlocking(ts);
                }
                return Obj.NONE;
            }
            case "gc.collect": {
                c.count(0, 1);
                long generation = c.npos() > 0 ? a[0] : c.kw("generation");
                if (generation != 0) {
                    if (!Obj.isInt(generation)) {
                        throw PyException.of("TypeError", "'" + Ops.typeName(generation) + "' object cannot be interpreted as an integer");
                    }
                    if (Obj.bigValue(generation).signum() < 0 || Obj.bigValue(generation).compareTo(java.math.BigInteger.TWO) > 0) {
                        throw PyException.of("ValueError", "invalid generation");
                    }
                }
                return Obj.newInt(rt.collector.collect());
            }
            case "gc.enable":
                rt.collector.setEnabled(true);
                return Obj.NONE;
            case "gc.disable":
                rt.collector.setEnabled(false);
                return Obj.NONE;
            case "gc.isenabled":
                return Obj.bool(rt.collector.isEnabled());
            case "gc.get_threshold": {
                long t = Obj.newTuple(3);
                Obj.tupleInit(t, 0, Obj.newInt(rt.collector.threshold()));
                Obj.tupleInit(t, 1, Obj.newInt(rt.threshold1));
                Obj.tupleInit(t, 2, Obj.newInt(rt.threshold2));
                return t;
            }
            case "gc.set_threshold":
                c.count(1, 3);
                rt.collector.setThreshold(Obj.intValue(a[0]));
                if (c.npos() > 1) rt.threshold1 = Obj.intValue(a[1]);
                if (c.npos() > 2) rt.threshold2 = Obj.intValue(a[2]);
                return Obj.NONE;
            case "gc.get_count": {
                long t = Obj.newTuple(3);
                Obj.tupleInit(t, 0, Obj.newInt(rt.collector.allocationCount()));
                Obj.tupleInit(t, 1, Obj.newInt(0));
                Obj.tupleInit(t, 2, Obj.newInt(0));
                return t;
            }
            case "gc.is_tracked":
                c.count(1, 1);
                return Obj.bool(!RefCount.isImmortal(a[0]) && Header.hasGcBits(a[0], Header.GC_TRACKED));
            case "gc.is_finalized":
                return Obj.bool(Header.hasGcBits(a[0], Header.GC_FINALIZED));
            case "gc.freeze":
                rt.collector.freeze();
                return Obj.NONE;
            case "gc.unfreeze":
                rt.collector.unfreeze();
                return Obj.NONE;
            case "gc.get_freeze_count":
                return Obj.newInt(rt.collector.frozenCount());
            case "gc.get_stats": {
                GcStats s = rt.collector.stats();
                long l = Lists.create(3);
                for (int g = 0; g < 3; g++) {
                    long d = Dict.newDict();
                    long v1 = Obj.newInt(g == 0 ? s.collections() : 0);
                    long v2 = Obj.newInt(g == 0 ? s.collected() : 0);
                    long v3 = Obj.newInt(g == 0 ? s.uncollectable() : 0);
                    Dict.putStr(d, "collections", v1);
                    Dict.putStr(d, "collected", v2);
                    Dict.putStr(d, "uncollectable", v3);
                    Heap.decref(v1);
                    Heap.decref(v2);
                    Heap.decref(v3);
                    Lists.appendStolen(l, d);
                }
                return l;
            }
            default:
                throw PyException.of("NotImplementedError", name + "() is not supported yet");
        }
    }
}
