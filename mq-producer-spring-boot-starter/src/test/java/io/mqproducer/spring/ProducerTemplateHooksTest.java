package io.mqproducer.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.message.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Message customizers and producer listeners around a producer that was never started (every send fails). */
class ProducerTemplateHooksTest {
    private final Producer notStarted = Producer.create(ProducerOptions.builder("127.0.0.1:9876")
            .sendTimeout(Duration.ofSeconds(1)).build());
    private final List<String> events = new CopyOnWriteArrayList<>();

    private final MessageCustomizer first = message -> message.toBuilder(message.topic())
            .property("order", "first").build();
    private final MessageCustomizer second = message -> message.toBuilder(message.topic())
            .property("order", message.properties().get("order") + ",second").build();
    private final ProducerListener recording = new ProducerListener() {
        @Override
        public void onSuccess(Message message, SendResult result) {
            events.add("success " + message.topic());
        }

        @Override
        public void onFailure(Message message, Throwable failure) {
            events.add("failure " + message.topic() + " order=" + message.properties().get("order") + " "
                    + failure.getClass().getSimpleName());
        }
    };
    private final ProducerListener throwing = new ProducerListener() {
        @Override
        public void onFailure(Message message, Throwable failure) {
            throw new IllegalStateException("listener bug");
        }
    };
    private final ProducerTemplate template = new ProducerTemplate(notStarted, JsonMapper.builder().build(),
            SendListener.NOOP, SendObservation.NONE,
            new SendHooks(List.of(first, second), List.of(throwing, recording)));

    @AfterEach
    void close() {
        notStarted.close();
    }

    @Test
    void syncFailureReachesListenersWithTheCustomizedMessage() {
        assertThatThrownBy(() -> template.send("orders", "x")).isInstanceOf(ProducerClosedException.class);

        assertThat(events).containsExactly("failure orders order=first,second ProducerClosedException");
    }

    @Test
    void asyncFailureReachesListenersBeforeTheFutureCompletes() throws Exception {
        Throwable failure = template.sendAsync("orders", "x").handle((result, error) -> {
            assertThat(events).hasSize(1);
            return error;
        }).get(5, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(ProducerClosedException.class);
        assertThat(events).containsExactly("failure orders order=first,second ProducerClosedException");
    }

    @Test
    void onewayFailureReachesListeners() {
        assertThatThrownBy(() -> template.sendOneway("audit", "x")).isInstanceOf(ProducerClosedException.class);

        assertThat(events).containsExactly("failure audit order=first,second ProducerClosedException");
    }

    @Test
    void failingCustomizerFailsTheAsyncSendThroughTheFuture() throws Exception {
        ProducerTemplate broken = new ProducerTemplate(notStarted, JsonMapper.builder().build(), SendListener.NOOP,
                SendObservation.NONE, new SendHooks(List.of(message -> {
                    throw new IllegalArgumentException("bad");
                }), List.of(recording)));

        Throwable failure = broken.sendAsync("orders", "x").handle((result, error) -> error).get(5, TimeUnit.SECONDS);

        assertThat(failure).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(events).isEmpty();
    }

    @Test
    void existingConstructorsHaveNoHooks() {
        ProducerTemplate plain = new ProducerTemplate(notStarted);

        assertThatThrownBy(() -> plain.send("orders", "x")).isInstanceOf(ProducerClosedException.class);
        assertThat(events).isEmpty();
    }
}
