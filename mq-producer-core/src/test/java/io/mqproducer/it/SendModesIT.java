package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.MessageQueue;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.message.Message;
import io.mqproducer.spi.MessageQueueSelector;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Orderly, batch (sync and async), selector (async), delayed, timer, compressed and namespaced sends, read back with
 * the official consumer.
 */
@EmbeddedRocketMQTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendModesIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private EmbeddedRocketMQ broker;
    private Producer producer;

    @BeforeAll
    void startProducer(EmbeddedRocketMQ broker) {
        this.broker = broker;
        producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress()).producerGroup("modes-it")
                .sendTimeout(Duration.ofSeconds(5)).build()).start();
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void orderlySendsKeepEachKeyOnOneQueueInOrder() {
        String topic = "ModesIT_orderly";
        broker.createTopic(topic, 4);
        List<String> keys = List.of("order-1", "order-2", "order-3", "order-4", "order-5");
        for (int step = 0; step < 10; step++) {
            for (String key : keys) {
                producer.sendOrderly(Message.builder(topic).body(utf8(key + "#" + step)).property("key", key).build(), key);
            }
        }
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            List<MessageExt> received = consumer.await(50, READ_TIMEOUT);
            Map<String, List<MessageExt>> byKey = received.stream()
                    .collect(Collectors.groupingBy(m -> m.getUserProperty("key")));
            assertThat(byKey).hasSize(5);
            byKey.forEach((key, messages) -> {
                assertThat(messages.stream().map(MessageExt::getQueueId).distinct()).as(key).hasSize(1);
                List<String> inQueueOrder = messages.stream().sorted(Comparator.comparingLong(MessageExt::getQueueOffset))
                        .map(SendModesIT::text).toList();
                List<String> expected = new ArrayList<>();
                for (int step = 0; step < 10; step++) {
                    expected.add(key + "#" + step);
                }
                assertThat(inQueueOrder).containsExactlyElementsOf(expected);
            });
        }
    }

    @Test
    void batchIsStoredAsConsecutiveMessages() {
        String topic = "ModesIT_batch";
        broker.createTopic(topic, 2);
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(Message.builder(topic).body(utf8("batch-" + i)).tags("b").keys("k" + i).build());
        }
        List<SendResult> results = producer.sendBatch(batch);
        assertThat(results).hasSize(50).allMatch(r -> r.status() == SendStatus.SEND_OK);
        assertThat(results.stream().map(r -> r.queue().queueId()).distinct()).hasSize(1);
        for (int i = 1; i < 50; i++) {
            assertThat(results.get(i).queueOffset()).isEqualTo(results.get(0).queueOffset() + i);
        }
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            List<MessageExt> received = consumer.await(50, READ_TIMEOUT);
            Map<String, MessageExt> byId = received.stream().collect(Collectors.toMap(MessageExt::getMsgId, m -> m));
            for (int i = 0; i < 50; i++) {
                MessageExt message = byId.get(results.get(i).messageId());
                assertThat(message).as("member %d read back by its unique id", i).isNotNull();
                assertThat(text(message)).isEqualTo("batch-" + i);
                assertThat(message.getKeys()).isEqualTo("k" + i);
                assertThat(message.getTags()).isEqualTo("b");
            }
        }
    }

    @Test
    void oversizedBatchIsSplitAndEveryMessageArrives() {
        String topic = "ModesIT_bigbatch";
        broker.createTopic(topic, 1);
        try (Producer small = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .maxMessageSize(64 * 1024).build()).start()) {
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] body = new byte[4096];
                body[0] = (byte) i;
                batch.add(Message.builder(topic).body(body).build());
            }
            List<SendResult> results = small.sendBatch(batch);
            assertThat(results).hasSize(40);
            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
                List<MessageExt> received = consumer.await(40, READ_TIMEOUT);
                assertThat(received.stream().map(m -> (int) m.getBody()[0]).sorted().toList())
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).boxed().toList());
            }
        }
    }

    @Test
    void largeBodiesAreCompressedAndConsumersGetTheOriginal() {
        String topic = "ModesIT_compressed";
        broker.createTopic(topic, 1);
        String original = "compressible text ".repeat(4000);
        SendResult result = producer.send(Message.builder(topic).body(utf8(original)).build());
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            MessageExt message = consumer.await(1, READ_TIMEOUT).get(0);
            assertThat(message.getMsgId()).isEqualTo(result.messageId());
            assertThat(text(message)).isEqualTo(original);
            assertThat(message.getStoreSize()).as("stored compressed").isLessThan(original.length() / 10);
        }
    }

    @Test
    void delayLevelDefersDelivery() {
        String topic = "ModesIT_delay";
        broker.createTopic(topic, 1);
        long sent = System.currentTimeMillis();
        producer.send(Message.builder(topic).body(utf8("later")).delayLevel(2).build()); // level 2 = 5 s
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            MessageExt message = consumer.await(1, READ_TIMEOUT).get(0);
            long arrived = System.currentTimeMillis();
            assertThat(text(message)).isEqualTo("later");
            assertThat(arrived - sent).as("delivered after the 5 s delay level").isGreaterThanOrEqualTo(4_500);
            assertThat(message.getStoreTimestamp() - message.getBornTimestamp()).isGreaterThanOrEqualTo(4_500);
        }
    }

    @Test
    void timerMessagesAreDeliveredAtTheirTime() {
        String topic = "ModesIT_timer";
        broker.createTopic(topic, 1);
        long sent = System.currentTimeMillis();
        producer.send(Message.builder(topic).body(utf8("at")).deliverAt(java.time.Instant.ofEpochMilli(sent + 3_000)).build());
        producer.send(Message.builder(topic).body(utf8("after")).deliverAfter(Duration.ofSeconds(3)).build());
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            List<MessageExt> received = consumer.await(2, READ_TIMEOUT);
            long arrived = System.currentTimeMillis();
            assertThat(received.stream().map(SendModesIT::text)).containsExactlyInAnyOrder("at", "after");
            assertThat(arrived - sent).as("not before the timer fired").isGreaterThanOrEqualTo(2_500);
        }
    }

    @Test
    void namespacePrefixesTopicOnTheBroker() {
        String wireTopic = "tenantA%ModesIT_ns";
        broker.createTopic(wireTopic, 1);
        try (Producer tenant = Producer.create(ProducerOptions.builder(broker.nameServerAddress()).namespace("tenantA")
                .build()).start()) {
            SendResult result = tenant.send(Message.builder("ModesIT_ns").body(utf8("tenant")).build());
            assertThat(result.queue().topic()).isEqualTo("ModesIT_ns");
            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), wireTopic)) {
                MessageExt message = consumer.await(1, READ_TIMEOUT).get(0);
                assertThat(message.getTopic()).isEqualTo(wireTopic);
                assertThat(text(message)).isEqualTo("tenant");
            }
        }
    }

    @Test
    void asyncSendsWithASmallInflightWindowAllComplete() throws Exception {
        String topic = "ModesIT_window";
        broker.createTopic(topic, 2);
        try (Producer windowed = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .maxInflightAsync(4).build()).start()) {
            List<java.util.concurrent.CompletableFuture<SendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                futures.add(windowed.sendAsync(Message.builder(topic).body(utf8("w" + i)).build()));
                assertThat(windowed.inflightSends()).isLessThanOrEqualTo(4);
            }
            Map<String, Integer> seen = new HashMap<>();
            for (var future : futures) {
                seen.merge(future.get(10, java.util.concurrent.TimeUnit.SECONDS).messageId(), 1, Integer::sum);
            }
            assertThat(seen).hasSize(100);
            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
                assertThat(consumer.await(100, READ_TIMEOUT)).hasSize(100);
            }
        }
    }

    @Test
    void automaticBatchingGivesEachAsyncCallerItsOwnResult() throws Exception {
        String topic = "ModesIT_autobatch";
        broker.createTopic(topic, 4);
        try (Producer batching = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .batchLinger(Duration.ofMillis(5)).batchMaxMessages(64).build()).start()) {
            List<java.util.concurrent.CompletableFuture<SendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                futures.add(batching.sendAsync(Message.builder(topic).body(utf8("auto-" + i)).keys("k" + i).build()));
            }
            Map<String, Integer> indexById = new HashMap<>();
            for (int i = 0; i < futures.size(); i++) {
                SendResult result = futures.get(i).get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
                indexById.put(result.messageId(), i);
            }
            assertThat(indexById).hasSize(300);
            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
                consumer.await(300, READ_TIMEOUT);
                List<MessageExt> received = consumer.drain(Duration.ofSeconds(1));
                assertThat(received).hasSize(300);
                for (MessageExt message : received) {
                    Integer index = indexById.get(message.getMsgId());
                    assertThat(index).as("each caller's result names its own message").isNotNull();
                    assertThat(text(message)).isEqualTo("auto-" + index);
                    assertThat(message.getKeys()).isEqualTo("k" + index);
                }
                long distinctOffsetsPerQueue = received.stream().map(m -> m.getQueueId() + ":" + m.getQueueOffset())
                        .distinct().count();
                assertThat(distinctOffsetsPerQueue).isEqualTo(300);
            }
        }
    }

    @Test
    void batchSentAsyncIsStoredAsConsecutiveMessages() throws Exception {
        String topic = "AsyncModesIT_batch";
        broker.createTopic(topic, 2);
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(Message.builder(topic).body(utf8("async-batch-" + i)).keys("k" + i).build());
        }
        CompletableFuture<List<SendResult>> future = producer.sendBatchAsync(batch);
        List<SendResult> results = future.get(10, TimeUnit.SECONDS);

        assertThat(results).hasSize(20).allMatch(r -> r.status() == SendStatus.SEND_OK);
        assertThat(results.stream().map(SendResult::queue).distinct()).as("one request, one queue").hasSize(1);
        for (int i = 1; i < 20; i++) {
            assertThat(results.get(i).queueOffset()).isEqualTo(results.get(0).queueOffset() + i);
        }
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            Map<String, MessageExt> byId = consumer.await(20, READ_TIMEOUT).stream()
                    .collect(Collectors.toMap(MessageExt::getMsgId, m -> m));
            for (int i = 0; i < 20; i++) {
                MessageExt message = byId.get(results.get(i).messageId());
                assertThat(message).as("member %d read back by its id", i).isNotNull();
                assertThat(text(message)).isEqualTo("async-batch-" + i);
                assertThat(message.getKeys()).isEqualTo("k" + i);
            }
        }
    }

    @Test
    void asyncSendGoesToTheQueueTheSelectorPicksInOrder() throws Exception {
        String topic = "AsyncModesIT_selector";
        broker.createTopic(topic, 4);
        MessageQueueSelector lastQueue = (queues, message) -> queues.get(queues.size() - 1);
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(producer.sendAsync(Message.builder(topic).body(utf8("selected-" + i)).build(), lastQueue));
            futures.get(i).get(10, TimeUnit.SECONDS); // one at a time: their order on the queue is the send order
        }
        List<MessageQueue> chosen = new ArrayList<>();
        for (CompletableFuture<SendResult> future : futures) {
            chosen.add(future.join().queue());
        }
        assertThat(chosen).as("every send on the selected queue").containsOnly(chosen.get(0));
        assertThat(chosen.get(0).queueId()).isEqualTo(3);

        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            List<MessageExt> received = consumer.await(10, READ_TIMEOUT);
            assertThat(received).allMatch(m -> m.getQueueId() == 3);
            assertThat(received.stream().sorted(Comparator.comparingLong(MessageExt::getQueueOffset))
                    .map(SendModesIT::text).toList())
                    .containsExactly("selected-0", "selected-1", "selected-2", "selected-3", "selected-4",
                            "selected-5", "selected-6", "selected-7", "selected-8", "selected-9");
        }
    }
}
