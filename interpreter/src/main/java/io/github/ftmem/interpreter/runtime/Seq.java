package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.syntax.Expr.BinaryOperator;
import io.github.ftmem.interpreter.syntax.Expr.CmpOperator;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Types.*;

/** Sequence operators (concatenation, repetition, equality, ordering) and repr/str of every value. */
public final class Seq {
    private Seq() {
    }

    /** Items of a tuple or list as new references. */
    static long[] items(long o) {
        if (Header.type(o) == LIST) {
            return Lists.snapshot(o);
        }
        long n = Obj.tupleSize(o);
        long[] r = new long[(int) n];
        for (int i = 0; i < n; i++) {
            r[i] = Obj.tupleItem(o, i);
            Heap.incref(r[i]);
        }
        return r;
    }

    static long fromArray(int type, long[] stolen, int n) {
        if (type == LIST) {
            long l = Lists.create(n);
            for (int i = 0; i < n; i++) Lists.appendStolen(l, stolen[i]);
            return l;
        }
        long t = Obj.newTuple(n);
        for (int i = 0; i < n; i++) Obj.tupleInit(t, i, stolen[i]);
        return t;
    }

    static long binary(BinaryOperator op, long a, long b) {
        int ta = Header.type(a), tb = Header.type(b);
        if (op == BinaryOperator.ADD) {
            if (ta == STR && tb == STR) return Obj.newStr(Obj.str(a) + Obj.str(b));
            if ((ta == LIST && tb == LIST) || (ta == TUPLE && tb == TUPLE)) {
                long[] x = items(a), y = items(b);
                long[] all = new long[x.length + y.length];
                System.arraycopy(x, 0, all, 0, x.length);
                System.arraycopy(y, 0, all, x.length, y.length);
                return fromArray(ta, all, all.length);
            }
            if (ta == STR && (tb == LIST || tb == TUPLE || Obj.isInt(b)) || ta == LIST && tb != LIST || ta == TUPLE && tb != TUPLE) {
                if (ta == STR) throw PyException.of("TypeError", "can only concatenate str (not \"" + Ops.typeName(b) + "\") to str");
                if (ta == LIST) throw PyException.of("TypeError", "can only concatenate list (not \"" + Ops.typeName(b) + "\") to list");
                throw PyException.of("TypeError", "can only concatenate tuple (not \"" + Ops.typeName(b) + "\") to tuple");
            }
            if (ta == STR) throw PyException.of("TypeError", "can only concatenate str (not \"" + Ops.typeName(b) + "\") to str");
        }
        if (op == BinaryOperator.MUL) {
            long seq = 0, count = 0;
            if (Obj.isInt(b) && (ta == STR || ta == LIST || ta == TUPLE)) { seq = a; count = b; }
            if (Obj.isInt(a) && (tb == STR || tb == LIST || tb == TUPLE)) { seq = b; count = a; }
            if (seq == 0 && (ta == STR || ta == LIST || ta == TUPLE) && !Ops.isNumber(b)) {
                throw PyException.of("TypeError", "can't multiply sequence by non-int of type '" + Ops.typeName(b) + "'");
            }
            if (seq == 0 && (tb == STR || tb == LIST || tb == TUPLE) && !Ops.isNumber(a)) {
                throw PyException.of("TypeError", "can't multiply sequence by non-int of type '" + Ops.typeName(a) + "'");
            }
            if (seq != 0) {
                if (Header.type(count) == BIGINT) throw PyException.of("OverflowError", "cannot fit 'int' into an index-sized integer");
                long n = Math.max(0, Obj.intValue(count));
                long unit = Header.type(seq) == STR ? Obj.strLength(seq) : Builtins.len(seq);
                if (unit != 0 && n > (Integer.MAX_VALUE - 16) / unit) throw PyException.memoryError();
                if (Header.type(seq) == STR) return Obj.newStr(Obj.str(seq).repeat((int) n));
                long[] x = items(seq);
                long[] all = new long[(int) (x.length * n)];
                for (int r = 0; r < n; r++) {
                    for (int i = 0; i < x.length; i++) {
                        all[r * x.length + i] = x[i];
                        if (r > 0) Heap.incref(x[i]);
                    }
                }
                if (n == 0) for (long v : x) Heap.decref(v);
                return fromArray(Header.type(seq), all, all.length);
            }
        }
        if (op == BinaryOperator.MOD && ta == STR) {
            return Obj.newStr(Text.percent(Obj.str(a), b));
        }
        if ((ta == SET || ta == FROZENSET) && (tb == SET || tb == FROZENSET)) {
            return Builtins.setOp(op, a, b);
        }
        if (op == BinaryOperator.BITOR && ta == DICT && tb == DICT) {
            long d = Builtins.copyDict(a);
            Builtins.dictUpdate(d, b);
            return d;
        }
        return 0;
    }

