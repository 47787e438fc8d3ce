package io.mqproducer.internal.send;

import io.mqproducer.internal.codec.BatchBodyEncoder;
import io.mqproducer.message.Message;
import java.nio.charset.StandardCharsets;

/**
 * A message as it goes on the wire: the broker-side topic, the (possibly compressed) body, its sysFlag and
 * the encoded property string with the unique id.
 */
public final class OutgoingMessage {
    private final Message source;
    private final String wireTopic;
    private final byte[] body;
    private final int sysFlag;
    private final String properties;
    private final String uniqueId;
    /** Its batch-body form, made once: sizing, splitting and encoding a batch all need it. */
    private BatchBodyEncoder.Member member;

    public OutgoingMessage(Message source, String wireTopic, byte[] body, int sysFlag, String properties,
                           String uniqueId) {
        this.source = source;
        this.wireTopic = wireTopic;
        this.body = body;
        this.sysFlag = sysFlag;
        this.properties = properties;
        this.uniqueId = uniqueId;
    }

    public Message source() {
        return source;
    }

    public String wireTopic() {
        return wireTopic;
    }

    public byte[] body() {
        return body;
    }

    public int sysFlag() {
        return sysFlag;
    }

    public String properties() {
        return properties;
    }

    public String uniqueId() {
        return uniqueId;
    }

    /** The message as a batch member (a benign race: any thread computes the same value). */
    BatchBodyEncoder.Member batchMember() {
        BatchBodyEncoder.Member made = member;
        if (made == null) {
            made = new BatchBodyEncoder.Member(source.flag(), body, properties.getBytes(StandardCharsets.UTF_8));
            member = made;
        }
        return made;
    }

    @Override
    public String toString() {
        // No body, no properties: they hold user data.
        return "OutgoingMessage{topic=" + wireTopic + ", uniqueId=" + uniqueId + ", bodyBytes=" + body.length + '}';
    }
}
