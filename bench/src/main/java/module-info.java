/** JMH benchmarks of ftmem's mechanisms against named peers, one package per module under test. */
module io.github.ftmem.bench {
    requires io.github.ftmem.core;
    requires jmh.core;
}
