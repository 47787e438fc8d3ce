package io.mqproducer.spi;

/**
 * One finished call to a {@link io.mqproducer.Producer} send method, as told to {@link SendObserver#onSendCompleted}.
 * Carries no message content: only what metrics need.
 *
 * @param topic         the topic (of the first message, for a batch)
 * @param mode          how the caller waited
 * @param messages      how many messages the call sent (1, or the batch size)
 * @param bodyBytes     the bodies' total size in bytes, before compression
 * @param durationNanos from the call until the send finished
 * @param transactional whether this was a transactional send (half message, local transaction and its end)
 * @param failure       why it failed (a {@link io.mqproducer.error.ProducerException}, or what a local transaction
 *                      threw), or {@code null} when it succeeded
 */
public record SendEvent(String topic, Mode mode, int messages, long bodyBytes, long durationNanos,
                        boolean transactional, Throwable failure) {

    /** How the caller waited for the send. */
    public enum Mode {
        /** The caller waited for the broker's answer. */
        SYNC,
        /** The caller got a future. */
        ASYNC,
        /** Written without waiting for an answer. */
        ONEWAY
    }

    /** Whether the send succeeded. */
    public boolean succeeded() {
        return failure == null;
    }
}
