package io.mqproducer.internal.deliver;

import io.mqproducer.MessageQueue;
import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.error.AccessDeniedException;
import io.mqproducer.error.BrokerBusyException;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.ProtocolException;
import io.mqproducer.error.TopicMessageTypeException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.internal.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.List;

/** Reads a broker's answer to a send: a {@link SendResult}, or the typed error it stands for. */
final class ResponseInterpreter {
    private ResponseInterpreter() {
    }

    /** The result of a single-message send; {@code queue} carries the topic as the application names it. */
    static SendResult interpret(RemotingCommand response, MessageQueue queue, String uniqueId) {
        SendStatus status = status(response, queue);
        return new SendResult(status, uniqueId, response.extField("msgId"), stored(response, queue),
                parseLong(response, "queueOffset"), response.extField(MessageProperty.MSG_REGION),
                response.extField("recallHandle"));
    }

    /** One result per batch member, in order: consecutive queue offsets, the broker's ids split at commas. */
    static List<SendResult> interpretBatch(RemotingCommand response, MessageQueue queue, List<String> uniqueIds) {
        SendStatus status = status(response, queue);
        MessageQueue stored = stored(response, queue);
        long firstOffset = parseLong(response, "queueOffset");
        String ids = response.extField("msgId");
        String[] offsetIds = ids == null ? new String[0] : ids.split(",");
        String region = response.extField(MessageProperty.MSG_REGION);
        List<SendResult> results = new ArrayList<>(uniqueIds.size());
        for (int i = 0; i < uniqueIds.size(); i++) {
            String offsetId = offsetIds.length == uniqueIds.size() ? offsetIds[i] : null;
            results.add(new SendResult(status, uniqueIds.get(i), offsetId, stored, firstOffset + i, region));
        }
        return results;
    }

    private static SendStatus status(RemotingCommand response, MessageQueue queue) {
        return switch (response.code()) {
            case ResponseCode.SUCCESS -> SendStatus.SEND_OK;
            case ResponseCode.FLUSH_DISK_TIMEOUT -> SendStatus.FLUSH_DISK_TIMEOUT;
            case ResponseCode.FLUSH_SLAVE_TIMEOUT -> SendStatus.FLUSH_SLAVE_TIMEOUT;
            case ResponseCode.SLAVE_NOT_AVAILABLE -> SendStatus.SLAVE_NOT_AVAILABLE;
            default -> throw rejection(response, queue);
        };
    }

    private static MessageQueue stored(RemotingCommand response, MessageQueue queue) {
        int queueId = parseInt(response, "queueId", queue.queueId());
        return queueId == queue.queueId() ? queue : new MessageQueue(queue.topic(), queue.brokerName(), queueId);
    }

    private static BrokerRejectedException rejection(RemotingCommand response, MessageQueue queue) {
        if (ResponseCode.isTopicTypeMismatch(response.code(), response.remark())) {
            return new TopicMessageTypeException(queue.topic(), queue.brokerName(), response.code(),
                    response.remark());
        }
        return rejection(response, queue.brokerName());
    }

    static BrokerRejectedException rejection(RemotingCommand response, String brokerName) {
        int code = response.code();
        if (code == ResponseCode.SYSTEM_BUSY) {
            return new BrokerBusyException(brokerName, code, response.remark());
        }
        if (code == ResponseCode.NO_PERMISSION && !isWriteForbidden(response.remark())
                || ResponseCode.isAclRefusal(code, response.remark())) {
            // Authentication or authorization refused the credentials: another broker will say the same.
            return new AccessDeniedException(brokerName, code, response.remark());
        }
        return new BrokerRejectedException(brokerName, code, response.remark(),
                RetryPolicy.isRetriable(code, response.remark()));
    }

    /** A broker or topic made read-only answers NO_PERMISSION "... sending message is forbidden": worth a retry. */
    private static boolean isWriteForbidden(String remark) {
        return remark != null && remark.contains("forbidden");
    }

    private static int parseInt(RemotingCommand response, String field, int fallback) {
        String value = response.extField(field);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ProtocolException("broker sent a non-numeric " + field + ": " + value);
        }
    }

    private static long parseLong(RemotingCommand response, String field) {
        String value = response.extField(field);
        if (value == null) {
            throw new ProtocolException("broker's send response lacks " + field);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProtocolException("broker sent a non-numeric " + field + ": " + value);
        }
    }
}
