package io.mqproducer.spring;

import io.mqproducer.SendResult;
import io.mqproducer.message.Message;

/**
 * Told by {@link ProducerTemplate} how each message it sent fared, with the message itself (unlike
 * {@link SendListener}, which only sees the topic and is meant for metrics). Declared as beans, every listener is
 * called in {@link org.springframework.core.annotation.Order @Order}. Implementations should be fast and should not
 * throw (what they throw is logged and ignored); for async sends they run on a producer callback thread when the
 * future completes, before the caller's future is completed.
 */
public interface ProducerListener {

    /**
     * The broker stored {@code message}. Not called for oneway sends, which have no result.
     *
     * @param message the message as sent (after every {@link MessageCustomizer})
     * @param result  the broker's answer
     */
    default void onSuccess(Message message, SendResult result) {
    }

    /**
     * Sending {@code message} failed.
     *
     * @param message the message as it was to be sent (after every {@link MessageCustomizer})
     * @param failure why, usually a {@link io.mqproducer.error.ProducerException}
     */
    default void onFailure(Message message, Throwable failure) {
    }
}