    /** Membership of a key borrowed from another table, held across the lookup's user {@code __eq__}. */
    private static boolean containsOwned(long table, long borrowedKey) {
        Heap.incref(borrowedKey);
        try {
            return Dict.contains(table, borrowedKey);
        } finally {
            Heap.decref(borrowedKey);
        }
    }

    static boolean equalsSeq(long a, long b) {
        int ta = Header.type(a), tb = Header.type(b);
        if (ta != tb) {
            if ((ta == SET || ta == FROZENSET) && (tb == SET || tb == FROZENSET)) {
                ta = SET;
            } else {
                return false;
            }
        }
        switch (ta) {
            case LIST, TUPLE -> {
                long[] x = items(a), y = items(b);
                try {
                    if (x.length != y.length) return false;
                    for (int i = 0; i < x.length; i++) {
                        if (!Ops.eq(x[i], y[i])) return false;
                    }
                    return true;
                } finally {
                    for (long v : x) Heap.decref(v);
                    for (long v : y) Heap.decref(v);
                }
            }
            case DICT -> {
                if (Dict.size(a) != Dict.size(b)) return false;
                // Each lookup and comparison may run user code that mutates either dict: own the key
                // and both values across the calls and re-check the bound on every step.
                for (long i = 0; i < Dict.filled(a); i++) {
                    long k = Dict.keyAt(a, i);
                    if (k == 0) continue;
                    long av = Dict.valueAt(a, i);
                    Heap.incref(k);
                    Heap.incref(av);
                    try {
                        long bv = Dict.get(b, k);
                        if (bv == 0) return false;
                        Heap.incref(bv);
                        try {
                            if (!Ops.eq(av, bv)) return false;
                        } finally {
                            Heap.decref(bv);
                        }
                    } finally {
                        Heap.decref(av);
                        Heap.decref(k);
                    }
                }
                return true;
            }
            case SET, FROZENSET -> {
                if (Dict.size(a) != Dict.size(b)) return false;
                for (long i = 0; i < Dict.filled(a); i++) {
                    long k = Dict.keyAt(a, i);
                    if (k != 0 && !containsOwned(b, k)) return false;
                }
                return true;
            }
            case RANGE -> {
                return Obj.rangeLength(a) == Obj.rangeLength(b) && (Obj.rangeLength(a) == 0
                        || getLong(a + P) == getLong(b + P) && (Obj.rangeLength(a) == 1 || getLong(a + P + 16) == getLong(b + P + 16)));
            }
            default -> {
                return false;
            }
        }
    }

    /** Lexicographic comparison of two lists or two tuples; MIN_VALUE if not comparable. */
    static int compareSeq(long a, long b, CmpOperator op) {
        int ta = Header.type(a), tb = Header.type(b);
        if ((ta == SET || ta == FROZENSET) && (tb == SET || tb == FROZENSET)) {
            boolean sub = true, sup = true;
            for (long i = 0; i < Dict.filled(a); i++) {
                long k = Dict.keyAt(a, i);
                if (k != 0 && !containsOwned(b, k)) sub = false;
            }
            for (long i = 0; i < Dict.filled(b); i++) {
                long k = Dict.keyAt(b, i);
                if (k != 0 && !containsOwned(a, k)) sup = false;
            }
            boolean r = switch (op) {
                case LT -> sub && !sup;
                case LT_E -> sub;
                case GT -> sup && !sub;
                default -> sup;
            };
            return switch (op) {
                case LT, LT_E -> r ? -1 : 1;
                default -> r ? 1 : -1;
            };
        }
        if (ta != tb || (ta != LIST && ta != TUPLE)) {
            return Integer.MIN_VALUE;
        }
        long[] x = items(a), y = items(b);
        try {
            int n = Math.min(x.length, y.length);
            for (int i = 0; i < n; i++) {
                if (!Ops.eq(x[i], y[i])) {
                    return Ops.less(x[i], y[i]) ? -1 : 1;
                }
            }
            return Integer.compare(x.length, y.length);
        } finally {
            for (long v : x) Heap.decref(v);
            for (long v : y) Heap.decref(v);
        }
    }

