package io.mqproducer.internal.deliver;

import io.mqproducer.internal.codec.BinaryFields;
import io.mqproducer.internal.codec.HeaderFields;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Set;

/**
 * The header of {@code SEND_MESSAGE_V2} and {@code SEND_BATCH_MESSAGE} (RocketMQ's one-letter field names). Built on
 * every send, so it keeps its values as they are and writes the binary header itself: the fields that never change
 * for a producer are copied as pre-encoded bytes, numbers go into the buffer as digits without a string in between.
 * As a map (JSON headers, request signing, tests) it shows the same fields as text.
 */
final class SendMessageHeader extends AbstractMap<String, String> implements BinaryFields {
    /** Producer group (a), auto-create template topic (c), its queue count (d), reconsume times (j), unit mode (k). */
    private final Constant constant;
    private final String topic;
    private final int queueId;
    private final int sysFlag;
    private final long bornTimestamp;
    private final int flag;
    private final String properties;
    private final boolean batch;
    private final String brokerName;
    private HeaderFields asText;

    /** The fields that are the same in every request of one producer, as text and pre-encoded. */
    static final class Constant {
        private final HeaderFields fields;
        private final byte[] encoded;

        Constant(String wireGroup, String templateTopic, int templateQueues) {
            fields = new HeaderFields(5).add("a", wireGroup).add("c", templateTopic)
                    .add("d", Integer.toString(templateQueues)).add("j", "0").add("k", "false");
            encoded = BinaryFields.encode(fields);
        }
    }

    SendMessageHeader(Constant constant, String topic, int queueId, int sysFlag, long bornTimestamp, int flag,
                      String properties, boolean batch, String brokerName) {
        this.constant = constant;
        this.topic = topic;
        this.queueId = queueId;
        this.sysFlag = sysFlag;
        this.bornTimestamp = bornTimestamp;
        this.flag = flag;
        this.properties = properties;
        this.batch = batch;
        this.brokerName = brokerName;
    }

    @Override
    public void writeBinaryEntries(ByteBuf out) {
        out.writeBytes(constant.encoded);
        writeAscii(out, 'b', topic); // topic names are ASCII by the naming rules
        BinaryFields.writeEntry(out, 'e', queueId);
        BinaryFields.writeEntry(out, 'f', sysFlag);
        BinaryFields.writeEntry(out, 'g', bornTimestamp);
        BinaryFields.writeEntry(out, 'h', flag);
        BinaryFields.writeEntry(out, "i", properties);
        writeAscii(out, 'm', batch ? "true" : "false");
        BinaryFields.writeEntry(out, "n", brokerName);
    }

    private static void writeAscii(ByteBuf out, char name, String value) {
        out.writeShort(1);
        out.writeByte(name);
        out.writeInt(value.length());
        out.writeCharSequence(value, StandardCharsets.US_ASCII);
    }

    @Override
    public String get(Object key) {
        return text().get(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return text().entrySet();
    }

    private HeaderFields text() {
        if (asText == null) {
            HeaderFields fields = new HeaderFields(13);
            for (int i = 0; i < constant.fields.size(); i++) {
                fields.add(constant.fields.name(i), constant.fields.value(i));
            }
            fields.add("b", topic).add("e", Integer.toString(queueId)).add("f", Integer.toString(sysFlag))
                    .add("g", Long.toString(bornTimestamp)).add("h", Integer.toString(flag)).add("i", properties)
                    .add("m", Boolean.toString(batch));
            if (brokerName != null) {
                fields.add("n", brokerName);
            }
            asText = fields;
        }
        return asText;
    }
}
