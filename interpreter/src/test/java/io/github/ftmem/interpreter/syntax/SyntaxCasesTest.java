package io.github.ftmem.interpreter.syntax;

import io.github.ftmem.interpreter.resolve.Resolver;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small programs (valid and invalid) whose acceptance or exact SyntaxError attributes (class,
 * message, line, offset, end line, end offset) were recorded from CPython 3.11 by
 * {@code interpreter/tools/regen-syntax-cases}.
 */
class SyntaxCasesTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = SyntaxCasesTest.class.getResourceAsStream("/syntax-cases/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource syntax-cases/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String[]> cases() throws IOException {
        return cases("cases");
    }

    private static List<String[]> cases(String name) throws IOException {
        String[] programs = resource(name + ".txt").split("\n---\n", -1);
        String[] expected = resource(name + ".expected").split("\n");
        assertEquals(programs.length, expected.length, name + ".expected is stale: run tools/regen-syntax-cases");
        List<String[]> all = new ArrayList<>();
        for (int i = 0; i < programs.length; i++) {
            all.add(new String[] {programs[i].replaceAll("^\n+|\n+$", "") + "\n", expected[i]});
        }
        return all;
    }

    static String outcome(String program) {
        try {
            Resolver.resolve(Parser.parse(new Source("x", program)));
            return "OK";
        } catch (PySyntaxError e) {
            return String.join("|", e.kind().pythonName(), e.msg(), String.valueOf(e.lineno()),
                    String.valueOf(e.offset()), String.valueOf(e.endLineno()), String.valueOf(e.endOffset()));
        }
    }

    @Test
    void manyCasesOfBothKinds() throws IOException {
        List<String[]> all = cases();
        long ok = all.stream().filter(c -> c[1].equals("OK")).count();
        assertTrue(all.size() >= 200 && ok >= 40 && all.size() - ok >= 150, all.size() + " cases, " + ok + " valid");
    }

    /**
     * 1500 random mutations of the spec corpus: the same outcome as CPython for all but the
     * documented deviations (each of which must still deviate, so the list stays true).
     */
    @Test
    void mutationsOfTheCorpus() throws IOException {
        List<String[]> all = cases("mutations");
        Set<Integer> deviations = new TreeSet<>();
        for (String line : resource("mutations.deviations").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                deviations.add(Integer.parseInt(line.trim()));
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String got = outcome(all.get(i)[0]);
            boolean same = got.equals(all.get(i)[1]);
            if (same == deviations.contains(i)) {
                unexpected.add("#" + i + (same ? " now matches CPython: remove it from mutations.deviations"
                        : " differs: expected " + all.get(i)[1] + " got " + got + "\n" + all.get(i)[0]));
            }
        }
        assertEquals(1500, all.size());
        assertTrue(deviations.size() <= 30, "at most 2% known deviations");
        assertTrue(unexpected.isEmpty(), String.join("\n", unexpected));
    }

    @TestFactory
    Stream<DynamicTest> sameOutcomeAsCPython() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c[0].strip().replace("\n", "\\n"),
                () -> assertEquals(c[1], outcome(c[0]), c[0])));
    }
}
