/**
 * ftmem core: raw off-heap access, the canonical object header, runtime threads and
 * stop-the-world. Needs {@code --enable-native-access=io.github.ftmem.core}.
 */
module io.github.ftmem.core {
    requires jdk.jfr;
    exports io.github.ftmem.core;
    exports io.github.ftmem.core.threads;
}
