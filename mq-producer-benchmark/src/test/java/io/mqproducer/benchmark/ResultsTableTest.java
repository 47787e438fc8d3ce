package io.mqproducer.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    @Test
    void listsOursFirstAndAddsARatioRowPerScenario() {
        RunResult official = result(ClientKind.OFFICIAL, 1_000, 2_000_000);
        RunResult ours = result(ClientKind.OURS, 2_000, 1_000_000);

        String table = ResultsTable.render(List.of(official, ours));

        List<String> rows = table.lines().toList();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(2)).startsWith("| sync, 1 thread | mq-producer | 2,000 | 1.000 |");
        assertThat(rows.get(3)).startsWith("| sync, 1 thread | rocketmq-client | 1,000 | 2.000 |");
        // Twice the messages in the same time with half the latency; CPU and allocation totals equal.
        assertThat(rows.get(4)).isEqualTo(
                "| sync, 1 thread | **ours / official** | 2.00x | 0.50x | 0.50x | 0.50x | 0.50x | 0.50x | 0.50x |");
    }

    private static RunResult result(ClientKind kind, long messages, long latencyNanos) {
        LatencyRecorder latencies = new LatencyRecorder();
        latencies.record(latencyNanos);
        return new RunResult("sync, 1 thread", kind.label(), messages, 0, 1_000_000_000L, latencies,
                1_000_000_000L, 1_000_000, 2, 0, 3_000_000_000L);
    }
}
