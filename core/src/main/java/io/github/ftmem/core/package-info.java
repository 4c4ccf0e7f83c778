/**
 * Off-heap words and the object header every ftmem module shares: {@link io.github.ftmem.core.Memory}
 * (absolute addresses, one accessor per width and access mode), {@link io.github.ftmem.core.OsMemory}
 * (reserve, commit, decommit and release address ranges: {@code mmap}/{@code madvise}/{@code munmap},
 * or a {@code malloc} fallback) and {@link io.github.ftmem.core.Header} (the 32-byte header's
 * offsets, bit tables and accessors). Design: {@code docs/core.md}.
 *
 * <p>Conventions. An object is an 8-byte-aligned address whose first {@link io.github.ftmem.core.Header#SIZE}
 * bytes are the header; its payload follows. Accessors are named by access mode — plain
 * ({@code getLong}), opaque, acquire/release, volatile, CAS, getAndAdd — and a caller picks the
 * weakest that its protocol allows, saying why where it is weaker than volatile. Ints are 4-byte
 * aligned, longs 8; the JDK rejects a misaligned access. Each header word has one writer discipline,
 * listed in {@code Header}'s table: {@code tid}, {@code refLocal} and {@code refShared} belong to the
 * refcount module, {@code mutex} to the locks module, {@code gcBits} to the owner thread or a stopped
 * world, {@code type} and {@code flags} to the embedding runtime (before publication).
 *
 * <p>Thread safety. Every accessor is a single memory access with the named ordering, safe from any
 * thread; what is <em>correct</em> is the protocol's business. {@code OsMemory} is thread-safe.
 * {@code Header.setTid} is stopped-world only (the collector's scratch), and {@code setGcBits} of the
 * collector's scratch bits too; with {@code -Dftmem.debug=true} both throw otherwise, and every
 * {@code Memory} accessor rejects address 0 and misalignment with a message naming the address.
 *
 * <p>Native access: every JVM that runs this module needs
 * {@code --enable-native-access=io.github.ftmem.core} (module path) or {@code ALL-UNNAMED}.
 */
package io.github.ftmem.core;
