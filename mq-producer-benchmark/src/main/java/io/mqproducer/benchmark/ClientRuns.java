package io.mqproducer.benchmark;

import java.util.Comparator;
import java.util.List;

/**
 * Every round of one client in one scenario. The round with the median throughput is the one reported, whole, so that
 * its latency, CPU and allocation figures belong together.
 *
 * @param rounds the rounds in run order; not empty
 */
public record ClientRuns(List<RunResult> rounds) {

    public ClientRuns {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("at least one round is needed");
        }
        rounds = List.copyOf(rounds);
    }

    /** The round with the median msgs/s (the lower middle one for an even count). */
    public RunResult median() {
        List<RunResult> sorted = rounds.stream()
                .sorted(Comparator.comparingDouble(RunResult::messagesPerSecond))
                .toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
