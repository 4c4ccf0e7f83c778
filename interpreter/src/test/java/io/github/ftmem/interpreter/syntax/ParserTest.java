package io.github.ftmem.interpreter.syntax;

import io.github.ftmem.interpreter.syntax.Expr.CmpOperator;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParserTest {

    private static Expr expr(String text) {
        Stmt s = Parser.parse(new Source("t.py", text + "\n")).body().getFirst();
        return ((Stmt.ExprStmt) s).value();
    }

    @Test
    void chainedComparison() {
        Expr.Compare c = assertInstanceOf(Expr.Compare.class, expr("a < b <= c is not d not in e"));
        assertEquals(List.of(CmpOperator.LT, CmpOperator.LT_E, CmpOperator.IS_NOT, CmpOperator.NOT_IN), c.ops());
    }

    @Test
    void precedenceAndAssociativity() {
        Expr.UnaryOp negation = assertInstanceOf(Expr.UnaryOp.class, expr("-2 ** -3 ** 4"));
        Expr.BinOp pow = assertInstanceOf(Expr.BinOp.class, negation.operand(), "unary minus binds looser than **");
        assertEquals(Expr.BinaryOperator.POW, pow.op());
        assertInstanceOf(Expr.UnaryOp.class, pow.right(), "** binds its right operand's unary minus");
        Expr.BinOp sub = assertInstanceOf(Expr.BinOp.class, expr("a - b - c"));
        assertInstanceOf(Expr.BinOp.class, sub.left(), "- is left-associative");
        Expr.BoolOp or = assertInstanceOf(Expr.BoolOp.class, expr("a or b and not c"));
        assertEquals(Expr.BoolOperator.OR, or.op());
    }

    @Test
    void slicesWithSteps() {
        Expr.Subscript s = assertInstanceOf(Expr.Subscript.class, expr("x[1:2:3, ::-1, :]"));
        Expr.TupleExpr t = assertInstanceOf(Expr.TupleExpr.class, s.slice());
        Expr.Slice first = assertInstanceOf(Expr.Slice.class, t.elements().get(0));
        assertEquals(BigInteger.valueOf(3), ((Expr.IntLiteral) first.step()).value());
        Expr.Slice second = assertInstanceOf(Expr.Slice.class, t.elements().get(1));
        assertNull(second.lower());
        assertInstanceOf(Expr.UnaryOp.class, second.step());
    }

    @Test
    void callsWithAllArgumentKinds() {
        Expr.Call c = assertInstanceOf(Expr.Call.class, expr("f(a, *b, k=1, **d)"));
        assertEquals(2, c.args().size());
        assertInstanceOf(Expr.Starred.class, c.args().get(1));
        assertEquals("k", c.keywords().get(0).name());
        assertNull(c.keywords().get(1).name());
    }

    @Test
    void definitionsWithDefaultsAndKeywordOnly() {
        Stmt.FunctionDef f = (Stmt.FunctionDef) Parser.parse(new Source("t.py",
                "@d1\n@d2(x)\ndef f(a, /, b=1, *c, d, e=2, **g) -> r:\n    'doc'\n    return a\n")).body().getFirst();
        assertEquals(2, f.decorators().size());
        assertEquals(1, f.args().posOnly().size());
        assertEquals("b", f.args().args().getFirst().name());
        assertEquals("c", f.args().varArg().name());
        assertEquals(List.of("d", "e"), f.args().kwOnly().stream().map(Expr.Arg::name).toList());
        assertNull(f.args().kwDefaults().get(0));
        assertEquals("g", f.args().kwArg().name());
        assertEquals("doc", f.docstring());
        assertEquals(3, f.pos().line(), "a decorated def starts at 'def', as in CPython 3.8+");
    }

    @Test
    void stringsConcatenateAndDecode() {
        assertEquals("ab\tc\u00e9", ((Expr.StringLiteral) expr("'a' \"b\" '\\tc\\xe9'")).value());
        assertArrayEquals(new byte[] {'x', 0, (byte) 0xff}, ((Expr.BytesLiteral) expr("b'x\\0' b'\\xff'")).value());
        Expr.JoinedStr j = assertInstanceOf(Expr.JoinedStr.class, expr("f'{x!r:>{w}} and {y=}'"));
        Expr.FormattedValue first = assertInstanceOf(Expr.FormattedValue.class, j.values().getFirst());
        assertEquals('r', first.conversion());
        assertEquals(2, first.formatSpec().values().size());
        assertEquals(" and y=", ((Expr.StringLiteral) j.values().get(1)).value());
        Expr.FormattedValue debug = assertInstanceOf(Expr.FormattedValue.class, j.values().get(2));
        assertEquals('r', debug.conversion(), "the = specifier defaults to repr");
    }

    @Test
    void bigIntegerLiterals() {
        Expr.IntLiteral i = (Expr.IntLiteral) expr("123456789012345678901234567890");
        assertEquals(new BigInteger("123456789012345678901234567890"), i.value());
        assertEquals(false, i.fitsLong());
        assertEquals(true, ((Expr.IntLiteral) expr("0xFFFF")).fitsLong());
    }

    @Test
    void targetsGetStoreContext() {
        Stmt.Assign a = (Stmt.Assign) Parser.parse(new Source("t.py", "a, (b, *c) = x = y\n")).body().getFirst();
        Expr.TupleExpr t = (Expr.TupleExpr) a.targets().getFirst();
        assertEquals(Expr.Ctx.STORE, t.ctx());
        Expr.TupleExpr inner = (Expr.TupleExpr) t.elements().get(1);
        assertEquals(Expr.Ctx.STORE, ((Expr.Starred) inner.elements().get(1)).ctx());
        assertEquals(Expr.Ctx.STORE, ((Expr.Name) a.targets().get(1)).ctx());
    }

    @Test
    void syntaxErrorReportMatchesCPythonLayout() {
        PySyntaxError e = assertThrows(PySyntaxError.class,
                () -> Parser.parse(new Source("prog.py", "def f():\n    return (1 +\n\nx = 2\n")));
        assertEquals("""
                  File "prog.py", line 2
                    return (1 +
                           ^
                SyntaxError: '(' was never closed
                """, e.format());
    }
}
