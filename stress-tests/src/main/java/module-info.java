/** JCStress tests of ftmem's concurrent protocols, one package per module under test. */
module io.github.ftmem.stress {
    requires io.github.ftmem.core;
    requires io.github.ftmem.allocator;
    requires io.github.ftmem.qsbr;
    requires io.github.ftmem.refcount;
    requires io.github.ftmem.locks;
    requires io.github.ftmem.gc;
    requires io.github.ftmem.gc.model;
    requires io.github.ftmem.interpreter;
    requires jcstress.core;
}
