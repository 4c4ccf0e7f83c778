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
        String[] programs = resource("cases.txt").split("\n---\n", -1);
        String[] expected = resource("cases.expected").split("\n");
        assertEquals(programs.length, expected.length, "cases.expected is stale: run tools/regen-syntax-cases");
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

    @TestFactory
    Stream<DynamicTest> sameOutcomeAsCPython() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c[0].strip().replace("\n", "\\n"),
                () -> assertEquals(c[1], outcome(c[0]), c[0])));
    }
}
