package io.mqproducer.error;

/**
 * The whole send budget (all attempts together) ran out. Earlier attempts' errors are attached as
 * suppressed exceptions. The message may or may not have been stored.
 */
public class DeliveryTimeoutException extends ProducerException {
    public DeliveryTimeoutException(String message, Throwable lastCause) {
        super(message, false, lastCause);
    }
}
