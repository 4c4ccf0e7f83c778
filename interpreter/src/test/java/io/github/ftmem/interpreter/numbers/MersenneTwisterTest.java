package io.github.ftmem.interpreter.numbers;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link MersenneTwister} against CPython 3.11's {@code random.Random} ({@code pylib/random.txt}). */
class MersenneTwisterTest {

    private static String joined(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    @Test
    void sequencesMatchCPython() {
        MersenneTwister r = null;
        int seeds = 0;
        int checked = 0;
        for (String[] row : PyCases.load("random.txt")) {
            if (row[0].equals("seed")) {
                r = new MersenneTwister(0L);
                switch (row[1]) {
                    case "int" -> r.seed(PyCases.integer(row[2]));
                    case "float" -> {
                        double x = PyCases.bitsToDouble(row[2]);
                        assertEquals(Long.parseLong(row[3]), PyHash.hashFloat(x));
                        r.seedFromHash(PyHash.hashFloat(x));
                    }
                    case "str" -> r.seed(PyCases.unescape(row[2]));
                    default -> r.seed(HexFormat.of().parseHex(row[2]));
                }
                seeds++;
                continue;
            }
            MersenneTwister g = r;
            String context = "seed #" + seeds + ": " + String.join(" ", row);
            String[] args = row[1].split(",");
            switch (row[0]) {
                case "random" -> assertEquals(row[2], PyCases.doubleToBits(g.random()), context);
                case "getrandbits" -> assertEquals(row[2], g.getrandbits(Long.parseLong(row[1])).toString(), context);
                case "randrange1" -> PyCases.check(context, row, 2,
                        () -> g.randrange(PyCases.integer(row[1])).toString());
                case "randrange3" -> PyCases.check(context, row, 2, () -> g.randrange(PyCases.integer(args[0]),
                        PyCases.integer(args[1]), PyCases.integer(args[2])).toString());
                case "randint" -> PyCases.check(context, row, 2,
                        () -> g.randint(PyCases.integer(args[0]), PyCases.integer(args[1])).toString());
                case "choice" -> PyCases.check(context, row, 2,
                        () -> Integer.toString(g.choiceIndex(Integer.parseInt(row[1]))));
                case "shuffle" -> {
                    Integer[] items = new Integer[Integer.parseInt(row[1])];
                    Arrays.setAll(items, i -> i);
                    g.shuffle(items);
                    assertEquals(row[2], Arrays.stream(items).map(String::valueOf).collect(Collectors.joining(",")),
                            context);
                }
                case "sample" -> PyCases.check(context, row, 2,
                        () -> joined(g.sampleIndices(Integer.parseInt(args[0]), Integer.parseInt(args[1]))));
                case "uniform" -> assertEquals(row[2], PyCases.doubleToBits(
                        g.uniform(PyCases.bitsToDouble(args[0]), PyCases.bitsToDouble(args[1]))), context);
                case "state" -> {
                    String state = Arrays.stream(g.state()).mapToObj(Long::toString).collect(Collectors.joining(","));
                    assertEquals(row[2], state, context);
                }
                default -> throw new IllegalStateException(row[0]);
            }
            checked++;
        }
        assertTrue(seeds >= 25 && checked > 1500, seeds + " seeds, " + checked + " checks");
    }

    @Test
    void stateRoundTrips() {
        MersenneTwister a = new MersenneTwister(7L);
        a.random();
        long[] state = a.state();
        double next = a.random();
        MersenneTwister b = new MersenneTwister();
        b.setState(state);
        assertEquals(next, b.random());
        assertThrows(PyLibError.class, () -> b.setState(new long[3]));
        long[] bad = state.clone();
        bad[624] = 625;
        PyLibError e = assertThrows(PyLibError.class, () -> b.setState(bad));
        assertEquals("ValueError: invalid state", e.toString());
    }

    @Test
    void entropySeedsDiffer() {
        assertNotEquals(new MersenneTwister().getrandbits(128), new MersenneTwister().getrandbits(128));
    }

    @Test
    void badArgumentsAreRejected() {
        MersenneTwister r = new MersenneTwister(1L);
        assertEquals("ValueError: number of bits must be non-negative",
                assertThrows(PyLibError.class, () -> r.getrandbits(-1)).toString());
        assertThrows(IllegalArgumentException.class, () -> r.randbelow((Number) 0L));
        assertArrayEquals(new int[0], r.shuffleSwaps(0));
    }
}
