package io.github.ftmem.bench.allocator;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * A native {@code malloc}/{@code free} pair reached through FFM downcalls, the way a Java program
 * would use a native allocator. Calls are linked {@code critical} (no thread-state transition), the
 * cheapest legal downcall for short non-blocking functions, so the peers are measured at their best.
 */
@SuppressWarnings("restricted") // native access is the point; the benchmark JVMs run with --enable-native-access
final class NativeMalloc {

    /** mimalloc from {@code libmimalloc.so.2} (Debian package libmimalloc2.0). */
    static final String MIMALLOC = "mimalloc";
    /** jemalloc from {@code libjemalloc.so.2} (Debian package libjemalloc2). */
    static final String JEMALLOC = "jemalloc";
    /** The C library's malloc (glibc on Linux). */
    static final String GLIBC = "glibc";

    final String name;
    private final MethodHandle malloc;
    private final MethodHandle free;
    private final MethodHandle processInfo;

    private NativeMalloc(String name, SymbolLookup lookup, String mallocName, String freeName) {
        this.name = name;
        Linker linker = Linker.nativeLinker();
        Linker.Option critical = Linker.Option.critical(false);
        malloc = linker.downcallHandle(lookup.find(mallocName).orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), critical);
        free = linker.downcallHandle(lookup.find(freeName).orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG), critical);
        processInfo = lookup.find("mi_process_info").map(symbol -> linker.downcallHandle(symbol,
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS))).orElse(null);
    }

    /**
     * Loads a peer, or throws an {@link IllegalStateException} whose message says why the benchmark
     * is skipped and how to install the library; JMH prints it and goes on with the other benchmarks.
     */
    static NativeMalloc load(String name) {
        try {
            return switch (name) {
                case MIMALLOC -> new NativeMalloc(name, library("libmimalloc.so.2", "libmimalloc2.0"), "mi_malloc", "mi_free");
                case JEMALLOC -> new NativeMalloc(name, library("libjemalloc.so.2", "libjemalloc2"), "malloc", "free");
                case GLIBC -> new NativeMalloc(name, Linker.nativeLinker().defaultLookup(), "malloc", "free");
                default -> throw new IllegalArgumentException("unknown native allocator " + name);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SKIPPED " + name + " benchmark: " + e.getMessage(), e);
        }
    }

    private static SymbolLookup library(String file, String debianPackage) {
        try {
            return SymbolLookup.libraryLookup(file, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " cannot be loaded: " + loaderError(file, debianPackage), e);
        }
    }

    /**
     * The dynamic loader's reason, which {@code libraryLookup} does not report. jemalloc uses
     * initial-exec TLS, so loading it into a running JVM fails with "cannot allocate memory in static
     * TLS block" unless the loader reserves more: start the JVM with
     * {@code GLIBC_TUNABLES=glibc.rtld.optional_static_tls=16384} (forks inherit it).
     */
    private static String loaderError(String file, String debianPackage) {
        for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                "/usr/lib64", "/usr/lib", "/usr/local/lib"}) {
            java.nio.file.Path path = java.nio.file.Path.of(dir, file);
            if (java.nio.file.Files.exists(path)) {
                try {
                    System.load(path.toString());
                    return "loads with System.load but not with libraryLookup";
                } catch (UnsatisfiedLinkError e) {
                    String reason = e.getMessage();
                    return reason + (reason != null && reason.contains("static TLS")
                            ? " (set GLIBC_TUNABLES=glibc.rtld.optional_static_tls=16384 in the environment of the JMH run)" : "");
                }
            }
        }
        return "not installed (apt-get install " + debianPackage + ")";
    }

    long malloc(long size) {
        try {
            return (long) malloc.invokeExact(size);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    void free(long address) {
        try {
            free.invokeExact(address);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** mimalloc's own count of committed bytes ({@code mi_process_info}), or -1 if not available. */
    long committedBytes() {
        if (processInfo == null) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment commit = arena.allocate(ValueLayout.JAVA_LONG);
            MemorySegment none = MemorySegment.NULL;
            processInfo.invokeExact(none, none, none, none, none, commit, none, none);
            return commit.get(ValueLayout.JAVA_LONG, 0);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
