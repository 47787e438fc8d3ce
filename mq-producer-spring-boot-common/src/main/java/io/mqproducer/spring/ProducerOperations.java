package io.mqproducer.spring;

import io.mqproducer.SendResult;
import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.message.Message;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends messages to RocketMQ the Spring way; implemented by {@link ProducerTemplate}.
 *
 * <p>A {@code destination} is {@code topic} or {@code topic:tag}. A {@code payload} is sent as is when it is a
 * {@code byte[]}, as UTF-8 when it is a {@code String}, and as JSON otherwise; a Spring
 * {@link org.springframework.messaging.Message} is unwrapped and its simple headers become user properties (see
 * {@link MqHeaders}). The encoding is recorded in the {@code contentType} user property.
 *
 * <p>Every failure is an unchecked {@link io.mqproducer.error.ProducerException}: thrown by {@code send} and
 * {@code sendOneway}, and only ever delivered through the returned future by {@code sendAsync}.
 */
public interface ProducerOperations {

    /** Sends {@code payload} to {@code destination} and waits for the broker's answer. */
    SendResult send(String destination, Object payload);

    /** Sends with business keys the broker indexes, and waits for the broker's answer. */
    SendResult send(String destination, Object payload, String... keys);

    /** Sends with business keys the broker indexes, and waits for the broker's answer. */
    SendResult send(String destination, Object payload, Collection<String> keys);

    /** Sends with user properties (headers), and waits for the broker's answer. */
    SendResult send(String destination, Object payload, Map<String, String> properties);

    /** Sends with business keys and user properties, and waits for the broker's answer. */
    SendResult send(String destination, Object payload, Collection<String> keys, Map<String, String> properties);

    /** Sends a fully built message and waits for the broker's answer. */
    SendResult send(Message message);

    /** Sends without blocking; the future completes with the broker's answer or with the failure. */
    CompletableFuture<SendResult> sendAsync(String destination, Object payload);

    /** Sends with business keys without blocking. */
    CompletableFuture<SendResult> sendAsync(String destination, Object payload, String... keys);

    /** Sends with business keys without blocking. */
    CompletableFuture<SendResult> sendAsync(String destination, Object payload, Collection<String> keys);

    /** Sends with user properties (headers) without blocking. */
    CompletableFuture<SendResult> sendAsync(String destination, Object payload, Map<String, String> properties);

    /** Sends with business keys and user properties without blocking. */
    CompletableFuture<SendResult> sendAsync(String destination, Object payload, Collection<String> keys,
            Map<String, String> properties);

    /** Sends a fully built message without blocking. */
    CompletableFuture<SendResult> sendAsync(Message message);

    /** Writes {@code payload} to a broker without waiting for an answer: fastest, but a loss goes unnoticed. */
    void sendOneway(String destination, Object payload);

    /** Writes with business keys, without waiting for an answer. */
    void sendOneway(String destination, Object payload, String... keys);

    /** Writes with business keys, without waiting for an answer. */
    void sendOneway(String destination, Object payload, Collection<String> keys);

    /** Writes with user properties (headers), without waiting for an answer. */
    void sendOneway(String destination, Object payload, Map<String, String> properties);

    /** Writes with business keys and user properties, without waiting for an answer. */
    void sendOneway(String destination, Object payload, Collection<String> keys, Map<String, String> properties);

    /** Writes a fully built message without waiting for an answer. */
    void sendOneway(Message message);

    /**
     * Orderly send: every message with the same {@code shardingKey} goes to the same queue, so consumers see them
     * in the order they were sent.
     */
    SendResult sendOrderly(String destination, Object payload, String shardingKey);

    /** Like {@link #sendOrderly(String, Object, String)}, with {@code timeout} bounding this send, retries included. */
    SendResult sendOrderly(String destination, Object payload, String shardingKey, Duration timeout);

    /**
     * Sends the payloads to one destination as batches ({@code SEND_BATCH_MESSAGE}); results come in payload order.
     * A batch larger than the message size limit goes as several requests.
     */
    List<SendResult> sendBatch(String destination, List<?> payloads);

    /** Sends a RocketMQ 5 timer message that consumers see only after {@code delay}. */
    SendResult sendDelayed(String destination, Object payload, Duration delay);

    /** Sends a message deferred by a classic delay level (1 = 1 s, 2 = 5 s, ... 18 = 2 h by default). */
    SendResult sendDelayed(String destination, Object payload, int delayLevel);

    /**
     * Like {@link #send(String, Object)}, with {@code timeout} instead of the producer's send timeout bounding this
     * send, retries included (rocketmq-spring's {@code syncSend(destination, payload, timeout)}).
     */
    SendResult send(String destination, Object payload, Duration timeout);

    /** Like {@link #sendAsync(String, Object)}, with {@code timeout} bounding this send, retries included. */
    CompletableFuture<SendResult> sendAsync(String destination, Object payload, Duration timeout);

    /** Like {@link #sendDelayed(String, Object, Duration)}, without waiting: completes with the broker's answer. */
    CompletableFuture<SendResult> sendDelayedAsync(String destination, Object payload, Duration delay);

    /** Like {@link #sendDelayed(String, Object, int)}, without waiting: completes with the broker's answer. */
    CompletableFuture<SendResult> sendDelayedAsync(String destination, Object payload, int delayLevel);

    /**
     * Sends a RocketMQ 5.4+ priority message: {@code priority} 0 or more, higher is consumed first; the broker picks
     * the queue from it. Through a 5.x proxy the topic's {@code message.type} must be PRIORITY or MIXED.
     */
    SendResult sendWithPriority(String destination, Object payload, int priority);

    /**
     * Sends a transactional (half) message, runs {@code localTransaction} once the broker stored it, and commits or
     * rolls back as it returns; UNKNOWN leaves the decision to the producer's transaction checker.
     */
    TransactionResult sendInTransaction(String destination, Object payload,
            Function<Message, TransactionState> localTransaction);

    /**
     * Request-reply: sends {@code payload} and waits for the reply a responder sends back (with RocketMQ's
     * {@code MessageUtil.createReplyMessage}), its body read as {@code replyType} the way payloads are written
     * ({@code byte[]} as is, {@code String} as UTF-8, anything else as JSON).
     *
     * @throws io.mqproducer.error.RequestReplyTimeoutException if no reply arrives within {@code timeout}
     * @throws io.mqproducer.error.RequestReplyNotSupportedException through a RocketMQ 5 proxy, which cannot carry
     *         replies
     */
    <T> T sendAndReceive(String destination, Object payload, Class<T> replyType, Duration timeout);

    /** Async variant of {@link #sendAndReceive}: every failure arrives through the future. */
    <T> CompletableFuture<T> sendAndReceiveAsync(String destination, Object payload, Class<T> replyType,
            Duration timeout);

    /**
     * Withdraws a timer message of {@code topic} before it is delivered, by the {@link SendResult#recallHandle()} its
     * send returned (RocketMQ 5.3.2+; the broker must have {@code recallMessageEnable=true}, else
     * {@link io.mqproducer.error.RecallDisabledException}).
     */
    void recall(String topic, String recallHandle);
}
