package io.mqproducer.internal.encode;

import io.mqproducer.ProducerOptions;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.internal.codec.BodyCompressor;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.protocol.SysFlag;
import io.mqproducer.internal.protocol.Topics;
import io.mqproducer.message.Message;
import io.mqproducer.message.MessageRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first step of every send: checks a message against the rules that hold before the wire, and turns it into
 * its wire form (namespace applied, body compressed when large, unique id assigned, properties encoded). It also
 * decides, once, whether the message may share a batch request: the rule that batch members are never compressed
 * lives here and nowhere else.
 */
public final class MessageEncoder {
    /** Brokers store the property string's length in two bytes. */
    static final int MAX_PROPERTIES_BYTES = Short.MAX_VALUE;

    private final Namespace namespace;
    private final int compressionThreshold;
    private final int maxMessageSize;
    private final BodyCompressor compressor;
    private final MessageIdGenerator ids = new MessageIdGenerator();

    public MessageEncoder(ProducerOptions options) {
        this.namespace = new Namespace(options.namespace());
        this.compressionThreshold = options.compressionThreshold();
        this.maxMessageSize = options.maxMessageSize();
        this.compressor = BodyCompressor.of(options.compressionType(), options.compressionLevel());
    }

    /**
     * A message of the caller's: checked, compressed when its body is above the compression threshold, and marked
     * batchable when nothing keeps it from sharing a request.
     *
     * @throws InvalidMessageException if it breaks a rule
     */
    public OutgoingMessage encode(Message message) {
        return encode(message, Map.of(), 0);
    }

    /**
     * A message with system properties and sysFlag bits the producer adds (transactional half messages,
     * request-reply); such a message always goes alone.
     *
     * @throws InvalidMessageException if it breaks a rule
     */
    public OutgoingMessage encode(Message message, Map<String, String> systemProperties, int sysFlag) {
        if (message == null) {
            throw new InvalidMessageException("message must not be null");
        }
        MessageRules.checkBodySize(message.body(), maxMessageSize);
        return encode(message, wireTopic(message), systemProperties, sysFlag);
    }

    /**
     * A message the producer made itself (message trace) for {@code wireTopic} as named: no namespace and no topic
     * rules, as it may be a system topic. {@code carrier} gives body, keys and tags.
     */
    public OutgoingMessage encodeForTopic(String wireTopic, Message carrier) {
        MessageRules.checkBodySize(carrier.body(), maxMessageSize);
        return encode(carrier, wireTopic, Map.of(), 0);
    }

    /**
     * The members of a batch the caller made: one topic, none delayed, one store-wait setting; members are never
     * compressed (brokers store batch members as given).
     *
     * @throws InvalidMessageException if the batch or a member breaks a rule
     */
    public List<OutgoingMessage> encodeBatch(List<Message> messages) {
        BatchRules.check(messages, maxMessageSize);
        List<OutgoingMessage> members = new ArrayList<>(messages.size());
        for (Message message : messages) {
            String uniqueId = ids.next();
            members.add(new OutgoingMessage(message, wireTopic(message), message.body(), 0,
                    properties(message, uniqueId, Map.of()), uniqueId, true));
        }
        return members;
    }

    private OutgoingMessage encode(Message message, String wireTopic, Map<String, String> systemProperties,
                                   int extraSysFlag) {
        byte[] body = message.body();
        int sysFlag = extraSysFlag;
        // Batch members are never compressed (brokers store them as given): a body large enough to be compressed
        // goes alone, so that it is compressed; a smaller one may share a batch.
        boolean large = body.length > compressionThreshold;
        if (large) {
            byte[] smaller = compressor.compress(body);
            if (smaller.length < body.length) {
                body = smaller;
                sysFlag |= SysFlag.COMPRESSED | compressor.sysFlagBits();
            }
        }
        String uniqueId = ids.next();
        String properties = properties(message, uniqueId, systemProperties);
        boolean batchable = !large && sysFlag == 0 && systemProperties.isEmpty() && BatchRules.mayShare(message)
                && BatchRules.fits(body.length, properties, maxMessageSize);
        return new OutgoingMessage(message, wireTopic, body, sysFlag, properties, uniqueId, batchable);
    }

