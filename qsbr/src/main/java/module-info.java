/**
 * ftmem qsbr: quiescent-state-based reclamation (CPython's {@code Python/qsbr.c}) on ftmem's runtime
 * threads: write and read sequences, goals, polls and per-thread delayed-free queues, so that storage
 * read without locks is not reused while a reader may still be in it.
 * Needs {@code --enable-native-access=io.github.ftmem.core}.
 */
module io.github.ftmem.qsbr {
    requires transitive io.github.ftmem.core;

    exports io.github.ftmem.qsbr;
}