    // ---- repr / str -----------------------------------------------------------------------------

    private static final ThreadLocal<java.util.Set<Long>> REPR_ACTIVE = ThreadLocal.withInitial(java.util.HashSet::new);

    public static String str(long o) {
        int t = Header.type(o);
        if (t == STR) return Obj.str(o);
        if (Ops.isUserInstance(o)) {
            long f = Ops.lookup(Ops.classOf(o), Obj.intern("__str__"));
            if (f != 0 && Header.type(f) == FUNCTION) {
                long r = Interp.callFunction(f, new long[]{o}, null);
                return takeStr(r, "__str__");
            }
            if (Ops.isException(o)) {
                long args = getLong(o + P + 16);
                if (args == 0 || Obj.tupleSize(args) == 0) return "";
                if (Obj.tupleSize(args) == 1) {
                    if (Ops.isSubclass(Ops.classOf(o), Runtime.builtinClass("KeyError"))) return repr(Obj.tupleItem(args, 0));
                    return str(Obj.tupleItem(args, 0));
                }
                return repr(args);
            }
        }
        return repr(o);
    }

    private static String takeStr(long r, String method) {
        try {
            if (Header.type(r) != STR) {
                throw PyException.of("TypeError", method + " returned non-string (type " + Ops.typeName(r) + ")");
            }
            return Obj.str(r);
        } finally {
            Heap.decref(r);
        }
    }

    public static String repr(long o) {
        if (Ops.isUserInstance(o)) {
            long f = Ops.lookup(Ops.classOf(o), Obj.intern("__repr__"));
            if (f != 0 && Header.type(f) == FUNCTION) {
                return takeStr(Interp.callFunction(f, new long[]{o}, null), "__repr__");
            }
        }
        return reprBuiltin(o);
    }

    /** The repr of a value by its builtin type, ignoring a list or dict subclass's {@code __repr__}. */
    /** repr of an item borrowed from a container, held by its own reference across its {@code __repr__}. */
    private static String reprOwned(long item) {
        Heap.incref(item);
        try {
            return repr(item);
        } finally {
            Heap.decref(item);
        }
    }

