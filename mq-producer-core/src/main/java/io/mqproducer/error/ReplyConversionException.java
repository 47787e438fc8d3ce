package io.mqproducer.error;

/**
 * A reply arrived but its body cannot be read as the type the caller asked for. The message names the type only,
 * never the body's content.
 */
public class ReplyConversionException extends ProducerException {
    public ReplyConversionException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public ReplyConversionException copyForRethrow() {
        return new ReplyConversionException(getMessage(), this);
    }
}
