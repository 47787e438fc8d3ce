package io.mqproducer.internal.send;

import io.mqproducer.MessageQueue;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.PartialBatchException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.codec.BatchBodyEncoder;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.log.OperatorLog;
import io.mqproducer.internal.route.TopicPublishInfo;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.select.BrokerAvailability;
import io.mqproducer.internal.select.QueueSelector;
import io.mqproducer.internal.select.RoundRobinQueueSelector;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.internal.transport.ResponseCallback;
import io.mqproducer.message.Message;
import io.mqproducer.message.MessageRules;
import io.mqproducer.spi.MessageQueueSelector;
import io.mqproducer.spi.SendObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The send path, one for every mode: validate, encode, look up the route, select a queue, resolve the
 * broker's master, invoke, interpret; on a retriable failure try again (another broker, unless the caller
 * chose the queue) while attempts and time remain. Futures returned here fail with
 * {@link ProducerException}s, never wrapped.
 */
public final class SendPipeline {
    private final RemotingClient client;
    private final TopicRouteCache routes;
    private final QueueSelector selector;
    private final SendRequestFactory requests;
    private final long timeoutMillis;
    private final long requestTimeoutMillis;
    private final int retries;
    private final int maxMessageSize;
    private final SendObserver observer;
    private final BrokerAvailability availability;
    private final SendEvents events;

    public SendPipeline(RemotingClient client, TopicRouteCache routes, BrokerAvailability availability,
                        ProducerOptions options, OperatorLog log) {
        this.client = client;
        this.events = new SendEvents(log);
        this.routes = routes;
        this.availability = availability;
        this.selector = new RoundRobinQueueSelector(availability);
        this.requests = new SendRequestFactory(options);
        this.timeoutMillis = options.sendTimeout().toMillis();
        this.requestTimeoutMillis = options.requestTimeout().toMillis();
        this.retries = options.retries();
        this.maxMessageSize = options.maxMessageSize();
        this.observer = options.observer();
    }

    /** Sends {@code message} to a round-robin queue, retrying on other brokers within the send timeout. */
    public CompletableFuture<SendResult> send(Message message) {
        return send(message, null, Map.of(), 0);
    }

    /** Sends {@code message} to the queue {@code queueSelector} picks; retries stay on the queue it picks. */
    public CompletableFuture<SendResult> send(Message message, MessageQueueSelector queueSelector) {
        return send(message, queueSelector, timeoutMillis);
    }

    /** Like {@link #send(Message, MessageQueueSelector)}, within its own budget instead of the send timeout. */
    public CompletableFuture<SendResult> send(Message message, MessageQueueSelector queueSelector, long budgetMillis) {
        if (queueSelector == null) {
            return CompletableFuture.failedFuture(new InvalidMessageException("queue selector must not be null"));
        }
        if (message != null && message.hasPriority()) {
            return CompletableFuture.failedFuture(new InvalidMessageException("a priority message cannot go to a "
                    + "chosen queue: the broker picks its queue from the priority"));
        }
        return encodeAndDeliver(message, queueSelector, budgetMillis);
    }

