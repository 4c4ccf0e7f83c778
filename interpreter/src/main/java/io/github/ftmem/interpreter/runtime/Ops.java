package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.syntax.Expr.BinaryOperator;
import io.github.ftmem.interpreter.syntax.Expr.CmpOperator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static io.github.ftmem.interpreter.runtime.Heap.P;
import static io.github.ftmem.interpreter.runtime.Heap.getLong;
import static io.github.ftmem.interpreter.runtime.Heap.putLong;
import static io.github.ftmem.interpreter.runtime.Types.*;

/**
 * The object protocol over heap references: type, repr/str, truth, hashing, equality, arithmetic,
 * comparison, attributes, items, iteration and calls. Arguments are borrowed; every returned
 * reference is new.
 */
public final class Ops {
    private Ops() {
    }

    // ---- classes and instances ----------------------------------------------------------------------

    public static long classOf(long o) {
        int t = Header.type(o);
        if (t == INSTANCE) {
            return getLong(o + P);
        }
        if (t == ITER) {
            return Runtime.ITER_CLASS[(int) getLong(o + P + 24)];
        }
        if ((t == LIST || t == DICT) && Types.isSubclassInstance(o)) {
            return getLong(o + P + Types.subclassFields(t));
        }
        return Runtime.TYPE_CLASS[t];
    }

    public static String typeName(long o) {
        return Obj.str(getLong(classOf(o) + P));
    }

    /**
     * Whether any class has defined {@code __setattr__} or {@code __delattr__} as a Python function:
     * until then attribute stores and deletions skip the hook lookup. Monotonic (false to true, never
     * back), written before the class that defines the hook can be used; volatile so that any thread
     * storing an attribute on an instance of that class sees it.
     */
    private static volatile boolean attributeHooksDefined;

    /**
     * Whether a class dict may hold {@code __slots__}: set when a class is created with it, when it is
     * stored on a class, and when a class's {@code __dict__} is handed to Python code (which could
     * store it directly). Until then no instance attribute store needs the MRO walks of
     * {@code Interp.isSlot}/{@code slotAllows}, whose answers without any {@code __slots__} are
     * "not a slot" and "allowed". Monotonic and volatile, like {@link #attributeHooksDefined}.
     */
    private static volatile boolean slotsMayBeDefined;

    static boolean attributeHooksDefined() {
        return attributeHooksDefined;
    }

    static boolean slotsMayBeDefined() {
        return slotsMayBeDefined;
    }

    /** A class's dict is reachable by Python code: any key, {@code __slots__} too, may be stored in it. */
    static void noteClassDictExposed() {
        slotsMayBeDefined = true;
    }

    /** Notes a class attribute being stored: {@code __setattr__}/{@code __delattr__} enable the hooks. */
    static void noteClassAttribute(String name) {
        if (name.equals("__setattr__") || name.equals("__delattr__")) {
            attributeHooksDefined = true;
        }
        if (name.equals("__slots__")) {
            slotsMayBeDefined = true;
        }
    }

