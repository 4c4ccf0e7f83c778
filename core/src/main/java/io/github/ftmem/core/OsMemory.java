package io.github.ftmem.core;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Raw memory from the operating system, for allocators that manage their own address ranges.
 *
 * <p>On Linux and macOS ranges come from {@code mmap} (anonymous, private, not reserved against
 * swap) and go back with {@code munmap}; {@link #decommit} hands the physical pages of a range back
 * with {@code madvise} while keeping the range mapped, so a later touch reads zeros. Elsewhere, or
 * with {@code -Dftmem.os.memory=malloc}, a portable fallback over the C library's {@code malloc}
 * over-allocates to honour the alignment and cannot decommit.
 *
 * <p>Memory is never obtained from {@link Arena}: the built-in arenas zero every allocation and
 * cannot release part of a range.
 */
public abstract sealed class OsMemory permits OsMemory.Mmap, OsMemory.Malloc {

    private static final OsMemory INSTANCE = select();

    private final LongAdder reserved = new LongAdder();

    /** The process-wide instance. */
    public static OsMemory get() {
        return INSTANCE;
    }

    /** The OS page size in bytes. */
    public abstract long pageSize();

    /**
     * Reserves {@code size} bytes (a multiple of {@link #pageSize()}) whose start is a multiple of
     * {@code alignment} (a power of two). The range is readable and writable and reads zeros.
     *
     * @throws OutOfMemoryError naming the size and the OS error when the OS refuses
     */
    public final long reserve(long size, long alignment) {
        if (size <= 0 || size % pageSize() != 0) {
            throw new IllegalArgumentException("size " + size + " is not a positive multiple of the page size " + pageSize());
        }
        if (Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment " + alignment + " is not a power of two");
        }
        long address = reserveAligned(size, Math.max(alignment, pageSize()));
        reserved.add(size);
        return address;
    }

    /** Returns a range obtained from {@link #reserve} to the OS. */
    public final void release(long address, long size) {
        releaseRange(address, size);
        reserved.add(-size);
    }

    /**
     * Gives the physical memory of {@code [address, address + size)} back to the OS; the range stays
     * valid and reads zeros (mmap) or its old contents (fallback) afterwards. Returns whether memory
     * was actually returned.
     */
    public abstract boolean decommit(long address, long size);

    /** Bytes currently reserved through this instance. */
    public final long reservedBytes() {
        return reserved.sum();
    }

    /** "mmap" or "malloc". */
    public abstract String name();

    abstract long reserveAligned(long size, long alignment);

    abstract void releaseRange(long address, long size);

    private static OsMemory select() {
        String forced = System.getProperty("ftmem.os.memory", "");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean posix = os.contains("linux") || os.contains("mac");
        if (!forced.equals("malloc") && posix) {
            return new Mmap(os.contains("mac"));
        }
        return new Malloc();
    }

    static final class Mmap extends OsMemory {
        private static final int PROT_READ_WRITE = 0x1 | 0x2;
        private static final int MAP_PRIVATE = 0x02;
        private final int mapAnonymous;
        private final int mapNoReserve;
        private final int adviceDontNeed;
        private final long pageSize;
        private final MethodHandle mmap;
        private final MethodHandle munmap;
        private final MethodHandle madvise;
        private final StructLayout callState;
        private final VarHandle errno;

        Mmap(boolean mac) {
            mapAnonymous = mac ? 0x1000 : 0x20;
            mapNoReserve = mac ? 0 : 0x4000;
            adviceDontNeed = mac ? 5 /* MADV_FREE */ : 4 /* MADV_DONTNEED */;
            Linker linker = Linker.nativeLinker();
            var lookup = linker.defaultLookup();
            Linker.Option errnoCapture = Linker.Option.captureCallState("errno");
            callState = Linker.Option.captureStateLayout();
            errno = callState.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
            mmap = linker.downcallHandle(lookup.find("mmap").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
                    errnoCapture);
            munmap = linker.downcallHandle(lookup.find("munmap").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
                    errnoCapture);
            madvise = linker.downcallHandle(lookup.find("madvise").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_INT),
                    errnoCapture);
            MethodHandle getpagesize = linker.downcallHandle(lookup.find("getpagesize").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            try {
                pageSize = (int) getpagesize.invokeExact();
            } catch (Throwable t) {
                throw new ExceptionInInitializerError(t);
            }
        }

        @Override
        public long pageSize() {
            return pageSize;
        }

        @Override
        public String name() {
            return "mmap";
        }

        @Override
        long reserveAligned(long size, long alignment) {
            long span = size + (alignment > pageSize ? alignment : 0);
            long base = map(span);
            long aligned = (base + alignment - 1) & -alignment;
            long head = aligned - base;
            long tail = span - head - size;
            if (head > 0) unmap(base, head);
            if (tail > 0) unmap(aligned + size, tail);
            return aligned;
        }

        @Override
        void releaseRange(long address, long size) {
            unmap(address, size);
        }

        @Override
        public boolean decommit(long address, long size) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = arena.allocate(callState);
                int rc = (int) madvise.invokeExact(state, address, size, adviceDontNeed);
                if (rc != 0) {
                    throw new IllegalStateException("madvise(0x" + Long.toHexString(address) + ", " + size
                            + ") failed with errno " + (int) errno.get(state, 0L));
                }
                return true;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        private long map(long size) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = arena.allocate(callState);
                long address = (long) mmap.invokeExact(state, 0L, size, PROT_READ_WRITE,
                        MAP_PRIVATE | mapAnonymous | mapNoReserve, -1, 0L);
                if (address == -1L) {
                    throw new OutOfMemoryError("mmap of " + size + " bytes failed with errno "
                            + (int) errno.get(state, 0L));
                }
                return address;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        private void unmap(long address, long size) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = arena.allocate(callState);
                int rc = (int) munmap.invokeExact(state, address, size);
                if (rc != 0) {
                    throw new IllegalStateException("munmap(0x" + Long.toHexString(address) + ", " + size
                            + ") failed with errno " + (int) errno.get(state, 0L));
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    static final class Malloc extends OsMemory {
        private static final long PAGE = 4096;
        private final MethodHandle malloc;
        private final MethodHandle free;
        /**
         * aligned start → pointer returned by malloc, so release can free the original. A JDK map, not
         * Agrona's {@code Long2LongHashMap}: core has no dependencies (every module and launcher gets it
         * alone), and this fallback touches the map twice per reservation of at least a page.
         */
        private final ConcurrentHashMap<Long, Long> origins = new ConcurrentHashMap<>();

        Malloc() {
            Linker linker = Linker.nativeLinker();
            var lookup = linker.defaultLookup();
            malloc = linker.downcallHandle(lookup.find("malloc").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
            free = linker.downcallHandle(lookup.find("free").orElseThrow(),
                    FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG));
        }

        @Override
        public long pageSize() {
            return PAGE;
        }

        @Override
        public String name() {
            return "malloc";
        }

        @Override
        long reserveAligned(long size, long alignment) {
            long base;
            try {
                base = (long) malloc.invokeExact(size + alignment);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            if (base == 0) {
                throw new OutOfMemoryError("malloc of " + (size + alignment) + " bytes failed");
            }
            long aligned = (base + alignment - 1) & -alignment;
            Memory.fill(aligned, size, (byte) 0);
            origins.put(aligned, base);
            return aligned;
        }

        @Override
        void releaseRange(long address, long size) {
            Long base = origins.remove(address);
            if (base == null) {
                throw new IllegalArgumentException("0x" + Long.toHexString(address) + " was not reserved here");
            }
            try {
                free.invokeExact((long) base);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public boolean decommit(long address, long size) {
            return false;
        }
    }
}