    /** The topic as the broker knows it; with a namespace the longer name must still follow the topic rules. */
    private String wireTopic(Message message) {
        String wireTopic = namespace.wrap(message.topic());
        if (!namespace.isEmpty()) {
            MessageRules.checkTopic(wireTopic);
        }
        return wireTopic;
    }

    /** The encoded property string: user properties, then tags, keys, delay, store-wait flag and the unique id. */
    static String properties(Message message, String uniqueId, Map<String, String> extra) {
        // Sized for everything up front: the string is made once per send, and growing it copies it.
        StringBuilder out = new StringBuilder(estimatedLength(message, uniqueId, extra));
        message.properties().forEach((name, value) -> append(out, name, value));
        if (message.tags() != null) {
            append(out, MessageProperty.TAGS, message.tags());
        }
        List<String> keys = message.keys();
        if (!keys.isEmpty()) {
            out.append(MessageProperty.KEYS).append(MessageProperty.NAME_VALUE_SEPARATOR);
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(MessageProperty.KEY_SEPARATOR);
                }
                out.append(keys.get(i));
            }
            out.append(MessageProperty.PROPERTY_SEPARATOR);
        }
        if (message.hasPriority()) {
            append(out, MessageProperty.PRIORITY, Integer.toString(message.priority()));
        }
        if (message.delayLevel() > 0) {
            append(out, MessageProperty.DELAY_LEVEL, Integer.toString(message.delayLevel()));
        } else if (message.deliverAtMillis() > 0) {
            append(out, MessageProperty.TIMER_DELIVER_MS, Long.toString(message.deliverAtMillis()));
        } else if (message.delayMillis() > 0) {
            append(out, MessageProperty.TIMER_DELAY_MS, Long.toString(message.delayMillis()));
        }
        if (!message.waitStoreMsgOk()) {
            append(out, MessageProperty.WAIT_STORE_MSG_OK, "false");
        }
        if (!extra.isEmpty()) {
            extra.forEach((name, value) -> append(out, name, value));
        }
        if (uniqueId != null) {
            append(out, MessageProperty.UNIQ_KEY, uniqueId);
        }
        String encoded = out.toString();
        int bytes = encoded.length() <= MAX_PROPERTIES_BYTES / 3 ? encoded.length()
                : encoded.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PROPERTIES_BYTES) {
            throw new InvalidMessageException("message properties (tags, keys and user properties) take " + bytes
                    + " bytes, the limit is " + MAX_PROPERTIES_BYTES);
        }
        return encoded;
    }

    /**
     * The encoded length, generously (numbers, separators; user properties at 48 characters each, as trace ids and
     * the like take), so that the builder rarely grows. User properties are not measured: iterating a read-only map's
     * entries costs an object per entry.
     */
    private static int estimatedLength(Message message, String uniqueId, Map<String, String> extra) {
        int length = 8 + (uniqueId == null ? 0 : MessageProperty.UNIQ_KEY.length() + uniqueId.length())
                + message.properties().size() * 48
                + (message.hasPriority() || message.isDelayed() ? 40 : 0) + (message.waitStoreMsgOk() ? 0 : 16);
        if (message.tags() != null) {
            length += MessageProperty.TAGS.length() + message.tags().length() + 2;
        }
        List<String> keys = message.keys();
        for (int i = 0; i < keys.size(); i++) {
            length += keys.get(i).length() + 1;
        }
        if (!extra.isEmpty()) {
            for (Map.Entry<String, String> property : extra.entrySet()) {
                length += property.getKey().length() + property.getValue().length() + 2;
            }
        }
        return length;
    }

    /** One property in wire form; user names never repeat system ones (reserved names are rejected earlier). */
    private static void append(StringBuilder out, String name, String value) {
        out.append(name).append(MessageProperty.NAME_VALUE_SEPARATOR).append(value)
                .append(MessageProperty.PROPERTY_SEPARATOR);
    }
}
