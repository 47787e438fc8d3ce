package io.mqproducer.internal.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of {@code SEND_BATCH_MESSAGE}: the members one after another, each as
 * totalSize(4) magic(4)=0 bodyCRC(4)=0 flag(4) bodyLength(4) body propertiesLength(2) properties.
 */
public final class BatchBodyEncoder {
    private static final int FIXED = 4 + 4 + 4 + 4 + 4 + 2;

    /** One batch member's parts. */
    public record Member(int flag, byte[] body, String properties) {
        /** Bytes this member takes in the batch body. */
        public int encodedSize() {
            return FIXED + body.length + properties.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private BatchBodyEncoder() {
    }

    public static byte[] encode(List<Member> members) {
        int total = 0;
        byte[][] properties = new byte[members.size()][];
        for (int i = 0; i < members.size(); i++) {
            properties[i] = members.get(i).properties().getBytes(StandardCharsets.UTF_8);
            total += FIXED + members.get(i).body().length + properties[i].length;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            out.putInt(FIXED + member.body().length + properties[i].length);
            out.putInt(0);
            out.putInt(0);
            out.putInt(member.flag());
            out.putInt(member.body().length);
            out.put(member.body());
            out.putShort((short) properties[i].length);
            out.put(properties[i]);
        }
        return out.array();
    }
}
