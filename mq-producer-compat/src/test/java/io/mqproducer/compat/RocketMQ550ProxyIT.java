package io.mqproducer.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.SendResult;
import io.mqproducer.error.RequestReplyNotSupportedException;
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
 * sends everything through it; topics carry their message type, which the proxy checks. The brokers allow recall.
 */
class RocketMQ550ProxyIT extends CompatibilityMatrix implements TimerCell {

    @Override
    RocketMQCluster startCluster() {
        return RocketMQCluster.builder(RocketMQDistribution.fromSystemProperty("5.5.0")).brokerGroup("broker-a")
                .autoCreateTopics(false).brokerProperty("recallMessageEnable", "true").proxy().start();
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
    void requestReplyFailsAtOnceSayingTheProxyCannotCarryIt() {
        String topic = topic("NORMAL");
        Message request = Message.builder(topic).body("ping".getBytes(StandardCharsets.UTF_8)).build();
        long started = System.nanoTime();
        assertThatThrownBy(() -> producer.request(request, Duration.ofSeconds(30)).join())
                .cause().isInstanceOfSatisfying(RequestReplyNotSupportedException.class, e -> {
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.getMessage()).contains("proxy", "REQUEST_CODE_NOT_SUPPORTED");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not a timeout").isLessThan(Duration.ofSeconds(15));
        assertThat(cluster.readBack(topic, 0, READ_TIMEOUT)).as("the request was never sent").isEmpty();
    }

    @Test
    void aTimerMessageIsRecalledThroughTheProxy() {
        String topic = topic("DELAY");
        SendResult recalled = producer.send(Message.builder(topic).body("recalled".getBytes(StandardCharsets.UTF_8))
                .deliverAfter(Duration.ofSeconds(3)).build());
        SendResult kept = producer.send(Message.builder(topic).body("kept".getBytes(StandardCharsets.UTF_8))
                .deliverAfter(Duration.ofSeconds(6)).build());
        assertThat(recalled.recallHandle()).as("the proxy passes the broker's recall handle on").isNotBlank();

        producer.recall(topic, recalled.recallHandle());

        // The recalled message was due first: had it not been recalled, it would be read back with the kept one.
        assertThat(cluster.readBack(topic, 1, READ_TIMEOUT)).extracting(StoredMessage::messageId)
                .containsExactly(kept.messageId());
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
