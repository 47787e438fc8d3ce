package io.mqproducer.internal.codec;

/** A frame or payload that cannot be encoded or decoded. */
public final class CodecException extends RuntimeException {
    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
