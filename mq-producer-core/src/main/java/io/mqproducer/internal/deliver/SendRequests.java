package io.mqproducer.internal.deliver;

import io.mqproducer.MessageQueue;
import io.mqproducer.internal.codec.BodyWriter;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.encode.OutgoingMessage;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.Topics;
import java.util.Map;

/** Builds {@code SEND_MESSAGE_V2} and {@code SEND_BATCH_MESSAGE} requests for one queue. */
final class SendRequests {
    private final SendMessageHeader.Constant constantFields;

    SendRequests(String wireGroup) {
        this.constantFields = new SendMessageHeader.Constant(wireGroup, Topics.AUTO_CREATE_TEMPLATE,
                Topics.DEFAULT_TOPIC_QUEUE_NUMS);
    }

    RemotingCommand request(OutgoingMessage message, MessageQueue queue, int opaque, long bornTimestamp) {
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, opaque,
                header(message.wireTopic(), queue, message.sysFlag(), message.source().flag(), message.properties(),
                        bornTimestamp, false), message.body());
    }

    RemotingCommand batchRequest(String wireTopic, String properties, BodyWriter body, MessageQueue queue, int opaque,
                                 long bornTimestamp) {
        return RemotingCommand.requestWithWriter(RequestCode.SEND_BATCH_MESSAGE, opaque,
                header(wireTopic, queue, 0, 0, properties, bornTimestamp, true), body);
    }

    private Map<String, String> header(String wireTopic, MessageQueue queue, int sysFlag, int flag, String properties,
                                       long bornTimestamp, boolean batch) {
        return new SendMessageHeader(constantFields, wireTopic, queue.queueId(), sysFlag, bornTimestamp, flag,
                properties, batch, queue.brokerName());
    }
}
