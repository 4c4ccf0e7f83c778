/** ftmem gc. */
module io.github.ftmem.gc {
    requires transitive io.github.ftmem.core;
}
