package io.github.ftmem.bench.allocator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded single-producer single-consumer ring of non-zero longs, to hand block addresses from one
 * benchmark thread to another. The producer writes a slot then publishes {@code tail} with release;
 * the consumer reads {@code tail} with acquire, takes the slot, then publishes {@code head} with
 * release so the producer may reuse it. The ring costs the same for every allocator it carries.
 */
final class LongRing {

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(LongRing.class, "head", long.class);
            TAIL = lookup.findVarHandle(LongRing.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long[] slots;
    private final int mask;
    @SuppressWarnings("unused") // written by the consumer (release), read by the producer (acquire)
    private long head;
    @SuppressWarnings("unused") // written by the producer (release), read by the consumer (acquire)
    private long tail;

    LongRing(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        slots = new long[capacity];
        mask = capacity - 1;
    }

    /** Producer: false if the ring is full. */
    boolean offer(long value) {
        long t = (long) TAIL.getOpaque(this);
        if (t - (long) HEAD.getAcquire(this) > mask) {
            return false;
        }
        slots[(int) (t & mask)] = value;
        TAIL.setRelease(this, t + 1);
        return true;
    }

    /** Consumer: 0 if the ring is empty. */
    long poll() {
        long h = (long) HEAD.getOpaque(this);
        if (h >= (long) TAIL.getAcquire(this)) {
            return 0;
        }
        long value = slots[(int) (h & mask)];
        HEAD.setRelease(this, h + 1);
        return value;
    }
}
