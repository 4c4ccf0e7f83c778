package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.numbers.MersenneTwister;
import io.github.ftmem.interpreter.numbers.PyInts;
import io.github.ftmem.interpreter.numbers.PyLibError;
import io.github.ftmem.interpreter.runtime.Builtins.Call;

import static io.github.ftmem.interpreter.runtime.Types.*;

/**
 * {@code _random}, the primitives under {@code lib/random.py}: a {@code random.Random} instance keeps
 * its Mersenne Twister state in the heap, as a str attribute {@code _state} of 1 250 UTF-16 units
 * (624 32-bit words as two units each, then the position), so no Python value lives on the Java heap.
 * Each call loads the state into a {@link MersenneTwister}, runs the operation and stores the state back
 * (CPython's algorithms, bit for bit).
 */
final class RandomModule {
    private static final int WORDS = 624;

    private RandomModule() {
    }

    static long call(String name, Call c) {
        long[] a = c.args();
        try {
            switch (name) {
                case "seed": {
                    MersenneTwister mt = new MersenneTwister();
                    if (c.npos() > 0 && a[0] != Obj.NONE) {
                        seed(mt, a[0]);
                    }
                    return encode(mt);
                }
                case "call":
                    return operate(a, c.npos());
                default:
                    throw PyException.of("AttributeError", "module '_random' has no attribute '" + name + "'");
            }
        } catch (PyLibError e) {
            throw Text.translate(e);
        }
    }

    private static void seed(MersenneTwister mt, long v) {
        switch (Header.type(v)) {
            case INT, BIGINT, BOOL -> mt.seed(PyInts.normalize(Obj.bigValue(v)));
            case STR -> mt.seed(Obj.str(v));
            case FLOAT -> mt.seedFromHash(Ops.hash(v));
            default -> throw PyException.of("TypeError", "The only supported seed types are: None,\n"
                    + "int, float, str, bytes, and bytearray.");
        }
    }

    private static Number num(long v) {
        if (!Obj.isInt(v)) {
            throw PyException.of("TypeError", "'" + Ops.typeName(v) + "' object cannot be interpreted as an integer");
        }
        return PyInts.normalize(Obj.bigValue(v));
    }

    private static long newNumber(Number n) {
        return Obj.newInt(PyInts.big(n));
    }

    /** {@code _random.call(self, op, *args)}. */
    private static long operate(long[] a, int npos) {
        long self = a[0];
        String op = Obj.str(a[1]);
        long stateObj = Builtins.getAttrOrZero(self, "_state");
        MersenneTwister mt = new MersenneTwister(0L);
        try {
            decode(mt, stateObj);
        } finally {
            Heap.decref(stateObj);
        }
        long result = switch (op) {
            case "random" -> Obj.newFloat(mt.random());
            case "getrandbits" -> {
                long k = Obj.intValue(a[2]);
                if (k < 0) throw PyException.of("ValueError", "number of bits must be non-negative");
                yield newNumber(mt.getrandbits(k));
            }
            case "randrange" -> a[3] == Obj.NONE ? newNumber(mt.randrange(num(a[2])))
                    : newNumber(mt.randrange(num(a[2]), num(a[3]), num(a[4])));
            case "randint" -> newNumber(mt.randint(num(a[2]), num(a[3])));
            case "uniform" -> Obj.newFloat(mt.uniform(Ops.toDouble(a[2]), Ops.toDouble(a[3])));
            case "choice" -> Obj.newInt(mt.choiceIndex((int) Obj.intValue(a[2])));
            case "shuffle" -> intList(mt.shuffleSwaps((int) Obj.intValue(a[2])));
            case "sample" -> intList(mt.sampleIndices((int) Obj.intValue(a[2]), (int) Obj.intValue(a[3])));
            default -> throw PyException.of("ValueError", "unknown random operation " + op);
        };
        long state = encode(mt);
        try {
            Interp.setAttr(self, "_state", state);
        } finally {
            Heap.decref(state);
        }
        return result;
    }

    private static long intList(int[] values) {
        long l = Lists.create(values.length);
        for (int v : values) {
            Lists.appendStolen(l, Obj.newInt(v));
        }
        return l;
    }

    private static long encode(MersenneTwister mt) {
        long[] state = mt.state();
        char[] chars = new char[2 * WORDS + 1];
        for (int i = 0; i < WORDS; i++) {
            chars[2 * i] = (char) (state[i] >>> 16);
            chars[2 * i + 1] = (char) state[i];
        }
        chars[2 * WORDS] = (char) state[WORDS];
        return Obj.newStr(new String(chars));
    }

    private static void decode(MersenneTwister mt, long stateObj) {
        if (stateObj == 0 || Header.type(stateObj) != STR || Obj.strLength(stateObj) != 2 * WORDS + 1) {
            throw PyException.of("ValueError", "random generator state is corrupt");
        }
        String s = Obj.str(stateObj);
        long[] state = new long[WORDS + 1];
        for (int i = 0; i < WORDS; i++) {
            state[i] = ((long) s.charAt(2 * i) << 16) | s.charAt(2 * i + 1);
        }
        state[WORDS] = s.charAt(2 * WORDS);
        mt.setState(state);
    }
}
