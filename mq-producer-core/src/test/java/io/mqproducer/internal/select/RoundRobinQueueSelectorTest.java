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
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector(new BrokerAvailability(() -> 0L));
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
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector(new BrokerAvailability(() -> 0L));
        TopicPublishInfo table = table("a", "b", "c");
        for (int i = 0; i < 12; i++) {
            assertThat(selector.select(table, "b").brokerName()).isNotEqualTo("b");
        }
    }

    @Test
    void usesTheFailedBrokerWhenItIsTheOnlyOne() {
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector(new BrokerAvailability(() -> 0L));
        assertThat(selector.select(table("a"), "a").brokerName()).isEqualTo("a");
    }

    @Test
    void skipsBrokersToAvoidUntilTheirTimeIsUp() {
        long[] now = {0};
        BrokerAvailability availability = new BrokerAvailability(() -> now[0]);
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector(availability);
        TopicPublishInfo table = table("a", "b");
        availability.record("a", 5, true);
        for (int i = 0; i < 8; i++) {
            assertThat(selector.select(table, null).brokerName()).isEqualTo("b");
        }
        now[0] = BrokerAvailability.FAILURE_AVOID_MILLIS;
        List<String> brokers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            brokers.add(selector.select(table, null).brokerName());
        }
        assertThat(brokers).as("a recovered broker gets traffic back").contains("a", "b");
    }

    @Test
    void slowBrokersAreAvoidedBrieflyFastOnesNot() {
        assertThat(BrokerAvailability.avoidFor(20)).isZero();
        assertThat(BrokerAvailability.avoidFor(600)).isPositive();
        assertThat(BrokerAvailability.avoidFor(20_000)).isGreaterThan(BrokerAvailability.avoidFor(600));
        long[] now = {0};
        BrokerAvailability availability = new BrokerAvailability(() -> now[0]);
        availability.record("a", 600, false);
        assertThat(availability.isAvailable("a")).isFalse();
        availability.record("a", 10, false);
        assertThat(availability.isAvailable("a")).as("a fast answer clears the penalty").isTrue();
    }

    @Test
    void picksSomeBrokerWhenAllAreToBeAvoided() {
        BrokerAvailability availability = new BrokerAvailability(() -> 0L);
        availability.record("a", 5, true);
        availability.record("b", 5, true);
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector(availability);
        assertThat(selector.select(table("a", "b"), "a").brokerName()).isEqualTo("b");
        assertThat(selector.select(table("a", "b"), null)).isNotNull();
    }
}
