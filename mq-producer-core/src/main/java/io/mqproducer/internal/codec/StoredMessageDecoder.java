package io.mqproducer.internal.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a message in the broker's store layout (as a transaction check-back carries it): the fixed fields up
 * to the body, then body, topic and properties. Only what a producer needs is kept.
 */
public final class StoredMessageDecoder {
    private static final int MAGIC_V1 = -626843481;
    private static final int MAGIC_V2 = -626843477;
    private static final int BORN_HOST_V6 = 1 << 4;
    private static final int STORE_HOST_V6 = 1 << 5;

    /** The parts of a stored message a producer uses. */
    public record StoredMessage(String topic, byte[] body, Map<String, String> properties, int queueId,
                                long queueOffset, long commitLogOffset, int sysFlag) {
    }

    private StoredMessageDecoder() {
    }

    public static StoredMessage decode(byte[] bytes) {
        if (bytes == null || bytes.length < 60) {
            throw new CodecException("stored message too short: " + (bytes == null ? 0 : bytes.length) + " bytes");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            in.getInt();                          // total size
            int magic = in.getInt();
            if (magic != MAGIC_V1 && magic != MAGIC_V2) {
                throw new CodecException("unknown stored message magic code " + magic);
            }
            in.getInt();                          // body CRC
            int queueId = in.getInt();
            in.getInt();                          // flag
            long queueOffset = in.getLong();
            long commitLogOffset = in.getLong();
            int sysFlag = in.getInt();
            in.getLong();                         // born timestamp
            skip(in, (sysFlag & BORN_HOST_V6) != 0 ? 16 + 4 : 4 + 4);
            in.getLong();                         // store timestamp
            skip(in, (sysFlag & STORE_HOST_V6) != 0 ? 16 + 4 : 4 + 4);
            in.getInt();                          // reconsume times
            in.getLong();                         // prepared transaction offset
            byte[] body = bytes(in, in.getInt());
            int topicLength = magic == MAGIC_V2 ? in.getShort() & 0xFFFF : in.get() & 0xFF;
            String topic = new String(bytes(in, topicLength), StandardCharsets.UTF_8);
            String properties = new String(bytes(in, in.getShort() & 0xFFFF), StandardCharsets.UTF_8);
            body = BodyCompressor.decompress(sysFlag, body);
            return new StoredMessage(topic, body, MessagePropertiesCodec.decode(properties), queueId, queueOffset,
                    commitLogOffset, sysFlag);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new CodecException("truncated stored message", e);
        }
    }

    /**
     * A body as a message with {@code sysFlag} carries it, uncompressed (a reply push carries the body this way).
     *
     * @throws CodecException if its codec is unknown or its library is missing
     */
    public static byte[] uncompressedBody(byte[] body, int sysFlag) {
        return BodyCompressor.decompress(sysFlag, body);
    }

    private static void skip(ByteBuffer in, int n) {
        in.position(in.position() + n);
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        if (n < 0 || n > in.remaining()) {
            throw new CodecException("stored message field of " + n + " bytes exceeds the data");
        }
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }
}
