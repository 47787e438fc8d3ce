package io.mqproducer.internal;

import io.mqproducer.error.ProducerException;
import io.mqproducer.error.UnexpectedFailureException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns whatever a future failed with into the producer's own exception type. */
public final class Failures {

    private Failures() {
    }

    /** Strips CompletableFuture's wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The producer exception behind {@code error}, or a non-retriable wrapper of an unexpected one. */
    public static ProducerException asProducerException(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ProducerException producerException) {
            return producerException;
        }
        return new UnexpectedFailureException("unexpected failure: " + cause, cause);
    }
}
