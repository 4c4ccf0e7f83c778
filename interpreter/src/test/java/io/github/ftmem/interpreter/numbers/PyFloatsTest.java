package io.github.ftmem.interpreter.numbers;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.github.ftmem.interpreter.numbers.PyCases.bitsToDouble;
import static io.github.ftmem.interpreter.numbers.PyCases.doubleToBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PyFloats} and the int/float mixing of {@link PyInts} against {@code pylib/floatops.txt}. */
class PyFloatsTest {

    @Test
    void operatorsMatchCPython() {
        Map<String, Integer> counts = new HashMap<>();
        int powMismatches = 0;
        for (String[] row : PyCases.load("floatops.txt")) {
            String context = String.join(" ", row);
            switch (row[0]) {
                case "floordiv", "mod", "divmod", "truediv" -> {
                    double a = bitsToDouble(row[1]);
                    double b = bitsToDouble(row[2]);
                    PyCases.check(context, row, 3, () -> switch (row[0]) {
                        case "floordiv" -> doubleToBits(PyFloats.floorDiv(a, b));
                        case "mod" -> doubleToBits(PyFloats.mod(a, b));
                        case "truediv" -> doubleToBits(PyFloats.divide(a, b));
                        default -> {
                            double[] qr = PyFloats.divmod(a, b);
                            yield doubleToBits(qr[0]) + "," + doubleToBits(qr[1]);
                        }
                    });
                }
                case "pow" -> {
                    double a = bitsToDouble(row[1]);
                    double b = bitsToDouble(row[2]);
                    PyCases.check(context, row, 3, () -> {
                        Double r = PyFloats.pow(a, b);
                        return r == null ? "complex" : doubleToBits(r);
                    });
                }
                case "cmp" -> assertEquals(Integer.parseInt(row[3]),
                        Integer.signum(PyInts.compareWithFloat(PyCases.integer(row[1]), bitsToDouble(row[2]))), context);
                case "roundint" -> PyCases.check(context, row, 3,
                        () -> PyInts.round(PyCases.integer(row[1]), PyCases.integer(row[2])).toString());
                default -> throw new IllegalStateException(row[0]);
            }
            counts.merge(row[0], 1, Integer::sum);
        }
        assertTrue(counts.get("pow") > 5000 && counts.get("cmp") > 2000, counts.toString());
    }

    @Test
    void nanIsNotOrderedAgainstInts() {
        assertThrows(IllegalArgumentException.class, () -> PyInts.compareWithFloat(1L, Double.NaN));
        assertTrue(PyFloats.isInteger(2.0));
        assertTrue(!PyFloats.isInteger(Double.POSITIVE_INFINITY) && !PyFloats.isInteger(0.5));
    }
}
