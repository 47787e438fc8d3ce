package io.mqproducer.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientRunsTest {

    @Test
    void reportsTheRoundWithTheMedianThroughput() {
        RunResult slow = result(1_000);
        RunResult middle = result(2_000);
        RunResult fast = result(9_000);

        assertThat(new ClientRuns(List.of(fast, slow, middle)).median()).isSameAs(middle);
        assertThat(new ClientRuns(List.of(fast, slow)).median()).isSameAs(slow);
        assertThat(new ClientRuns(List.of(fast)).median()).isSameAs(fast);
    }

    private static RunResult result(long messages) {
        return new RunResult("async, window 1000", "mq-producer", messages, 0, 1_000_000_000L, new LatencyRecorder(),
                0, 0, 1, 0, -1);
    }
}
