package io.mqproducer.spring.boot.autoconfigure.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.SendStatus;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.ReadBackConsumer;
import io.mqproducer.test.spring.EmbeddedRocketMQBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code @EmbeddedRocketMQBroker} on a {@code @SpringBootTest}: the starter's template sends to the embedded broker. */
@SpringBootTest(classes = EmbeddedBrokerApp.class)
@EmbeddedRocketMQBroker
class EmbeddedRocketMQBrokerIT {

    @Autowired
    EmbeddedRocketMQ rocketMQ;

    @Autowired
    ProducerTemplate template;

    @Test
    void templateSendsToTheEmbeddedBroker() {
        EmbeddedBrokerApp.SEEN_NAME_SERVERS.add(rocketMQ.nameServerAddress());
        // One queue: the read-back consumer's pull threads would otherwise long-poll empty queues first.
        rocketMQ.createTopic("embedded-broker-it", 1);

        assertThat(template.send("embedded-broker-it:greeting", "hello").status()).isEqualTo(SendStatus.SEND_OK);

        try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "embedded-broker-it")) {
            List<MessageExt> messages = consumer.await(1, Duration.ofSeconds(30));
            assertThat(messages).singleElement().satisfies(message -> {
                assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
                assertThat(message.getTags()).isEqualTo("greeting");
            });
        }
        assertThat(EmbeddedBrokerApp.SEEN_NAME_SERVERS).containsExactly(rocketMQ.nameServerAddress());
    }
}
