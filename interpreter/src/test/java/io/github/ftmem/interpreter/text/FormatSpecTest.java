package io.github.ftmem.interpreter.text;

import io.github.ftmem.interpreter.numbers.PyCases;
import io.github.ftmem.interpreter.numbers.PyInts;
import io.github.ftmem.interpreter.numbers.PyLibError;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FormatSpec} against the CPython 3.11 table {@code pylib/formatspec.txt}. */
class FormatSpecTest {

    @Test
    void formatMatchesCPython() {
        List<String[]> cases = PyCases.load("formatspec.txt");
        Map<String, Integer> counts = new HashMap<>();
        for (String[] row : cases) {
            String spec = PyCases.unescape(row[2]);
            String context = row[0] + " " + row[1] + " '" + row[2] + "'";
            PyCases.check(context, row, 3, () -> switch (row[0]) {
                case "int" -> FormatSpec.formatInt(PyCases.integer(row[1]), spec);
                case "float" -> FormatSpec.formatFloat(PyCases.bitsToDouble(row[1]), spec);
                default -> FormatSpec.formatStr(PyCases.unescape(row[1]), spec);
            });
            counts.merge(row[0] + (row[3].startsWith("=") ? "" : "!"), 1, Integer::sum);
        }
        for (String kind : List.of("int", "float", "str")) {
            assertTrue(counts.getOrDefault(kind, 0) > 1000, kind + " successes: " + counts);
            assertTrue(counts.getOrDefault(kind + "!", 0) > 100, kind + " errors: " + counts);
        }
    }

    @Test
    void parsedFieldsAreExposed() {
        FormatSpec f = FormatSpec.parse("*^+z#012_.3f", 0, '>', "float");
        assertEquals('*', f.fill);
        assertEquals('^', f.align);
        assertEquals('+', f.sign);
        assertTrue(f.noNegativeZero);
        assertTrue(f.alternate);
        assertEquals(12, f.width);
        assertEquals('_', f.grouping);
        assertEquals(3, f.precision);
        assertEquals('f', f.type);
        assertEquals(4, FormatSpec.parse("_x", 'd', '>', "int").groupSize);
    }

    @Test
    void hugeWidthIsAMemoryErrorNotAJavaCrash() {
        PyLibError e = assertThrows(PyLibError.class, () -> FormatSpec.formatInt(1L, "1000000000000"));
        assertEquals(PyLibError.Kind.MEMORY_ERROR, e.kind());
        e = assertThrows(PyLibError.class, () -> FormatSpec.formatStr("a", "1000000000000"));
        assertEquals(PyLibError.Kind.MEMORY_ERROR, e.kind());
    }

    @Test
    void boolTypeNameAppearsInErrors() {
        PyLibError e = assertThrows(PyLibError.class,
                () -> FormatSpec.formatInt(1L, "s", "bool", PyInts.DEFAULT_MAX_STR_DIGITS));
        assertEquals("ValueError: Unknown format code 's' for object of type 'bool'", e.toString());
    }
}
