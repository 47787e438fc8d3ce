package io.mqproducer.internal.deliver;

import io.mqproducer.MessageQueue;
import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.RequestTimeoutException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.codec.BodyWriter;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.encode.OutgoingMessage;
import io.mqproducer.internal.log.OperatorLog;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.protocol.ResponseCode;
import io.mqproducer.internal.route.TopicPublishInfo;
import io.mqproducer.internal.select.BrokerAvailability;
import io.mqproducer.internal.select.QueueSelector;
import io.mqproducer.internal.select.RoundRobinQueueSelector;
import io.mqproducer.internal.transport.ResponseCallback;
import io.mqproducer.spi.MessageQueueSelector;
import io.mqproducer.spi.SendObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The last step of every send: look up the topic's route, select a queue, send to that broker's master, read the
 * answer, and on a failure ask the {@link RetryPolicy} whether to try again. Takes messages already encoded; futures
 * returned here fail with {@link ProducerException}s, never wrapped.
 */
public final class Deliverer {
    private final BrokerChannel channel;
    private final RouteSource routes;
    private final QueueSelector selector;
    private final BrokerAvailability availability;
    private final SendRequests requests;
    private final RetryPolicy retryPolicy;
    private final Namespace namespace;
    private final long requestTimeoutMillis;
    private final long onewayTimeoutMillis;
    private final int maxMessageSize;
    private final SendObserver observer;
    private final DeliveryLog log;
    private final LongSupplier nanoClock;

    /** The settings delivery needs, taken from the producer's options. */
    public record Settings(String wireGroup, Namespace namespace, int retries, long requestTimeoutMillis,
                           long onewayTimeoutMillis, int maxMessageSize, SendObserver observer) {
    }

    public Deliverer(BrokerChannel channel, RouteSource routes, BrokerAvailability availability, Settings settings,
                     OperatorLog log) {
        this(channel, routes, availability, settings, log, System::nanoTime);
    }

    Deliverer(BrokerChannel channel, RouteSource routes, BrokerAvailability availability, Settings settings,
              OperatorLog log, LongSupplier nanoClock) {
        this.channel = channel;
        this.routes = routes;
        this.availability = availability;
        this.selector = new RoundRobinQueueSelector(availability);
        this.requests = new SendRequests(settings.wireGroup());
        this.retryPolicy = new RetryPolicy(settings.retries());
        this.namespace = settings.namespace();
        this.requestTimeoutMillis = settings.requestTimeoutMillis();
        this.onewayTimeoutMillis = settings.onewayTimeoutMillis();
        this.maxMessageSize = settings.maxMessageSize();
        this.observer = settings.observer();
        this.log = new DeliveryLog(log);
        this.nanoClock = nanoClock;
    }

    /**
     * Sends one message within {@code budgetMillis}, retries included: to a round-robin queue when {@code userSelector}
     * is null (retries go to other brokers), else to the queue it picks (retries stay on it).
     */
    public CompletableFuture<SendResult> deliver(OutgoingMessage message, MessageQueueSelector userSelector,
                                                 long budgetMillis) {
        return deliver(message, message.source().topic(), userSelector, budgetMillis);
    }

    /** Like {@link #deliver(OutgoingMessage, MessageQueueSelector, long)}, named by {@code userTopic} in errors. */
    public CompletableFuture<SendResult> deliver(OutgoingMessage message, String userTopic,
                                                 MessageQueueSelector userSelector, long budgetMillis) {
        long born = System.currentTimeMillis();
        Delivery<SendResult> delivery = new Delivery<>(userTopic, message.wireTopic(),
                (queue, opaque) -> requests.request(message, queue, opaque, born),
                (response, queue) -> ResponseInterpreter.interpret(response, userQueue(queue), message.uniqueId()),
                chooser(userSelector, message), budgetMillis, nanoClock);
        attempt(delivery, null);
        return delivery.result;
    }

    /**
     * Sends members of one topic as one or more {@code SEND_BATCH_MESSAGE} requests, one after another, each within
     * {@code budgetMillis}; results in the order of {@code members}.
     */
    public CompletableFuture<List<SendResult>> deliverBatch(List<OutgoingMessage> members, long budgetMillis) {
        return BatchParts.deliver(members, maxMessageSize, part -> deliverPart(part, budgetMillis));
    }

    /**
     * Writes one message to a round-robin queue without waiting for the broker; no retries. The result, known once
     * the message is on the socket, has its unique id and queue, but no broker id, offset or region.
     */
    public CompletableFuture<SendResult> deliverOneway(OutgoingMessage message) {
        long born = System.currentTimeMillis();
        return routes.publishInfo(message.wireTopic()).thenCompose(table -> {
            MessageQueue queue = selector.select(table, null);
            RemotingCommand request = requests.request(message, queue, channel.nextOpaque(), born);
            return channel.invokeOneway(table.masterAddress(queue.brokerName()), request, onewayTimeoutMillis)
                    .thenApply(written -> new SendResult(SendStatus.SEND_OK, message.uniqueId(), null,
                            userQueue(queue), -1, null));
        }).exceptionallyCompose(error -> CompletableFuture.failedFuture(Failures.asProducerException(error)));
    }

