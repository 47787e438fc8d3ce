package io.mqproducer.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InflightLimitTest {

    private static void returns(InflightLimit limit, int times, int waiting) {
        for (int i = 0; i < times; i++) {
            limit.requestReturned(waiting);
        }
    }

    @Test
    void startsHighSoThatFewSendersNeverWait() {
        InflightLimit limit = InflightLimit.adaptive();
        assertThat(limit.current()).isEqualTo(InflightLimit.HIGH);
        returns(limit, 100, 0);
        assertThat(limit.current()).isEqualTo(InflightLimit.HIGH);
    }

    @Test
    void dropsWhenManySendersKeepWaitingAndRisesWhenFewDo() {
        InflightLimit limit = InflightLimit.adaptive();
        returns(limit, 1, 12);
        assertThat(limit.current()).as("one crowded return is not a trend").isEqualTo(InflightLimit.HIGH);
        returns(limit, 10, 12); // 16 senders, 4 in flight: 12 wait
        assertThat(limit.current()).isEqualTo(InflightLimit.LOW);

        returns(limit, 50, 7); // 16 senders at the low limit: about 7 wait per return
        assertThat(limit.current()).as("stays low while senders pile up").isEqualTo(InflightLimit.LOW);

        returns(limit, 50, 2); // 4 senders at the low limit: 2 wait per return
        assertThat(limit.current()).as("4 senders get their own requests back").isEqualTo(InflightLimit.HIGH);
    }

    @Test
    void eightSendersStayInBatchMode() {
        InflightLimit limit = InflightLimit.adaptive();
        returns(limit, 50, 4); // at the high limit 4 of 8 wait
        assertThat(limit.current()).isEqualTo(InflightLimit.LOW);
        returns(limit, 50, 6); // at the low limit 6 of 8 wait
        assertThat(limit.current()).isEqualTo(InflightLimit.LOW);
    }

    @Test
    void aFixedLimitNeverMoves() {
        InflightLimit limit = new InflightLimit(2, 2);
        returns(limit, 50, 100);
        returns(limit, 50, 0);
        assertThat(limit.current()).isEqualTo(2);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new InflightLimit(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InflightLimit(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
