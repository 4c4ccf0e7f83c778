package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.core.Header;
import io.github.ftmem.interpreter.numbers.FloatRepr;
import io.github.ftmem.interpreter.numbers.PyHash;
import io.github.ftmem.interpreter.numbers.PyInts;
import io.github.ftmem.interpreter.numbers.PyLibError;
import io.github.ftmem.interpreter.text.FormatSpec;
import io.github.ftmem.interpreter.text.PercentFormat;

import java.math.BigInteger;

/**
 * The one place the evaluator calls the pure-Java CPython algorithms of {@code interpreter.numbers}
 * and {@code interpreter.text} (float repr, format specs, {@code %}-formatting, int/float parsing,
 * hashes), translating their {@link PyLibError}s into Python exceptions.
 */
final class Text {
    private Text() {
    }

    static PyException translate(PyLibError e) {
        return PyException.of(e.kind().pythonName(), e.getMessage());
    }

    static long hashString(String s) {
        return PyHash.hashStr(s);
    }

    static long hashLong(long v) {
        return PyHash.hashInt(v);
    }

    static long hashBig(BigInteger v) {
        return PyHash.hashInt(v);
    }

    static long hashDouble(double d, long object) {
        return PyHash.hashFloat(d, object);
    }

    static long hashPointer(long address) {
        return PyHash.hashPointer(address);
    }

    static String floatRepr(double d) {
        return FloatRepr.repr(d);
    }

    static double round(double d, long ndigits) {
        try {
            return FloatRepr.round(d, ndigits);
        } catch (PyLibError e) {
            throw translate(e);
        }
    }

    /** {@code float(s)}. */
    static double parseFloat(String s) {
        try {
            return FloatRepr.parse(s);
        } catch (PyLibError e) {
            throw translate(e);
        }
    }

    /** {@code int(s, base)}. */
    static BigInteger parseInt(String s, int base) {
        try {
            return PyInts.big(PyInts.parse(s, base));
        } catch (PyLibError e) {
            throw translate(e);
        }
    }

    /** {@code format(value, spec)} for a str (String), an int (BigInteger) or a float (Double). */
    static String format(Object value, String spec) {
        try {
            return switch (value) {
                case String s -> FormatSpec.formatStr(s, spec);
                case BigInteger i -> FormatSpec.formatInt(PyInts.normalize(i), spec);
                case Double d -> FormatSpec.formatFloat(d, spec);
                default -> throw new IllegalArgumentException("format of " + value.getClass());
            };
        } catch (PyLibError e) {
            throw translate(e);
        }
    }

    static String formatBool(BigInteger value, String spec) {
        try {
            return FormatSpec.formatInt(PyInts.normalize(value), spec, "bool", PyInts.DEFAULT_MAX_STR_DIGITS);
        } catch (PyLibError e) {
            throw translate(e);
        }
    }

    /** {@code format % args} over heap references. */
    static String percent(String format, long args) {
        try {
            return PercentFormat.format(format, args, VALUES);
        } catch (PyLibError e) {
            throw translate(e);
        }
    }

    private static final PercentFormat.Values<Long> VALUES = new PercentFormat.Values<>() {
        @Override
        public boolean isTuple(Long v) {
            return Header.type(v) == Types.TUPLE;
        }

        @Override
        public int tupleSize(Long tuple) {
            return (int) Obj.tupleSize(tuple);
        }

        @Override
        public Long tupleItem(Long tuple, int index) {
            return Obj.tupleItem(tuple, index);
        }

        @Override
        public boolean isMapping(Long v) {
            int t = Header.type(v);
            return t == Types.DICT || t == Types.LIST
                    || (t == Types.INSTANCE && Ops.lookup(Ops.classOf(v), Obj.intern("__getitem__")) != 0);
        }

        @Override
        public Long getItem(Long mapping, String key) {
            long k = Obj.newStr(key);
            try {
                long v = Builtins.getItem(mapping, k);
                Heap.decref(v);
                return v;
            } finally {
                Heap.decref(k);
            }
        }

        @Override
        public Number exactInt(Long v) {
            return Obj.isInt(v) ? PyInts.normalize(Obj.bigValue(v)) : null;
        }

        @Override
        public Double exactFloat(Long v) {
            return Header.type(v) == Types.FLOAT ? Obj.floatValue(v) : null;
        }

        @Override
        public String exactStr(Long v) {
            return Header.type(v) == Types.STR ? Obj.str(v) : null;
        }

        @Override
        public boolean isNumber(Long v) {
            return Header.type(v) == Types.INSTANCE && (Ops.lookup(Ops.classOf(v), Obj.intern("__index__")) != 0
                    || Ops.lookup(Ops.classOf(v), Obj.intern("__int__")) != 0
                    || Ops.lookup(Ops.classOf(v), Obj.intern("__float__")) != 0);
        }

        @Override
        public Number toInt(Long v) {
            return dunderNumber(v, "__int__");
        }

        @Override
        public Number index(Long v) {
            return dunderNumber(v, "__index__");
        }

        @Override
        public Double toFloat(Long v) {
            long r = Header.type(v) == Types.INSTANCE ? Ops.callDunder(v, "__float__") : 0;
            if (r == 0) {
                return null;
            }
            try {
                return Ops.toDouble(r);
            } finally {
                Heap.decref(r);
            }
        }

        @Override
        public String str(Long v) {
            return Seq.str(v);
        }

        @Override
        public String repr(Long v) {
            return Seq.repr(v);
        }

        @Override
        public String typeName(Long v) {
            return Ops.typeName(v);
        }
    };

    private static Number dunderNumber(long v, String name) {
        long r = Header.type(v) == Types.INSTANCE ? Ops.callDunder(v, name) : 0;
        if (r == 0) {
            return null;
        }
        try {
            return Obj.isInt(r) ? PyInts.normalize(Obj.bigValue(r)) : null;
        } finally {
            Heap.decref(r);
        }
    }
}
