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
public final class HeaderFields extends AbstractMap<String, String> {
    private String[] names;
    private String[] values;
    private int size;

    public HeaderFields(int capacity) {
        names = new String[capacity];
        values = new String[capacity];
    }

    /** Appends a field the caller knows is not present yet (the fast path for building requests). */
    public HeaderFields add(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2 + 1);
            values = Arrays.copyOf(values, size * 2 + 1);
        }
        names[size] = name;
        values[size] = value;
        size++;
        return this;
    }

    public String name(int index) {
        return names[index];
    }

    public String value(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
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
        String previous = values[index];
        values[index] = value;
        return previous;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(key)) {
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
                        return new SimpleImmutableEntry<>(names[index], values[index]);
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
