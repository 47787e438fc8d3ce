package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.Producer;
import java.util.function.Supplier;

/** The producer an observer was created for, known once it has been started. */
final class ProducerReference implements Supplier<Producer> {
    private volatile Producer producer;

    @Override
    public Producer get() {
        return producer;
    }

    /** Sets the started producer and returns it. */
    Producer set(Producer started) {
        this.producer = started;
        return started;
    }
}
