package io.mqproducer.benchmark;

import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.rocketmq.common.MQVersion;

/** The Markdown document of one run: machine, date, results, settings, bookkeeping. */
final class Report {

    private Report() {
    }

    static String markdown(BenchmarkOptions options, MachineInfo machine, String broker, ZonedDateTime started,
                           List<ClientRuns> runs) {
        List<RunResult> results = runs.stream().map(ClientRuns::median).toList();
        String officialVersion = MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION);
        return String.join("\n",
                "# mq-producer vs. the official RocketMQ client",
                "",
                "- Date: " + started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                "- Machine: " + machine.describe(),
                "- Broker: " + broker,
                "",
                ResultsTable.render(results),
                "Ratio row: ours / official. Above 1 for msgs/s means ours is faster; below 1 for latency, CPU and "
                        + "allocation means ours costs less. Latency of the async scenario runs from the call to the "
                        + "callback and includes waiting behind the window.",
                "",
                "## Settings",
                "",
                "- Messages: " + options.bodySize() + "-byte " + (options.jsonBody() ? "JSON" : "random") + " body (one shared array), "
                + options.compression() + " compression above 4 KiB, "
                        + (options.topicCount() == 1 ? "topic `" + options.topic() + "`"
                        : options.topicCount() + " topics `" + options.topic() + "-0`... round-robin")
                        + ", a new message object per send, " + (options.traced()
                        ? "a tag, two keys and three user properties (traceparent, tenant, source) per message."
                        : "no tags, keys or properties."),
                "- Both clients: send timeout " + options.sendTimeout().toSeconds() + " s, " + options.retries()
                        + " retries (sync and async), body compression above 4 KiB ("
                        + (options.bodySize() > 4 * 1024 ? "every body, level 5" : "not reached") + "), a fresh client "
                        + "per scenario.",
                "- mq-producer: " + (options.binaryHeaders() ? "binary" : "JSON") + " headers, maxInflightAsync "
                        + options.asyncWindow() + ", default I/O threads (min(4, cores)), automatic async batching "
                        + (options.batchLingerMicros() == 0 ? "off" : "with a " + options.batchLingerMicros()
                        + " µs linger") + ", adaptive batching " + (options.adaptiveBatching() ? "on" : "off")
                        + ", " + ourTransport() + ".",
                "- rocketmq-client " + officialVersion + ": `DefaultMQProducer`, its default JSON headers, VIP channel "
                        + "off, default thread pools, JDK NIO (it has no native transport).",
                "- Sync scenarios: N sender threads share one message budget. Async: one sender thread, at most "
                        + options.asyncWindow() + " sends outstanding (a semaphore in the benchmark, same for both).",
                "- Rounds: each client ran each scenario " + options.rounds() + " time(s); the table shows, per "
                        + "client, the round with the median msgs/s (all its columns from that round).",
                "- Phases per scenario and client: warm-up of " + options.warmUp() + " (discarded), then measured "
                        + options.measured() + ", whichever first. Before all scenarios each client did one "
                        + "throw-away 4-thread warm-up run. Order alternates per scenario and round, ours first in the first.",
                "- CPU and allocation: `ThreadMXBean` CPU time and allocated bytes of the sender threads plus the "
                        + "client's own threads (by name, see README), snapshot before and after the measured phase. "
                        + "JIT and GC threads are not counted.",
                "- Client JVM: `" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + "`",
                "",
                "## Details",
                "",
                ResultsTable.renderDetails(runs));
    }

    /** What our producer's transport picks in this JVM (it uses native epoll whenever that loads). */
    private static String ourTransport() {
        return io.netty.channel.epoll.Epoll.isAvailable() ? "native epoll transport (optional dependency, on the "
                + "benchmark's class path)" : "JDK NIO transport (native epoll unavailable: "
                + io.netty.channel.epoll.Epoll.unavailabilityCause().getMessage() + ")";
    }
}
