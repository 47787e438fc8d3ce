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
    private final String topic;
    private final byte[] body;

    OurClient(ClientSettings settings) {
        this.topic = settings.topic();
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
                .build()).start();
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public void send() {
        // A new message per send, as an application would build one; the official client gets the same.
        producer.send(Message.of(topic, body));
    }

    @Override
    public void sendAsync(Consumer<Throwable> done) {
        producer.sendAsync(Message.of(topic, body)).whenComplete((result, error) -> done.accept(error));
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
