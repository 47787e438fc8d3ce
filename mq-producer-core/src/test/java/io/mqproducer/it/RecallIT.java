package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.RecallDisabledException;
import io.mqproducer.message.Message;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/**
 * Recall of timer messages against real 5.5 brokers: one with recall enabled, and the class's default one, which has it
 * off as RocketMQ ships.
 */
@EmbeddedRocketMQTest
class RecallIT {

    private static Message timer(String topic, String body, Duration delay) {
        return Message.builder(topic).body(body.getBytes(StandardCharsets.UTF_8)).deliverAfter(delay).build();
    }

    private static String text(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void aRecalledTimerMessageNeverArrivesAndAnUnrecalledOneDoes() {
        String topic = "RecallIT-recall";
        try (EmbeddedRocketMQ broker = EmbeddedRocketMQ.builder().recallEnabled(true).start();
             Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                     .producerGroup("recall-it").sendTimeout(Duration.ofSeconds(20)).build()).start()) {
            broker.createTopic(topic, 2);
            SendResult recalled = producer.send(timer(topic, "recalled", Duration.ofSeconds(4)));
            SendResult kept = producer.send(timer(topic, "kept", Duration.ofSeconds(4)));
            SendResult plain = producer.send(Message.of(topic, "plain".getBytes(StandardCharsets.UTF_8)));
            assertThat(recalled.recallHandle()).isNotBlank();
            assertThat(kept.recallHandle()).isNotBlank().isNotEqualTo(recalled.recallHandle());
            assertThat(plain.recallHandle()).as("only timer messages can be recalled").isNull();

            producer.recall(topic, recalled.recallHandle());

            try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
                consumer.await(2, Duration.ofSeconds(60));
                List<MessageExt> all = consumer.drain(Duration.ofSeconds(4));
                assertThat(all).extracting(RecallIT::text).containsExactlyInAnyOrder("plain", "kept");
                assertThat(all).filteredOn(m -> text(m).equals("kept")).singleElement()
                        .satisfies(m -> assertThat(m.getMsgId()).isEqualTo(kept.messageId()));
            }
        }
    }

    @Test
    void aBrokerWithRecallOffSaysHowToEnableIt(EmbeddedRocketMQ broker) {
        String topic = "RecallIT-disabled";
        broker.createTopic(topic, 1);
        try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .producerGroup("recall-it-off").sendTimeout(Duration.ofSeconds(20)).build()).start()) {
            SendResult sent = producer.send(timer(topic, "stays", Duration.ofSeconds(30)));
            assertThat(sent.recallHandle()).isNotBlank();

            assertThatThrownBy(() -> producer.recall(topic, sent.recallHandle()))
                    .isInstanceOf(RecallDisabledException.class)
                    .hasMessageContaining("recallMessageEnable=true")
                    .satisfies(e -> assertThat(((RecallDisabledException) e).code()).isEqualTo(16))
                    .satisfies(e -> assertThat(((RecallDisabledException) e).isRetriable()).isFalse());
            assertThatThrownBy(() -> producer.recallAsync(topic, sent.recallHandle()).join())
                    .hasCauseInstanceOf(RecallDisabledException.class);
            assertThatThrownBy(() -> producer.recall("RecallIT-other", sent.recallHandle()))
                    .isInstanceOf(InvalidMessageException.class).hasMessageContaining("belongs to topic 'RecallIT-disabled'");
        }
    }
}