    /** Sends with extra system properties and sysFlag bits (transactional half messages). */
    public CompletableFuture<SendResult> send(Message message, MessageQueueSelector queueSelector,
                                              Map<String, String> systemProperties, int sysFlag) {
        OutgoingMessage outgoing;
        try {
            outgoing = encode(message, systemProperties, sysFlag);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return deliver(outgoing, queueSelector, timeoutMillis);
    }

    /** Sends {@code message} within its own budget instead of the send timeout (a per-call timeout). */
    public CompletableFuture<SendResult> send(Message message, long budgetMillis) {
        return encodeAndDeliver(message, null, budgetMillis);
    }

    private CompletableFuture<SendResult> encodeAndDeliver(Message message, MessageQueueSelector queueSelector,
                                                           long budgetMillis) {
        OutgoingMessage outgoing;
        try {
            outgoing = encode(message, Map.of(), 0);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return deliver(outgoing, queueSelector, budgetMillis);
    }

    private CompletableFuture<SendResult> deliver(OutgoingMessage outgoing, MessageQueueSelector queueSelector,
                                                  long budgetMillis) {
        return deliver(outgoing, outgoing.source().topic(), queueSelector, budgetMillis);
    }

    private CompletableFuture<SendResult> deliver(OutgoingMessage outgoing, String userTopic,
                                                  MessageQueueSelector queueSelector, long budgetMillis) {
        long born = System.currentTimeMillis();
        Delivery<SendResult> delivery = new Delivery<>(userTopic, outgoing.wireTopic(),
                (queue, opaque) -> requests.request(outgoing, queue, opaque, born),
                (response, queue) -> ResponseInterpreter.interpret(response, userQueue(queue), outgoing.uniqueId()),
                chooser(queueSelector, outgoing.source()), budgetMillis);
        attempt(delivery, null);
        return delivery.result;
    }

    /**
     * Writes {@code message} to one queue without waiting for the broker; no retries. The result, known once the
     * message is on the socket, has its unique id and queue, but no broker id, offset or region.
     */
    public CompletableFuture<SendResult> sendOneway(Message message) {
        OutgoingMessage outgoing;
        try {
            outgoing = encode(message, Map.of(), 0);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        long born = System.currentTimeMillis();
        return routes.publishInfo(outgoing.wireTopic()).thenCompose(table -> {
            MessageQueue queue = selector.select(table, null);
            RemotingCommand request = requests.request(outgoing, queue, client.nextOpaque(), born);
            return client.invokeOneway(table.masterAddress(queue.brokerName()), request, timeoutMillis)
                    .thenApply(written -> new SendResult(io.mqproducer.SendStatus.SEND_OK, outgoing.uniqueId(), null,
                            userQueue(queue), -1, null));
        }).exceptionallyCompose(error -> CompletableFuture.failedFuture(Failures.asProducerException(error)));
    }

    /**
     * Sends a message the producer made itself (message trace) to {@code wireTopic} as named: no namespace and no
     * topic rules, as it may be a system topic such as {@code RMQ_SYS_TRACE_TOPIC}. {@code carrier} gives body, keys
     * and tags; its own topic is not used.
     */
    public CompletableFuture<SendResult> sendToTopic(String wireTopic, Message carrier) {
        OutgoingMessage outgoing;
        try {
            MessageRules.checkBodySize(carrier.body(), maxMessageSize);
            outgoing = requests.encode(carrier, wireTopic, Map.of(), 0);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return deliver(outgoing, wireTopic, null, timeoutMillis);
    }

    /**
     * Sends messages of one topic as {@code SEND_BATCH_MESSAGE}: one request per part that fits the size limit,
     * parts one after another. Results come in the order of {@code messages}.
     */
    public CompletableFuture<List<SendResult>> sendBatch(List<Message> messages) {
        List<OutgoingMessage> members;
        try {
            BatchPlanner.check(messages, maxMessageSize);
            members = new ArrayList<>(messages.size());
            for (Message message : messages) {
                members.add(requests.encodeBatchMember(message));
            }
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sendEncodedBatch(members, timeoutMillis);
    }

    /**
     * Encodes {@code message} to travel in a batch the producer assembles itself (automatic batching), with every
     * check that could otherwise fail the whole batch: a bad message fails here, for its own sender only.
     *
     * @throws InvalidMessageException if it breaks a message or batch rule
     */
    public OutgoingMessage encodeBatchMember(Message message) {
        BatchPlanner.check(java.util.Collections.singletonList(message), maxMessageSize);
        OutgoingMessage member = requests.encodeBatchMember(message);
        BatchPlanner.checkFits(member, maxMessageSize);
        return member;
    }

    /**
     * Encodes {@code message} (batchable: not delayed, not above the compression threshold) for adaptive batching,
     * which sends most messages alone and checks with {@link #fitsBatch} only those that are to share a request.
     *
     * @throws InvalidMessageException if it breaks a message rule
     */
    public OutgoingMessage encodeForCoalescing(Message message) {
        return encode(message, Map.of(), 0);
    }

    /** Whether {@code message}, with its properties, fits a batch request under the message size limit. */
    public boolean fitsBatch(OutgoingMessage message) {
        try {
            BatchPlanner.checkFits(message, maxMessageSize);
            return true;
        } catch (InvalidMessageException e) {
            return false;
        }
    }

    /**
     * Sends one message encoded by {@link #encodeBatchMember} or {@link #encodeForCoalescing} on its own, as a plain
     * send, within {@code budgetMillis} (what is left of its send timeout).
     */
    public CompletableFuture<SendResult> sendEncoded(OutgoingMessage outgoing, long budgetMillis) {
        return deliver(outgoing, null, budgetMillis);
    }

    /**
     * Sends members of one topic encoded by {@link #encodeBatchMember} as one or more batch requests, each within
     * {@code budgetMillis}.
     */
    public CompletableFuture<List<SendResult>> sendEncodedBatch(List<OutgoingMessage> members, long budgetMillis) {
        List<List<OutgoingMessage>> parts;
        try {
            parts = BatchPlanner.split(members, maxMessageSize);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<List<SendResult>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (int i = 0; i < parts.size(); i++) {
            List<OutgoingMessage> part = parts.get(i);
            int index = i;
            all = all.thenCompose(done -> sendBatchPart(part, budgetMillis).handle((results, error) -> {
                if (error != null) {
                    ProducerException cause = Failures.asProducerException(error);
                    if (done.isEmpty()) {
                        throw cause;
                    }
                    throw new PartialBatchException("batch part " + (index + 1) + " of " + parts.size() + " failed after "
                            + done.size() + " messages were stored: " + cause.getMessage(), done, cause);
                }
                done.addAll(results);
                return done;
            }));
        }
        return all.exceptionallyCompose(error -> CompletableFuture.failedFuture(Failures.asProducerException(error)));
    }

    private CompletableFuture<List<SendResult>> sendBatchPart(List<OutgoingMessage> part, long budgetMillis) {
        Message first = part.get(0).source();
        observer.onBatchRequest(first.topic(), part.size());
        List<BatchBodyEncoder.Member> members = new ArrayList<>(part.size());
        List<String> uniqueIds = new ArrayList<>(part.size());
        for (OutgoingMessage member : part) {
            members.add(BatchPlanner.member(member));
            uniqueIds.add(member.uniqueId());
        }
        io.mqproducer.internal.codec.BodyWriter body = BatchBodyEncoder.writer(members);
        long born = System.currentTimeMillis();
        String wireTopic = part.get(0).wireTopic();
        String properties = batchProperties(first); // once per part, not once per attempt
        Delivery<List<SendResult>> delivery = new Delivery<>(first.topic(), wireTopic,
                (queue, opaque) -> requests.batchRequest(wireTopic, properties, body, queue, opaque, born),
                (response, queue) -> ResponseInterpreter.interpretBatch(response, userQueue(queue), uniqueIds),
                null, budgetMillis);
        attempt(delivery, null);
        return delivery.result;
    }

    private static String batchProperties(Message first) {
        return first.waitStoreMsgOk() ? "" : io.mqproducer.internal.codec.MessagePropertiesCodec.encode(
                Map.of(io.mqproducer.internal.protocol.MessageProperty.WAIT_STORE_MSG_OK, "false"));
    }

    private OutgoingMessage encode(Message message, Map<String, String> systemProperties, int sysFlag) {
        if (message == null) {
            throw new InvalidMessageException("message must not be null");
        }
        MessageRules.checkBodySize(message.body(), maxMessageSize);
        return requests.encode(message, systemProperties, sysFlag);
    }

    private Delivery.Chooser chooser(MessageQueueSelector queueSelector, Message message) {
        if (queueSelector == null) {
            return null;
        }
        return table -> {
            List<MessageQueue> userQueues = table.queues().stream().map(this::userQueue).toList();
            MessageQueue chosen = queueSelector.select(userQueues, message);
            int index = userQueues.indexOf(chosen);
            if (index < 0) {
                throw new InvalidMessageException("queue selector returned " + chosen + ", which is not one of the topic's "
                        + "writable queues");
            }
            return table.queues().get(index);
        };
    }

    private MessageQueue userQueue(MessageQueue wireQueue) {
        if (requests.namespace().isEmpty()) {
            return wireQueue;
        }
        return new MessageQueue(requests.namespace().unwrap(wireQueue.topic()), wireQueue.brokerName(), wireQueue.queueId());
    }

    private <T> void attempt(Delivery<T> delivery, String avoidBroker) {
        delivery.startAttempt();
        CompletableFuture<TopicPublishInfo> route = routes.publishInfo(delivery.wireTopic);
        TopicPublishInfo cached = route.isDone() && !route.isCompletedExceptionally() ? route.getNow(null) : null;
        if (cached != null) {
            // The usual case: the route is cached; no completion stage needed.
            selectAndInvoke(delivery, cached, avoidBroker);
            return;
        }
        route.whenComplete((table, error) -> {
            if (error != null) {
                retryOrFail(delivery, null, Failures.asProducerException(error));
                return;
            }
            selectAndInvoke(delivery, table, avoidBroker);
        });
    }

    private <T> void selectAndInvoke(Delivery<T> delivery, TopicPublishInfo table, String avoidBroker) {
        MessageQueue queue;
        try {
            queue = delivery.chooser == null ? selector.select(table, avoidBroker) : delivery.chooser.choose(table);
        } catch (RuntimeException e) {
            delivery.record(Failures.asProducerException(e));
            delivery.failWithLast();
            return;
        }
        invoke(delivery, table, queue);
    }

    private <T> void invoke(Delivery<T> delivery, TopicPublishInfo table, MessageQueue queue) {
        long remaining = delivery.remainingMillis();
        if (remaining <= 0) {
            delivery.failTimedOut();
            return;
        }
        RemotingCommand request = delivery.requests.build(queue, client.nextOpaque());
        String address = table.masterAddress(queue.brokerName());
        // One attempt gets at most the request timeout, so that a hung broker leaves time to retry on another.
        client.invoke(address, request, Math.min(requestTimeoutMillis, remaining), new Attempt<>(delivery, queue, address));
    }

    /** One attempt's outcome: records the broker's latency, then succeeds, retries or fails the delivery. */
    private final class Attempt<T> implements ResponseCallback {
        private final Delivery<T> delivery;
        private final MessageQueue queue;
        private final String address;
        private final long startedNanos = System.nanoTime();

        Attempt(Delivery<T> delivery, MessageQueue queue, String address) {
            this.delivery = delivery;
            this.queue = queue;
            this.address = address;
        }

        @Override
        public void onResponse(RemotingCommand response) {
            recordLatency(isBusy(response) ? "busy (code " + response.code() + ")" : null);
            T result;
            try {
                result = delivery.interpreter.interpret(response, queue);
            } catch (RuntimeException rejected) {
                // Typed rejections, and anything unexpected: never thrown back into the network thread.
                retryOrFail(delivery, queue, Failures.asProducerException(rejected));
                return;
            }
            delivery.succeed(result);
        }

        @Override
        public void onFailure(ProducerException failure) {
            recordLatency(failure.getMessage());
            SendPipeline.this.retryOrFail(delivery, queue, failure instanceof RequestTimeoutException timeout
                    ? new RequestTimeoutException("send to broker " + queue.brokerName() + " (queue " + queue.queueId()
                    + "): " + timeout.getMessage(), timeout) : failure);
        }

        /** @param failure why the attempt failed, or null if the broker answered normally */
        private void recordLatency(String failure) {
            long latencyMillis = (System.nanoTime() - startedNanos) / 1_000_000;
            BrokerAvailability.Change change = availability.record(queue.brokerName(), latencyMillis, failure != null);
            if (change != BrokerAvailability.Change.NONE) {
                events.brokerChanged(change, queue.brokerName(), address, latencyMillis, failure);
            }
        }
    }

    private static boolean isStaleRoute(ProducerException failure) {
        if (!(failure instanceof io.mqproducer.error.BrokerRejectedException rejected)) {
            return false;
        }
        int code = rejected.code();
        return code == io.mqproducer.internal.protocol.ResponseCode.TOPIC_NOT_EXIST
                || code == io.mqproducer.internal.protocol.ResponseCode.NO_PERMISSION
                || code == io.mqproducer.internal.protocol.ResponseCode.NOT_IN_CURRENT_UNIT;
    }

    private static boolean isBusy(RemotingCommand response) {
        return response.code() == io.mqproducer.internal.protocol.ResponseCode.SYSTEM_BUSY;
    }

    private <T> void retryOrFail(Delivery<T> delivery, MessageQueue queue, ProducerException failure) {
        delivery.record(failure);
        if (!failure.isRetriable()) {
            delivery.failWithLast();
            return;
        }
        CompletableFuture<Void> refreshed = queue == null ? null : routes.refresh(delivery.wireTopic);
        if (delivery.remainingMillis() <= 0) {
            events.exhausted(delivery.userTopic, delivery.attempts(), true, failure.getMessage());
            delivery.failTimedOut();
        } else if (delivery.attempts() > retries || queue == null) {
            // Route failures are not retried: the name servers were already tried in turn.
            if (queue != null) {
                events.exhausted(delivery.userTopic, delivery.attempts(), false, failure.getMessage());
            }
            delivery.failWithLast();
        } else {
            observer.onRetry(delivery.userTopic, queue.brokerName(), failure);
            if (isStaleRoute(failure)) {
                // The broker says the topic is not (or no longer) writable there: retry on the fresh route.
                refreshed.copy().completeOnTimeout(null, delivery.remainingMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .whenComplete((ignored, error) -> attempt(delivery, queue.brokerName()));
            } else {
                attempt(delivery, queue.brokerName());
            }
        }
    }
}
