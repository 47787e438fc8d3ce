package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sends through our producer to a real broker and reads back with the official consumer. */
@EmbeddedRocketMQTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private EmbeddedRocketMQ broker;
    private Producer producer;

    @BeforeAll
    void startProducer(EmbeddedRocketMQ broker) {
        this.broker = broker;
        producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .producerGroup("send-it").sendTimeout(Duration.ofSeconds(5)).build()).start();
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    @Test
    void syncSendsArriveExactlyOnceWithEveryField() {
        String topic = "SendIT_sync";
        broker.createTopic(topic, 4);
        int count = 40;
        Map<String, SendResult> results = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Message message = Message.builder(topic).body(("body-" + i).getBytes(StandardCharsets.UTF_8))
                    .tags("tag" + (i % 3)).keys("key-" + i, "order-" + i).property("index", Integer.toString(i))
                    .property("ünicode", "välue ✓").build();
            SendResult result = producer.send(message);
            assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.messageId()).hasSize(32);
            assertThat(result.offsetMessageId()).isNotBlank();
            assertThat(result.queue().topic()).isEqualTo(topic);
            results.put(result.messageId(), result);
        }
        assertThat(results).hasSize(count);
        assertThat(results.values().stream().map(r -> r.queue().queueId()).collect(Collectors.toSet()))
                .as("round robin spreads over all queues").containsExactlyInAnyOrder(0, 1, 2, 3);

        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            consumer.await(count, READ_TIMEOUT);
            List<MessageExt> received = consumer.drain(Duration.ofSeconds(1));
            assertThat(received).as("every message exactly once").hasSize(count);
            Map<String, MessageExt> byIndex = received.stream()
                    .collect(Collectors.toMap(m -> m.getUserProperty("index"), Function.identity()));
            assertThat(byIndex).hasSize(count);
            for (int i = 0; i < count; i++) {
                MessageExt message = byIndex.get(Integer.toString(i));
                assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("body-" + i);
                assertThat(message.getTags()).isEqualTo("tag" + (i % 3));
                assertThat(message.getKeys()).isEqualTo("key-" + i + " order-" + i);
                assertThat(message.getUserProperty("ünicode")).isEqualTo("välue ✓");
                SendResult result = results.get(message.getMsgId());
                assertThat(result).as("consumer's message id is our unique id").isNotNull();
                assertThat(message.getQueueId()).isEqualTo(result.queue().queueId());
                assertThat(message.getQueueOffset()).isEqualTo(result.queueOffset());
                assertThat(message.getBornTimestamp()).isPositive();
            }
        }
    }

    @Test
    void asyncSendsAllCompleteAndArrive() {
        String topic = "SendIT_async";
        broker.createTopic(topic, 4);
        int count = 200;
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(producer.sendAsync(Message.builder(topic).body(("async-" + i).getBytes(StandardCharsets.UTF_8))
                    .build()));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        Set<String> ids = futures.stream().map(f -> f.join().messageId()).collect(Collectors.toSet());
        assertThat(ids).hasSize(count);

        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            List<MessageExt> received = consumer.await(count, READ_TIMEOUT);
            assertThat(received.stream().map(MessageExt::getMsgId).collect(Collectors.toSet())).isEqualTo(ids);
            assertThat(received).hasSize(count);
        }
    }

    @Test
    void onewaySendsArrive() {
        String topic = "SendIT_oneway";
        broker.createTopic(topic, 2);
        for (int i = 0; i < 10; i++) {
            producer.sendOneway(Message.builder(topic).body(("oneway-" + i).getBytes(StandardCharsets.UTF_8)).build());
        }
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            Set<String> bodies = new HashSet<>();
            consumer.await(10, READ_TIMEOUT).forEach(m -> bodies.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            assertThat(bodies).hasSize(10).contains("oneway-0", "oneway-9");
        }
    }

    @Test
    void unknownTopicIsCreatedByTheBroker() {
        String topic = "SendIT_auto_" + System.nanoTime();
        SendResult result = producer.send(Message.builder(topic).body("first".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.queue().topic()).isEqualTo(topic);
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            List<MessageExt> received = consumer.await(1, READ_TIMEOUT);
            assertThat(received).singleElement().satisfies(m -> {
                assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("first");
                assertThat(m.getMsgId()).isEqualTo(result.messageId());
            });
        }
    }

    @Test
    void jsonHeadersWorkToo() {
        String topic = "SendIT_json";
        broker.createTopic(topic, 1);
        try (Producer json = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .binaryHeaders(false).build()).start()) {
            SendResult result = json.send(Message.builder(topic).body("json".getBytes(StandardCharsets.UTF_8))
                    .tags("j").build());
            assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
                assertThat(consumer.await(1, READ_TIMEOUT)).singleElement()
                        .satisfies(m -> assertThat(m.getTags()).isEqualTo("j"));
            }
        }
    }
}
