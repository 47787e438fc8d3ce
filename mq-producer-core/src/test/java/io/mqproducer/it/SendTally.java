package io.mqproducer.it;

import io.mqproducer.MessageQueue;
import io.mqproducer.Producer;
import io.mqproducer.SendResult;
import io.mqproducer.internal.Failures;
import io.mqproducer.message.Message;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Counts the sends of one kind (sync, async, batch, oneway) during a reliability test: every body sent, where each
 * acknowledged one was stored, how many failed and with what, the slowest; and reads the topic back with the official
 * consumer to count what is missing and what was stored twice.
 */
final class SendTally {
    private final String topic;
    private final String kind;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, MessageQueue> acked = new ConcurrentHashMap<>();
    private final Set<String> oneway = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final AtomicLong slowestNanos = new AtomicLong();

    SendTally(String topic, String kind) {
        this.topic = topic;
        this.kind = kind;
    }

    private Message next() {
        return Message.of(topic, (kind + "-" + sequence.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
    }

    private static String body(Message message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }

    void send(Producer producer) {
        Message message = next();
        long started = System.nanoTime();
        try {
            ended(message, producer.send(message), null, started);
        } catch (RuntimeException e) {
            ended(message, null, e, started);
        }
    }

    /** An async send once {@code window} has room; the slot is given back when it ends. */
    void sendAsync(Producer producer, Semaphore window) {
        window.acquireUninterruptibly();
        Message message = next();
        long started = System.nanoTime();
        producer.sendAsync(message).whenComplete((result, error) -> {
            ended(message, result, error, started);
            window.release();
        });
    }

    void sendBatch(Producer producer, int size) {
        List<Message> batch = java.util.stream.IntStream.range(0, size).mapToObj(i -> next()).toList();
        long started = System.nanoTime();
        try {
            List<SendResult> results = producer.sendBatch(batch);
            for (int i = 0; i < batch.size(); i++) {
                ended(batch.get(i), results.get(i), null, started);
            }
        } catch (RuntimeException e) {
            batch.forEach(message -> ended(message, null, e, started));
        }
    }

    void sendOneway(Producer producer) {
        Message message = next();
        try {
            producer.sendOneway(message);
            oneway.add(body(message));
        } catch (RuntimeException e) {
            failures.merge(Failures.unwrap(e).getClass().getSimpleName(), 1, Integer::sum);
        }
    }

    private void ended(Message message, SendResult result, Throwable error, long startedNanos) {
        slowestNanos.accumulateAndGet(System.nanoTime() - startedNanos, Math::max);
        if (error == null) {
            acked.put(body(message), result.queue());
        } else {
            failures.merge(Failures.unwrap(error).getClass().getSimpleName(), 1, Integer::sum);
        }
    }

    int sent() {
        return sequence.get();
    }

    /** Bodies the broker acknowledged; for oneway sends, the bodies written without an error. */
    Set<String> acked() {
        return oneway.isEmpty() ? acked.keySet() : oneway;
    }

    int failed() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Integer> failures() {
        return new TreeMap<>(failures);
    }

    long slowestMillis() {
        return slowestNanos.get() / 1_000_000;
    }

    Set<String> brokers() {
        return acked.values().stream().map(MessageQueue::brokerName).collect(Collectors.toSet());
    }

    Map<Integer, Integer> perQueueOf(String broker) {
        Map<Integer, Integer> counts = new TreeMap<>();
        acked.values().stream().filter(q -> q.brokerName().equals(broker))
                .forEach(q -> counts.merge(q.queueId(), 1, Integer::sum));
        return counts;
    }

    /** How this kind fared against what the consumer read: "sent, acknowledged, failed, missing, duplicates". */
    String summary(Map<String, Integer> read) {
        return String.format("%s: sent %d, acknowledged %d, failed %d %s, missing %d, duplicates %d, slowest %d ms", kind,
                sent(), acked().size(), failed(), failures(), missing(read), duplicates(read), slowestMillis());
    }

    long missing(Map<String, Integer> read) {
        return acked().stream().filter(body -> !read.containsKey(body)).count();
    }

    long duplicates(Map<String, Integer> read) {
        String prefix = kind + "-";
        return read.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getValue() > 1).count();
    }

    /** Every body on {@code topic} with how often it was read, once at least {@code atLeast} arrived. */
    static Map<String, Integer> readBack(String nameServer, String topic, int atLeast) {
        try (ReadBackConsumer consumer = ReadBackConsumer.of(nameServer, topic)) {
            consumer.await(atLeast, Duration.ofSeconds(120));
            List<MessageExt> received = consumer.drain(Duration.ofSeconds(3));
            return received.stream().collect(Collectors.toMap(m -> new String(m.getBody(), StandardCharsets.UTF_8),
                    m -> 1, Integer::sum));
        }
    }
}
