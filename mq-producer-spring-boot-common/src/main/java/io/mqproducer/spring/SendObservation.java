package io.mqproducer.spring;

import io.mqproducer.SendResult;
import io.mqproducer.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * Observes each send of a {@link ProducerTemplate} (tracing): started before the message goes to the producer,
 * it may return the message with trace context added to its user properties, and is stopped with the outcome.
 */
public interface SendObservation {

    /** Observes nothing and sends messages unchanged; the template's default. */
    SendObservation NONE = (message, mode) -> new Scope() {
        @Override
        public Message message() {
            return message;
        }

        @Override
        public void stop(@Nullable SendResult result, @Nullable Throwable failure) {
        }
    };

    /** Starts observing the send of {@code message}. */
    Scope start(Message message, SendMode mode);

    /**
     * Starts observing a send of the given kind: a batch (observed once, {@code message} being its first message,
     * with {@link Scope#message(Message)} adding the same trace context to the others) or a transactional send.
     * By default the same as {@link #start(Message, SendMode)}.
     *
     * @param messages how many messages the send carries
     */
    default Scope start(Message message, SendMode mode, SendOperation operation, int messages) {
        return start(message, mode);
    }

    /** One observed send. */
    interface Scope {

        /** The message to send: the original, or a copy carrying trace context in user properties. */
        Message message();

        /**
         * Another message sent as part of the same observed send (a batch's other messages), with the same trace
         * context added; unchanged by default.
         */
        default Message message(Message other) {
            return other;
        }

        /**
         * Ends the observation.
         *
         * @param result  the send result, or null (failed, or oneway)
         * @param failure why the send failed, or null
         */
        void stop(@Nullable SendResult result, @Nullable Throwable failure);
    }
}
