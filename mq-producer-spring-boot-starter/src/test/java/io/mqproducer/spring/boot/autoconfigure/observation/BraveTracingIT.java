package io.mqproducer.spring.boot.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.spring.SendHooks;
import io.mqproducer.spring.SendListener;
import io.mqproducer.spring.micrometer.MicrometerSendObservation;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** With a real tracer bridge (Brave), the trace context of a send reaches the consumer in message properties. */
@EmbeddedRocketMQTest
class BraveTracingIT {

    @Test
    void traceContextTravelsWithTheMessage(EmbeddedRocketMQ rocketMQ) {
        rocketMQ.createTopic("traced", 1);
        List<MutableSpan> finished = new CopyOnWriteArrayList<>();
        ThreadLocalCurrentTraceContext context = ThreadLocalCurrentTraceContext.newBuilder().build();
        try (Tracing tracing = Tracing.newBuilder().currentTraceContext(context).sampler(Sampler.ALWAYS_SAMPLE)
                .addSpanHandler(new SpanHandler() {
                    @Override
                    public boolean end(brave.propagation.TraceContext traceContext, MutableSpan span, Cause cause) {
                        finished.add(span);
                        return true;
                    }
                }).build();
             Producer producer = Producer.create(ProducerOptions.builder(rocketMQ.nameServerAddress()).build()).start()) {
            BraveTracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(context),
                    new BraveBaggageManager());
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(
                    new PropagatingSenderTracingObservationHandler<>(tracer, new BravePropagator(tracing)));
            ProducerTemplate template = new ProducerTemplate(producer, JsonMapper.builder().build(), SendListener.NOOP,
                    new MicrometerSendObservation(registry), SendHooks.NONE);

            SendResult result = template.send("traced", "hello");

            assertThat(finished).hasSize(1);
            MutableSpan span = finished.get(0);
            assertThat(span.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
            assertThat(span.tag("messaging.destination.name")).isEqualTo("traced");
            assertThat(span.tag("messaging.message.id")).isEqualTo(result.messageId());
            try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "traced")) {
                MessageExt message = consumer.await(1, Duration.ofSeconds(30)).get(0);
                assertThat(message.getUserProperty("X-B3-TraceId")).as("trace id for the consumer")
                        .isEqualTo(span.traceId());
                assertThat(message.getUserProperty("X-B3-SpanId")).isEqualTo(span.id());
            }
        }
    }
}
