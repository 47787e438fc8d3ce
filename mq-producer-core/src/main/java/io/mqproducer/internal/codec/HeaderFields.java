package io.mqproducer.internal.codec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Request header fields in insertion order, backed by two arrays: a send request's dozen fields cost two small
 * arrays instead of a hash table with a node per field, and the binary codec walks them by index. Lookups are
 * linear, which beats hashing at this size. Not thread-safe; filled once, then only read.
 */
public final class HeaderFields extends AbstractMap<String, String> implements BinaryFields {
    /** Names at even, values at odd indexes: one array for the whole header. */
    private String[] slots;
    private int size;

    public HeaderFields(int capacity) {
        slots = new String[capacity * 2];
    }

    /** Appends a field the caller knows is not present yet (the fast path for building requests). */
    public HeaderFields add(String name, String value) {
        if (size * 2 == slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2 + 2);
        }
        slots[size * 2] = name;
        slots[size * 2 + 1] = value;
        size++;
        return this;
    }

    public String name(int index) {
        return slots[index * 2];
    }

    public String value(int index) {
        return slots[index * 2 + 1];
    }

    @Override
    public void writeBinaryEntries(io.netty.buffer.ByteBuf out) {
        for (int i = 0; i < size; i++) {
            BinaryFields.writeEntry(out, name(i), value(i));
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : value(index);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public String put(String key, String value) {
        int index = indexOf(key);
        if (index < 0) {
            add(key, value);
            return null;
        }
        String previous = value(index);
        slots[index * 2 + 1] = value;
        return previous;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (name(i).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(name(index), value(index));
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
