package io.github.ftmem.interpreter.numbers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.ftmem.interpreter.numbers.PyCases.bitsToDouble;
import static io.github.ftmem.interpreter.numbers.PyCases.doubleToBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FloatRepr} against the CPython 3.11 table {@code pylib/floats.txt}. */
class FloatReprTest {

    private static final List<String[]> CASES = PyCases.load("floats.txt");

    private static int run(String kind, java.util.function.Consumer<String[]> check) {
        int count = 0;
        for (String[] row : CASES) {
            if (row[0].equals(kind)) {
                check.accept(row);
                count++;
            }
        }
        return count;
    }

    @Test
    void reprMatchesCPython() {
        int n = run("repr", row -> {
            double x = bitsToDouble(row[1]);
            assertEquals(row[2], FloatRepr.repr(x), row[1]);
            assertEquals(row[2], FloatRepr.str(x), row[1]);
        });
        assertTrue(n > 2000, "repr cases: " + n);
    }

    @Test
    void percentStyleFormattingMatchesCPython() {
        int n = run("pct", row -> {
            double x = bitsToDouble(row[1]);
            String fmt = row[2];
            char type = fmt.charAt(fmt.length() - 1);
            boolean alt = fmt.indexOf('#') >= 0;
            boolean sign = fmt.indexOf('+') >= 0;
            String result;
            if (type == 'r') {
                result = FloatRepr.repr(x);
            } else {
                int precision = Integer.parseInt(fmt.substring(fmt.indexOf('.') + 1, fmt.length() - 1));
                result = FloatRepr.format(x, type, precision, alt, sign, false, false);
                if (fmt.indexOf(' ') >= 0 && !result.startsWith("-")) {
                    result = " " + result;
                }
            }
            assertEquals(row[3], result, row[1] + " " + fmt);
        });
        assertTrue(n > 8000, "format cases: " + n);
    }

    @Test
    void roundMatchesCPython() {
        int n = run("round", row -> {
            double x = bitsToDouble(row[1]);
            long nd = clip(row[2]);
            PyCases.check(row[1] + " " + row[2], row, 3, () -> doubleToBits(FloatRepr.round(x, nd)));
        });
        run("round0", row -> {
            double x = bitsToDouble(row[1]);
            PyCases.check(row[1], row, 2, () -> PyInts.fromDouble(FloatRepr.roundHalfEven(x)).toString());
        });
        assertTrue(n > 10000, "round cases: " + n);
    }

    private static long clip(String decimal) {
        java.math.BigInteger v = new java.math.BigInteger(decimal);
        if (v.bitLength() > 63) {
            return v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return v.longValue();
    }

    @Test
    void parseMatchesCPython() {
        int n = run("parse", row -> {
            String s = PyCases.unescape(row[1]);
            PyCases.check(row[1], row, 2, () -> doubleToBits(FloatRepr.parse(s)));
        });
        assertTrue(n > 2000, "parse cases: " + n);
    }

    @Test
    void shortestDiffersFromJavaWhereOneDigitSuffices() {
        assertEquals("4.9E-324", Double.toString(Double.MIN_VALUE));
        assertEquals("5e-324", FloatRepr.repr(Double.MIN_VALUE));
        assertEquals("1e+16", FloatRepr.repr(1e16));
        assertEquals("1e-05", FloatRepr.repr(1e-5));
        assertEquals("0.0001", FloatRepr.repr(1e-4));
    }

    @Test
    void absurdPrecisionIsAMemoryErrorNotACrash() {
        PyLibError e = assertThrows(PyLibError.class,
                () -> FloatRepr.format(1.5, 'f', Integer.MAX_VALUE, false, false, false, false));
        assertEquals(PyLibError.Kind.MEMORY_ERROR, e.kind());
        e = assertThrows(PyLibError.class, () -> FloatRepr.format(1.5, 'e', Integer.MAX_VALUE, false, false, false, false));
        assertEquals(PyLibError.Kind.MEMORY_ERROR, e.kind());
        assertEquals("1.5", FloatRepr.format(1.5, 'g', Integer.MAX_VALUE, false, false, false, false));
    }

    @Test
    void badTypeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> FloatRepr.format(1.0, 'd', 0, false, false, false, false));
        assertThrows(IllegalArgumentException.class, () -> FloatRepr.format(1.0, 'r', 3, false, false, false, false));
    }
}
