package io.github.ftmem.gc;

import java.util.Arrays;

/**
 * A growable array of longs used as the collector's object lists, worklists and mark stacks. Not
 * thread-safe: only the collecting thread touches one.
 */
final class LongList {

    private long[] values;
    private int size;

    LongList(int capacity) {
        values = new long[Math.max(capacity, 16)];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long get(int index) {
        return values[index];
    }

    void set(int index, long value) {
        values[index] = value;
    }

    void add(long value) {
        if (size == values.length) {
            grow();
        }
        values[size++] = value;
    }

    /** Removes and returns the last element (the list used as a stack). */
    long pop() {
        return values[--size];
    }

    void clear() {
        size = 0;
    }

    /** Drops every element from {@code newSize} on. */
    void truncate(int newSize) {
        size = newSize;
    }

    /** Shrinks the backing array if a large collection left it much bigger than needed. */
    void trimTo(int capacity) {
        if (values.length > capacity && size <= capacity) {
            values = Arrays.copyOf(values, Math.max(capacity, 16));
        }
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    private void grow() {
        values = Arrays.copyOf(values, values.length * 2);
    }
}
