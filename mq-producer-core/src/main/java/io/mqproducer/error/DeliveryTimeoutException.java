package io.mqproducer.error;

/**
 * The whole send budget ({@link io.mqproducer.ProducerOptions#sendTimeout()}, all attempts together) ran out.
 * The last attempt's error is the cause, earlier ones are attached as suppressed exceptions.
 *
 * <p><b>A timed-out send may have been stored</b>, by any attempt that timed out rather than failed: the broker
 * may have written it and its answer been late. Sending it again may store it twice.
 */
public class DeliveryTimeoutException extends ProducerException {
    public DeliveryTimeoutException(String message, Throwable lastCause) {
        super(message, false, lastCause);
    }

    @Override
    public DeliveryTimeoutException copyForRethrow() {
        return new DeliveryTimeoutException(getMessage(), this);
    }
}
