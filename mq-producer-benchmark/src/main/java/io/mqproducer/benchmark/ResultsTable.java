package io.mqproducer.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Renders results as Markdown: per scenario one row per client (ours first) and a ratio row ours / official.
 */
public final class ResultsTable {
    /** Label of the ratio row. */
    public static final String RATIO_LABEL = "**ours / official**";

    private ResultsTable() {
    }

    /** The main table: throughput, latency percentiles, CPU and allocation per message. */
    public static String render(List<RunResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | client | msgs/s | p50 ms | p99 ms | p999 ms | CPU µs/msg | alloc B/msg "
                + "| broker CPU µs/msg |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (List<RunResult> scenario : byScenario(results).values()) {
            for (RunResult r : scenario) {
                row(out, r.scenario(), r.client(), number(r.messagesPerSecond(), "%,.0f"),
                        millis(r.latencyMillis(0.5)), millis(r.latencyMillis(0.99)), millis(r.latencyMillis(0.999)),
                        number(r.cpuMicrosPerMessage(), "%,.1f"), number(r.allocatedBytesPerMessage(), "%,.0f"),
                        number(r.brokerCpuMicrosPerMessage(), "%,.1f"));
            }
            RunResult ours = find(scenario, ClientKind.OURS);
            RunResult official = find(scenario, ClientKind.OFFICIAL);
            if (ours != null && official != null) {
                row(out, ours.scenario(), RATIO_LABEL,
                        ratio(ours, official, RunResult::messagesPerSecond),
                        ratio(ours, official, r -> r.latencyMillis(0.5)),
                        ratio(ours, official, r -> r.latencyMillis(0.99)),
                        ratio(ours, official, r -> r.latencyMillis(0.999)),
                        ratio(ours, official, RunResult::cpuMicrosPerMessage),
                        ratio(ours, official, RunResult::allocatedBytesPerMessage),
                        ratio(ours, official, RunResult::brokerCpuMicrosPerMessage));
            }
        }
        return out.toString();
    }

    /**
     * The bookkeeping table of the reported rounds (what was measured, how much the thread accounting could see) with
     * the throughput of every round, the reported one in bold.
     */
    public static String renderDetails(List<ClientRuns> runs) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | client | measured msgs | failed | seconds | threads charged | threads lost "
                + "| msgs/s of each round |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (ClientRuns clientRuns : runs) {
            RunResult r = clientRuns.median();
            List<String> rounds = clientRuns.rounds().stream()
                    .map(round -> (round == r ? "**%s**" : "%s").formatted(number(round.messagesPerSecond(), "%,.0f")))
                    .toList();
            row(out, r.scenario(), r.client(), String.format(Locale.ROOT, "%,d", r.messages()),
                    Long.toString(r.errors()), number(r.elapsedNanos() / 1e9, "%.2f"),
                    Integer.toString(r.threads()), Integer.toString(r.lostThreads()), String.join(" / ", rounds));
        }
        return out.toString();
    }

    /** Groups by scenario in first-seen order, ours before official within each. */
    private static Map<String, List<RunResult>> byScenario(List<RunResult> results) {
        Map<String, List<RunResult>> grouped = new LinkedHashMap<>();
        for (RunResult r : results) {
            grouped.computeIfAbsent(r.scenario(), name -> new ArrayList<>()).add(r);
        }
        grouped.values().forEach(list -> list.sort((a, b) ->
                Boolean.compare(!a.client().equals(ClientKind.OURS.label()), !b.client().equals(ClientKind.OURS.label()))));
        return grouped;
    }

    private static RunResult find(List<RunResult> scenario, ClientKind kind) {
        return scenario.stream().filter(r -> r.client().equals(kind.label())).findFirst().orElse(null);
    }

    private static String ratio(RunResult ours, RunResult official, ToDoubleFunction<RunResult> metric) {
        return Ratio.format(metric.applyAsDouble(ours), metric.applyAsDouble(official));
    }

    private static String millis(double value) {
        return number(value, "%.3f");
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }

    private static void row(StringBuilder out, String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
