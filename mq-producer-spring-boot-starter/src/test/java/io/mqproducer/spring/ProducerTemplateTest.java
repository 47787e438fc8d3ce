package io.mqproducer.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.message.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The template's contract without a broker: a producer that was never started fails every send at once. */
class ProducerTemplateTest {
    private final Producer notStarted = Producer.create(ProducerOptions.builder("127.0.0.1:9876")
            .sendTimeout(Duration.ofSeconds(1)).build());
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final SendListener recording = (topic, mode, nanos, failure) ->
            events.add(topic + "/" + mode + "/" + (failure == null ? "ok" : failure.getClass().getSimpleName()));
    private final ProducerTemplate template = new ProducerTemplate(notStarted, JsonMapper.builder().build(), recording);

    @AfterEach
    void close() {
        notStarted.close();
    }

    @Test
    void syncFailureIsThrownAsTheProducersExceptionAndRecorded() {
        assertThatThrownBy(() -> template.send("orders:created", "x", "k1"))
                .isInstanceOf(ProducerClosedException.class);
        assertThat(events).containsExactly("orders/SYNC/ProducerClosedException");
    }

    @Test
    void asyncFailureArrivesOnlyThroughTheFutureAsTheProducersException() throws Exception {
        CompletableFuture<?> future = template.sendAsync("orders", Map.of("a", 1));

        Throwable failure = future.handle((result, error) -> error).get(5, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(ProducerClosedException.class);
        assertThat(events).containsExactly("orders/ASYNC/ProducerClosedException");
    }

    @Test
    void asyncConversionFailureArrivesThroughTheFutureAndIsNotRecordedAsASend() throws Exception {
        CompletableFuture<?> future = template.sendAsync("orders", null);

        assertThat(future.handle((result, error) -> error).get(5, TimeUnit.SECONDS))
                .isInstanceOf(InvalidMessageException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void asyncNullMessageArrivesThroughTheFuture() {
        assertThat(template.sendAsync((Message) null)).isCompletedExceptionally();
    }

    @Test
    void onewayFailureIsThrownAndRecorded() {
        assertThatThrownBy(() -> template.sendOneway("orders", new byte[] {1}, List.of("k"), Map.of("p", "v")))
                .isInstanceOf(ProducerClosedException.class);
        assertThat(events).containsExactly("orders/ONEWAY/ProducerClosedException");
    }

    @Test
    void syncConversionFailureIsThrownBeforeAnythingIsSent() {
        assertThatThrownBy(() -> template.send("bad topic!", "x")).isInstanceOf(InvalidMessageException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void aThrowingListenerDoesNotChangeTheOutcome() {
        ProducerTemplate withBrokenListener = new ProducerTemplate(notStarted, JsonMapper.builder().build(),
                SendListener.composite(List.of((t, m, n, f) -> {
                    throw new IllegalStateException("listener bug");
                }, recording)));

        assertThatThrownBy(() -> withBrokenListener.send(Message.of("orders", "x".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ProducerClosedException.class);
        assertThat(events).containsExactly("orders/SYNC/ProducerClosedException");
    }

    @Test
    void defaultConstructorNeedsNothingButTheProducer() {
        ProducerTemplate plain = new ProducerTemplate(notStarted);
        assertThat(plain.producer()).isSameAs(notStarted);
        assertThatThrownBy(() -> plain.send("orders", "x")).isInstanceOf(ProducerClosedException.class);
    }

    @Test
    void failuresBecomeTheProducersOwnTypes() {
        ProducerClosedException closed = new ProducerClosedException("closed");
        assertThat(ProducerTemplate.asProducerException(new java.util.concurrent.CompletionException(closed)))
                .isSameAs(closed);
        assertThat(ProducerTemplate.asProducerException(new java.util.concurrent.TimeoutException()))
                .isExactlyInstanceOf(io.mqproducer.error.DeliveryTimeoutException.class);
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(ProducerTemplate.asProducerException(new java.util.concurrent.ExecutionException(bug)))
                .isExactlyInstanceOf(io.mqproducer.error.UnexpectedFailureException.class)
                .hasMessage("unexpected failure: java.lang.IllegalStateException").hasCause(bug);
    }
}
