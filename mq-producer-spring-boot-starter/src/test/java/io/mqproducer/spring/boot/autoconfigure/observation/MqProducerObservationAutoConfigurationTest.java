package io.mqproducer.spring.boot.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.mqproducer.SendResult;
import io.mqproducer.message.Message;
import io.mqproducer.spring.SendMode;
import io.mqproducer.spring.SendObservation;
import io.mqproducer.spring.SendOperation;
import io.mqproducer.spring.micrometer.DefaultMqProducerObservationConvention;
import io.mqproducer.spring.micrometer.MqProducerObservationConvention;
import io.mqproducer.spring.micrometer.MqProducerObservationDocumentation;
import io.mqproducer.spring.micrometer.MqProducerSenderContext;
import io.micrometer.common.KeyValues;
import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import io.mqproducer.spring.micrometer.MicrometerSendObservation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import io.micrometer.observation.transport.SenderContext;

class MqProducerObservationAutoConfigurationTest {
    private static final String NAME_SERVER = "mq.producer.name-server=127.0.0.1:9876";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false")
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class,
                    MqProducerObservationAutoConfiguration.class))
            .withBean(ObservationRegistry.class, TestObservationRegistry::create);

    @Test
    void offUnlessEnabled() {
        runner.withPropertyValues(NAME_SERVER).run(context -> assertThat(context).doesNotHaveBean(SendObservation.class));
    }

    @Test
    void enabledWithARegistryObservesSends() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.observation-enabled=true").run(context -> {
            assertThat(context).hasSingleBean(SendObservation.class);
            assertThat(context.getBean(SendObservation.class)).isInstanceOf(MicrometerSendObservation.class);
        });
    }

    @Test
    void worksWithoutMicrometerOnTheClasspath() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.observation-enabled=true")
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SendObservation.class));
    }

    @Test
    void observationCarriesTagsOutcomeAndTraceContext() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        registry.observationConfig().observationHandler(new TraceparentWriter());
        SendObservation observation = new MicrometerSendObservation(registry);
        Message message = Message.builder("orders").body("x".getBytes(StandardCharsets.UTF_8)).property("a", "b").build();

        SendObservation.Scope scope = observation.start(message, SendMode.SYNC);
        assertThat(scope.message().properties()).containsEntry("traceparent", "00-abc-def-01").containsEntry("a", "b");
        scope.stop(new SendResult(io.mqproducer.SendStatus.SEND_OK, "MSGID", null,
                new io.mqproducer.MessageQueue("orders", "b", 0), 1, null), null);

        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasNameEqualTo(MicrometerSendObservation.NAME)
                .hasContextualNameEqualTo("orders send")
                .hasLowCardinalityKeyValue("messaging.system", "rocketmq")
                .hasLowCardinalityKeyValue("messaging.destination.name", "orders")
                .hasLowCardinalityKeyValue("mq.send.mode", "sync")
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasHighCardinalityKeyValue("messaging.message.id", "MSGID")
                .hasBeenStopped();
    }

    @Test
    void failedSendIsRecordedAsAnError() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        SendObservation.Scope scope = new MicrometerSendObservation(registry)
                .start(Message.of("orders", new byte[] {1}), SendMode.ASYNC);
        assertThat(scope.message().properties()).isEmpty();
        scope.stop(null, new IllegalStateException("boom"));
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("outcome", "failure").hasError().hasBeenStopped();
    }

    @Test
    void aBatchIsOneObservationAndEveryMessageCarriesItsTraceContext() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        registry.observationConfig().observationHandler(new TraceparentWriter());
        SendObservation observation = new MicrometerSendObservation(registry);

        SendObservation.Scope scope = observation.start(Message.of("orders", new byte[] {1}), SendMode.SYNC,
                SendOperation.BATCH, 2);
        Message second = scope.message(Message.of("orders", new byte[] {2}));
        scope.stop(null, null);

        assertThat(scope.message().properties()).containsEntry("traceparent", "00-abc-def-01");
        assertThat(second.properties()).containsEntry("traceparent", "00-abc-def-01");
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("mq.send.operation", "batch")
                .hasHighCardinalityKeyValue("messaging.batch.message_count", "2")
                .hasBeenStopped();
    }

    @Test
    void aConventionBeanReplacesTheDefault() {
        runner.withBean(MqProducerObservationConvention.class, () -> new DefaultMqProducerObservationConvention() {
                    @Override
                    public String getContextualName(MqProducerSenderContext context) {
                        return "publish " + context.getTopic();
                    }

                    @Override
                    public KeyValues getLowCardinalityKeyValues(MqProducerSenderContext context) {
                        return super.getLowCardinalityKeyValues(context).and("team", "payments");
                    }
                })
                .withPropertyValues(NAME_SERVER, "mq.producer.observation-enabled=true").run(context -> {
                    TestObservationRegistry registry = (TestObservationRegistry) context.getBean(
                            ObservationRegistry.class);
                    context.getBean(SendObservation.class)
                            .start(Message.of("orders", new byte[] {1}), SendMode.SYNC, SendOperation.TRANSACTION, 1)
                            .stop(null, null);

                    TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                            .hasNameEqualTo(MqProducerObservationDocumentation.TEMPLATE_OBSERVATION.getName())
                            .hasContextualNameEqualTo("publish orders")
                            .hasLowCardinalityKeyValue("team", "payments")
                            .hasLowCardinalityKeyValue("mq.send.operation", "transaction");
                });
    }

    /** Stands in for a tracer's propagation handler: writes a header through the sender context's setter. */
    private static final class TraceparentWriter implements io.micrometer.observation.ObservationHandler<SenderContext<?>> {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void onStart(SenderContext context) {
            context.getSetter().set(context.getCarrier(), "traceparent", "00-abc-def-01");
        }

        @Override
        public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
            return context instanceof SenderContext;
        }
    }
}
