package io.github.ftmem.interpreter.text;

import io.github.ftmem.interpreter.numbers.FloatRepr;
import io.github.ftmem.interpreter.numbers.PyCases;
import io.github.ftmem.interpreter.numbers.PyInts;
import io.github.ftmem.interpreter.numbers.PyLibError;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PercentFormat} against the CPython 3.11 table {@code pylib/percent.txt}, with Python
 * values modelled as Java objects: Long/BigInteger (int), Boolean, Double, String, {@link #NONE},
 * {@link Tuple}, ArrayList (list), LinkedHashMap (dict).
 */
class PercentFormatTest {

    static final Object NONE = new Object();

    record Tuple(List<Object> items) {
    }

    /** Decodes the typed encoding written by {@code pylib-cases.py}'s {@code enc}. */
    static final class Decoder {
        private final String s;
        private int pos;

        Decoder(String s) {
            this.s = s;
        }

        Object value() {
            char kind = s.charAt(pos++);
            switch (kind) {
                case 'T':
                    return Boolean.TRUE;
                case 'F':
                    return Boolean.FALSE;
                case 'N':
                    return NONE;
                case 'i': {
                    int end = s.indexOf(';', pos);
                    Number v = PyInts.normalize(new BigInteger(s.substring(pos, end)));
                    pos = end + 1;
                    return v;
                }
                case 'f': {
                    double v = PyCases.bitsToDouble(s.substring(pos, pos + 16));
                    pos += 16;
                    return v;
                }
                case 's': {
                    int colon = s.indexOf(':', pos);
                    int length = Integer.parseInt(s.substring(pos, colon));
                    String v = PyCases.unescape(s.substring(colon + 1, colon + 1 + length));
                    pos = colon + 1 + length;
                    return v;
                }
                case '(':
                    return new Tuple(items(')'));
                case '[':
                    return new ArrayList<>(items(']'));
                case '{': {
                    List<Object> flat = items('}');
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < flat.size(); i += 2) {
                        map.put(flat.get(i), flat.get(i + 1));
                    }
                    return map;
                }
                default:
                    throw new IllegalArgumentException("bad encoding at " + pos + ": " + s);
            }
        }

        private List<Object> items(char close) {
            List<Object> items = new ArrayList<>();
            while (s.charAt(pos) != close) {
                items.add(value());
            }
            pos++;
            return items;
        }
    }

    static String repr(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (v instanceof Double d) {
            return FloatRepr.repr(d);
        } else if (v instanceof String s) {
            return PyStrings.repr(s);
        } else if (v == NONE) {
            return "None";
        } else if (v instanceof Tuple t) {
            String inner = t.items().stream().map(PercentFormatTest::repr).collect(Collectors.joining(", "));
            return "(" + inner + (t.items().size() == 1 ? ",)" : ")");
        } else if (v instanceof List<?> l) {
            return "[" + l.stream().map(PercentFormatTest::repr).collect(Collectors.joining(", ")) + "]";
        } else if (v instanceof Map<?, ?> m) {
            return "{" + m.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ")) + "}";
        }
        return PyInts.toString((Number) v);
    }

    static final PercentFormat.Values<Object> VALUES = new PercentFormat.Values<>() {
        @Override
        public boolean isTuple(Object v) {
            return v instanceof Tuple;
        }

        @Override
        public int tupleSize(Object tuple) {
            return ((Tuple) tuple).items().size();
        }

        @Override
        public Object tupleItem(Object tuple, int index) {
            return ((Tuple) tuple).items().get(index);
        }

        @Override
        public boolean isMapping(Object v) {
            return v instanceof Map || v instanceof List;
        }

        @Override
        public Object getItem(Object mapping, String key) {
            if (mapping instanceof Map<?, ?> m && m.containsKey(key)) {
                return m.get(key);
            }
            if (mapping instanceof List) {
                throw PyLibError.typeError("list indices must be integers or slices, not str");
            }
            throw new PyLibError(PyLibError.Kind.KEY_ERROR, PyStrings.repr(key));
        }

        @Override
        public Number exactInt(Object v) {
            if (v instanceof Boolean b) {
                return b ? 1L : 0L;
            }
            return v instanceof Long || v instanceof BigInteger ? (Number) v : null;
        }

        @Override
        public Double exactFloat(Object v) {
            return v instanceof Double d ? d : null;
        }

        @Override
        public String exactStr(Object v) {
            return v instanceof String s ? s : null;
        }

        @Override
        public boolean isNumber(Object v) {
            return false;
        }

        @Override
        public Number toInt(Object v) {
            return null;
        }

        @Override
        public Number index(Object v) {
            return null;
        }

        @Override
        public Double toFloat(Object v) {
            return null;
        }

        @Override
        public String str(Object v) {
            if (v instanceof String s) {
                return s;
            }
            return repr(v);
        }

        @Override
        public String repr(Object v) {
            return PercentFormatTest.repr(v);
        }

        @Override
        public String typeName(Object v) {
            if (v instanceof Boolean) {
                return "bool";
            } else if (v instanceof Double) {
                return "float";
            } else if (v instanceof String) {
                return "str";
            } else if (v == NONE) {
                return "NoneType";
            } else if (v instanceof Tuple) {
                return "tuple";
            } else if (v instanceof List) {
                return "list";
            } else if (v instanceof Map) {
                return "dict";
            }
            return "int";
        }
    };

    @Test
    void percentFormattingMatchesCPython() {
        int ok = 0;
        int errors = 0;
        for (String[] row : PyCases.load("percent.txt")) {
            String format = PyCases.unescape(row[0]);
            Object args = new Decoder(row[1]).value();
            PyCases.check("'" + row[0] + "' % " + row[1], row, 2, () -> PercentFormat.format(format, args, VALUES));
            if (row[2].startsWith("=")) {
                ok++;
            } else {
                errors++;
            }
        }
        assertTrue(ok > 3000 && errors > 1000, ok + " results, " + errors + " errors");
    }

    @Test
    void absurdWidthOrPrecisionIsAMemoryError() {
        for (String format : List.of("%.2147483647d", "%.2147483647f", "%2147483647d", "%.2147483640x")) {
            PyLibError e = org.junit.jupiter.api.Assertions.assertThrows(PyLibError.class,
                    () -> PercentFormat.format(format, 1L, VALUES), format);
            assertEquals(PyLibError.Kind.MEMORY_ERROR, e.kind(), format);
        }
    }

    @Test
    void theIssueExample() {
        Object args = new Tuple(List.of(3.14159, "s", "r", 42L, 255L, 8L, 12345.678, 0.0001, 65L));
        assertEquals(" 3.14 s 'r' 42 ff 10 1.234568e+04 0.0001 A %",
                PercentFormat.format("%5.2f %s %r %d %x %o %e %g %c %%", args, VALUES));
    }
}
