package io.mqproducer.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.message.Message;
import io.mqproducer.test.RocketMQCluster;
import io.mqproducer.test.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The timer-message cell, for shapes whose servers have timers (RocketMQ 5; 4.9 has only delay levels). */
interface TimerCell {

    RocketMQCluster cluster();

    Producer producer();

    String topic(String messageType);

    @Test
    default void timerSend() {
        String topic = topic("DELAY");
        Message timed = Message.builder(topic).body("timed".getBytes(StandardCharsets.UTF_8))
                .deliverAfter(Duration.ofSeconds(3)).build();
        String id = producer().send(timed).messageId();
        StoredMessage stored = cluster().readBack(topic, 1, CompatibilityMatrix.READ_TIMEOUT).get(0);
        assertThat(stored.messageId()).isEqualTo(id);
        assertThat(stored.storeTimestamp() - stored.bornTimestamp()).as("delivered when due, 3 s after it was born")
                .isGreaterThanOrEqualTo(2_500);
    }
}
