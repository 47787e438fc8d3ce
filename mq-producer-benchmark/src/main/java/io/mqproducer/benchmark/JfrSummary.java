package io.mqproducer.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a benchmark run for the producer's own code: allocation samples and CPU samples of the
 * producer's and the sender threads, each charged to the nearest frame in the producer's packages (so that time in
 * Netty or the JDK called from {@code SendRequestFactory.create} counts for {@code create}), plus the top self frames.
 *
 * <p>Usage: {@code JfrSummary recording.jfr [top-n]}. See README for how to record.
 */
public final class JfrSummary {
    private static final String OUR_PACKAGE = "io.mqproducer.";
    private static final String BENCHMARK_PACKAGE = "io.mqproducer.benchmark.";
    private static final String[] SAMPLED_THREADS = {"mq-producer-", SenderThreads.NAME_PREFIX};

    private final Map<String, Long> allocationBySite = new HashMap<>();
    private final Map<String, Long> allocationBySiteAndClass = new HashMap<>();
    private final Map<String, Long> cpuByNearestFrame = new HashMap<>();
    private final Map<String, Long> cpuInclusive = new HashMap<>();
    private final Map<String, Long> cpuSelf = new HashMap<>();
    private long allocationTotal;
    private long cpuTotal;

    private JfrSummary() {
    }

    /** Prints the summary of the recording given as first argument. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrSummary recording.jfr [top-n]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        JfrSummary summary = new JfrSummary();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            summary.accept(event);
        }
        summary.print(top);
    }

    private void accept(RecordedEvent event) {
        String type = event.getEventType().getName();
        if (type.equals("jdk.ObjectAllocationSample") && sampled(event.getThread("eventThread"))) {
            long weight = event.getLong("weight");
            allocationTotal += weight;
            String site = nearestOurFrame(event.getStackTrace());
            allocationBySite.merge(site, weight, Long::sum);
            allocationBySiteAndClass.merge(site + "  [" + event.getClass("objectClass").getName() + "]", weight,
                    Long::sum);
        } else if (type.equals("jdk.ExecutionSample") && sampled(event.getThread("sampledThread"))) {
            cpuTotal++;
            RecordedStackTrace stack = event.getStackTrace();
            cpuByNearestFrame.merge(nearestOurFrame(stack), 1L, Long::sum);
            if (stack != null && !stack.getFrames().isEmpty()) {
                cpuSelf.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : stack.getFrames()) {
                    if (ours(frame) && seen.add(name(frame))) {
                        cpuInclusive.merge(name(frame), 1L, Long::sum);
                    }
                }
            }
        }
    }

    private static boolean sampled(jdk.jfr.consumer.RecordedThread thread) {
        String name = thread == null ? null : thread.getJavaName();
        if (name == null) {
            return false;
        }
        for (String prefix : SAMPLED_THREADS) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The first frame from the top that is the producer's code; outside the producer when there is none. */
    private static String nearestOurFrame(RecordedStackTrace stack) {
        if (stack == null) {
            return "(no stack)";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (ours(frame)) {
                return name(frame);
            }
        }
        // Stacks are truncated at 64 frames by default; Netty's event loop rarely reaches the producer's code.
        List<RecordedFrame> frames = stack.getFrames();
        return "(outside io.mqproducer: " + (frames.isEmpty() ? "?" : name(frames.get(0))) + ")";
    }

    private static boolean ours(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.startsWith(OUR_PACKAGE) && !type.startsWith(BENCHMARK_PACKAGE);
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private void print(int top) {
        System.out.printf(Locale.ROOT, "Threads sampled: mq-producer-*, %s*%n%n", SenderThreads.NAME_PREFIX);
        table("Allocation by nearest io.mqproducer frame", allocationBySite, allocationTotal, top, "MiB");
        table("Allocation by nearest io.mqproducer frame and class", allocationBySiteAndClass, allocationTotal, top,
                "MiB");
        table("CPU samples by nearest io.mqproducer frame", cpuByNearestFrame, cpuTotal, top, "samples");
        table("CPU samples inclusive (io.mqproducer method anywhere on the stack)", cpuInclusive, cpuTotal, top,
                "samples");
        table("CPU samples by top frame (self time, any code)", cpuSelf, cpuTotal, top, "samples");
    }

    private static void table(String title, Map<String, Long> values, long total, int top, String unit) {
        System.out.printf(Locale.ROOT, "### %s (total %s)%n%n| # | frame | %s | share |%n|---:|---|---:|---:|%n",
                title, amount(total, unit), unit);
        int[] rank = {0};
        values.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %d | `%s` | %s | %.1f %% |%n", ++rank[0], e.getKey(),
                        amount(e.getValue(), unit), total == 0 ? 0 : 100.0 * e.getValue() / total));
        System.out.println();
    }

    private static String amount(long value, String unit) {
        return unit.equals("MiB") ? String.format(Locale.ROOT, "%,.1f", value / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%,d", value);
    }
}
