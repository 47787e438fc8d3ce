package io.mqproducer.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.MessageQueue;
import io.mqproducer.internal.protocol.TopicRouteData;
import io.mqproducer.internal.protocol.TopicRouteData.BrokerData;
import io.mqproducer.internal.protocol.TopicRouteData.QueueData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicPublishInfoTest {

    private static final TopicRouteData ROUTE = new TopicRouteData(
            List.of(new BrokerData("c", "broker-b", Map.of(0L, "b:1")),
                    new BrokerData("c", "broker-a", Map.of(0L, "a:1", 1L, "a-slave:1")),
                    new BrokerData("c", "broker-c", Map.of(1L, "c-slave:1")),
                    new BrokerData("c", "broker-d", Map.of(0L, "d:1"))),
            List.of(new QueueData("broker-b", 2, 2, 6, 0),
                    new QueueData("broker-a", 3, 3, 6, 0),
                    new QueueData("broker-c", 4, 4, 6, 0),   // no master
                    new QueueData("broker-d", 4, 4, 4, 0))); // read-only

    @Test
    void buildsQueuesOfWritableBrokersWithAMaster() {
        TopicPublishInfo info = TopicPublishInfo.from("T", ROUTE, false, Integer.MAX_VALUE);
        assertThat(info.queues()).containsExactly(
                new MessageQueue("T", "broker-a", 0), new MessageQueue("T", "broker-a", 1),
                new MessageQueue("T", "broker-a", 2), new MessageQueue("T", "broker-b", 0),
                new MessageQueue("T", "broker-b", 1));
        assertThat(info.masterAddress("broker-a")).isEqualTo("a:1");
        assertThat(info.masterAddress("broker-c")).isNull();
        assertThat(info.masterAddress("broker-d")).isNull();
        assertThat(info.isWritable()).isTrue();
    }

    @Test
    void defaultTopicRouteIsCappedAtTheDefaultQueueCount() {
        TopicPublishInfo info = TopicPublishInfo.from("New", ROUTE, true, 2);
        assertThat(info.queues()).hasSize(4).allMatch(q -> q.topic().equals("New") && q.queueId() < 2);
        assertThat(info.viaDefaultTopic()).isTrue();
    }

    @Test
    void routeWithoutWritableQueuesIsNotWritable() {
        TopicRouteData readOnly = new TopicRouteData(ROUTE.brokers(), List.of(new QueueData("broker-d", 4, 4, 4, 0)));
        assertThat(TopicPublishInfo.from("T", readOnly, false, Integer.MAX_VALUE).isWritable()).isFalse();
    }
}
