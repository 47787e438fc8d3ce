package io.mqproducer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.ProducerBusyException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InflightSendsTest {

    @Test
    void fullWindowWaitsThenFailsTyped() {
        InflightSends inflight = new InflightSends(1);
        inflight.acquireAsyncSlot(Duration.ofMillis(10));
        long start = System.nanoTime();
        assertThatThrownBy(() -> inflight.acquireAsyncSlot(Duration.ofMillis(200)))
                .isInstanceOf(ProducerBusyException.class).hasMessageContaining("1 async sends are already in flight");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(190);
        inflight.releaseAsyncSlot();
        inflight.acquireAsyncSlot(Duration.ofMillis(10));
    }

    @Test
    void awaitIdleReturnsWhenTheLastSendFinishes() throws Exception {
        InflightSends inflight = new InflightSends(10);
        inflight.increment();
        Thread finisher = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                // test thread
            }
            inflight.decrement();
        });
        finisher.start();
        long start = System.nanoTime();
        inflight.awaitIdle(5_000);
        assertThat(inflight.count()).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
    }
}
