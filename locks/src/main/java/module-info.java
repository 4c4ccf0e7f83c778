/** ftmem locks. */
module io.github.ftmem.locks {
    requires transitive io.github.ftmem.core;
}
