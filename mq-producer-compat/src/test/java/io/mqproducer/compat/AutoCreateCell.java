package io.mqproducer.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.message.Message;
import io.mqproducer.test.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The auto-create cell, for shapes whose brokers create unknown topics on first send (not through a proxy). */
interface AutoCreateCell {

    Producer producer();

    List<StoredMessage> assertStoredExactlyOnce(String topic, List<Message> sent, List<String> messageIds);

    @Test
    default void autoCreatedTopic() {
        String topic = getClass().getSimpleName() + "-auto";
        Message message = Message.builder(topic).body("auto-created".getBytes(StandardCharsets.UTF_8)).tags("tag-a")
                .keys("key-auto").build();
        String id = producer().send(message).messageId();
        List<StoredMessage> stored = assertStoredExactlyOnce(topic, List.of(message), List.of(id));
        assertThat(stored.get(0).brokerName()).isEqualTo("broker-a");
    }
}
