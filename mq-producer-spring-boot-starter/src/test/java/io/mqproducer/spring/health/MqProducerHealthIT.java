package io.mqproducer.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendStatus;
import io.mqproducer.message.Message;
import io.mqproducer.test.ChildBroker;
import io.mqproducer.test.EmbeddedRocketMQ;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Each health state against real brokers: a name server and broker-a in this JVM, broker-b in a child JVM, both
 * serving the topic. Taken down one after another: broker-a (UP, degraded), the name server (UP from the cached
 * route, degraded), broker-b (DOWN). Each UP state is shown to be true by a send that succeeds.
 */
class MqProducerHealthIT {
    private static final String TOPIC = "MqProducerHealthIT";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void downOnlyWhenNothingCanBeSentTo() {
        try (EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.builder().brokerName("broker-a").build();
             ChildBroker brokerB = ChildBroker.start(rocketMQ.nameServerAddress(), rocketMQ.clusterName(), "broker-b",
                     Map.of(TOPIC, 2))) {
            rocketMQ.createTopic(TOPIC, 2);
            String nameServer = rocketMQ.nameServerAddress();
            String brokerA = rocketMQ.brokerAddress();
            // No scheduled refresh during the test: the cached route keeps both brokers, as after a short outage.
            try (Producer producer = Producer.create(ProducerOptions.builder(nameServer)
                    .routeRefreshInterval(Duration.ofMinutes(10)).build()).start()) {
                awaitRouteToBothBrokers(producer);
                MqProducerHealthIndicator indicator = new MqProducerHealthIndicator(producer, Duration.ofSeconds(2));

                Health allUp = indicator.health();
                assertThat(allUp.getStatus()).isEqualTo(Status.UP);
                assertThat(allUp.getDetails()).containsEntry("degraded", List.of())
                        .containsEntry("nameServers", Map.of(nameServer, "UP"))
                        .containsEntry("brokers", Map.of(brokerA, "UP", brokerB.brokerAddress(), "UP"));

                rocketMQ.stopBroker();
                Health oneBrokerDown = await(indicator, h -> "DOWN".equals(brokers(h).get(brokerA)));
                assertThat(oneBrokerDown.getStatus()).isEqualTo(Status.UP);
                assertThat(oneBrokerDown.getDetails()).containsEntry("degraded",
                        List.of("broker broker-a (" + brokerA + ") unreachable"));
                assertSendSucceeds(producer);

                rocketMQ.close();
                Health nameServerDown = await(indicator, h -> "DOWN".equals(nameServers(h).get(nameServer)));
                assertThat(nameServerDown.getStatus()).isEqualTo(Status.UP);
                // broker-a is still listed unless the send above failed over and refreshed the route without it.
                assertThat(degraded(nameServerDown)).contains("name server " + nameServer + " unreachable")
                        .noneMatch(entry -> entry.contains("broker-b"));
                assertSendSucceeds(producer);

                brokerB.kill();
                Health nothing = await(indicator, h -> h.getStatus().equals(Status.DOWN));
                assertThat(nothing.getDetails()).containsEntry("reason", ProducerHealthAssessment.NO_WRITABLE_BROKER)
                        .containsEntry("topics", Map.of("cached", 1, "writable", 0));
                assertThat(brokers(nothing)).containsEntry(brokerB.brokerAddress(), "DOWN").doesNotContainValue("UP");
            }
        }
    }

    /** Both brokers registered before the producer started, so its first route has both. */
    private static void awaitRouteToBothBrokers(Producer producer) {
        assertSendSucceeds(producer);
        assertThat(producer.routes()).singleElement()
                .satisfies(route -> assertThat(route.brokers()).hasSize(2));
    }

    private static void assertSendSucceeds(Producer producer) {
        assertThat(producer.send(Message.builder(TOPIC).body("ping".getBytes(StandardCharsets.UTF_8)).build())
                .status()).isEqualTo(SendStatus.SEND_OK);
    }

    private static Health await(MqProducerHealthIndicator indicator, Predicate<Health> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Health health = indicator.health();
        while (!condition.test(health)) {
            assertThat(System.nanoTime()).as("health to change, last %s", health).isLessThan(deadline);
            pause();
            health = indicator.health();
        }
        return health;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> brokers(Health health) {
        return (Map<String, String>) health.getDetails().getOrDefault("brokers", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> degraded(Health health) {
        return (List<String>) health.getDetails().get("degraded");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> nameServers(Health health) {
        return (Map<String, String>) health.getDetails().getOrDefault("nameServers", Map.of());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
