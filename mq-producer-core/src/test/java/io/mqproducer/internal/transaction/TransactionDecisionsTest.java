package io.mqproducer.internal.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.TransactionState;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransactionDecisionsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void remembersCommitsAndRollbacksButNotUnknown() {
        TransactionDecisions decisions = new TransactionDecisions(now::get);
        decisions.record("tx-1", TransactionState.COMMIT);
        decisions.record("tx-2", TransactionState.ROLLBACK);
        decisions.record("tx-3", TransactionState.UNKNOWN);
        assertThat(decisions.lookup("tx-1")).isEqualTo(TransactionState.COMMIT);
        assertThat(decisions.lookup("tx-2")).isEqualTo(TransactionState.ROLLBACK);
        assertThat(decisions.lookup("tx-3")).isNull();
        assertThat(decisions.lookup(null)).isNull();
        assertThat(decisions.size()).isEqualTo(2);
    }

    @Test
    void forgetsDecisionsOlderThanTheRetention() {
        TransactionDecisions decisions = new TransactionDecisions(now::get);
        decisions.record("old", TransactionState.COMMIT);
        now.addAndGet(TransactionDecisions.RETENTION_MILLIS / 2);
        decisions.record("newer", TransactionState.COMMIT);
        now.addAndGet(TransactionDecisions.RETENTION_MILLIS / 2);
        assertThat(decisions.lookup("old")).as("exactly one retention later").isNull();
        assertThat(decisions.lookup("newer")).isEqualTo(TransactionState.COMMIT);
    }

    @Test
    void keepsAtMostTheNewestEntries() {
        TransactionDecisions decisions = new TransactionDecisions(now::get, 3);
        for (int i = 1; i <= 5; i++) {
            decisions.record("tx-" + i, TransactionState.COMMIT);
        }
        assertThat(decisions.size()).isEqualTo(3);
        assertThat(decisions.lookup("tx-1")).isNull();
        assertThat(decisions.lookup("tx-2")).isNull();
        assertThat(decisions.lookup("tx-5")).isEqualTo(TransactionState.COMMIT);
    }
}
