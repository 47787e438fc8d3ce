package io.mqproducer.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.MessageQueue;
import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.message.Message;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Tracing around sends, with a fake sink in place of the broker. */
class MessageTracerTest {
    private static final Message MESSAGE = Message.builder("Orders").body(new byte[] {1}).keys("k").build();

    @Test
    void aStuckTraceTopicNeverDelaysOrFailsASendAndDropsAreCounted() {
        AtomicInteger traceMessages = new AtomicInteger();
        // The trace topic never answers: the in-flight trace messages stay taken and the queue fills up.
        MessageTracer tracer = MessageTracer.start("g", "Trace", 4 * 1024 * 1024, message -> {
            traceMessages.incrementAndGet();
            return new CompletableFuture<>();
        }, null);
        try {
            int sends = MessageTracer.QUEUE_CAPACITY * 3;
            long started = System.nanoTime();
            for (int i = 0; i < sends; i++) {
                SendResult result = tracer.single(MESSAGE, TraceMessageType.NORMAL, MessageTracerTest::stored).get()
                        .join();
                assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
            }
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(tookMillis).as(sends + " traced sends").isLessThan(5000);
            assertThat(tracer.dropped()).isGreaterThan(0);
            assertThat(traceMessages.get()).isLessThanOrEqualTo(MessageTracer.MAX_INFLIGHT);
        } finally {
            tracer.close(100);
        }
    }

    @Test
    void offWrapsNothingAndSendsToTheTraceTopicAreNotTraced() {
        Supplier<CompletableFuture<SendResult>> send = MessageTracerTest::stored;
        assertThat(MessageTracer.OFF.single(MESSAGE, TraceMessageType.NORMAL, send)).isSameAs(send);
        assertThat(MessageTracer.OFF.dropped()).isZero();

        MessageTracer tracer = MessageTracer.start("g", "Orders", 4 * 1024 * 1024,
                message -> CompletableFuture.completedFuture(null), null);
        try {
            assertThat(tracer.single(MESSAGE, TraceMessageType.NORMAL, send)).as("topic is the trace topic")
                    .isSameAs(send);
            Supplier<CompletableFuture<List<SendResult>>> batch = () -> CompletableFuture.completedFuture(List.of());
            assertThat(tracer.batch(List.of(MESSAGE), batch)).isSameAs(batch);
        } finally {
            tracer.close(100);
        }
    }

    private static CompletableFuture<SendResult> stored() {
        return CompletableFuture.completedFuture(new SendResult(SendStatus.SEND_OK, "ID",
                "7F00000100002A9F0000000000000010", new MessageQueue("Orders", "broker-a", 0), 1, null));
    }
}
