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
import io.mqproducer.TransactionState;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.spring.SendHooks;
import io.mqproducer.spring.SendListener;
import io.mqproducer.spring.micrometer.MicrometerSendObservation;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** With a real tracer bridge (Brave), the trace context of a send reaches the consumer in message properties. */
@EmbeddedRocketMQTest
class BraveTracingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

    @Test
    void traceContextTravelsWithTheMessage(EmbeddedRocketMQ rocketMQ) {
        rocketMQ.createTopic("traced", 1);
        traced(rocketMQ, template -> {
            SendResult result = template.send("traced", "hello");

            assertThat(finished).hasSize(1);
            MutableSpan span = finished.get(0);
            assertThat(span.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
            assertThat(span.tag("messaging.destination.name")).isEqualTo("traced");
            assertThat(span.tag("messaging.message.id")).isEqualTo(result.messageId());
            try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "traced")) {
                MessageExt message = consumer.await(1, WAIT).get(0);
                assertThat(message.getUserProperty("X-B3-TraceId")).as("trace id for the consumer")
                        .isEqualTo(span.traceId());
                assertThat(message.getUserProperty("X-B3-SpanId")).isEqualTo(span.id());
            }
        });
    }

    @Test
    void batchAndTransactionalSendsAreTracedToo(EmbeddedRocketMQ rocketMQ) {
        rocketMQ.createTopic("traced-more", 1);
        traced(rocketMQ, template -> {
            assertThat(template.sendBatch("traced-more", List.of("batch-1", "batch-2"))).hasSize(2);
            template.sendInTransaction("traced-more", "tx-1", message -> TransactionState.COMMIT);

            assertThat(finished).hasSize(2);
            MutableSpan batch = finished.get(0);
            MutableSpan transaction = finished.get(1);
            assertThat(batch.tag("mq.send.operation")).isEqualTo("batch");
            assertThat(batch.tag("messaging.batch.message_count")).isEqualTo("2");
            assertThat(transaction.tag("mq.send.operation")).isEqualTo("transaction");
            assertThat(transaction.traceId()).isNotEqualTo(batch.traceId());
            try (ReadBackConsumer consumer = ReadBackConsumer.of(rocketMQ.nameServerAddress(), "traced-more")) {
                Map<String, String> traceIds = consumer.await(3, WAIT).stream().collect(Collectors.toMap(
                        message -> new String(message.getBody(), StandardCharsets.UTF_8),
                        message -> String.valueOf(message.getUserProperty("X-B3-TraceId"))));
                assertThat(traceIds).containsEntry("batch-1", batch.traceId())
                        .containsEntry("batch-2", batch.traceId())
                        .containsEntry("tx-1", transaction.traceId());
            }
        });
    }

    /** Runs {@code test} with a template whose sends are traced by Brave into {@link #finished}. */
    private void traced(EmbeddedRocketMQ rocketMQ, java.util.function.Consumer<ProducerTemplate> test) {
        ThreadLocalCurrentTraceContext context = ThreadLocalCurrentTraceContext.newBuilder().build();
        try (Tracing tracing = Tracing.newBuilder().currentTraceContext(context).sampler(Sampler.ALWAYS_SAMPLE)
                .addSpanHandler(new SpanHandler() {
                    @Override
                    public boolean end(brave.propagation.TraceContext traceContext, MutableSpan span, Cause cause) {
                        finished.add(span);
                        return true;
                    }
                }).build();
             Producer producer = Producer.create(ProducerOptions.builder(rocketMQ.nameServerAddress())
                     .transactionChecker(half -> TransactionState.COMMIT).build()).start()) {
            BraveTracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(context),
                    new BraveBaggageManager());
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(
                    new PropagatingSenderTracingObservationHandler<>(tracer, new BravePropagator(tracing)));
            test.accept(new ProducerTemplate(producer, JsonMapper.builder().build(), SendListener.NOOP,
                    new MicrometerSendObservation(registry), SendHooks.NONE));
        }
    }
}
