package io.mqproducer.internal.send;

import io.mqproducer.MessageQueue;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.internal.codec.BodyCompressor;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.SysFlag;
import io.mqproducer.internal.protocol.Topics;
import io.mqproducer.message.Message;
import io.mqproducer.message.MessageRules;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turns messages into wire form and into {@code SEND_MESSAGE_V2} / {@code SEND_BATCH_MESSAGE} requests. */
final class SendRequestFactory {
    /** Brokers store the property string's length in two bytes. */
    static final int MAX_PROPERTIES_BYTES = Short.MAX_VALUE;

    private final Namespace namespace;
    private final int compressionThreshold;
    private final BodyCompressor compressor;
    private final MessageIdGenerator ids = new MessageIdGenerator();
    private final SendMessageHeader.Constant constantFields;

    SendRequestFactory(ProducerOptions options) {
        this.namespace = new Namespace(options.namespace());
        this.constantFields = new SendMessageHeader.Constant(namespace.wrap(options.producerGroup()), Topics.AUTO_CREATE_TEMPLATE,
                Topics.DEFAULT_TOPIC_QUEUE_NUMS);
        this.compressionThreshold = options.compressionThreshold();
        this.compressor = BodyCompressor.of(options.compressionType(), options.compressionLevel());
    }

    Namespace namespace() {
        return namespace;
    }

    /** The wire form of a single message: namespace applied, body compressed when large, unique id assigned. */
    OutgoingMessage encode(Message message, Map<String, String> extraProperties, int extraSysFlag) {
        return encode(message, wireTopic(message), extraProperties, extraSysFlag);
    }

    /** Like {@link #encode(Message, Map, int)}, to {@code wireTopic} as given instead of the message's topic. */
    OutgoingMessage encode(Message message, String wireTopic, Map<String, String> extraProperties, int extraSysFlag) {
        byte[] body = message.body();
        int sysFlag = extraSysFlag;
        if (body.length > compressionThreshold) {
            byte[] compressed = compressor.compress(body);
            if (compressed.length < body.length) {
                body = compressed;
                sysFlag |= SysFlag.COMPRESSED | compressor.sysFlagBits();
            }
        }
        String uniqueId = ids.next();
        return new OutgoingMessage(message, wireTopic, body, sysFlag, properties(message, uniqueId, extraProperties),
                uniqueId);
    }

    /** The wire form of a batch member: never compressed (brokers store batch members as given). */
    OutgoingMessage encodeBatchMember(Message message) {
        String wireTopic = wireTopic(message);
        String uniqueId = ids.next();
        return new OutgoingMessage(message, wireTopic, message.body(), 0, properties(message, uniqueId, Map.of()),
                uniqueId);
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
        StringBuilder out = new StringBuilder(64 + message.properties().size() * 32);
        for (Map.Entry<String, String> property : message.properties().entrySet()) {
            append(out, property.getKey(), property.getValue());
        }
        if (message.tags() != null) {
            append(out, MessageProperty.TAGS, message.tags());
        }
        if (!message.keys().isEmpty()) {
            append(out, MessageProperty.KEYS, String.join(MessageProperty.KEY_SEPARATOR, message.keys()));
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
        for (Map.Entry<String, String> property : extra.entrySet()) {
            append(out, property.getKey(), property.getValue());
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

    /** One property in wire form; user names never repeat system ones (reserved names are rejected earlier). */
    private static void append(StringBuilder out, String name, String value) {
        out.append(name).append(MessageProperty.NAME_VALUE_SEPARATOR).append(value)
                .append(MessageProperty.PROPERTY_SEPARATOR);
    }

    RemotingCommand request(OutgoingMessage message, MessageQueue queue, int opaque, long bornTimestamp) {
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, opaque,
                header(message.wireTopic(), queue, message.sysFlag(), message.source().flag(), message.properties(),
                        bornTimestamp, false), message.body());
    }

    RemotingCommand batchRequest(String wireTopic, String properties, io.mqproducer.internal.codec.BodyWriter body,
                                 MessageQueue queue, int opaque, long bornTimestamp) {
        return RemotingCommand.requestWithWriter(RequestCode.SEND_BATCH_MESSAGE, opaque,
                header(wireTopic, queue, 0, 0, properties, bornTimestamp, true), body);
    }

    private Map<String, String> header(String wireTopic, MessageQueue queue, int sysFlag, int flag, String properties,
                                       long bornTimestamp, boolean batch) {
        return new SendMessageHeader(constantFields, wireTopic, queue.queueId(), sysFlag, bornTimestamp, flag, properties,
                batch, queue.brokerName());
    }
}
