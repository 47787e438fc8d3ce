package io.mqproducer.internal.encode;

import io.mqproducer.internal.codec.BatchBodyEncoder;
import io.mqproducer.message.Message;
import java.nio.charset.StandardCharsets;

/**
 * A message as it goes on the wire: the broker-side topic, the (possibly compressed) body, its sysFlag, the
 * encoded property string with the unique id, and whether it may share a batch request with others (decided once,
 * when it was encoded).
 */
public final class OutgoingMessage {
    private final Message source;
    private final String wireTopic;
    private final byte[] body;
    private final int sysFlag;
    private final String properties;
    private final String uniqueId;
    private final boolean batchable;
    /** Its batch-body form, made once: sizing, splitting and encoding a batch all need it. */
    private BatchBodyEncoder.Member member;

    OutgoingMessage(Message source, String wireTopic, byte[] body, int sysFlag, String properties, String uniqueId,
                    boolean batchable) {
        this.source = source;
        this.wireTopic = wireTopic;
        this.body = body;
        this.sysFlag = sysFlag;
        this.properties = properties;
        this.uniqueId = uniqueId;
        this.batchable = batchable;
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

    /**
     * Whether automatic batching may put it in a request with others: not compressed, not delayed, no priority, no
     * system flags, not for a retry topic, and small enough to fit a batch request.
     */
    public boolean batchable() {
        return batchable;
    }

    /** The message as a batch member (a benign race: any thread computes the same value). */
    public BatchBodyEncoder.Member batchMember() {
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
