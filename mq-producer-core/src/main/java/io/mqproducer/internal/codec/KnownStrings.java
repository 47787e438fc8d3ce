package io.mqproducer.internal.codec;

/**
 * A fixed set of ASCII strings found by the hash of their bytes: lets a parser hand out a shared constant for text it
 * has just scanned (computing the hash on the way) instead of allocating a new string. Open addressing, read-only
 * after construction, so safe to share between threads.
 */
final class KnownStrings {
    private final String[] slots;
    private final byte[][] texts;
    private final int[] hashes;
    private final int mask;

    KnownStrings(String... strings) {
        int capacity = Integer.highestOneBit(Math.max(4, strings.length * 4) - 1) << 1;
        slots = new String[capacity];
        texts = new byte[capacity][];
        hashes = new int[capacity];
        mask = capacity - 1;
        for (String string : strings) {
            int index = string.hashCode() & mask;
            while (slots[index] != null) {
                index = (index + 1) & mask;
            }
            slots[index] = string;
            texts[index] = string.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            hashes[index] = string.hashCode();
        }
    }

    /**
     * The known string equal to the ASCII bytes {@code bytes[start, start + length)}, whose {@link String#hashCode()}
     * is {@code hash}; null if there is none.
     */
    String find(byte[] bytes, int start, int length, int hash) {
        for (int index = hash & mask; slots[index] != null; index = (index + 1) & mask) {
            byte[] text = texts[index];
            if (hashes[index] == hash && text.length == length
                    && java.util.Arrays.equals(text, 0, length, bytes, start, start + length)) {
                return slots[index];
            }
        }
        return null;
    }
}
