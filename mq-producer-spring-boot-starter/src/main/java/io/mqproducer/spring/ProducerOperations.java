package io.mqproducer.spring;

import io.mqproducer.SendResult;
import io.mqproducer.message.Message;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
}
