/** ftpy: the ftmem Python-subset interpreter. */
module io.github.ftmem.interpreter {
    requires io.github.ftmem.core;
    requires io.github.ftmem.allocator;
    requires io.github.ftmem.refcount;
    requires io.github.ftmem.locks;
    requires io.github.ftmem.gc;
    requires io.github.ftmem.embed;
    requires java.management;
    requires jdk.jfr;

    exports io.github.ftmem.interpreter.syntax;
    exports io.github.ftmem.interpreter.resolve;
    exports io.github.ftmem.interpreter;
    exports io.github.ftmem.interpreter.runtime;
    exports io.github.ftmem.interpreter.numbers;
    exports io.github.ftmem.interpreter.text;
}
