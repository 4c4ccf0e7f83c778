package io.github.ftmem.allocator.internal;

/**
 * Block size classes, spaced like mimalloc's bins.
 *
 * <p>Blocks are multiples of the 16-byte granule, so every block is 16-byte aligned. Classes 0–3 are
 * exact (16, 32, 48, 64 B); above 64 B there are four classes per power of two (80, 96, 112, 128 ‖
 * 160 … 256 ‖ … ‖ 40 K, 48 K, 56 K, 64 KiB), so a request wastes at most 20 % of its block (a 129 B
 * request gets 160 B). Classes up to {@link #MAX_SMALL_SIZE} live in 64 KiB pages, the rest up to
 * {@link #MAX_PAGED_SIZE} in 512 KiB pages; larger requests get a dedicated segment and are counted
 * under the pseudo-class {@link #HUGE}.
 *
 * <p>Sizes up to {@link #DIRECT_MAX} (64 granules) are mapped to their class through a direct table
 * indexed by granule count, mimalloc's {@code pages_free_direct}: the allocation fast path needs no
 * bit arithmetic.
 */
public final class SizeClasses {

    public static final int GRANULE = 16;
    public static final int GRANULE_SHIFT = 4;
    /** Number of paged classes. */
    public static final int COUNT = 44;
    /** Pseudo class index of blocks with a dedicated segment. */
    public static final int HUGE = COUNT;
    /** Largest block of a 64 KiB page: eight blocks per page keeps tail waste ≤ 1/8. */
    public static final int MAX_SMALL_SIZE = 8 * 1024;
    /** Largest block of a 512 KiB page (eight per page, for the same reason). */
    public static final int MAX_PAGED_SIZE = 64 * 1024;
    /** Largest size served by the direct table (mimalloc: 128 words). */
    public static final int DIRECT_MAX = 1024;
    public static final int DIRECT_ENTRIES = DIRECT_MAX / GRANULE + 1;
    /** Largest request accepted: 64 TiB, far beyond any machine, small enough that size arithmetic never overflows. */
    public static final long MAX_REQUEST = 1L << 46;

    private static final int[] BLOCK_SIZE = new int[COUNT];
    private static final byte[] DIRECT = new byte[DIRECT_ENTRIES];
    private static final int[] DIRECT_LOW = new int[COUNT];
    private static final int[] DIRECT_HIGH = new int[COUNT];

    static {
        for (int c = 0; c < COUNT; c++) {
            BLOCK_SIZE[c] = computeBlockSize(c);
        }
        for (int g = 0; g < DIRECT_ENTRIES; g++) {
            DIRECT[g] = (byte) classOf(Math.max(1, g) * (long) GRANULE);
        }
        for (int c = 0; c < COUNT; c++) {
            DIRECT_LOW[c] = DIRECT_ENTRIES;
            DIRECT_HIGH[c] = -1;
        }
        for (int g = 0; g < DIRECT_ENTRIES; g++) {
            DIRECT_LOW[DIRECT[g]] = Math.min(DIRECT_LOW[DIRECT[g]], g);
            DIRECT_HIGH[DIRECT[g]] = Math.max(DIRECT_HIGH[DIRECT[g]], g);
        }
    }

    private SizeClasses() {
    }

    /** The class of a request of {@code size} bytes, 1 ≤ size ≤ {@link #MAX_PAGED_SIZE}. */
    public static int classOf(long size) {
        if (size <= 64) {
            return (int) ((Math.max(size, 1) + GRANULE - 1) >>> GRANULE_SHIFT) - 1;
        }
        long w = size - 1;
        int b = 63 - Long.numberOfLeadingZeros(w);
        return 4 + (b - 6) * 4 + (int) ((w >>> (b - 2)) & 3);
    }

    /** The class of a request of {@code granules} granules (1 ≤ granules ≤ 64), from the table. */
    public static int classOfGranules(int granules) {
        return DIRECT[granules];
    }

    public static int blockSize(int sizeClass) {
        return BLOCK_SIZE[sizeClass];
    }

    /** Whether blocks of this class live in 64 KiB pages (else 512 KiB pages). */
    public static boolean isSmall(int sizeClass) {
        return BLOCK_SIZE[sizeClass] <= MAX_SMALL_SIZE;
    }

    /** The lowest granule count whose direct-table entry is this class; greater than {@link #directHigh} if none. */
    public static int directLow(int sizeClass) {
        return DIRECT_LOW[sizeClass];
    }

    /** The highest granule count whose direct-table entry is this class; -1 if none. */
    public static int directHigh(int sizeClass) {
        return DIRECT_HIGH[sizeClass];
    }

    private static int computeBlockSize(int c) {
        if (c < 4) {
            return (c + 1) * GRANULE;
        }
        int b = 6 + (c - 4) / 4;
        int k = (c - 4) % 4;
        return (1 << b) + (k + 1) * (1 << (b - 2));
    }
}
