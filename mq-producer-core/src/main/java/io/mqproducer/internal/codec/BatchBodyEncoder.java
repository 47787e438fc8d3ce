package io.mqproducer.internal.codec;

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

    /** Bytes a member with this body and property length takes in the batch body. */
    public static long memberSize(int bodyLength, long propertiesLength) {
        return FIXED + bodyLength + propertiesLength;
    }

    private BatchBodyEncoder() {
    }

    /** The body as an array. */
    public static byte[] encode(List<Member> members) {
        return writer(members).toBytes();
    }

    /** The body as a writer: the members go straight into the frame buffer, without an array in between. */
    public static BodyWriter writer(List<Member> members) {
        int total = 0;
        for (Member member : members) {
            total += member.encodedSize();
        }
        int length = total;
        return new BodyWriter() {
            @Override
            public int length() {
                return length;
            }

            @Override
            public void writeTo(io.netty.buffer.ByteBuf out) {
                out.ensureWritable(length);
                for (Member member : members) {
                    out.writeInt(member.encodedSize());
                    out.writeInt(0);
                    out.writeInt(0);
                    out.writeInt(member.flag());
                    out.writeInt(member.body().length);
                    out.writeBytes(member.body());
                    out.writeShort(member.properties().length);
                    out.writeBytes(member.properties());
                }
            }
        };
    }
}
