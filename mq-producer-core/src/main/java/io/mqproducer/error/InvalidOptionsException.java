package io.mqproducer.error;

/** Producer options that cannot work (missing name server, bad timeout); raised when the producer is built. */
public class InvalidOptionsException extends ProducerException {
    private final String option;

    public InvalidOptionsException(String message) {
        this(null, message);
    }

    /**
     * @param option  the {@link io.mqproducer.ProducerOptions.Builder} setting at fault, e.g. {@code sendTimeout}
     * @param message what is wrong and what is allowed
     */
    public InvalidOptionsException(String option, String message) {
        super(message, false);
        this.option = option;
    }

    /** The name of the builder setting at fault (e.g. {@code sendTimeout}), or null if none applies. */
    public String option() {
        return option;
    }

    private InvalidOptionsException(InvalidOptionsException original) {
        super(original.getMessage(), false, original);
        this.option = original.option;
    }

    @Override
    public InvalidOptionsException copyForRethrow() {
        return new InvalidOptionsException(this);
    }
}