    static String reprBuiltin(long o) {
        int t = Header.type(o);
        switch (t) {
            case NONE: return "None";
            case BOOL: return o == Obj.TRUE ? "True" : "False";
            case INT: return Long.toString(getLong(o + P));
            case BIGINT: return Obj.bigValue(o).toString();
            case FLOAT: return Text.floatRepr(Obj.floatValue(o));
            case STR: return io.github.ftmem.interpreter.text.PyStrings.repr(Obj.str(o));
            case ELLIPSIS: return "Ellipsis";
            case NOTIMPL: return "NotImplemented";
            case RANGE: {
                long step = getLong(o + P + 16);
                return "range(" + getLong(o + P) + ", " + getLong(o + P + 8) + (step == 1 ? "" : ", " + step) + ")";
            }
            case CLASS: {
                long kind = Ops.classKind(o);
                String module = Obj.str(getLong(o + P + 48));
                String name = Obj.str(getLong(o + P + 40));
                return "<class '" + (module.equals("builtins") ? "" : module + ".") + name + "'>";
            }
            case FUNCTION: return "<function " + Obj.str(getLong(o + P + 48)) + " at 0x" + Long.toHexString(o) + ">";
            case BUILTIN: {
                String name = Builtins.nameOf(getLong(o + P));
                long self = getLong(o + P + 8);
                if (self == 0) return "<built-in function " + name + ">";
                return "<built-in method " + name.substring(name.indexOf('.') + 1) + " of " + Ops.typeName(self)
                        + " object at 0x" + Long.toHexString(self) + ">";
            }
            case METHOD: {
                long f = getLong(o + P);
                return "<bound method " + Obj.str(getLong(f + P + 48)) + " of " + repr(getLong(o + P + 8)) + ">";
            }
            case MODULE: return "<module '" + Obj.str(getLong(o + P + 8)) + "' (built-in)>";
            case LOCK, RLOCK: return PyLocks.repr(o);
            case GENERATOR: return "<generator object " + Obj.str(getLong(o + P + 8)) + " at 0x" + Long.toHexString(o) + ">";
            case SLICE: return "slice(" + repr(getLong(o + P)) + ", " + repr(getLong(o + P + 8)) + ", " + repr(getLong(o + P + 16)) + ")";
            default: break;
        }
        if (t == INSTANCE) {
            if (Ops.isException(o)) {
                long args = getLong(o + P + 16);
                String inner = args == 0 ? "" : repr(args);
                if (args != 0 && Obj.tupleSize(args) == 1) inner = inner.substring(0, inner.length() - 2) + ")";
                return Ops.typeName(o) + (args == 0 ? "()" : inner);
            }
            long cls = Ops.classOf(o);
            return "<" + Obj.str(getLong(cls + P + 48)) + "." + Obj.str(getLong(cls + P + 40)) + " object at 0x"
                    + Long.toHexString(o) + ">";
        }
        java.util.Set<Long> active = REPR_ACTIVE.get();
        if (!active.add(o)) {
            return switch (t) {
                case LIST -> "[...]";
                case DICT -> "{...}";
                default -> "(...)";
            };
        }
        try {
            StringBuilder b = new StringBuilder();
            switch (t) {
                case LIST, TUPLE -> {
                    long[] x = items(o);
                    try {
                        b.append(t == LIST ? '[' : '(');
                        for (int i = 0; i < x.length; i++) {
                            if (i > 0) b.append(", ");
                            b.append(repr(x[i]));
                        }
                        if (t == TUPLE && x.length == 1) b.append(',');
                        b.append(t == LIST ? ']' : ')');
                    } finally {
                        for (long v : x) Heap.decref(v);
                    }
                }
                case DICT -> {
                    b.append('{');
                    boolean first = true;
                    for (long i = 0; i < Dict.filled(o); i++) {
                        long k = Dict.keyAt(o, i);
                        if (k == 0) continue;
                        if (!first) b.append(", ");
                        first = false;
                        // The key's __repr__ may delete entries or clear the dict: own both before
                        // calling out (CPython's dict_repr increfs key and value the same way).
                        long v = Dict.valueAt(o, i);
                        Heap.incref(k);
                        Heap.incref(v);
                        try {
                            b.append(repr(k)).append(": ").append(repr(v));
                        } finally {
                            Heap.decref(v);
                            Heap.decref(k);
                        }
                    }
                    b.append('}');
                }
                case SET, FROZENSET -> {
                    if (Dict.size(o) == 0) return t == SET ? "set()" : "frozenset()";
                    b.append(t == SET ? "{" : "frozenset({");
                    boolean first = true;
                    for (long i = 0; i < Dict.filled(o); i++) {
                        long k = Dict.keyAt(o, i);
                        if (k == 0) continue;
                        if (!first) b.append(", ");
                        first = false;
                        b.append(reprOwned(k));
                    }
                    b.append(t == SET ? "}" : "})");
                }
                case VIEW -> {
                    long kind = getLong(o + P + 8);
                    long d = getLong(o + P);
                    b.append(kind == 0 ? "dict_keys([" : kind == 1 ? "dict_values([" : "dict_items([");
                    boolean first = true;
                    for (long i = 0; i < Dict.filled(d); i++) {
                        long k = Dict.keyAt(d, i);
                        if (k == 0) continue;
                        if (!first) b.append(", ");
                        first = false;
                        long v = Dict.valueAt(d, i);
                        Heap.incref(k);
                        Heap.incref(v);
                        try {
                            if (kind == 0) b.append(repr(k));
                            else if (kind == 1) b.append(repr(v));
                            else b.append('(').append(repr(k)).append(", ").append(repr(v)).append(')');
                        } finally {
                            Heap.decref(v);
                            Heap.decref(k);
                        }
                    }
                    b.append("])");
                }
                default -> b.append("<").append(Ops.typeName(o)).append(" object at 0x").append(Long.toHexString(o)).append(">");
            }
            return b.toString();
        } finally {
            active.remove(o);
        }
    }
}
