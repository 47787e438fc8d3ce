package io.mqproducer.internal.codec;

/**
 * A fixed set of ASCII strings found by the hash of their bytes: lets a parser hand out a shared constant for text it
 * has just scanned (computing the hash on the way) instead of allocating a new string. Open addressing, read-only
 * after construction, so safe to share between threads.
 */
final class KnownStrings {
    private final String[] slots;
    private final int[] hashes;
    private final int mask;

    KnownStrings(String... strings) {
        int capacity = Integer.highestOneBit(Math.max(4, strings.length * 4) - 1) << 1;
        slots = new String[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        for (String string : strings) {
            int index = string.hashCode() & mask;
            while (slots[index] != null) {
                index = (index + 1) & mask;
            }
            slots[index] = string;
            hashes[index] = string.hashCode();
        }
    }

    /**
     * The known string equal to the ASCII bytes {@code bytes[start, start + length)}, whose {@link String#hashCode()}
     * is {@code hash}; null if there is none.
     */
    String find(byte[] bytes, int start, int length, int hash) {
        for (int index = hash & mask; slots[index] != null; index = (index + 1) & mask) {
            String candidate = slots[index];
            if (hashes[index] == hash && candidate.length() == length && sameText(candidate, bytes, start)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean sameText(String candidate, byte[] bytes, int start) {
        for (int i = 0; i < candidate.length(); i++) {
            if (bytes[start + i] != candidate.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
