package io.mqproducer.internal.recall;

import io.mqproducer.error.AccessDeniedException;
import io.mqproducer.error.BrokerRejectedException;
import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.RecallDisabledException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.message.MessageRules;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Withdraws a timer message before it is delivered ({@code RECALL_MESSAGE}, RocketMQ 5.3.2+): sent to the master of
 * the broker the handle names, found through the topic's route (through a proxy, the proxy's address).
 */
public final class MessageRecall {
    private final RemotingClient client;
    private final TopicRouteCache routes;
    private final Namespace namespace;
    private final String wireGroup;
    private final long timeoutMillis;

    public MessageRecall(RemotingClient client, TopicRouteCache routes, Namespace namespace, String wireGroup,
                         long timeoutMillis) {
        this.client = client;
        this.routes = routes;
        this.namespace = namespace;
        this.wireGroup = wireGroup;
        this.timeoutMillis = timeoutMillis;
    }

    /** Completes with the recalled message's unique id (as the broker reports it; may be null). */
    public CompletableFuture<String> recall(String topic, String handle) {
        String wireTopic;
        RecallHandle parsed;
        try {
            MessageRules.checkTopic(topic);
            wireTopic = namespace.wrap(topic);
            parsed = RecallHandle.parse(handle);
            if (!parsed.wireTopic().equals(wireTopic)) {
                // The broker would answer ILLEGAL_OPERATION "topic not match"; say which topics differ instead.
                throw new InvalidMessageException("the recall handle belongs to topic '"
                        + namespace.unwrap(parsed.wireTopic()) + "', not '" + topic + "'");
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Failures.asProducerException(e));
        }
        return routes.publishInfo(wireTopic).thenCompose(table -> {
            String address = table.masterAddress(parsed.brokerName());
            if (address == null) {
                throw new BrokerUnavailableException("broker " + parsed.brokerName() + " that holds the message to "
                        + "recall has no master in the route of topic " + topic);
            }
            return client.invoke(address, request(wireTopic, handle.trim(), parsed.brokerName()), timeoutMillis);
        }).thenApply(response -> interpret(response, parsed.brokerName()))
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(Failures.asProducerException(error)));
    }

    private RemotingCommand request(String wireTopic, String handle, String brokerName) {
        Map<String, String> header = new HashMap<>(8);
        header.put("producerGroup", wireGroup);
        header.put("topic", wireTopic);
        header.put("recallHandle", handle);
        header.put("bname", brokerName); // a proxy needs it to forward the request
        return RemotingCommand.request(RequestCode.RECALL_MESSAGE, client.nextOpaque(), header, null);
    }

    private static String interpret(RemotingCommand response, String brokerName) {
        int code = response.code();
        if (code == ResponseCode.SUCCESS) {
            return response.extField("msgId");
        }
        String remark = response.remark();
        if (code == ResponseCode.NO_PERMISSION && remark != null && remark.startsWith("recall failed")) {
            throw new RecallDisabledException(brokerName, code, remark);
        }
        if (code == ResponseCode.NO_PERMISSION || ResponseCode.isAclRefusal(code, remark)) {
            throw new AccessDeniedException(brokerName, code, remark);
        }
        // ILLEGAL_OPERATION (delivery time passed, a handle from another broker), TOPIC_NOT_EXIST, SLAVE_NOT_AVAILABLE:
        // the same recall will not do better later.
        boolean retriable = code == ResponseCode.SERVICE_NOT_AVAILABLE || code == ResponseCode.SYSTEM_BUSY;
        throw new BrokerRejectedException(brokerName, code, remark, retriable);
    }
}