    private CompletableFuture<List<SendResult>> deliverPart(BatchParts.Part part, long budgetMillis) {
        observer.onBatchRequest(part.userTopic(), part.size());
        long born = System.currentTimeMillis();
        // Made once per part, not once per attempt.
        String properties = part.properties();
        BodyWriter body = part.body();
        List<String> uniqueIds = part.uniqueIds();
        Delivery<List<SendResult>> delivery = new Delivery<>(part.userTopic(), part.wireTopic(),
                (queue, opaque) -> requests.batchRequest(part.wireTopic(), properties, body, queue, opaque, born),
                (response, queue) -> ResponseInterpreter.interpretBatch(response, userQueue(queue), uniqueIds),
                null, budgetMillis, nanoClock);
        attempt(delivery, null);
        return delivery.result;
    }

    private Delivery.Chooser chooser(MessageQueueSelector userSelector, OutgoingMessage message) {
        if (userSelector == null) {
            return null;
        }
        return table -> {
            List<MessageQueue> userQueues = table.queues().stream().map(this::userQueue).toList();
            MessageQueue chosen = userSelector.select(userQueues, message.source());
            int index = userQueues.indexOf(chosen);
            if (index < 0) {
                throw new InvalidMessageException("queue selector returned " + chosen + ", which is not one of the "
                        + "topic's writable queues");
            }
            return table.queues().get(index);
        };
    }

    /** The queue as the application names it (without the namespace). */
    private MessageQueue userQueue(MessageQueue wireQueue) {
        if (namespace.isEmpty()) {
            return wireQueue;
        }
        return new MessageQueue(namespace.unwrap(wireQueue.topic()), wireQueue.brokerName(), wireQueue.queueId());
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
        long remaining = delivery.remainingMillis();
        if (remaining <= 0) {
            delivery.failTimedOut();
            return;
        }
        RemotingCommand request = delivery.requests.build(queue, channel.nextOpaque());
        String address = table.masterAddress(queue.brokerName());
        // One attempt gets at most the request timeout, so that a hung broker leaves time to retry on another.
        channel.invoke(address, request, Math.min(requestTimeoutMillis, remaining),
                new Attempt<>(delivery, queue, address));
    }

    /** One attempt's outcome: records the broker's latency, then succeeds, retries or fails the delivery. */
    private final class Attempt<T> implements ResponseCallback {
        private final Delivery<T> delivery;
        private final MessageQueue queue;
        private final String address;
        private final long startedNanos = nanoClock.getAsLong();

        Attempt(Delivery<T> delivery, MessageQueue queue, String address) {
            this.delivery = delivery;
            this.queue = queue;
            this.address = address;
        }

        @Override
        public void onResponse(RemotingCommand response) {
            recordLatency(response.code() == ResponseCode.SYSTEM_BUSY ? "busy (code " + response.code() + ")" : null);
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
            retryOrFail(delivery, queue, failure instanceof RequestTimeoutException timeout
                    ? new RequestTimeoutException("send to broker " + queue.brokerName() + " (queue "
                    + queue.queueId() + "): " + timeout.getMessage(), timeout) : failure);
        }

        /** @param failure why the attempt failed, or null if the broker answered normally */
        private void recordLatency(String failure) {
            long latencyMillis = (nanoClock.getAsLong() - startedNanos) / 1_000_000;
            BrokerAvailability.Change change = availability.record(queue.brokerName(), latencyMillis, failure != null);
            if (change != BrokerAvailability.Change.NONE) {
                log.brokerChanged(change, queue.brokerName(), address, latencyMillis, failure);
            }
        }
    }

    private <T> void retryOrFail(Delivery<T> delivery, MessageQueue queue, ProducerException failure) {
        delivery.record(failure);
        CompletableFuture<Void> refreshed = RetryPolicy.refreshesRoute(failure, queue)
                ? routes.refresh(delivery.wireTopic) : null;
        switch (retryPolicy.after(failure, delivery.attempts(), delivery.remainingMillis(), queue)) {
            case FAIL -> delivery.failWithLast();
            case TIMED_OUT -> {
                log.exhausted(delivery.userTopic, delivery.attempts(), true, failure.getMessage());
                delivery.failTimedOut();
            }
            case EXHAUSTED -> {
                log.exhausted(delivery.userTopic, delivery.attempts(), false, failure.getMessage());
                delivery.failWithLast();
            }
            case RETRY -> {
                observer.onRetry(delivery.userTopic, queue.brokerName(), failure);
                attempt(delivery, RetryPolicy.avoid(queue));
            }
            case RETRY_ON_FRESH_ROUTE -> {
                observer.onRetry(delivery.userTopic, queue.brokerName(), failure);
                refreshed.copy().completeOnTimeout(null, delivery.remainingMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((ignored, error) -> attempt(delivery, RetryPolicy.avoid(queue)));
            }
        }
    }
}
