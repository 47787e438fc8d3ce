package io.mqproducer.spring;

import io.mqproducer.message.Message;

/**
 * Changes every message {@link ProducerTemplate} sends, just before it goes to the producer, for example to add a
 * user property. Declared as beans, every customizer is applied in
 * {@link org.springframework.core.annotation.Order @Order}, each to the result of the previous one. What a customizer
 * throws fails the send (through the future for async sends).
 */
@FunctionalInterface
public interface MessageCustomizer {

    /**
     * The message to send instead of {@code message}.
     *
     * @param message the message so far; immutable, so return {@code message.toBuilder(message.topic())...build()}
     *                to change it
     * @return the message to send, never {@code null}
     */
    Message customize(Message message);
}
