package io.github.ftmem.interpreter.text;

import io.github.ftmem.interpreter.numbers.FloatRepr;
import io.github.ftmem.interpreter.numbers.PyCases;
import io.github.ftmem.interpreter.numbers.PyInts;
import io.github.ftmem.interpreter.numbers.PyLibError;
import io.github.ftmem.interpreter.text.PercentFormatTest.Decoder;
import io.github.ftmem.interpreter.text.PercentFormatTest.Tuple;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link StrFormat} against CPython 3.11 ({@code pylib/strformat.txt}), over the Java model of
 * Python values of {@link PercentFormatTest}.
 */
class StrFormatTest {

    private static String typeName(Object v) {
        return PercentFormatTest.VALUES.typeName(v);
    }

    private static final class ModelFields implements StrFormat.Fields<Object> {
        private final Tuple args;
        private final Map<?, ?> kwargs;

        ModelFields(Tuple args, Map<?, ?> kwargs) {
            this.args = args;
            this.kwargs = kwargs;
        }

        @Override
        public int positionalCount() {
            return args == null ? -1 : args.items().size();
        }

        @Override
        public Object positional(int index) {
            return args.items().get(index);
        }

        @Override
        public Object keyword(String name) {
            if (!kwargs.containsKey(name)) {
                throw new PyLibError(PyLibError.Kind.KEY_ERROR, PyStrings.repr(name));
            }
            return kwargs.get(name);
        }

        @Override
        public Object getAttr(Object obj, String name) {
            if ((obj instanceof Long || obj instanceof BigInteger || obj instanceof Double)
                    && (name.equals("real") || name.equals("imag"))) {
                return name.equals("real") ? obj : obj instanceof Double ? (Object) 0.0 : (Object) 0L;
            }
            throw new PyLibError(PyLibError.Kind.VALUE_ERROR, "unexpected attribute " + name);
        }

        @Override
        public Object getItem(Object obj, String key) {
            if (obj instanceof Map<?, ?> m) {
                if (!m.containsKey(key)) {
                    throw new PyLibError(PyLibError.Kind.KEY_ERROR, PyStrings.repr(key));
                }
                return m.get(key);
            }
            throw PyLibError.typeError("'" + typeName(obj) + "' object is not subscriptable");
        }

        @Override
        public Object getItem(Object obj, long index) {
            if (obj instanceof List<?> l) {
                if (index >= l.size()) {
                    throw new PyLibError(PyLibError.Kind.INDEX_ERROR, "list index out of range");
                }
                return l.get((int) index);
            }
            if (obj instanceof String str && index < str.codePointCount(0, str.length())) {
                return Character.toString(str.codePointAt(str.offsetByCodePoints(0, (int) index)));
            }
            throw PyLibError.typeError("'" + typeName(obj) + "' object is not subscriptable");
        }

        @Override
        public String str(Object obj) {
            return PercentFormatTest.VALUES.str(obj);
        }

        @Override
        public String repr(Object obj) {
            return PercentFormatTest.repr(obj);
        }

        @Override
        public String format(Object obj, String spec) {
            if (obj instanceof Boolean b) {
                return spec.isEmpty() ? (b ? "True" : "False")
                        : FormatSpec.formatInt(b ? 1L : 0L, spec, "bool", PyInts.DEFAULT_MAX_STR_DIGITS);
            } else if (obj instanceof Long || obj instanceof BigInteger) {
                return FormatSpec.formatInt((Number) obj, spec);
            } else if (obj instanceof Double d) {
                return spec.isEmpty() ? FloatRepr.repr(d) : FormatSpec.formatFloat(d, spec);
            } else if (obj instanceof String s) {
                return FormatSpec.formatStr(s, spec);
            }
            if (!spec.isEmpty()) {
                throw PyLibError.typeError("unsupported format string passed to " + typeName(obj) + ".__format__");
            }
            return str(obj);
        }
    }

    @Test
    void strFormatMatchesCPython() {
        int ok = 0;
        int errors = 0;
        for (String[] row : PyCases.load("strformat.txt")) {
            String format = PyCases.unescape(row[0]);
            ModelFields fields = row[1].equals("map")
                    ? new ModelFields(null, (Map<?, ?>) new Decoder(row[2]).value())
                    : new ModelFields((Tuple) new Decoder(row[1]).value(), (Map<?, ?>) new Decoder(row[2]).value());
            PyCases.check("'" + row[0] + "'", row, 3, () -> StrFormat.format(format, fields));
            if (row[3].startsWith("=")) {
                ok++;
            } else {
                errors++;
            }
        }
        assertTrue(ok > 300 && errors > 200, ok + " results, " + errors + " errors");
    }
}
