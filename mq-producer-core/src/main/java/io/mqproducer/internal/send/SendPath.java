package io.mqproducer.internal.send;

import io.mqproducer.SendResult;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.batch.AutomaticBatching;
import io.mqproducer.internal.deliver.Deliverer;
import io.mqproducer.internal.encode.MessageEncoder;
import io.mqproducer.internal.encode.OutgoingMessage;
import io.mqproducer.message.Message;
import io.mqproducer.spi.MessageQueueSelector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The one way every send goes: encode (validate, wire form, may it share a batch) → coalesce (round-robin sends
 * only) → deliver (route, select, send, interpret, retry). Each step calls only the next. A message that breaks a
 * rule fails here, before anything goes on the wire; futures fail with {@link ProducerException}s, never wrapped.
 */
public final class SendPath {
    private final MessageEncoder encoder;
    private final AutomaticBatching batching;
    private final Deliverer deliverer;
    private final long timeoutMillis;

    public SendPath(MessageEncoder encoder, AutomaticBatching batching, Deliverer deliverer, long timeoutMillis) {
        this.encoder = encoder;
        this.batching = batching;
        this.deliverer = deliverer;
        this.timeoutMillis = timeoutMillis;
    }

    /** A round-robin send whose caller waits; it may share a request with concurrent ones (adaptive batching). */
    public CompletableFuture<SendResult> send(Message message) {
        // The hot paths spell the steps out: no capturing lambdas per send.
        OutgoingMessage outgoing;
        try {
            outgoing = encoder.encode(message);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return batching.send(outgoing);
    }

    /** A round-robin send whose caller does not wait; it may wait for a linger to share a request. */
    public CompletableFuture<SendResult> sendAsync(Message message) {
        OutgoingMessage outgoing;
        try {
            outgoing = encoder.encode(message);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return batching.sendAsync(outgoing);
    }

    /** A round-robin send within its own budget instead of the send timeout; it goes as its own request. */
    public CompletableFuture<SendResult> send(Message message, long budgetMillis) {
        return encodeThen(message, encoder::encode, outgoing -> deliverer.deliver(outgoing, null, budgetMillis));
    }

    /** A send to the queue {@code selector} picks; retries stay on that queue. */
    public CompletableFuture<SendResult> send(Message message, MessageQueueSelector selector) {
        return send(message, selector, timeoutMillis);
    }

    /** Like {@link #send(Message, MessageQueueSelector)}, within its own budget. */
    public CompletableFuture<SendResult> send(Message message, MessageQueueSelector selector, long budgetMillis) {
        if (selector == null) {
            return CompletableFuture.failedFuture(new InvalidMessageException("queue selector must not be null"));
        }
        if (message != null && message.hasPriority()) {
            return CompletableFuture.failedFuture(new InvalidMessageException("a priority message cannot go to a "
                    + "chosen queue: the broker picks its queue from the priority"));
        }
        return encodeThen(message, encoder::encode, outgoing -> deliverer.deliver(outgoing, selector, budgetMillis));
    }

    /** A message with system properties and sysFlag bits the producer adds (transactions, request-reply). */
    public CompletableFuture<SendResult> sendWithSystemProperties(Message message, Map<String, String> properties,
                                                                  int sysFlag) {
        return encodeThen(message, m -> encoder.encode(m, properties, sysFlag),
                outgoing -> deliverer.deliver(outgoing, null, timeoutMillis));
    }

    /** Writes one message without waiting for the broker; no retries. */
    public CompletableFuture<SendResult> sendOneway(Message message) {
        return encodeThen(message, encoder::encode, deliverer::deliverOneway);
    }

    /** A batch the caller made, as one or more requests that fit the size limit. */
    public CompletableFuture<List<SendResult>> sendBatch(List<Message> messages) {
        return encodeThen(messages, encoder::encodeBatch, members -> deliverer.deliverBatch(members, timeoutMillis));
    }

    /**
     * A message the producer made itself (message trace) to {@code wireTopic} as named, which may be a system topic;
     * {@code carrier} gives body, keys and tags.
     */
    public CompletableFuture<SendResult> sendToTopic(String wireTopic, Message carrier) {
        return encodeThen(carrier, m -> encoder.encodeForTopic(wireTopic, m),
                outgoing -> deliverer.deliver(outgoing, wireTopic, null, timeoutMillis));
    }

    /** Sends whatever waits for a linger now (on close). */
    public void flush() {
        batching.flush();
    }

    private static <M, E, R> CompletableFuture<R> encodeThen(M message, Function<M, E> encode,
                                                             Function<E, CompletableFuture<R>> next) {
        E encoded;
        try {
            encoded = encode.apply(message);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return next.apply(encoded);
    }

}
