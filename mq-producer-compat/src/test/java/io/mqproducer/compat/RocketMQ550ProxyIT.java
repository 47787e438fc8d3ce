package io.mqproducer.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.error.TopicMessageTypeException;
import io.mqproducer.message.Message;
import io.mqproducer.test.RocketMQCluster;
import io.mqproducer.test.RocketMQDistribution;
import io.mqproducer.test.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RocketMQ 5.5.0 behind a proxy in cluster mode: the producer is given the proxy's remoting port as its name server and
 * sends everything through it; topics carry their message type, which the proxy checks.
 */
class RocketMQ550ProxyIT extends CompatibilityMatrix implements TimerCell {

    @Override
    RocketMQCluster startCluster() {
        return RocketMQCluster.builder(RocketMQDistribution.fromSystemProperty("5.5.0")).brokerGroup("broker-a")
                .autoCreateTopics(false).proxy().start();
    }

    @Override
    String orderlyTopicType() {
        return "NORMAL";
    }

    @Test
    void aMessageOfTheWrongTypeIsATypedErrorNamingTheTopic() {
        String topic = topic("NORMAL");
        Message delayed = Message.builder(topic).body("late".getBytes(StandardCharsets.UTF_8)).delayLevel(1).build();
        assertThatThrownBy(() -> producer.send(delayed)).isInstanceOfSatisfying(TopicMessageTypeException.class, e -> {
            assertThat(e.topic()).isEqualTo(topic);
            assertThat(e.isRetriable()).isFalse();
            assertThat(e.getMessage()).contains(topic, "DELAY", "NORMAL", "message.type");
        });
    }

    @Test
    void aProducerWithoutCheckerStillCommitsThroughTheProxy() {
        String topic = topic("TRANSACTION");
        try (io.mqproducer.Producer plain = io.mqproducer.Producer.create(io.mqproducer.ProducerOptions
                .builder(cluster.clientEndpoint()).producerGroup("compat-no-checker").build()).start()) {
            TransactionResult committed = plain.sendInTransaction(txMessage(topic, "committed-unchecked", "none"),
                    m -> TransactionState.COMMIT);
            List<StoredMessage> stored = cluster.readBack(topic, 1, Duration.ofSeconds(60));
            assertThat(stored).extracting(StoredMessage::messageId).containsExactly(
                    committed.sendResult().messageId());
        }
    }
}
