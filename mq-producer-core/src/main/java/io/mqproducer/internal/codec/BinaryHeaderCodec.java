package io.mqproducer.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * RocketMQ's binary header: code(2) language(1) version(2) opaque(4) flag(4) remark(4+n)
 * extFields(4+n, each entry key(2+n) value(4+n)). Written straight into the frame buffer,
 * without intermediate arrays.
 */
final class BinaryHeaderCodec implements HeaderCodec {
    private static final byte LANGUAGE_JAVA = 0;
    private static final int FIXED_PART = 2 + 1 + 2 + 4 + 4;

    @Override
    public int write(RemotingCommand command, ByteBuf out) {
        int start = out.writerIndex();
        out.writeShort(command.code());
        out.writeByte(LANGUAGE_JAVA);
        out.writeShort(command.version());
        out.writeInt(command.opaque());
        out.writeInt(command.flag());
        writeRemark(command.remark(), out);
        writeFields(command.extFields(), out);
        return out.writerIndex() - start;
    }

    private static void writeRemark(String remark, ByteBuf out) {
        if (remark == null || remark.isEmpty()) {
            out.writeInt(0);
            return;
        }
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        int written = ByteBufUtil.writeUtf8(out, remark);
        out.setInt(lengthIndex, written);
    }

    private static void writeFields(Map<String, String> fields, ByteBuf out) {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        int start = out.writerIndex();
        if (fields instanceof BinaryFields selfWriting) {
            selfWriting.writeBinaryEntries(out);
        } else {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                BinaryFields.writeEntry(out, field.getKey(), field.getValue());
            }
        }
        out.setInt(lengthIndex, out.writerIndex() - start);
    }

    @Override
    public RemotingCommand read(ByteBuf in, int length, byte[] body) {
        if (length < FIXED_PART + 8) {
            throw new CodecException("binary header too short: " + length + " bytes");
        }
        int end = in.readerIndex() + length;
        int code = in.readShort();
        in.readByte(); // language: not needed by a client
        int version = in.readShort();
        int opaque = in.readInt();
        int flag = in.readInt();
        String remark = readString(in, in.readInt(), end, "remark");
        int fieldsLength = in.readInt();
        if (fieldsLength < 0 || in.readerIndex() + fieldsLength != end) {
            throw new CodecException("binary header ext fields length " + fieldsLength + " does not fit the header");
        }
        Map<String, String> fields = new HashMap<>();
        while (in.readerIndex() < end) {
            String key = readString(in, in.readUnsignedShort(), end, "field name");
            if (in.readerIndex() + 4 > end) {
                throw new CodecException("binary header truncated in field " + key);
            }
            fields.put(key, readString(in, in.readInt(), end, "field value"));
        }
        return new RemotingCommand(code, flag, opaque, version, RemotingCommand.LANGUAGE,
                remark, fields, body);
    }

    private static String readString(ByteBuf in, int length, int end, String what) {
        if (length < 0 || in.readerIndex() + length > end) {
            throw new CodecException("binary header " + what + " length " + length + " does not fit the header");
        }
        if (length == 0) {
            return null;
        }
        String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return value;
    }
}
