package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** Adaptive batching against a real broker: overlapping sends share requests, each sender gets its own result. */
@EmbeddedRocketMQTest
class AdaptiveBatchingIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private static Producer producer(EmbeddedRocketMQ broker) {
        return Producer.create(ProducerOptions.builder(broker.nameServerAddress()).producerGroup("adaptive-it")
                .adaptiveBatching(true).sendTimeout(Duration.ofSeconds(5)).build()).start();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void syncSendersOnManyThreadsEachGetTheirOwnMessageStoredOnce(EmbeddedRocketMQ broker) throws Exception {
        String topic = "AdaptiveIT_sync";
        broker.createTopic(topic, 4);
        int threads = 8;
        int perThread = 60;
        Map<String, String> bodyById = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try (Producer producer = producer(broker)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(senders.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String body = "t" + thread + "-" + i;
                        SendResult result = producer.send(Message.builder(topic).body(utf8(body)).keys(body)
                                .property("thread", Integer.toString(thread)).build());
                        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
                        assertThat(bodyById.put(result.messageId(), body)).as("ids are unique").isNull();
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(bodyById).hasSize(threads * perThread);
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            consumer.await(threads * perThread, READ_TIMEOUT);
            List<MessageExt> received = consumer.drain(Duration.ofSeconds(1));
            assertThat(received).hasSize(threads * perThread);
            for (MessageExt message : received) {
                String body = new String(message.getBody(), StandardCharsets.UTF_8);
                assertThat(bodyById.get(message.getMsgId())).as("the id a sender got names its own message")
                        .isEqualTo(body);
                assertThat(message.getKeys()).isEqualTo(body);
                assertThat(message.getUserProperty("thread")).isEqualTo(body.substring(1, body.indexOf('-')));
            }
        }
    }

    @Test
    void sendsWaitingForARequestShareTheNextOneAndABadMessageFailsAlone(EmbeddedRocketMQ broker) throws Exception {
        String topic = "AdaptiveIT_async";
        broker.createTopic(topic, 4);
        int count = 200;
        List<CompletableFuture<SendResult>> results = new ArrayList<>();
        CompletableFuture<SendResult> bad;
        try (Producer producer = producer(broker)) {
            // The first sends wait for the route lookup, so the rest queue up behind them.
            for (int i = 0; i < count / 2; i++) {
                results.add(producer.sendAsync(Message.builder(topic).body(utf8("m-" + i)).build()));
            }
            bad = producer.sendAsync(Message.builder(topic).body(utf8("too many properties"))
                    .property("huge", "x".repeat(40_000)).build());
            for (int i = count / 2; i < count; i++) {
                results.add(producer.sendAsync(Message.builder(topic).body(utf8("m-" + i)).build()));
            }
            for (CompletableFuture<SendResult> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).status()).isEqualTo(SendStatus.SEND_OK);
            }
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InvalidMessageException.class);
        }
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            consumer.await(count, READ_TIMEOUT);
            List<MessageExt> received = consumer.drain(Duration.ofSeconds(1));
            assertThat(received).hasSize(count);
            Map<String, String> bodyById = received.stream().collect(Collectors.toMap(MessageExt::getMsgId,
                    m -> new String(m.getBody(), StandardCharsets.UTF_8)));
            for (int i = 0; i < count; i++) {
                assertThat(bodyById.get(results.get(i).join().messageId())).as("the id sender %d got", i)
                        .isEqualTo("m-" + i);
            }
        }
        // Members of one batch request are stored together in the order they were sent: one queue, consecutive
        // offsets. Sent alone, consecutive sends go round robin to different queues.
        int sharedWithPrevious = 0;
        for (int i = 1; i < count; i++) {
            SendResult previous = results.get(i - 1).join();
            SendResult current = results.get(i).join();
            if (current.queue().equals(previous.queue()) && current.queueOffset() == previous.queueOffset() + 1) {
                sharedWithPrevious++;
            }
        }
        assertThat(sharedWithPrevious).as("sends that went in one request with the one before").isGreaterThan(count / 4);
    }

    @Test
    void aBrokerStricterThanTheClientGetsTheBatchMessageByMessage() throws Exception {
        int brokerLimit = 8 * 1024; // the client assumes RocketMQ's default of 4 MiB
        try (EmbeddedRocketMQ strict = EmbeddedRocketMQ.builder().maxMessageSize(brokerLimit).start()) {
            String topic = "AdaptiveIT_strict";
            strict.createTopic(topic, 2);
            int count = 40;
            List<CompletableFuture<SendResult>> results = new ArrayList<>();
            try (Producer producer = producer(strict)) {
                // 40 x 1 KiB queued behind the first sends' route lookup: batches far above the broker's limit.
                for (int i = 0; i < count; i++) {
                    byte[] body = new byte[1024];
                    body[0] = (byte) i;
                    results.add(producer.sendAsync(Message.builder(topic).body(body).keys("strict-" + i).build()));
                }
                for (CompletableFuture<SendResult> result : results) {
                    assertThat(result.get(15, TimeUnit.SECONDS).status()).isEqualTo(SendStatus.SEND_OK);
                }
            }
            try (ReadBackConsumer consumer = ReadBackConsumer.of(strict.nameServerAddress(), topic)) {
                consumer.await(count, READ_TIMEOUT);
                List<MessageExt> received = consumer.drain(Duration.ofSeconds(1));
                assertThat(received).extracting(MessageExt::getKeys).hasSize(count).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void closingWhileSendersWaitForABatchEndsEverySendAndLosesNoAcknowledgedMessage(EmbeddedRocketMQ broker)
            throws Exception {
        String topic = "AdaptiveIT_close";
        broker.createTopic(topic, 4);
        int threads = 16;
        Map<String, String> acked = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        Producer producer = producer(broker);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(senders.submit(() -> {
                for (int i = 0; ; i++) {
                    String body = "t" + thread + "-" + i;
                    try {
                        acked.put(producer.send(Message.builder(topic).body(utf8(body)).build()).messageId(), body);
                    } catch (io.mqproducer.error.ProducerException e) {
                        failed.incrementAndGet();
                        return; // closed: this sender stops
                    }
                }
            }));
        }
        Thread.sleep(1_000); // let batches form
        producer.close();
        for (Future<?> sender : done) {
            sender.get(10, TimeUnit.SECONDS); // every blocked sender came back
        }
        senders.shutdown();
        assertThat(failed).as("each sender ended with a typed error once the producer closed").hasValue(threads);
        assertThat(acked).isNotEmpty();
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            consumer.await(acked.size(), READ_TIMEOUT);
            // sends cut off by the close may be stored too, unacknowledged: read until nothing more comes
            Map<String, String> stored = consumer.drain(Duration.ofSeconds(2)).stream()
                    .collect(Collectors.toMap(MessageExt::getMsgId, m -> new String(m.getBody(), StandardCharsets.UTF_8),
                            (a, b) -> a));
            assertThat(stored).as("every acknowledged message is stored").containsAllEntriesOf(acked);
        }
    }
}
