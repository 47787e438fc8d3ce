package io.mqproducer.internal.send;

import io.mqproducer.MessageQueue;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.route.TopicPublishInfo;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.select.QueueSelector;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.message.Message;
import io.mqproducer.message.MessageRules;
import io.mqproducer.spi.SendObserver;
import java.util.concurrent.CompletableFuture;

/**
 * The send path, one for every mode: validate, look up the route, select a queue, resolve the broker's
 * master, encode, invoke, interpret; on a retriable failure try another broker while attempts and time
 * remain. Futures returned here fail with {@link ProducerException}s, never wrapped.
 */
public final class SendPipeline {
    private final RemotingClient client;
    private final TopicRouteCache routes;
    private final QueueSelector selector;
    private final SendRequestFactory requests;
    private final MessageIdGenerator ids = new MessageIdGenerator();
    private final long timeoutMillis;
    private final int retries;
    private final int maxMessageSize;
    private final SendObserver observer;

    public SendPipeline(RemotingClient client, TopicRouteCache routes, QueueSelector selector, ProducerOptions options) {
        this.client = client;
        this.routes = routes;
        this.selector = selector;
        this.requests = new SendRequestFactory(options.producerGroup());
        this.timeoutMillis = options.sendTimeout().toMillis();
        this.retries = options.retries();
        this.maxMessageSize = options.maxMessageSize();
        this.observer = options.observer();
    }

    /** Sends {@code message}, retrying on other brokers within the send timeout. */
    public CompletableFuture<SendResult> send(Message message) {
        Delivery delivery;
        try {
            delivery = prepare(message);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        attempt(delivery, null);
        return delivery.result;
    }

    /** Writes {@code message} to one queue without waiting for the broker; no retries. */
    public CompletableFuture<Void> sendOneway(Message message) {
        Delivery delivery;
        try {
            delivery = prepare(message);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return routes.publishInfo(message.topic()).thenCompose(table -> {
            MessageQueue queue = selector.select(table, null);
            RemotingCommand request = requests.request(message, delivery.properties, queue, client.nextOpaque(),
                    delivery.bornTimestamp);
            return client.invokeOneway(table.masterAddress(queue.brokerName()), request, timeoutMillis);
        }).exceptionallyCompose(error -> CompletableFuture.failedFuture(Failures.unwrap(error)));
    }

    private Delivery prepare(Message message) {
        if (message == null) {
            throw new io.mqproducer.error.InvalidMessageException("message must not be null");
        }
        MessageRules.checkBodySize(message.body(), maxMessageSize);
        String uniqueId = ids.next();
        return new Delivery(message, uniqueId, requests.properties(message, uniqueId), timeoutMillis);
    }

    private void attempt(Delivery delivery, String avoidBroker) {
        delivery.startAttempt();
        routes.publishInfo(delivery.message.topic()).whenComplete((table, error) -> {
            if (error != null) {
                onFailure(delivery, null, Failures.asProducerException(error));
            } else {
                invoke(delivery, table, avoidBroker);
            }
        });
    }

    private void invoke(Delivery delivery, TopicPublishInfo table, String avoidBroker) {
        long remaining = delivery.remainingMillis();
        if (remaining <= 0) {
            delivery.failTimedOut();
            return;
        }
        MessageQueue queue = selector.select(table, avoidBroker);
        RemotingCommand request = requests.request(delivery.message, delivery.properties, queue, client.nextOpaque(),
                delivery.bornTimestamp);
        client.invoke(table.masterAddress(queue.brokerName()), request, remaining).whenComplete((response, error) -> {
            if (error == null) {
                try {
                    delivery.succeed(ResponseInterpreter.interpret(response, queue, delivery.uniqueId));
                    return;
                } catch (ProducerException rejected) {
                    onFailure(delivery, queue, rejected);
                    return;
                }
            }
            onFailure(delivery, queue, Failures.asProducerException(error));
        });
    }

    private void onFailure(Delivery delivery, MessageQueue queue, ProducerException failure) {
        delivery.record(failure);
        if (!failure.isRetriable()) {
            delivery.failWithLast();
            return;
        }
        if (queue != null) {
            routes.refresh(delivery.message.topic());
        }
        if (delivery.remainingMillis() <= 0) {
            delivery.failTimedOut();
        } else if (delivery.attempts() > retries || queue == null) {
            // Route failures are not retried: the name servers were already tried in turn.
            delivery.failWithLast();
        } else {
            observer.onRetry(delivery.message.topic(), queue.brokerName(), failure);
            attempt(delivery, queue.brokerName());
        }
    }
}
