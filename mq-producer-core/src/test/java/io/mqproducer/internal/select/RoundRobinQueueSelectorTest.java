package io.mqproducer.internal.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.MessageQueue;
import io.mqproducer.internal.route.TopicPublishInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundRobinQueueSelectorTest {

    private static TopicPublishInfo table(String... brokers) {
        List<MessageQueue> queues = new ArrayList<>();
        for (String broker : brokers) {
            queues.add(new MessageQueue("T", broker, 0));
            queues.add(new MessageQueue("T", broker, 1));
        }
        return new TopicPublishInfo("T", queues, Map.of(), false);
    }

    @Test
    void cyclesThroughEveryQueueInTurn() {
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector();
        TopicPublishInfo table = table("a", "b");
        List<MessageQueue> picked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            picked.add(selector.select(table, null));
        }
        assertThat(picked.subList(0, 4)).containsExactlyElementsOf(table.queues());
        assertThat(picked.subList(4, 8)).containsExactlyElementsOf(table.queues());
    }

    @Test
    void avoidsTheBrokerThatJustFailed() {
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector();
        TopicPublishInfo table = table("a", "b", "c");
        for (int i = 0; i < 12; i++) {
            assertThat(selector.select(table, "b").brokerName()).isNotEqualTo("b");
        }
    }

    @Test
    void usesTheFailedBrokerWhenItIsTheOnlyOne() {
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector();
        assertThat(selector.select(table("a"), "a").brokerName()).isEqualTo("a");
    }
}
