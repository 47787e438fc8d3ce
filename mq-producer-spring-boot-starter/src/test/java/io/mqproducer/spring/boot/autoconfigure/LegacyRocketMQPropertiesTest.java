package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/** An application moving from rocketmq-spring-boot-starter is told which properties to rename. */
class LegacyRocketMQPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class));

    @Test
    void findsTheOldPropertiesInAnySpellingAndNamesTheNewOnes() {
        MockEnvironment environment = new MockEnvironment().withProperty("rocketmq.nameServer", "10.0.0.1:9876")
                .withProperty("rocketmq.producer.group", "orders")
                .withProperty("rocketmq.producer.sendMessageTimeout", "5000")
                .withProperty("rocketmq.consumer.group", "not-ours");
        assertThat(LegacyRocketMQProperties.renames(environment)).containsExactly(
                "rocketmq.name-server → mq.producer.name-server",
                "rocketmq.producer.group → mq.producer.group",
                "rocketmq.producer.send-message-timeout → mq.producer.send-timeout (a duration: 3000 becomes 3s)");
        assertThat(LegacyRocketMQProperties.renames(new MockEnvironment().withProperty("mq.producer.group", "g")))
                .isEmpty();
    }

    @Test
    void startUpWithOnlyOldPropertiesFailsNamingWhatToRename() {
        runner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876", "rocketmq.producer.group=orders",
                "rocketmq.producer.secret-key=do-not-print").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new MqProducerFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("mq.producer.name-server is not set")
                            .contains("rocketmq.name-server → mq.producer.name-server")
                            .contains("rocketmq.producer.group → mq.producer.group")
                            .contains("rocketmq.producer.secret-key → mq.producer.acl.secret-key")
                            .doesNotContain("do-not-print");
                });
    }

    @Test
    void leftoverOldPropertiesBesideNewOnesDoNotStopStartUp() {
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876", "mq.producer.fail-fast=false",
                        "rocketmq.producer.group=orders")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Producer.class));
    }
}
