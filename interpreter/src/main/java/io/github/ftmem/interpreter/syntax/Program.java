package io.github.ftmem.interpreter.syntax;

import java.util.List;

/** A parsed program: its statements and the source they came from. */
public record Program(Source source, List<Stmt> body) {
}
