package io.mqproducer.error;

/**
 * A TLS connection could not be established: the broker's certificate was not trusted, its name did not
 * match, or the peer does not speak TLS. A configuration problem, so not retried.
 */
public class TlsException extends ProducerException {
    public TlsException(String message, Throwable cause) {
        super(message, false, cause);
    }

    @Override
    public TlsException copyForRethrow() {
        return new TlsException(getMessage(), this);
    }
}
