package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.SendResult;
import io.mqproducer.spring.RoutingProducerTemplate;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Two named producers against a real embedded broker, each topic routed by pattern to its own producer. */
@EmbeddedRocketMQTest
class NamedProducersIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ORDERS = "named-orders-it";
    private static final String AUDIT = "named-audit-it";

    @Test
    void routesTwoTopicsThroughTwoNamedProducers(EmbeddedRocketMQ rocketMQ) throws Exception {
        rocketMQ.createTopic(ORDERS, 1);
        rocketMQ.createTopic(AUDIT, 1);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class,
                        NamedMqProducerAutoConfiguration.class))
                .withPropertyValues(
                        "mq.producer.producers.orders.name-server=" + rocketMQ.nameServerAddress(),
                        "mq.producer.producers.orders.group=orders-it-group",
                        "mq.producer.producers.orders.topics=named-orders-*",
                        "mq.producer.producers.audit.name-server=" + rocketMQ.nameServerAddress(),
                        "mq.producer.producers.audit.group=audit-it-group",
                        "mq.producer.producers.audit.topics=regex:named-audit-.+")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Producer.class);
                    RoutingProducerTemplate routing = context.getBean(RoutingProducerTemplate.class);
                    NamedProducers named = context.getBean(NamedProducers.class);

                    SendResult order = routing.send(ORDERS + ":created", "order-1");
                    SendResult audit = routing.sendAsync(AUDIT, "audit-1").get(10, TimeUnit.SECONDS);
                    assertThat(order.messageId()).isNotEqualTo(audit.messageId());
                    assertThat(named.producer("orders").options().clientId())
                            .isNotEqualTo(named.producer("audit").options().clientId());

                    try (ReadBackConsumer orders = ReadBackConsumer.of(rocketMQ.nameServerAddress(), ORDERS);
                            ReadBackConsumer audits = ReadBackConsumer.of(rocketMQ.nameServerAddress(), AUDIT)) {
                        List<MessageExt> fromOrders = orders.await(1, WAIT);
                        List<MessageExt> fromAudit = audits.await(1, WAIT);
                        assertThat(fromOrders).extracting(NamedProducersIT::body).containsExactly("order-1");
                        assertThat(fromOrders).extracting(MessageExt::getTags).containsExactly("created");
                        assertThat(fromAudit).extracting(NamedProducersIT::body).containsExactly("audit-1");
                    }
                });
    }

    private static String body(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }
}