    /** A new class; {@code name} and {@code bases} borrowed, {@code dict} stolen on success only (on an error the caller still owns it). */
    static long makeClass(long name, long bases, long dict, int kind) {
        if (Dict.getStr(dict, "__setattr__") != 0 || Dict.getStr(dict, "__delattr__") != 0) {
            attributeHooksDefined = true;
        }
        if (Dict.getStr(dict, "__slots__") != 0) {
            slotsMayBeDefined = true;
        }
        for (long i = 0; i < Obj.tupleSize(bases); i++) {
            for (long j = 0; j < i; j++) {
                if (Obj.tupleItem(bases, i) == Obj.tupleItem(bases, j)) {
                    throw PyException.of("TypeError", "duplicate base class " + Obj.str(getLong(Obj.tupleItem(bases, i) + P)));
                }
            }
        }
        long cls = Heap.object(CLASS, 56);
        Heap.incref(name);
        putLong(cls + P, name);
        Heap.incref(bases);
        putLong(cls + P + 8, bases);
        putLong(cls + P + 16, dict);
        putLong(cls + P + 32, kind);
        Heap.incref(name);
        putLong(cls + P + 40, name);
        putLong(cls + P + 48, Obj.intern("__main__"));
        List<List<Long>> seqs = new ArrayList<>();
        for (long i = 0; i < Obj.tupleSize(bases); i++) {
            long b = Obj.tupleItem(bases, i);
            List<Long> m = new ArrayList<>();
            long mro = getLong(b + P + 24);
            for (long j = 0; j < Obj.tupleSize(mro); j++) {
                m.add(Obj.tupleItem(mro, j));
            }
            seqs.add(m);
        }
        List<Long> bl = new ArrayList<>();
        for (long i = 0; i < Obj.tupleSize(bases); i++) {
            bl.add(Obj.tupleItem(bases, i));
        }
        seqs.add(bl);
        List<Long> result = new ArrayList<>();
        result.add(cls);
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) {
                break;
            }
            Long candidate = null;
            for (List<Long> s : seqs) {
                long head = s.getFirst();
                boolean inTail = false;
                for (List<Long> s2 : seqs) {
                    if (s2.indexOf(head) > 0) {
                        inTail = true;
                        break;
                    }
                }
                if (!inTail) {
                    candidate = head;
                    break;
                }
            }
            if (candidate == null) {
                StringBuilder names = new StringBuilder();
                java.util.Set<Long> heads = new java.util.LinkedHashSet<>();
                for (List<Long> s : seqs) heads.add(s.getFirst());
                for (long head : heads) {
                    if (names.length() > 0) names.append(", ");
                    names.append(Obj.str(getLong(head + P)));
                }
                putLong(cls + P + Types.CLASS_DICT, 0); // the dict is stolen only on success: the caller still owns it
                Heap.decref(cls);
                throw PyException.of("TypeError", "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
            }
            result.add(candidate);
            for (List<Long> s : seqs) {
                s.remove(candidate);
            }
        }
        long mro = Obj.newTuple(result.size());
        for (int i = 0; i < result.size(); i++) {
            long c = result.get(i);
            Heap.incref(c);
            Obj.tupleInit(mro, i, c);
        }
        putLong(cls + P + 24, mro);
        return cls;
    }

    static long classKind(long cls) {
        return getLong(cls + P + 32);
    }

    /** Looks {@code name} up along the class's MRO; borrowed or 0. */
    public static long lookup(long cls, long name) {
        long mro = getLong(cls + P + Types.CLASS_MRO);
        long n = Obj.tupleSize(mro);
        for (long i = 0; i < n; i++) {
            long c = Obj.tupleItem(mro, i);
            if (c == 0) {
                continue;
            }
            long v = Dict.get(getLong(c + P + Types.CLASS_DICT), name);
            if (v != 0) {
                return v;
            }
        }
        return 0;
    }

    public static boolean isSubclass(long cls, long base) {
        long mro = getLong(cls + P + Types.CLASS_MRO);
        for (long i = 0; i < Obj.tupleSize(mro); i++) {
            if (Obj.tupleItem(mro, i) == base) {
                return true;
            }
        }
        return false;
    }

    /** A new instance of {@code cls} (no __init__ call); args stolen (exceptions keep them). */
    private static final java.util.concurrent.atomic.AtomicLong INSTANCE_SERIAL = new java.util.concurrent.atomic.AtomicLong();

    static long newInstance(long cls, long argsStolen) {
        long o = Heap.object(INSTANCE, 72);
        putLong(o + P + 48, INSTANCE_SERIAL.incrementAndGet());
        Heap.incref(cls);
        putLong(o + P, cls);
        if (cls != Runtime.builtinClass("object")) {
            long d = Dict.newDict();
            Header.setFlags(d, Dict.MANAGED);
            Header.clearGcBits(d, Header.GC_TRACKED);
            putLong(o + P + 8, d);
        } else {
            // A plain object() holds no references but its (immortal) class: never in a cycle, and
            // untracked as in CPython, where object has no Py_TPFLAGS_HAVE_GC.
            Header.clearGcBits(o, Header.GC_TRACKED);
        }
        putLong(o + P + 16, argsStolen);
        return o;
    }

    public static boolean isException(long o) {
        return Header.type(o) == INSTANCE && isSubclass(getLong(o + P), Runtime.builtinClass("BaseException"));
    }

    /**
     * True for an instance of a Python class, including a list or dict subclass instance: objects whose
     * class may define the dunder methods that operators, truth, str and repr consult.
     */
    static boolean isUserInstance(long o) {
        return Header.type(o) == INSTANCE || Types.isSubclassInstance(o);
    }

    // ---- truth, hash, equality --------------------------------------------------------------------

    /** {@code callable(o)}. */
    static boolean isCallable(long o) {
        int t = Header.type(o);
        return t == FUNCTION || t == BUILTIN || t == CLASS || t == METHOD || t == STATICMETHOD || t == WEAKREF
                || (t == INSTANCE && lookup(classOf(o), Obj.intern("__call__")) != 0);
    }

    public static boolean truthy(long o) {
        if (o == Obj.TRUE) return true;
        if (o == Obj.FALSE || o == Obj.NONE) return false;
        return switch (Header.type(o)) {
            case INT -> getLong(o + P) != 0;
            case BIGINT -> true;
            case FLOAT -> Obj.floatValue(o) != 0;
            case STR -> Obj.strLength(o) != 0;
            case TUPLE -> Obj.tupleSize(o) != 0;
            case LIST -> Types.isSubclassInstance(o) ? truthyUser(o, Lists.size(o) != 0) : Lists.size(o) != 0;
            case DICT -> Types.isSubclassInstance(o) ? truthyUser(o, Dict.size(o) != 0) : Dict.size(o) != 0;
            case SET, FROZENSET -> Dict.size(o) != 0;
            case RANGE -> Obj.rangeLength(o) != 0;
            case INSTANCE -> truthyUser(o, true);
            default -> true;
        };
    }

    /**
     * Truth of a user instance: {@code __bool__} (which must return a bool), else {@code __len__}, else
     * {@code builtinTruth} (true for a plain instance, the container's emptiness for a list or dict subclass).
     */
    private static boolean truthyUser(long o, boolean builtinTruth) {
        long r = callDunder(o, "__bool__");
        if (r != 0) {
            if (Header.type(r) != BOOL) {
                String returned = typeName(r);
                Heap.decref(r);
                throw PyException.of("TypeError", "__bool__ should return bool, returned " + returned);
            }
            return r == Obj.TRUE;
        }
        if (lookup(classOf(o), Obj.intern("__len__")) == 0) return builtinTruth;
        return Builtins.len(o) != 0;
    }

    /** Calls {@code o.name()} if the class defines it; 0 if not. */
    /**
     * The class-level hook {@code name} of class {@code cls}: a function of the class that its MRO names
     * {@code __ftpy_meta__} (set by {@code class C(metaclass=M)} for an M other than type). ftpy's classes
     * are all of type {@code type}; lib modules (abc, enum) use such a stand-in metaclass for the
     * operations CPython dispatches on the metaclass (iteration, len, in, [], isinstance, issubclass,
     * class initialisation). 0 when there is none.
     */
    static long metaHook(long cls, String name) {
        if (!ClassSetup.standInMetaclassesUsed || Header.type(cls) != CLASS) return 0;
        long meta = lookup(cls, Obj.intern("__ftpy_meta__"));
        if (meta == 0 || Header.type(meta) != CLASS) return 0;
        long f = lookup(meta, Obj.intern(name));
        return f != 0 && Header.type(f) == FUNCTION ? f : 0;
    }

    /** Truth of a new reference, released. */
    static boolean truthyStolen(long r) {
        try {
            return truthy(r);
        } finally {
            Heap.decref(r);
        }
    }

    static long callDunder(long o, String name, long... args) {
        long f = lookup(classOf(o), Obj.intern(name));
        if (f == 0 || Header.type(f) != FUNCTION) {
            return 0;
        }
        long[] all = new long[args.length + 1];
        all[0] = o;
        System.arraycopy(args, 0, all, 1, args.length);
        return Interp.callFunction(f, all, null);
    }

    /** CPython's frozenset hash: an order-independent mix of the element hashes (Objects/setobject.c). */
    private static long frozensetHash(long o) {
        long[] items = Builtins.toArray(o);
        long h = 0;
        try {
            for (long x : items) {
                long eh = hash(x);
                h ^= ((eh ^ 89869747L) ^ (eh << 16)) * 3644798167L;
            }
        } finally {
            for (long x : items) Heap.decref(x);
        }
        h ^= ((long) items.length + 1) * 1927868237L;
        h ^= (h >>> 11) ^ (h >>> 25);
        h = h * 69069L + 907133923L;
        return h == -1 ? 590923713L : h;
    }

    public static long hash(long o) {
        switch (Header.type(o)) {
            case STR:
                return Obj.strHash(o);
            case INT:
            case BOOL:
                return Text.hashLong(getLong(o + P));
            case BIGINT:
                return Text.hashBig(Obj.bigValue(o));
            case FLOAT:
                return Text.hashDouble(Obj.floatValue(o), o);
            case TUPLE: {
                long[] hashes = new long[(int) Obj.tupleSize(o)];
                for (int i = 0; i < hashes.length; i++) {
                    hashes[i] = hash(Obj.tupleItem(o, i));
                }
                return io.github.ftmem.interpreter.numbers.PyHash.hashTuple(hashes);
            }
            case LIST:
            case DICT:
            case SET:
                throw PyException.of("TypeError", "unhashable type: '" + typeName(o) + "'");
            case INSTANCE: {
                long cls = classOf(o);
                long hf = lookup(cls, Obj.intern("__hash__"));
                if (hf == Obj.NONE) {
                    throw PyException.of("TypeError", "unhashable type: '" + typeName(o) + "'");
                }
                long r = callDunder(o, "__hash__");
                if (r != 0) {
                    try {
                        if (!Obj.isInt(r)) throw PyException.of("TypeError", "__hash__ method should return an integer");
                        if (Header.type(r) == BIGINT) return hash(r);
                        long h = getLong(r + P);
                        return h == -1 ? -2 : h;
                    } finally {
                        Heap.decref(r);
                    }
                }
                return Text.hashPointer(o);
            }
            case FROZENSET:
                return frozensetHash(o);
            case WEAKREF:
                return WeakRefs.hash(o);
            default:
                return Text.hashPointer(o);
        }
    }

    /**
     * {@link #eq} of an item borrowed from mutable storage (a list slot, a dict entry): user
     * {@code __eq__} may remove the item from its container, so the comparison holds its own
     * reference across the call (CPython increfs the item before {@code PyObject_RichCompare}).
     */
    static boolean eqBorrowed(long item, long other) {
        Heap.incref(item);
        try {
            return eq(item, other);
        } finally {
            Heap.decref(item);
        }
    }

    public static boolean eq(long a, long b) {
        if (a == b) {
            int t = Header.type(a);
            if (t != FLOAT) {
                return true;
            }
        }
        long r = compare(CmpOperator.EQ, a, b);
        boolean v = truthy(r);
        Heap.decref(r);
        return v;
    }

    // ---- numbers ------------------------------------------------------------------------------

    static boolean isNumber(long o) {
        int t = Header.type(o);
        return t == INT || t == BOOL || t == BIGINT || t == FLOAT;
    }

    static double toDouble(long o) {
        int t = Header.type(o);
        if (t == FLOAT) return Obj.floatValue(o);
        if (t == BIGINT) {
            double d = Obj.bigValue(o).doubleValue();
            if (Double.isInfinite(d)) {
                throw PyException.of("OverflowError", "int too large to convert to float");
            }
            return d;
        }
        return getLong(o + P);
    }

    public static long binary(BinaryOperator op, long a, long b) {
        return binary(op, a, b, false);
    }

    /** A binary operator applied as the fallback of an in-place one (errors name {@code op=}). */
    static long binaryInplace(BinaryOperator op, long a, long b) {
        return binary(op, a, b, true);
    }

    private static long binary(BinaryOperator op, long a, long b, boolean inplace) {
        int ta = Header.type(a), tb = Header.type(b);
        if ((ta == INT || ta == BOOL) && (tb == INT || tb == BOOL)) {
            long x = getLong(a + P), y = getLong(b + P);
            switch (op) {
                case ADD: {
                    long r = x + y;
                    if (((x ^ r) & (y ^ r)) < 0) break;
                    return Obj.newInt(r);
                }
                case SUB: {
                    long r = x - y;
                    if (((x ^ y) & (x ^ r)) < 0) break;
                    return Obj.newInt(r);
                }
                case MUL: {
                    long hi = Math.multiplyHigh(x, y);
                    long r = x * y;
                    if ((hi == 0 && r >= 0) || (hi == -1 && r < 0)) return Obj.newInt(r);
                    break;
                }
                case FLOORDIV:
                    if (y == 0) throw PyException.of("ZeroDivisionError", "integer division or modulo by zero");
                    if (x == Long.MIN_VALUE && y == -1) break;
                    return Obj.newInt(Math.floorDiv(x, y));
                case MOD:
                    if (y == 0) throw PyException.of("ZeroDivisionError", "integer modulo by zero");
                    return Obj.newInt(Math.floorMod(x, y));
                case BITAND:
                    if (ta == BOOL && tb == BOOL) return Obj.bool((x & y) != 0);
                    return Obj.newInt(x & y);
                case BITOR:
                    if (ta == BOOL && tb == BOOL) return Obj.bool((x | y) != 0);
                    return Obj.newInt(x | y);
                case BITXOR:
                    if (ta == BOOL && tb == BOOL) return Obj.bool((x ^ y) != 0);
                    return Obj.newInt(x ^ y);
                case RSHIFT:
                    if (y < 0) throw PyException.of("ValueError", "negative shift count");
                    return Obj.newInt(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
                default:
                    break;
            }
        }
        boolean ia = ta == INT || ta == BOOL || ta == BIGINT, ib = tb == INT || tb == BOOL || tb == BIGINT;
        if (ia && ib) {
            return bigBinary(op, Obj.bigValue(a), Obj.bigValue(b));
        }
        if ((ia || ta == FLOAT) && (ib || tb == FLOAT)) {
            return floatBinary(op, toDouble(a), toDouble(b));
        }
        boolean ua = isUserInstance(a), ub = isUserInstance(b);
        if (ua || ub) {
            String[] names = DUNDERS.get(op);
            long r = dispatchPair(a, b, names[0], names[1], false);
            if (r != 0) return r;
        }
        long r = Seq.binary(op, a, b);
        if (r != 0) {
            return r;
        }
        throw PyException.of("TypeError", "unsupported operand type(s) for " + op.symbol + (inplace ? "=" : "")
                + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    /**
     * CPython's operand dispatch for a binary operator or comparison with user classes: {@code a.name(b)},
     * then {@code b.reflected(a)} (for a binary operator only when b's class differs); the reflected method
     * first when b's class is a proper subclass of a's (that overrides it, for a binary operator).
     * Returns the first result that is not NotImplemented, or 0.
     */
    static long dispatchPair(long a, long b, String name, String reflected, boolean comparison) {
        long ca = classOf(a), cb = classOf(b);
        boolean tryRight = isUserInstance(b) && (comparison || cb != ca);
        if (tryRight && isUserInstance(a) && cb != ca && isSubclass(cb, ca)
                && (comparison || lookup(cb, Obj.intern(reflected)) != lookup(ca, Obj.intern(reflected)))) {
            long r = richDunder(b, reflected, a);
            if (r != 0 && r != Obj.NOTIMPL) return r;
            tryRight = false;
        }
        if (isUserInstance(a)) {
            long r = richDunder(a, name, b);
            if (r != 0 && r != Obj.NOTIMPL) return r;
        }
        if (tryRight) {
            long r = richDunder(b, reflected, a);
            if (r != 0 && r != Obj.NOTIMPL) return r;
        }
        return 0;
    }

    /** {@code o.name(other)}, with object's default {@code __ne__} (the inverse of {@code __eq__}). */
    private static long richDunder(long o, String name, long other) {
        long r = callDunder(o, name, other);
        if (r != 0 || !name.equals("__ne__")) return r;
        r = callDunder(o, "__eq__", other);
        if (r == 0 || r == Obj.NOTIMPL) return r;
        try {
            return Obj.bool(!truthy(r));
        } finally {
            Heap.decref(r);
        }
    }


    static String binaryDunder(BinaryOperator op) {
        return DUNDERS.get(op)[0];
    }

    private static final java.util.Map<BinaryOperator, String[]> DUNDERS = new java.util.EnumMap<>(BinaryOperator.class);

    static {
        String[][] n = {{"add"}, {"sub"}, {"mul"}, {"matmul"}, {"truediv"}, {"mod"}, {"pow"}, {"lshift"},
                {"rshift"}, {"or"}, {"xor"}, {"and"}, {"floordiv"}};
        BinaryOperator[] ops = BinaryOperator.values();
        for (int i = 0; i < ops.length; i++) {
            DUNDERS.put(ops[i], new String[]{"__" + n[i][0] + "__", "__r" + n[i][0] + "__"});
        }
    }

    private static long bigBinary(BinaryOperator op, BigInteger x, BigInteger y) {
        switch (op) {
            case ADD: return Obj.newInt(x.add(y));
            case SUB: return Obj.newInt(x.subtract(y));
            case MUL: return Obj.newInt(x.multiply(y));
            case DIV: {
                if (y.signum() == 0) throw PyException.of("ZeroDivisionError", "division by zero");
                if (x.bitLength() < 53 && y.bitLength() < 53) return Obj.newFloat(x.doubleValue() / y.doubleValue());
                return Obj.newFloat(new java.math.BigDecimal(x).divide(new java.math.BigDecimal(y), new java.math.MathContext(80)).doubleValue());
            }
            case FLOORDIV: case MOD: {
                if (y.signum() == 0) {
                    throw PyException.of("ZeroDivisionError", op == BinaryOperator.MOD ? "integer modulo by zero"
                            : "integer division or modulo by zero");
                }
                BigInteger[] qr = x.divideAndRemainder(y);
                if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                    qr[0] = qr[0].subtract(BigInteger.ONE);
                    qr[1] = qr[1].add(y);
                }
                return Obj.newInt(op == BinaryOperator.FLOORDIV ? qr[0] : qr[1]);
            }
            case POW: {
                if (y.signum() < 0) {
                    if (x.signum() == 0) throw PyException.of("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                    return Obj.newFloat(Math.pow(x.doubleValue(), y.doubleValue()));
                }
                if (y.bitLength() > 31) throw PyException.of("MemoryError", "");
                return Obj.newInt(x.pow(y.intValue()));
            }
            case LSHIFT: {
                if (y.signum() < 0) throw PyException.of("ValueError", "negative shift count");
                return Obj.newInt(x.shiftLeft(y.intValueExact()));
            }
            case RSHIFT: {
                if (y.signum() < 0) throw PyException.of("ValueError", "negative shift count");
                return Obj.newInt(y.bitLength() > 31 ? BigInteger.valueOf(x.signum() < 0 ? -1 : 0) : x.shiftRight(y.intValue()));
            }
            case BITAND: return Obj.newInt(x.and(y));
            case BITOR: return Obj.newInt(x.or(y));
            case BITXOR: return Obj.newInt(x.xor(y));
            default: throw PyException.of("TypeError", "unsupported operand type(s) for " + op.symbol + ": 'int' and 'int'");
        }
    }

    private static long floatBinary(BinaryOperator op, double x, double y) {
        switch (op) {
            case ADD: return Obj.newFloat(x + y);
            case SUB: return Obj.newFloat(x - y);
            case MUL: return Obj.newFloat(x * y);
            case DIV:
                if (y == 0) throw PyException.of("ZeroDivisionError", "float division by zero");
                return Obj.newFloat(x / y);
            case FLOORDIV:
                if (y == 0) throw PyException.of("ZeroDivisionError", "float floor division by zero");
                return Obj.newFloat(floatDivmod(x, y)[0]);
            case MOD:
                if (y == 0) throw PyException.of("ZeroDivisionError", "float modulo");
                return Obj.newFloat(floatDivmod(x, y)[1]);
            case POW: {
                if (x == 0 && y < 0) throw PyException.of("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                double r = Math.pow(x, y);
                if (Double.isInfinite(r) && !Double.isInfinite(x)) throw PyException.of("OverflowError", "(34, 'Numerical result out of range')");
                return Obj.newFloat(r);
            }
            default:
                throw PyException.of("TypeError", "unsupported operand type(s) for " + op.symbol + ": 'float' and 'float'");
        }
    }

    static double[] floatDivmod(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[]{floordiv, mod};
    }

    public static long power(long a, long b) {
        if (Obj.isInt(a) && Obj.isInt(b)) {
            return bigBinary(BinaryOperator.POW, Obj.bigValue(a), Obj.bigValue(b));
        }
        if (isNumber(a) && isNumber(b)) {
            return floatBinary(BinaryOperator.POW, toDouble(a), toDouble(b));
        }
        return binary(BinaryOperator.POW, a, b);
    }

    /** Unary {@code +}. */
    public static long positive(long o) {
        if (Header.type(o) == BOOL) return Obj.newInt(Obj.intValue(o));
        if (isNumber(o)) return Heap.newRef(o);
        long r = isUserInstance(o) ? callDunder(o, "__pos__") : 0;
        if (r != 0) return r;
        throw PyException.of("TypeError", "bad operand type for unary +: '" + typeName(o) + "'");
    }

    /** Unary {@code ~}. */
    public static long invert(long o) {
        if (Obj.isInt(o)) return Obj.newInt(Obj.bigValue(o).not());
        long r = isUserInstance(o) ? callDunder(o, "__invert__") : 0;
        if (r != 0) return r;
        throw PyException.of("TypeError", "bad operand type for unary ~: '" + typeName(o) + "'");
    }

    public static long negate(long o) {
        int t = Header.type(o);
        if (t == INT || t == BOOL) {
            long v = getLong(o + P);
            if (v != Long.MIN_VALUE) return Obj.newInt(-v);
        }
        if (Obj.isInt(o)) return Obj.newInt(Obj.bigValue(o).negate());
        if (t == FLOAT) return Obj.newFloat(-Obj.floatValue(o));
        long r = isUserInstance(o) ? callDunder(o, "__neg__") : 0;
        if (r != 0) return r;
        throw PyException.of("TypeError", "bad operand type for unary -: '" + typeName(o) + "'");
    }

    // ---- comparison -----------------------------------------------------------------------------

    public static long compare(CmpOperator op, long a, long b) {
        switch (op) {
            case IS: return Obj.bool(a == b);
            case IS_NOT: return Obj.bool(a != b);
            case IN: return Obj.bool(contains(b, a));
            case NOT_IN: return Obj.bool(!contains(b, a));
            default: break;
        }
        int ta = Header.type(a), tb = Header.type(b);
        if ((ta == INT || ta == BOOL) && (tb == INT || tb == BOOL)) {
            return Obj.bool(cmpResult(op, Long.compare(getLong(a + P), getLong(b + P))));
        }
        if (isNumber(a) && isNumber(b)) {
            if (ta == FLOAT || tb == FLOAT) {
                double x = ta == FLOAT ? Obj.floatValue(a) : Obj.bigValue(a).doubleValue();
                double y = tb == FLOAT ? Obj.floatValue(b) : Obj.bigValue(b).doubleValue();
                if (Double.isNaN(x) || Double.isNaN(y)) return Obj.bool(op == CmpOperator.NOT_EQ);
                return Obj.bool(cmpResult(op, Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y)));
            }
            return Obj.bool(cmpResult(op, Obj.bigValue(a).compareTo(Obj.bigValue(b))));
        }
        if (ta == STR && tb == STR) {
            if (op == CmpOperator.EQ) return Obj.bool(Obj.strEquals(a, b));
            if (op == CmpOperator.NOT_EQ) return Obj.bool(!Obj.strEquals(a, b));
            return Obj.bool(cmpResult(op, Obj.str(a).compareTo(Obj.str(b))));
        }
        if (ta == WEAKREF && tb == WEAKREF && (op == CmpOperator.EQ || op == CmpOperator.NOT_EQ)) {
            return Obj.bool(WeakRefs.equal(a, b) == (op == CmpOperator.EQ));
        }
        boolean ua = isUserInstance(a), ub = isUserInstance(b);
        if (ua || ub) {
            String[] names = switch (op) {
                case EQ -> new String[]{"__eq__", "__eq__"};
                case NOT_EQ -> new String[]{"__ne__", "__ne__"};
                case LT -> new String[]{"__lt__", "__gt__"};
                case GT -> new String[]{"__gt__", "__lt__"};
                case LT_E -> new String[]{"__le__", "__ge__"};
                default -> new String[]{"__ge__", "__le__"};
            };
            long r = dispatchPair(a, b, names[0], names[1], true);
            if (r != 0) return r;
            if ((op == CmpOperator.EQ || op == CmpOperator.NOT_EQ) && !Types.isSubclassInstance(a)
                    && !Types.isSubclassInstance(b)) {
                return Obj.bool((a == b) == (op == CmpOperator.EQ));
            }
        }
        if (op == CmpOperator.EQ) return Obj.bool(a == b || Seq.equalsSeq(a, b));
        if (op == CmpOperator.NOT_EQ) return Obj.bool(!(a == b || Seq.equalsSeq(a, b)));
        int c = Seq.compareSeq(a, b, op);
        if (c != Integer.MIN_VALUE) {
            return Obj.bool(cmpResult(op, c));
        }
        throw PyException.of("TypeError", "'" + op.symbol + "' not supported between instances of '" + typeName(a)
                + "' and '" + typeName(b) + "'");
    }

    static boolean cmpResult(CmpOperator op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NOT_EQ -> c != 0;
            case LT -> c < 0;
            case LT_E -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /** {@code a < b} as a boolean (sorting, min/max). */
    public static boolean less(long a, long b) {
        return compareBool(CmpOperator.LT, a, b);
    }

    /** The truth of {@code a op b}. */
    public static boolean compareBool(CmpOperator op, long a, long b) {
        long r = compare(op, a, b);
        try {
            return truthy(r);
        } finally {
            Heap.decref(r);
        }
    }

    public static boolean contains(long container, long item) {
        if (Header.type(container) == CLASS) {
            long hook = metaHook(container, "__contains__");
            if (hook != 0) return truthyStolen(Interp.callFunction(hook, new long[]{container, item}, null));
        }
        if (Types.isSubclassInstance(container)) {
            long r = callDunder(container, "__contains__", item);
            if (r != 0) {
                boolean b = truthy(r);
                Heap.decref(r);
                return b;
            }
        }
        return containsBuiltin(container, item);
    }

    /** Membership by the container's builtin type, ignoring a list or dict subclass's {@code __contains__}. */
    static boolean containsBuiltin(long container, long item) {
        switch (Header.type(container)) {
            case DICT, SET, FROZENSET:
                return Dict.contains(container, item);
            case STR:
                if (Header.type(item) != STR) {
                    throw PyException.of("TypeError", "'in <string>' requires string as left operand, not " + typeName(item));
                }
                return Obj.str(container).contains(Obj.str(item));
            case LIST: {
                for (long i = 0; i < Lists.size(container); i++) {
                    if (eqBorrowed(Lists.get(container, i), item)) return true;
                }
                return false;
            }
            case TUPLE: {
                for (long i = 0; i < Obj.tupleSize(container); i++) {
                    if (eq(Obj.tupleItem(container, i), item)) return true;
                }
                return false;
            }
            case RANGE: {
                if (!Obj.isSmallInt(item)) return false;
                long v = getLong(item + P), start = getLong(container + P), step = getLong(container + P + 16);
                long n = Obj.rangeLength(container);
                long k = Math.floorDiv(v - start, step);
                return (v - start) % step == 0 && k >= 0 && k < n;
            }
            case VIEW: {
                long d = getLong(container + P);
                long kind = getLong(container + P + 8);
                if (kind == 0) {
                    return Dict.contains(d, item);
                }
                if (kind == 2) {
                    if (Header.type(item) != TUPLE || Obj.tupleSize(item) != 2) return false;
                    long v = Dict.get(d, Obj.tupleItem(item, 0));
                    return v != 0 && eqBorrowed(v, Obj.tupleItem(item, 1));
                }
                for (long i = 0; i < Dict.filled(d); i++) {
                    if (Dict.keyAt(d, i) != 0 && eqBorrowed(Dict.valueAt(d, i), item)) return true;
                }
                return false;
            }
            case INSTANCE: {
                long r = callDunder(container, "__contains__", item);
                if (r != 0) {
                    boolean b = truthy(r);
                    Heap.decref(r);
                    return b;
                }
                break;
            }
            default:
                break;
        }
        int ct = Header.type(container);
        if (ct != ITER && (ct != INSTANCE || (lookup(classOf(container), Obj.intern("__iter__")) == 0
                && lookup(classOf(container), Obj.intern("__getitem__")) == 0))) {
            throw PyException.of("TypeError", "argument of type '" + typeName(container) + "' is not iterable");
        }
        long it = Iter.iter(container);
        try {
            long x;
            while ((x = Iter.next(it)) != 0) {
                boolean f = eq(x, item);
                Heap.decref(x);
                if (f) return true;
            }
            return false;
        } finally {
            Heap.decref(it);
        }
    }
}
