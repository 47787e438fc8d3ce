package io.mqproducer.spring.boot.autoconfigure.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.spring.EmbeddedRocketMQBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A second test class with {@code @EmbeddedRocketMQBroker} and a different context (another producer group, so not
 * a context cache hit) still gets the same broker as {@link EmbeddedRocketMQBrokerIT}; and the property it sets wins
 * over one the application sets.
 */
@SpringBootTest(classes = EmbeddedBrokerApp.class,
        properties = {"mq.producer.group=shared-it", "mq.producer.name-server=10.255.255.1:9876"})
@EmbeddedRocketMQBroker
class EmbeddedRocketMQBrokerSharedIT {

    @Autowired
    EmbeddedRocketMQ rocketMQ;

    @Autowired
    Producer producer;

    @Test
    void usesTheSameBrokerAsOtherTestClassesWithTheSameAnnotation() {
        EmbeddedBrokerApp.SEEN_NAME_SERVERS.add(rocketMQ.nameServerAddress());

        assertThat(rocketMQ.isBrokerRunning()).isTrue();
        assertThat(producer.options().producerGroup()).isEqualTo("shared-it");
        assertThat(producer.options().nameServers()).containsExactly(rocketMQ.nameServerAddress());
        assertThat(EmbeddedBrokerApp.SEEN_NAME_SERVERS).containsExactly(rocketMQ.nameServerAddress());
    }
}
