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

/** The async forms of batch and selector sends, read back with the official consumer. */
@EmbeddedRocketMQTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncSendModesIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private EmbeddedRocketMQ broker;
    private Producer producer;

    @BeforeAll
    void startProducer(EmbeddedRocketMQ broker) {
        this.broker = broker;
        producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress()).producerGroup("async-modes-it")
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
                    .map(AsyncSendModesIT::text).toList())
                    .containsExactly("selected-0", "selected-1", "selected-2", "selected-3", "selected-4",
                            "selected-5", "selected-6", "selected-7", "selected-8", "selected-9");
        }
    }
}
