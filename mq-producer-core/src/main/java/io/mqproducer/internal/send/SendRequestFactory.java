package io.mqproducer.internal.send;

import io.mqproducer.MessageQueue;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.internal.codec.MessagePropertiesCodec;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.Topics;
import io.mqproducer.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a message into the {@code SEND_MESSAGE_V2} request for one queue. */
final class SendRequestFactory {
    /** Brokers store the property string's length in two bytes. */
    static final int MAX_PROPERTIES_BYTES = Short.MAX_VALUE;

    private final String producerGroup;

    SendRequestFactory(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    /** The encoded property string: user properties, then tags, keys, store-wait flag and the unique id. */
    String properties(Message message, String uniqueId) {
        Map<String, String> all = new LinkedHashMap<>(message.properties());
        if (message.tags() != null) {
            all.put(MessageProperty.TAGS, message.tags());
        }
        if (!message.keys().isEmpty()) {
            all.put(MessageProperty.KEYS, String.join(MessageProperty.KEY_SEPARATOR, message.keys()));
        }
        if (!message.waitStoreMsgOk()) {
            all.put(MessageProperty.WAIT_STORE_MSG_OK, "false");
        }
        all.put(MessageProperty.UNIQ_KEY, uniqueId);
        String encoded = MessagePropertiesCodec.encode(all);
        int bytes = encoded.length() <= MAX_PROPERTIES_BYTES / 3 ? encoded.length()
                : encoded.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PROPERTIES_BYTES) {
            throw new InvalidMessageException("message properties (tags, keys and user properties) take " + bytes
                    + " bytes, the limit is " + MAX_PROPERTIES_BYTES);
        }
        return encoded;
    }

    RemotingCommand request(Message message, String properties, MessageQueue queue,
                            int opaque, long bornTimestamp) {
        Map<String, String> header = new HashMap<>(24);
        header.put("a", producerGroup);
        header.put("b", message.topic());
        header.put("c", Topics.AUTO_CREATE_TEMPLATE);
        header.put("d", Integer.toString(Topics.DEFAULT_TOPIC_QUEUE_NUMS));
        header.put("e", Integer.toString(queue.queueId()));
        header.put("f", "0");
        header.put("g", Long.toString(bornTimestamp));
        header.put("h", Integer.toString(message.flag()));
        header.put("i", properties);
        header.put("j", "0");
        header.put("k", "false");
        header.put("m", "false");
        header.put("n", queue.brokerName());
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, opaque, header, message.body());
    }
}
