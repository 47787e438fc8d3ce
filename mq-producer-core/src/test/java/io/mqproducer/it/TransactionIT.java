package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.HalfMessage;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.error.LocalTransactionFailedException;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** Commit, rollback and the broker's check-back against a real broker. */
@EmbeddedRocketMQTest
class TransactionIT {

    private static Message message(String topic, String body) {
        return Message.builder(topic).body(body.getBytes(StandardCharsets.UTF_8)).property("order", body).build();
    }

    @Test
    void commitRollbackAndCheckBack(EmbeddedRocketMQ broker) {
        String topic = "TransactionIT";
        broker.createTopic(topic, 2);
        List<HalfMessage> checked = new CopyOnWriteArrayList<>();
        try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .producerGroup("tx-it").transactionChecker(half -> {
                    checked.add(half);
                    return "undecided".equals(half.property("order")) ? TransactionState.COMMIT : TransactionState.ROLLBACK;
                }).build()).start()) {

            TransactionResult committed = producer.sendInTransaction(message(topic, "committed"),
                    m -> TransactionState.COMMIT);
            assertThat(committed.state()).isEqualTo(TransactionState.COMMIT);
            TransactionResult rolledBack = producer.sendInTransaction(message(topic, "rolled-back"),
                    m -> TransactionState.ROLLBACK);
            assertThat(rolledBack.state()).isEqualTo(TransactionState.ROLLBACK);
            TransactionResult undecided = producer.sendInTransaction(message(topic, "undecided"),
                    m -> TransactionState.UNKNOWN);
            assertThatThrownBy(() -> producer.sendInTransaction(message(topic, "failing"), m -> {
                throw new IllegalStateException("local failure");
            })).isExactlyInstanceOf(LocalTransactionFailedException.class).hasRootCauseMessage("local failure");

            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
                List<MessageExt> received = consumer.await(2, Duration.ofSeconds(60));
                assertThat(received).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                        .containsExactlyInAnyOrder("committed", "undecided");
                assertThat(received).filteredOn(m -> m.getUserProperty("order").equals("undecided"))
                        .singleElement().satisfies(m -> assertThat(m.getMsgId()).isEqualTo(undecided.sendResult().messageId()));
                assertThat(consumer.drain(Duration.ofSeconds(3))).as("rolled back and failed ones never appear")
                        .extracting(m -> m.getUserProperty("order")).containsExactlyInAnyOrder("committed", "undecided");
            }
            assertThat(checked).extracting(h -> h.property("order")).contains("undecided", "failing")
                    .as("decided transactions are never asked about").doesNotContain("committed", "rolled-back");
            assertThat(checked).filteredOn(h -> h.property("order").equals("undecided")).first().satisfies(h -> {
                assertThat(h.topic()).isEqualTo(topic);
                assertThat(h.messageId()).isEqualTo(undecided.sendResult().messageId());
                assertThat(new String(h.body(), StandardCharsets.UTF_8)).isEqualTo("undecided");
            });
        }
    }
}
