package io.github.ftmem.interpreter.numbers;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.github.ftmem.interpreter.numbers.PyCases.bitsToDouble;
import static io.github.ftmem.interpreter.numbers.PyCases.doubleToBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PyInts} against the CPython 3.11 table {@code pylib/ints.txt}. */
class PyIntsTest {

    private static final List<String[]> CASES = PyCases.load("ints.txt");

    static Number num(String decimal) {
        if (decimal.startsWith("0x") || decimal.startsWith("-0x")) {
            boolean negative = decimal.startsWith("-");
            BigInteger v = new BigInteger(decimal.substring(negative ? 3 : 2), 16);
            return PyInts.normalize(negative ? v.negate() : v);
        }
        return PyInts.normalize(new BigInteger(decimal));
    }

    /** The value as the evaluator may hold it: a Long when small, else a BigInteger. */
    private static String str(Number v) {
        if (v instanceof BigInteger b) {
            assertTrue(b.bitLength() >= 64, "not normalized: " + b);
        } else {
            assertInstanceOf(Long.class, v);
        }
        return v.toString();
    }

    private static String strNoLimit(Number v) {
        str(v);
        return PyInts.toString(v, 0);
    }

    @Test
    void everyOperationMatchesCPython() {
        Map<String, Function<String[], String>> ops = new HashMap<>();
        ops.put("add", r -> str(PyInts.add(num(r[1]), num(r[2]))));
        ops.put("sub", r -> str(PyInts.subtract(num(r[1]), num(r[2]))));
        ops.put("mul", r -> str(PyInts.multiply(num(r[1]), num(r[2]))));
        ops.put("floordiv", r -> str(PyInts.floorDiv(num(r[1]), num(r[2]))));
        ops.put("mod", r -> str(PyInts.mod(num(r[1]), num(r[2]))));
        ops.put("divmod", r -> {
            Number[] qr = PyInts.divmod(num(r[1]), num(r[2]));
            return str(qr[0]) + "," + str(qr[1]);
        });
        ops.put("truediv", r -> doubleToBits(PyInts.trueDivide(num(r[1]), num(r[2]))));
        ops.put("and", r -> str(PyInts.and(num(r[1]), num(r[2]))));
        ops.put("or", r -> str(PyInts.or(num(r[1]), num(r[2]))));
        ops.put("xor", r -> str(PyInts.xor(num(r[1]), num(r[2]))));
        ops.put("cmp", r -> Integer.toString(Integer.signum(PyInts.compare(num(r[1]), num(r[2])))));
        ops.put("neg", r -> str(PyInts.negate(num(r[1]))));
        ops.put("abs", r -> str(PyInts.abs(num(r[1]))));
        ops.put("invert", r -> str(PyInts.invert(num(r[1]))));
        ops.put("bitlength", r -> Long.toString(PyInts.bitLength(num(r[1]))));
        ops.put("float", r -> doubleToBits(PyInts.toDouble(num(r[1]))));
        ops.put("pow", r -> {
            Number v = PyInts.pow(num(r[1]), num(r[2]));
            return v instanceof Double d ? doubleToBits(d) : strNoLimit(v);
        });
        ops.put("pow3", r -> str(PyInts.pow(num(r[1]), num(r[2]), num(r[3]))));
        ops.put("lshift", r -> strNoLimit(PyInts.shiftLeft(num(r[1]), num(r[2]))));
        ops.put("rshift", r -> str(PyInts.shiftRight(num(r[1]), num(r[2]))));
        ops.put("str", r -> PyInts.toString(num(r[1])));
        ops.put("bin", r -> PyInts.bin(num(r[1])));
        ops.put("oct", r -> PyInts.oct(num(r[1])));
        ops.put("hex", r -> PyInts.hex(num(r[1])));
        ops.put("parse", r -> {
            Number v = PyInts.parse(PyCases.unescape(r[1]), Integer.parseInt(r[2]));
            return r[3].length() > 1 && (r[3].startsWith("=0x") || r[3].startsWith("=-0x"))
                    ? PyInts.hex(v) : strNoLimit(v);
        });
        ops.put("fromfloat", r -> strNoLimit(PyInts.fromDouble(bitsToDouble(r[1]))));
        Map<String, Integer> counts = new HashMap<>();
        for (String[] row : CASES) {
            Function<String[], String> op = ops.get(row[0]);
            int outcomeColumn = switch (row[0]) {
                case "neg", "abs", "invert", "bitlength", "float", "str", "bin", "oct", "hex", "fromfloat" -> 2;
                case "pow3" -> 4;
                default -> 3;
            };
            PyCases.check(String.join(" ", row).substring(0, Math.min(300, String.join(" ", row).length())),
                    row, outcomeColumn, () -> op.apply(row));
            counts.merge(row[0], 1, Integer::sum);
        }
        assertEquals(ops.keySet(), counts.keySet());
        assertTrue(CASES.size() > 10000, "cases: " + CASES.size());
    }

    @Test
    void longFastPathsOverflowIntoBigIntegers() {
        assertEquals(new BigInteger("9223372036854775808"), PyInts.add(Long.MAX_VALUE, 1L));
        assertEquals(new BigInteger("-9223372036854775809"), PyInts.subtract(Long.MIN_VALUE, 1L));
        assertEquals(new BigInteger("85070591730234615847396907784232501249"),
                PyInts.multiply(Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(new BigInteger("9223372036854775808"), PyInts.negate(Long.MIN_VALUE));
        assertEquals(new BigInteger("9223372036854775808"), PyInts.floorDiv(Long.MIN_VALUE, -1L));
        assertEquals(0L, PyInts.mod(Long.MIN_VALUE, -1L));
        assertEquals(-4611686018427387904L, PyInts.multiply(-2147483648L * 2, 1073741824L * 1));
        assertEquals(6L, PyInts.add(2L, 4L));
    }

    @Test
    void hugeExponentIsAMemoryError() {
        PyLibError e = assertThrows(PyLibError.class, () -> PyInts.pow(2L, 1L << 40));
        assertEquals(PyLibError.Kind.MEMORY_ERROR, e.kind());
    }

    @Test
    void nonIntNumbersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PyInts.signum(1.5));
    }
}
