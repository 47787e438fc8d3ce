package io.mqproducer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.BrokerUnavailableException;
import io.mqproducer.error.UnexpectedFailureException;
import io.mqproducer.error.WaitInterruptedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SyncWaitTest {

    @Test
    void anInterruptedCallerGetsATypedErrorAndKeepsItsInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> SyncWait.await(new CompletableFuture<>(), Duration.ofSeconds(30)))
                    .isExactlyInstanceOf(WaitInterruptedException.class)
                    .hasMessage("interrupted while waiting for the broker")
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aFailureIsRethrownAsItsOwnTypeFromTheCallersThread() {
        BrokerUnavailableException original = new BrokerUnavailableException("down");
        assertThatThrownBy(() -> SyncWait.await(CompletableFuture.failedFuture(original), Duration.ofSeconds(1)))
                .isExactlyInstanceOf(BrokerUnavailableException.class).hasMessage("down").hasCause(original);
    }

    @Test
    void aFailureThatIsNoneOfTheProducersOwnIsUnexpected() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(() -> SyncWait.await(CompletableFuture.failedFuture(bug), Duration.ofSeconds(1)))
                .isExactlyInstanceOf(UnexpectedFailureException.class)
                .hasMessage("unexpected failure: java.lang.IllegalStateException: bug")
                .hasRootCause(bug);
    }
}
