/** JMH benchmarks of ftmem's mechanisms against named peers, one package per module under test. */
module io.github.ftmem.bench {
    requires io.github.ftmem.core;
    requires io.github.ftmem.allocator;
    requires io.github.ftmem.qsbr;
    requires io.github.ftmem.refcount;
    requires io.github.ftmem.locks;
    requires io.github.ftmem.gc;
    requires io.github.ftmem.gc.model;
    requires jmh.core;
    requires io.netty.buffer;
    requires io.netty.common;
    requires com.fasterxml.jackson.databind;
    requires org.jfree.jfreechart;
    requires java.desktop;
}
