package io.github.ftmem.interpreter.syntax;

import java.util.List;

/** A parsed program: its statements and the source they came from. */
public record Module(Source source, List<Stmt> body) {
}
