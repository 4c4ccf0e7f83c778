package io.github.ftmem.interpreter.text;

import io.github.ftmem.interpreter.numbers.PyCases;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PyStrings} against CPython 3.11 ({@code pylib/strings.txt}). */
class PyStringsTest {

    @Test
    void predicatesMatchCPythonForEveryCodePoint() {
        boolean[] notPrintable = new boolean[0x110000];
        boolean[] space = new boolean[0x110000];
        int reprs = 0;
        for (String[] row : PyCases.load("strings.txt")) {
            if (row[0].equals("repr")) {
                String s = PyCases.unescape(row[1]);
                assertEquals(PyCases.unescape(row[2]), PyStrings.repr(s), row[1]);
                assertEquals(PyCases.unescape(row[3]), PyStrings.ascii(PyStrings.repr(s)), row[1]);
                reprs++;
                continue;
            }
            String[] range = row[1].split("-");
            boolean[] target = row[0].equals("space") ? space : notPrintable;
            for (int cp = Integer.parseInt(range[0], 16); cp <= Integer.parseInt(range[1], 16); cp++) {
                target[cp] = true;
            }
        }
        for (int cp = 0; cp < 0x110000; cp++) {
            if (notPrintable[cp] == PyStrings.isPrintable(cp)) {
                throw new AssertionError("isprintable(U+" + Integer.toHexString(cp) + ") should be " + !notPrintable[cp]);
            }
            if (space[cp] != PyStrings.isSpace(cp)) {
                throw new AssertionError("isspace(U+" + Integer.toHexString(cp) + ") should be " + space[cp]);
            }
        }
        assertTrue(reprs > 400);
    }
}
