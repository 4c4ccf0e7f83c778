package io.github.ftmem.interpreter.spec;

import io.github.ftmem.interpreter.resolve.Resolution;
import io.github.ftmem.interpreter.resolve.Resolver;
import io.github.ftmem.interpreter.resolve.SymbolTableDump;
import io.github.ftmem.interpreter.syntax.AstDump;
import io.github.ftmem.interpreter.syntax.Program;
import io.github.ftmem.interpreter.syntax.Parser;
import io.github.ftmem.interpreter.syntax.PySyntaxError;
import io.github.ftmem.interpreter.syntax.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The front end (lexer, parser, resolver) over the whole spec corpus: programs CPython compiles
 * must compile to CPython's syntax tree (node types and source ranges), with every name in the
 * scope CPython's symbol table gives it; programs CPython
 * rejects must be rejected with exactly CPython's report on stderr.
 */
class FrontEndSpecTest {

    @Test
    void corpusIsComplete() {
        List<SpecCorpus.Program> programs = SpecCorpus.programs();
        long compileErrors = programs.stream().filter(p -> p.golden().isCompileError()).count();
        assertTrue(programs.size() >= 150, "spec corpus has only " + programs.size() + " programs");
        assertTrue(compileErrors >= 30, "only " + compileErrors + " compile-error programs");
        for (SpecCorpus.Program p : programs) {
            if (!p.golden().isCompileError()) {
                assertTrue(p.scopes() != null, "no CPython symbol table for " + p.name());
                assertTrue(p.syntaxTree() != null, "no CPython syntax tree for " + p.name());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> frontEnd() {
        return SpecCorpus.programs().stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> check(p)));
    }

    private static void check(SpecCorpus.Program p) {
        Source source = new Source(p.displayName(), p.source());
        if (p.golden().isCompileError()) {
            try {
                Resolver.resolve(Parser.parse(source));
            } catch (PySyntaxError e) {
                assertEquals(p.golden().stderr(), e.format(), "SyntaxError report of " + p.name());
                return;
            }
            fail(p.name() + " compiled, but CPython reports:\n" + p.golden().stderr());
        }
        Program module;
        Resolution resolution;
        try {
            module = Parser.parse(source);
            resolution = Resolver.resolve(module);
        } catch (PySyntaxError e) {
            throw new AssertionError(p.name() + " was rejected:\n" + e.format(), e);
        }
        assertEquals(p.syntaxTree(), AstDump.of(module), "syntax tree of " + p.name());
        assertEquals(p.scopes(), SymbolTableDump.of(resolution.moduleScope()), "scopes of " + p.name());
    }
}
