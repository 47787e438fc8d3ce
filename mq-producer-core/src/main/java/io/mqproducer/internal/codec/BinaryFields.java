package io.mqproducer.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Header fields that write their own entries of RocketMQ's binary header (name: 2-byte length + UTF-8, value:
 * 4-byte length + UTF-8): a request built on every send can skip turning numbers into strings and re-encoding names
 * and values that never change. The static helpers write single entries.
 */
public interface BinaryFields {

    /** Writes every entry, nothing else (the codec writes the total length before them). */
    void writeBinaryEntries(ByteBuf out);

    /** The binary entries of {@code fields}, once, for fields that never change. */
    static byte[] encode(HeaderFields fields) {
        ByteBuf buffer = io.netty.buffer.Unpooled.buffer(64);
        try {
            for (int i = 0; i < fields.size(); i++) {
                writeEntry(buffer, fields.name(i), fields.value(i));
            }
            return ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
    }

    /**
     * One entry with a text value; a null name or a null or empty value writes nothing, as the protocol leaves such
     * fields out. Empty values must stay off the wire: RocketMQ's binary decoder reads them back as null, and a signed
     * request (ACL) would then hash "null" on the broker where the client hashed nothing.
     */
    static void writeEntry(ByteBuf out, String name, String value) {
        if (name == null || value == null || value.isEmpty()) {
            return;
        }
        int nameIndex = out.writerIndex();
        out.writeShort(0);
        out.setShort(nameIndex, ByteBufUtil.writeUtf8(out, name));
        int valueIndex = out.writerIndex();
        out.writeInt(0);
        out.setInt(valueIndex, ByteBufUtil.writeUtf8(out, value));
    }

    /** One entry whose name is a single ASCII character and whose value is a decimal number, without a string. */
    static void writeEntry(ByteBuf out, char name, long value) {
        out.writeShort(1);
        out.writeByte(name);
        if (value == Long.MIN_VALUE) {
            String text = Long.toString(value);
            out.writeInt(text.length());
            out.writeCharSequence(text, java.nio.charset.StandardCharsets.US_ASCII);
            return;
        }
        boolean negative = value < 0;
        long magnitude = negative ? -value : value;
        int digits = 1;
        for (long rest = magnitude / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int length = digits + (negative ? 1 : 0);
        out.writeInt(length);
        out.ensureWritable(length);
        int start = out.writerIndex();
        if (negative) {
            out.setByte(start, '-');
        }
        for (int i = start + length - 1; i >= start + length - digits; i--) {
            out.setByte(i, (int) ('0' + magnitude % 10));
            magnitude /= 10;
        }
        out.writerIndex(start + length);
    }
}
