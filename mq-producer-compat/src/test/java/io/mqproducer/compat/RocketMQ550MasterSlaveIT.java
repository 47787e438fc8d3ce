package io.mqproducer.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.SendResult;
import io.mqproducer.message.Message;
import io.mqproducer.test.RocketMQCluster;
import io.mqproducer.test.RocketMQDistribution;
import io.mqproducer.test.StoredMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RocketMQ 5.5.0 with two broker groups, broker-a a master with a slave and broker-b a master alone. The slave is in
 * every route; a send that reached it would be refused (a slave does not take writes), so every cell passing here
 * shows that nothing goes to the slave.
 */
class RocketMQ550MasterSlaveIT extends CompatibilityMatrix implements TimerCell {

    @Override
    RocketMQCluster startCluster() {
        return RocketMQCluster.builder(RocketMQDistribution.fromSystemProperty("5.5.0"))
                .brokerGroupWithSlave("broker-a").brokerGroup("broker-b").autoCreateTopics(false).start();
    }

    @Test
    void sendsSpreadOverBothMastersAndNeverTheSlave() {
        String topic = topic("NORMAL");
        List<Message> sent = messages(topic, "spread-", 16);
        List<SendResult> results = sent.stream().map(producer::send).toList();
        assertThat(results).extracting(r -> r.queue().brokerName()).containsOnly("broker-a", "broker-b")
                .as("round robin over 8 queues of two groups").contains("broker-a", "broker-b");
        List<StoredMessage> stored = assertStoredExactlyOnce(topic, sent,
                results.stream().map(SendResult::messageId).toList());
        assertThat(stored).extracting(StoredMessage::brokerName).contains("broker-a", "broker-b");
    }
}
