package io.github.ftmem.interpreter.numbers;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PyHash} against CPython 3.11 with {@code PYTHONHASHSEED=0} ({@code pylib/hashes.txt}). */
class PyHashTest {

    @Test
    void hashesMatchCPython() {
        Map<String, Integer> counts = new HashMap<>();
        for (String[] row : PyCases.load("hashes.txt")) {
            long expected = Long.parseLong(row[2]);
            String context = row[0] + " " + row[1];
            switch (row[0]) {
                case "int" -> assertEquals(expected, PyHash.hashInt(PyCases.integer(row[1])), context);
                case "float" -> assertEquals(expected, PyHash.hashFloat(PyCases.bitsToDouble(row[1])), context);
                case "str" -> {
                    int[] codePoints = PyCases.codePoints(row[1]);
                    assertEquals(expected, PyHash.hashStr(codePoints), context);
                    if (Arrays.stream(codePoints).noneMatch(cp -> cp >= 0xd800 && cp <= 0xdfff)) {
                        assertEquals(expected, PyHash.hashStr(new String(codePoints, 0, codePoints.length)), context);
                    }
                }
                case "bytes" -> assertEquals(expected, PyHash.hashBytes(HexFormat.of().parseHex(row[1])), context);
                case "tuple" -> {
                    long[] items = row[1].isEmpty() ? new long[0]
                            : Arrays.stream(row[1].split(",")).mapToLong(Long::parseLong).toArray();
                    assertEquals(expected, PyHash.hashTuple(items), context);
                }
                default -> throw new IllegalStateException(row[0]);
            }
            counts.merge(row[0], 1, Integer::sum);
        }
        assertTrue(counts.get("str") > 400 && counts.get("float") > 2000 && counts.get("tuple") > 100, counts.toString());
    }

    @Test
    void equalNumbersHashEqual() {
        assertEquals(PyHash.hashInt(1L), PyHash.hashFloat(1.0));
        assertEquals(PyHash.hashInt(-2L), PyHash.hashInt(-1L));
        assertEquals(PyHash.hashInt(1L << 61), PyHash.hashFloat(0x1p61));
        assertEquals(PyHash.hashStr("abc"), PyHash.hashBytes("abc".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void nanHashesByIdentity() {
        assertThrows(IllegalArgumentException.class, () -> PyHash.hashFloat(Double.NaN));
        assertEquals(PyHash.hashPointer(0x7f00_1234_5670L), PyHash.hashFloat(Double.NaN, 0x7f00_1234_5670L));
        assertEquals(0x07f0_0123_4567L, PyHash.hashPointer(0x7f00_1234_5670L));
        assertEquals(-2, PyHash.hashPointer(-1L));
        assertEquals(314159, PyHash.hashFloat(Double.POSITIVE_INFINITY, 0));
    }
}
