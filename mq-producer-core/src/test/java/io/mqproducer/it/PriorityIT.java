package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.TransactionState;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** Priority messages (RocketMQ 5.4+) against the embedded 5.5 broker, which picks the queue from the priority. */
@EmbeddedRocketMQTest
class PriorityIT {

    private static Message prioritized(String topic, int priority) {
        return Message.builder(topic).body(("p" + priority).getBytes(StandardCharsets.UTF_8)).priority(priority)
                .build();
    }

    @Test
    void theBrokerStoresEachPriorityInItsQueue(EmbeddedRocketMQ broker) {
        String topic = "PriorityIT";
        broker.createTopic(topic, 4);
        try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .producerGroup("priority-it").build()).start()) {
            // Sent several times each so that round robin would have put them on every queue.
            List<SendResult> results = List.of(0, 1, 2, 3, 7, 0, 1, 2, 3, 7).stream()
                    .map(p -> producer.send(prioritized(topic, p))).toList();
            assertThat(results).extracting(r -> r.queue().queueId())
                    .as("the send result names the queue the broker chose")
                    .containsExactly(0, 1, 2, 3, 3, 0, 1, 2, 3, 3);
            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
                List<MessageExt> stored = consumer.await(10, Duration.ofSeconds(30));
                Map<String, List<Integer>> queuesByBody = stored.stream().collect(Collectors.groupingBy(
                        m -> new String(m.getBody(), StandardCharsets.UTF_8),
                        Collectors.mapping(MessageExt::getQueueId, Collectors.toList())));
                assertThat(queuesByBody).containsOnly(Map.entry("p0", List.of(0, 0)), Map.entry("p1", List.of(1, 1)),
                        Map.entry("p2", List.of(2, 2)), Map.entry("p3", List.of(3, 3)),
                        Map.entry("p7", List.of(3, 3)));
            }
        }
    }

    @Test
    void whatCannotCarryAPriorityIsRefusedBeforeTheWire(EmbeddedRocketMQ broker) {
        assertThatThrownBy(() -> Message.builder("t").body(new byte[] {1}).priority(-1))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> Message.builder("t").body(new byte[] {1}).priority(1).delayLevel(2).build())
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("cannot be delayed");
        assertThatThrownBy(() -> Message.builder("t").body(new byte[] {1}).property("_SYS_MSG_PRIORITY_", "3")
                .build()).isInstanceOf(InvalidMessageException.class).hasMessageContaining("reserved");
        try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .producerGroup("priority-rules").build()).start()) {
            Message message = prioritized("PriorityIT_rules", 2);
            assertThatThrownBy(() -> producer.sendOrderly(message, "key")).isInstanceOf(InvalidMessageException.class)
                    .hasMessageContaining("priority");
            assertThatThrownBy(() -> producer.sendBatch(List.of(message, message)))
                    .isInstanceOf(InvalidMessageException.class).hasMessageContaining("priority");
            assertThatThrownBy(() -> producer.sendInTransaction(message, m -> TransactionState.COMMIT))
                    .isInstanceOf(InvalidMessageException.class).hasMessageContaining("priority");
        }
    }
}
