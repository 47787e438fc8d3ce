package io.mqproducer.internal.select;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.MessageQueue;
import io.mqproducer.internal.route.TopicPublishInfo;
import java.util.ArrayList;
import java.util.HashMap;
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

    private static TopicPublishInfo table(int queuesPerBroker, String... brokers) {
        List<MessageQueue> queues = new ArrayList<>();
        for (String broker : brokers) {
            for (int id = 0; id < queuesPerBroker; id++) {
                queues.add(new MessageQueue("T", broker, id));
            }
        }
        return new TopicPublishInfo("T", queues, Map.of(), false);
    }

    private static Map<MessageQueue, Integer> spread(RoundRobinQueueSelector selector, TopicPublishInfo table,
                                                     String avoidBroker, int sends) {
        Map<MessageQueue, Integer> counts = new HashMap<>();
        for (int i = 0; i < sends; i++) {
            counts.merge(selector.select(table, avoidBroker), 1, Integer::sum);
        }
        return counts;
    }

    private static void assertEvenOver(Map<MessageQueue, Integer> counts, List<MessageQueue> expected) {
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        double mean = counts.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        counts.forEach((queue, count) -> assertThat((double) count).as("messages to %s (mean %.1f)", queue, mean)
                .isBetween(mean * 0.9, mean * 1.1));
    }

    @Test
    void spreadsEvenlyOverTheRemainingQueuesWhileABrokerIsAvoided() {
        BrokerAvailability availability = new BrokerAvailability(() -> 0L);
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector(availability);
        TopicPublishInfo table = table(4, "a", "b");
        availability.record("b", 5, true); // b hung: avoided for a while
        Map<MessageQueue, Integer> counts = spread(selector, table, null, 8_000);
        assertEvenOver(counts, table.queues().subList(0, 4));
    }

    @Test
    void spreadsRetriesEvenlyOverTheOtherBrokers() {
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector(new BrokerAvailability(() -> 0L));
        TopicPublishInfo table = table(3, "a", "b", "c");
        Map<MessageQueue, Integer> counts = spread(selector, table, "b", 6_000);
        List<MessageQueue> expected = new ArrayList<>(table.queues().subList(0, 3));
        expected.addAll(table.queues().subList(6, 9));
        assertEvenOver(counts, expected);
    }

    @Test
    void spreadsEvenlyWhenBrokersHaveDifferentQueueCounts() {
        BrokerAvailability availability = new BrokerAvailability(() -> 0L);
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector(availability);
        List<MessageQueue> queues = new ArrayList<>(table(2, "a").queues());
        queues.addAll(table(8, "b").queues());
        queues.addAll(table(3, "c").queues());
        TopicPublishInfo table = new TopicPublishInfo("T", queues, Map.of(), false);
        availability.record("b", 5, true);
        Map<MessageQueue, Integer> counts = spread(selector, table, null, 5_000);
        List<MessageQueue> expected = new ArrayList<>(queues.subList(0, 2));
        expected.addAll(queues.subList(10, 13));
        assertEvenOver(counts, expected);
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
    void reportsABrokerAvoidedOnceAndBackOnce() {
        BrokerAvailability availability = new BrokerAvailability(() -> 0L);
        assertThat(availability.record("a", 5, false)).isEqualTo(BrokerAvailability.Change.NONE);
        assertThat(availability.record("a", 5, true)).isEqualTo(BrokerAvailability.Change.AVOIDED);
        assertThat(availability.record("a", 5, true)).as("still avoided: no news").isEqualTo(BrokerAvailability.Change.NONE);
        assertThat(availability.record("a", 700, false)).isEqualTo(BrokerAvailability.Change.NONE);
        assertThat(availability.record("a", 5, false)).isEqualTo(BrokerAvailability.Change.RECOVERED);
        assertThat(availability.record("a", 5, false)).isEqualTo(BrokerAvailability.Change.NONE);
    }

    @Test
    void picksSomeBrokerWhenAllAreToBeAvoided() {
        BrokerAvailability availability = new BrokerAvailability(() -> 0L);
        availability.record("a", 5, true);
        availability.record("b", 5, true);
        RoundRobinQueueSelector selector = new RoundRobinQueueSelector(availability);
        // Turn 0, avoiding a: b's queues take the turn among themselves.
        assertThat(selector.select(table("a", "b"), "a")).isEqualTo(new MessageQueue("T", "b", 0));
        // Turn 1, nothing to prefer: the plain turn over all four queues.
        assertThat(selector.select(table("a", "b"), null)).isEqualTo(new MessageQueue("T", "a", 1));
        assertThat(selector.select(table("a", "b"), null)).isEqualTo(new MessageQueue("T", "b", 0));
    }
}
