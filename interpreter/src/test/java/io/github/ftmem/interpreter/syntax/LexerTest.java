package io.github.ftmem.interpreter.syntax;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LexerTest {

    private static String kinds(String program) {
        return Lexer.tokenize(new Source("t.py", program)).stream()
                .map(t -> switch (t.kind()) {
                    case NAME, NUMBER, OP -> t.text();
                    case STRING -> "STR";
                    default -> t.kind().name();
                })
                .collect(Collectors.joining(" "));
    }

    @Test
    void indentationProducesIndentAndDedent() {
        assertEquals("if x : NEWLINE INDENT if y : NEWLINE INDENT z NEWLINE DEDENT DEDENT w NEWLINE ENDMARKER",
                kinds("if x:\n    if y:\n        z\n\n  # comment\nw\n"));
        assertEquals("if x : NEWLINE INDENT y NEWLINE DEDENT ENDMARKER", kinds("if x:\n\ty"));
    }

    @Test
    void bracketsAndBackslashesJoinLines() {
        assertEquals("x = ( 1 , 2 ) NEWLINE y = 1 + 2 NEWLINE ENDMARKER", kinds("x = (1,\n  2)\ny = 1 + \\\n 2\n"));
    }

    @Test
    void operatorsUseLongestMatch() {
        assertEquals("a **= b // c >>= d != e -> f := ... NEWLINE ENDMARKER", kinds("a **= b // c >>= d != e -> f := ..."));
    }

    @Test
    void numberForms() {
        List<Token> tokens = Lexer.tokenize(new Source("t.py", "0x_Ff 0o17 0b1_0 1_000 1.5e-3 .5 5. 1j 0 00\n"));
        assertEquals(List.of("0x_Ff", "0o17", "0b1_0", "1_000", "1.5e-3", ".5", "5.", "1j", "0", "00"),
                tokens.stream().filter(t -> t.kind() == Token.Kind.NUMBER).map(Token::text).toList());
    }

    @Test
    void positionsAreLineAndCharacterColumns() {
        Token t = Lexer.tokenize(new Source("t.py", "x = 'é' + yy\n")).get(4);
        assertEquals("yy", t.text());
        assertEquals(new Pos(1, 10, 1, 12), t.pos());
    }

    @Test
    void tokenizerErrorsCarryCPythonOffsets() {
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> Lexer.tokenize(new Source("t.py", "x = 1abc\n")));
        assertEquals("invalid decimal literal", e.msg());
        assertEquals(5, e.offset());
        PySyntaxError s = assertThrows(PySyntaxError.class, () -> Lexer.tokenize(new Source("t.py", "s = 'abc\n")));
        assertEquals("unterminated string literal (detected at line 1)", s.msg());
        PySyntaxError d = assertThrows(PySyntaxError.class,
                () -> Lexer.tokenize(new Source("t.py", "if x:\n    a\n  b\n")));
        assertEquals(PySyntaxError.Kind.INDENTATION_ERROR, d.kind());
    }
}
