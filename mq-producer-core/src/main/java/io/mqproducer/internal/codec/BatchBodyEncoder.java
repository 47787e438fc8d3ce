package io.mqproducer.internal.codec;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The body of {@code SEND_BATCH_MESSAGE}: the members one after another, each as
 * totalSize(4) magic(4)=0 bodyCRC(4)=0 flag(4) bodyLength(4) body propertiesLength(2) properties.
 */
public final class BatchBodyEncoder {
    private static final int FIXED = 4 + 4 + 4 + 4 + 4 + 2;

    /** One batch member's parts; {@code properties} is the UTF-8 property string. */
    public record Member(int flag, byte[] body, byte[] properties) {
        /** Bytes this member takes in the batch body. */
        public int encodedSize() {
            return FIXED + body.length + properties.length;
        }
    }

    private BatchBodyEncoder() {
    }

    public static byte[] encode(List<Member> members) {
        int total = 0;
        for (Member member : members) {
            total += member.encodedSize();
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (Member member : members) {
            out.putInt(member.encodedSize());
            out.putInt(0);
            out.putInt(0);
            out.putInt(member.flag());
            out.putInt(member.body().length);
            out.put(member.body());
            out.putShort((short) member.properties().length);
            out.put(member.properties());
        }
        return out.array();
    }
}
