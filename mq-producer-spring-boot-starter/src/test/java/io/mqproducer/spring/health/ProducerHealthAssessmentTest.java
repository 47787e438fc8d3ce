package io.mqproducer.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.ConnectivityReport;
import io.mqproducer.TopicRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DOWN only when the producer cannot send; everything short of that is UP with what is degraded. */
class ProducerHealthAssessmentTest {
    private static final String NS1 = "10.0.0.1:9876";
    private static final String NS2 = "10.0.0.2:9876";
    private static final String A = "10.0.1.1:10911";
    private static final String B = "10.0.1.2:10911";
    private static final TopicRoute ORDERS = new TopicRoute("orders",
            List.of(new TopicRoute.Broker("broker-a", A, 4), new TopicRoute.Broker("broker-b", B, 4)), false);
    private static final TopicRoute AUDIT = new TopicRoute("audit",
            List.of(new TopicRoute.Broker("broker-b", B, 2)), false);

    @Test
    void everythingAnsweringIsUpWithNothingDegraded() {
        ProducerHealth health = assess(Map.of(NS1, true, NS2, true), Map.of(A, true, B, true), ORDERS, AUDIT);

        assertThat(health.status()).isEqualTo(ProducerHealth.UP);
        assertThat(health.details()).containsEntry("degraded", List.of())
                .containsEntry("nameServers", Map.of(NS1, "UP", NS2, "UP"))
                .containsEntry("brokers", Map.of(A, "UP", B, "UP"))
                .containsEntry("topics", Map.of("cached", 2, "writable", 2));
    }

    @Test
    void oneBrokerDownIsUpWithTheBrokerAndTopicsItAloneServedDegraded() {
        ProducerHealth health = assess(Map.of(NS1, true), Map.of(A, true, B, false), ORDERS, AUDIT);

        assertThat(health.status()).isEqualTo(ProducerHealth.UP);
        assertThat(health.details()).containsEntry("brokers", Map.of(A, "UP", B, "DOWN"))
                .containsEntry("degraded", List.of("broker broker-b (" + B + ") unreachable",
                        "topic audit has no reachable broker with writable queues"))
                .containsEntry("topics", Map.of("cached", 2, "writable", 1));
    }

    @Test
    void nameServersDownWithCachedRoutesIsUp() {
        ProducerHealth health = assess(Map.of(NS1, false, NS2, false), Map.of(A, true, B, true), ORDERS);

        assertThat(health.status()).isEqualTo(ProducerHealth.UP);
        assertThat(health.details()).containsEntry("degraded",
                List.of("name server " + NS1 + " unreachable", "name server " + NS2 + " unreachable"));
    }

    @Test
    void noReachableBrokerForAnyTopicIsDownEvenWithNameServersUp() {
        ProducerHealth health = assess(Map.of(NS1, true), Map.of(A, false, B, false), ORDERS, AUDIT);

        assertThat(health.status()).isEqualTo(ProducerHealth.DOWN);
        assertThat(health.details()).containsEntry("reason", ProducerHealthAssessment.NO_WRITABLE_BROKER);
    }

    @Test
    void aReachableBrokerWithoutWritableQueuesDoesNotCount() {
        TopicRoute readOnly = new TopicRoute("orders", List.of(new TopicRoute.Broker("broker-a", A, 0)), false);

        assertThat(assess(Map.of(NS1, true), Map.of(A, true), readOnly).status()).isEqualTo(ProducerHealth.DOWN);
    }

    @Test
    void withoutRoutesItDependsOnTheNameServers() {
        assertThat(assess(Map.of(NS1, false, NS2, true), Map.of()).status()).isEqualTo(ProducerHealth.UP);

        ProducerHealth down = assess(Map.of(NS1, false, NS2, false), Map.of());
        assertThat(down.status()).isEqualTo(ProducerHealth.DOWN);
        assertThat(down.details()).containsEntry("reason", ProducerHealthAssessment.NO_ROUTE_NO_NAME_SERVER);
    }

    private static ProducerHealth assess(Map<String, Boolean> nameServers, Map<String, Boolean> brokers,
            TopicRoute... routes) {
        return ProducerHealthAssessment.assess(new ConnectivityReport(nameServers, brokers), List.of(routes));
    }
}
