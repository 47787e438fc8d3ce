package io.mqproducer.benchmark;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.message.Message;
import java.util.function.Consumer;

/**
 * This project's {@link Producer}, with this benchmark's settings. All its threads are named {@code mq-producer-*}
 * (io, timer, callback, scheduler).
 */
final class OurClient implements BenchmarkClient {
    static final String LABEL = "mq-producer";
    private static final String THREAD_PREFIX = "mq-producer-";

    private final Producer producer;
    private final MessageShape shape;
    private final byte[] body;

    OurClient(ClientSettings settings) {
        this.shape = settings.shape();
        this.body = settings.body();
        this.producer = Producer.create(ProducerOptions.builder(settings.nameServer())
                .producerGroup("benchmark-mq-producer")
                .sendTimeout(settings.sendTimeout())
                .retries(settings.retries())
                .maxInflightAsync(settings.asyncWindow())
                .binaryHeaders(settings.binaryHeaders())
                .batchLinger(java.time.Duration.ofNanos(settings.batchLingerMicros() * 1000L))
                .adaptiveBatching(settings.adaptiveBatching())
                .compressionType(settings.compression())
                .resources(settings.sharedResources())
                .build()).start();
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public void send() {
        // A new message per send, as an application would build one; the official client gets the same.
        producer.send(message());
    }

    @Override
    public void sendAsync(Consumer<Throwable> done) {
        producer.sendAsync(message()).whenComplete((result, error) -> done.accept(error));
    }

    private Message message() {
        long n = shape.next();
        if (!shape.traced()) {
            return Message.of(shape.topic(n), body);
        }
        return Message.builder(shape.topic(n)).body(body).tags(shape.tag())
                .keys(shape.orderKey(n), shape.userKey(n))
                .property("traceparent", shape.traceParent(n))
                .property("tenant", MessageShape.TENANT)
                .property("source", MessageShape.SOURCE)
                .build();
    }

    @Override
    public boolean ownsThread(String threadName) {
        return threadName.startsWith(THREAD_PREFIX) || SharedThreads.isNettyShared(threadName);
    }

    @Override
    public void close() {
        producer.close();
    }
}
