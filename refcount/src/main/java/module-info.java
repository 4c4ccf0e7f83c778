/** ftmem refcount: biased, immortal and deferred reference counting on the shared object header. */
module io.github.ftmem.refcount {
    requires transitive io.github.ftmem.core;
    requires org.agrona;
    exports io.github.ftmem.refcount;
}
