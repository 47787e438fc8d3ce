package io.mqproducer.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.message.Message;
import io.mqproducer.test.RocketMQCluster;
import io.mqproducer.test.RocketMQDistribution;
import io.mqproducer.test.StoredMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RocketMQ 5.5.0 as operators run it: name server and one broker, each a JVM of its own with 5.5.0's class path. */
class RocketMQ550DirectIT extends CompatibilityMatrix implements TimerCell {

    @Override
    RocketMQCluster startCluster() {
        return RocketMQCluster.builder(RocketMQDistribution.fromSystemProperty("5.5.0")).brokerGroup("broker-a")
                .start();
    }

    @Test
    void autoCreatedTopic() {
        String topic = getClass().getSimpleName() + "-auto";
        Message message = message(topic, "auto-created");
        String id = producer.send(message).messageId();
        List<StoredMessage> stored = assertStoredExactlyOnce(topic, List.of(message), List.of(id));
        assertThat(stored.get(0).brokerName()).isEqualTo("broker-a");
    }
}
