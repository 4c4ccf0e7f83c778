package io.github.ftmem.interpreter.runtime;

import io.github.ftmem.interpreter.resolve.Resolution;
import io.github.ftmem.interpreter.resolve.Resolver;
import io.github.ftmem.interpreter.syntax.Parser;
import io.github.ftmem.interpreter.syntax.Program;
import io.github.ftmem.interpreter.syntax.Source;
import io.github.ftmem.interpreter.syntax.Stmt.FunctionDef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which generator functions run as resumable frames and which need the thread fallback. */
class ResumableFramesTest {

    private static ResumableFrames.Plan planOf(String source) {
        Source src = new Source("t.py", source);
        Program p = Parser.parse(src);
        Resolution r = Resolver.resolve(p);
        FunctionDef d = (FunctionDef) p.body().getFirst();
        Interp.Code code = new Interp.Code(r.scope(d), d, d.name(), d.name(), d.args(), d.body(), null, r, src);
        return ResumableFrames.plan(code);
    }

    @Test
    void yieldsAtStatementLevelInsideCompoundStatementsAreResumable() {
        ResumableFrames.Plan plan = planOf("""
                def g(items, m):
                    x = yield
                    yield from items
                    while x:
                        if x > 1:
                            x = yield x
                        elif x:
                            yield
                        else:
                            break
                    else:
                        yield "else"
                    for i in items:
                        try:
                            a, b = yield i
                        except (KeyError, ValueError) as e:
                            yield e
                        else:
                            yield from range(a)
                        finally:
                            yield "finally"
                    with m as v, m:
                        yield v
                    return (yield)
                """);
        assertTrue(plan.resumable());
        // x = yield, yield from, while, for, with, return: every top-level statement contains a yield
        assertEquals(6, plan.body().stream().filter(plan.yielding()::contains).count());
    }

    @Test
    void statementsWithoutYieldsStayOnTheOrdinaryPath() {
        ResumableFrames.Plan plan = planOf("""
                def g(n):
                    total = 0
                    def inner():
                        print((yield))
                    f = lambda: (yield)
                    class C:
                        pass
                    for i in range(n):
                        total += i
                    yield total
                """);
        assertTrue(plan.resumable());
        assertEquals(1, plan.yielding().size());
        assertTrue(plan.yielding().contains(plan.body().getLast()));
    }

    @Test
    void yieldsNestedInExpressionsNeedTheThreadFallback() {
        for (String body : new String[]{
                "print((yield))",
                "x = 1 + (yield)",
                "while (yield):\n        pass",
                "yield (yield 1)",
                "x += yield",
                "for x in (yield):\n        pass",
                "if (yield):\n        pass",
                "return 1 + (yield)",
                "with (yield):\n        pass",
                "try:\n        pass\n    except (yield):\n        pass",
                "l[(yield)] = 1",
                "del l[(yield)]",
                "assert (yield)",
                "raise (yield)",
        }) {
            assertFalse(planOf("def g(l):\n    " + body + "\n").resumable(), body);
        }
    }

    @Test
    void generatorLambdasReturnTheValueOfTheirYield() {
        String out = run("""
                g = (lambda: (yield 1))()
                print(next(g))
                try:
                    g.send(2)
                except StopIteration as e:
                    print(e.value)
                """);
        assertEquals("1\n2\n", out);
    }

    private static String run(String code) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = Launcher.run(new String[]{"-X", "showrefcount", "-c", code}, out, err);
        String stderr = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, status, stderr);
        assertTrue(stderr.endsWith(" 0 blocks]\n"), "leak: " + stderr);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
