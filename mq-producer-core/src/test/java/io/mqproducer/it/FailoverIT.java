package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.error.ProducerException;
import io.mqproducer.message.Message;
import io.mqproducer.spi.SendObserver;
import io.mqproducer.test.ChildBroker;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.ReadBackConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broker failover: two broker groups serve the topic; one of them, a separate process, is killed with SIGKILL while two
 * threads send sync and one sends async, then started again. Every send must end (acknowledged or a typed error to its
 * caller), every acknowledged message must be in a broker, sends must keep succeeding on the survivor within seconds,
 * and traffic must come back to the restarted broker.
 */
class FailoverIT {
    private static final String TOPIC = "FailoverIT";
    private static final int QUEUES = 4;
    private static final String BROKER_A = "broker-a";
    private static final String BROKER_B = "broker-b";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(3);

    /** Load phases: before the kill (once both brokers have acknowledged sends), while broker-b is down, after. */
    private static final long BEFORE_KILL_MILLIS = 5_000;
    private static final long DOWN_MILLIS = 8_000;
    private static final long AFTER_RESTART_MILLIS = 8_000;
    /** Each sync sender sends every 10 ms, the async one every 5 ms with at most 50 in flight: ~400 messages/s. */
    private static final long SYNC_PACE_MICROS = 10_000;
    private static final long ASYNC_PACE_MICROS = 5_000;
    private static final int ASYNC_WINDOW = 50;
    private static final int MAX_SENDS_PER_SENDER = 10_000;

    /** Bounds, generous for a loaded two-core machine. */
    private static final long RECOVERY_LIMIT_MILLIS = 5_000;
    private static final long RETURN_LIMIT_MILLIS = 15_000;
    private static final Duration SETTLE_TIMEOUT = SEND_TIMEOUT.plusSeconds(5);
    private static final Duration READ_BACK_TIMEOUT = Duration.ofSeconds(90);

    /** With adaptive batching too: sends that pile up behind slow or failing requests then travel as batches. */
    @ParameterizedTest(name = "adaptive batching {0}")
    @ValueSource(booleans = {false, true})
    void everySendEndsAndAckedMessagesSurviveABrokerKilledUnderLoad(boolean adaptiveBatching) {
        try (EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.builder().brokerName(BROKER_A).build();
             ChildBroker brokerB = ChildBroker.start(rocketMQ.nameServerAddress(), rocketMQ.clusterName(), BROKER_B,
                     Map.of(TOPIC, QUEUES))) {
            rocketMQ.createTopic(TOPIC, QUEUES);
            SendLog log = new SendLog();
            Timeline timeline;
            try (Producer producer = Producer.create(ProducerOptions.builder(rocketMQ.nameServerAddress())
                    .sendTimeout(SEND_TIMEOUT).retries(2).routeRefreshInterval(Duration.ofSeconds(1))
                    .adaptiveBatching(adaptiveBatching).observer(log).build()).start()) {
                timeline = runThroughFailover(new Load(producer, log), brokerB, log);
            }
            Map<String, Integer> readBack = readBack(rocketMQ.nameServerAddress(), log.ackedBodies());
            Report report = new Report(log, readBack, timeline);
            System.out.println(report.summary());
            System.out.println(report.timings());
            System.out.println(report.details());
            report.verify();
        }
    }

    private static Timeline runThroughFailover(Load load, ChildBroker brokerB, SendLog log) {
        load.start();
        // The kill must hit a broker in use: the planned time starts once both brokers have acknowledged sends.
        awaitAck(log, o -> BROKER_B.equals(o.broker()), log.now() + RETURN_LIMIT_MILLIS);
        awaitAck(log, o -> BROKER_A.equals(o.broker()), log.now() + RETURN_LIMIT_MILLIS);
        awaitClock(log, log.now() + BEFORE_KILL_MILLIS);
        long killedAt = log.now();
        brokerB.kill();
        long goneAt = log.now();
        awaitClock(log, killedAt + DOWN_MILLIS);
        long restartBegan = log.now();
        brokerB.restart();
        long restartedAt = log.now();
        // Keep the load up until broker-b has traffic again (or the bound passed), and for the planned time at least.
        awaitAck(log, o -> BROKER_B.equals(o.broker()) && o.startedAt() > goneAt, restartedAt + RETURN_LIMIT_MILLIS);
        awaitClock(log, restartedAt + AFTER_RESTART_MILLIS);
        long stoppedAt = log.now();
        return new Timeline(killedAt, goneAt, restartBegan, restartedAt, stoppedAt, load.stopAndAwait(SETTLE_TIMEOUT));
    }

    /** Polls until an acknowledgement matches, or until {@code deadline} on the log's clock. */
    private static void awaitAck(SendLog log, Predicate<Outcome> which, long deadline) {
        while (log.now() < deadline && log.firstAck(which) == null) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Reads until every acknowledged body is there (or time is up); returns how often each body was read. */
    private static Map<String, Integer> readBack(String nameServer, Set<String> acked) {
        Map<String, Integer> counts = Map.of();
        long deadline = System.nanoTime() + READ_BACK_TIMEOUT.toNanos();
        try (ReadBackConsumer consumer = ReadBackConsumer.of(nameServer, TOPIC)) {
            do {
                List<MessageExt> received = consumer.drain(Duration.ofSeconds(2));
                counts = received.stream().collect(Collectors.toMap(
                        m -> new String(m.getBody(), StandardCharsets.UTF_8), m -> 1, Integer::sum));
            } while (!counts.keySet().containsAll(acked) && System.nanoTime() < deadline);
        }
        return counts;
    }

    /** Fixed pacing of the load phases, measured from the start of the load. */
    private static void awaitClock(SendLog log, long atMillis) {
        for (long left = atMillis - log.now(); left > 0; left = atMillis - log.now()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(left));
        }
    }

    /** Milliseconds since the load started: when broker-b was killed, gone, restarted and the load stopped. */
    record Timeline(long killedAt, long goneAt, long restartBegan, long restartedAt, long stoppedAt, boolean settled) {
    }

    /** How one send ended; {@code broker} is null for a failure, {@code error} null for an acknowledgement. */
    record Outcome(long startedAt, long endedAt, String broker, String error) {
        boolean acked() {
            return broker != null;
        }

        long latency() {
            return endedAt - startedAt;
        }
    }

    /** Every send's outcome by body, the bodies still pending, and the producer's retries (it is its observer). */
    static final class SendLog implements SendObserver {
        private final long origin = System.nanoTime();
        private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        private final Set<String> pending = ConcurrentHashMap.newKeySet();
        /** Retries by broker and cause: how many, when the first and the last happened. */
        private final Map<String, long[]> retries = new ConcurrentHashMap<>();

        long now() {
            return (System.nanoTime() - origin) / 1_000_000;
        }

        /** Records how the send of {@code body} ended: with a result, or with an error. */
        void ended(String body, long startedAt, SendResult result, Throwable error) {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            outcomes.put(body, new Outcome(startedAt, now(), result == null ? null : result.queue().brokerName(),
                    cause == null ? null : cause.getClass().getSimpleName()));
            pending.remove(body);
        }

        @Override
        public void onRetry(String topic, String brokerName, ProducerException cause) {
            long at = now();
            retries.compute(brokerName + ":" + cause.getClass().getSimpleName(),
                    (key, seen) -> seen == null ? new long[] {1, at, at} : new long[] {seen[0] + 1, seen[1], at});
        }

        Set<String> ackedBodies() {
            return outcomes.entrySet().stream().filter(e -> e.getValue().acked()).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }

        /** When the earliest-ending acknowledgement that matches ended, or null. */
        Long firstAck(Predicate<Outcome> filter) {
            return outcomes.values().stream().filter(o -> o.acked() && filter.test(o)).map(Outcome::endedAt)
                    .min(Comparator.naturalOrder()).orElse(null);
        }
    }

    /** Two paced sync senders and one async sender with a bounded window of sends in flight. */
    static final class Load {
        private final Producer producer;
        private final SendLog log;
        private final Semaphore window = new Semaphore(ASYNC_WINDOW);
        private final List<Thread> senders = new ArrayList<>();
        private volatile boolean running = true;

        Load(Producer producer, SendLog log) {
            this.producer = producer;
            this.log = log;
        }

        void start() {
            senders.add(new Thread(() -> syncSends(0), "failover-sync-0"));
            senders.add(new Thread(() -> syncSends(1), "failover-sync-1"));
            senders.add(new Thread(this::asyncSends, "failover-async"));
            senders.forEach(Thread::start);
        }

        /** Stops sending; true if every sender thread ended and every send finished within {@code timeout}. */
        boolean stopAndAwait(Duration timeout) {
            running = false;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!isIdle() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            return isIdle();
        }

        private boolean isIdle() {
            return senders.stream().noneMatch(Thread::isAlive) && log.pending.isEmpty();
        }

        private void syncSends(int thread) {
            long next = System.nanoTime();
            for (int n = 0; running && n < MAX_SENDS_PER_SENDER; n++) {
                String body = "sync-" + thread + "-" + n;
                long startedAt = log.now();
                log.pending.add(body);
                try {
                    log.ended(body, startedAt, producer.send(message(body)), null);
                } catch (RuntimeException e) {
                    log.ended(body, startedAt, null, e); // any type, so that an untyped error shows in the counts
                }
                next = pace(next, SYNC_PACE_MICROS);
            }
        }

        private void asyncSends() {
            long next = System.nanoTime();
            try {
                for (int n = 0; running && n < MAX_SENDS_PER_SENDER; n++) {
                    if (!window.tryAcquire(SETTLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                        return; // every slot held longer than a send may take: the pending sends show in the report
                    }
                    String body = "async-" + n;
                    long startedAt = log.now();
                    log.pending.add(body);
                    try {
                        producer.sendAsync(message(body)).whenComplete((result, error) -> {
                            log.ended(body, startedAt, result, error);
                            window.release();
                        });
                    } catch (RuntimeException e) {
                        log.ended(body, startedAt, null, e); // sendAsync should not throw; if it does, it counts
                        window.release();
                    }
                    next = pace(next, ASYNC_PACE_MICROS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static Message message(String body) {
            return Message.of(TOPIC, body.getBytes(StandardCharsets.UTF_8));
        }

        /** Waits for the next slot of a fixed rate; a sender that fell behind does not burst to catch up. */
        private static long pace(long previous, long intervalMicros) {
            long next = Math.max(previous + TimeUnit.MICROSECONDS.toNanos(intervalMicros), System.nanoTime());
            LockSupport.parkNanos(next - System.nanoTime());
            return next;
        }
    }

    /** The counts and timings of one run, and the assertions on them. */
    static final class Report {
        private final SendLog log;
        private final Map<String, Integer> readBack;
        private final Timeline timeline;
        private final Set<String> acked;

        Report(SendLog log, Map<String, Integer> readBack, Timeline timeline) {
            this.log = log;
            this.readBack = readBack;
            this.timeline = timeline;
            this.acked = log.ackedBodies();
        }

        String summary() {
            return "FailoverIT summary: sent=" + (log.outcomes.size() + log.pending.size())
                    + " acked=" + acked.size() + " " + countBy(Outcome::acked, Outcome::broker)
                    + " failed=" + (log.outcomes.size() - acked.size()) + " " + countBy(o -> !o.acked(), Outcome::error)
                    + " pending=" + log.pending.size() + " readBack=" + readBack.size() + " (messages "
                    + readBack.values().stream().mapToLong(Integer::longValue).sum() + ") missing=" + missing().size()
                    + " duplicates=" + duplicates() + " failedButStored=" + failedButStored()
                    + " unknown=" + unknown().size()
                    + " timeToRecover=" + since(recoveredAt()) + " (first broker-a ack after the kill)"
                    + " trafficReturned=" + after(returnedAt(), timeline.restartedAt())
                    + " (first broker-b ack after its registration)";
        }

        String timings() {
            return "FailoverIT timings: killAt=" + timeline.killedAt() + "ms gone+" + since(timeline.goneAt())
                    + " maxLatency=" + maxLatencySince(0) + "ms"
                    + " maxLatencyAfterKill=" + maxLatencySince(timeline.killedAt()) + "ms"
                    + " successInDownWindow=" + downWindowCounts()[0] + "/" + downWindowCounts()[1]
                    + " restartTook=" + (timeline.restartedAt() - timeline.restartBegan()) + "ms"
                    + " loadStoppedAt=" + timeline.stoppedAt() + "ms retries(count, first..last)="
                    + new TreeMap<>(log.retries).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[0]
                            + " (" + e.getValue()[1] + ".." + e.getValue()[2] + "ms)").toList();
        }

        /** Slowest sends (over 1 s), failures and duplicates, with their outcomes: evidence when a bound is near. */
        String details() {
            List<String> slow = log.outcomes.entrySet().stream().filter(e -> e.getValue().latency() > 1_000)
                    .sorted(Comparator.comparingLong(e -> -e.getValue().latency())).limit(5)
                    .map(e -> e.getKey() + "=" + e.getValue()).toList();
            List<String> duplicated = readBack.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(e -> e.getKey() + " x" + e.getValue() + "=" + log.outcomes.get(e.getKey())).toList();
            List<String> failed = log.outcomes.entrySet().stream().filter(e -> !e.getValue().acked()).limit(10)
                    .map(e -> e.getKey() + "=" + e.getValue()).toList();
            return "FailoverIT details: slowest " + slow + " failures " + failed + " duplicates " + duplicated;
        }

        void verify() {
            assertThat(timeline.settled()).as("every send ended within the send timeout after the load stopped; "
                    + "pending: %s", log.pending).isTrue();
            assertThat(maxLatencySince(0)).as("longest send, in ms").isLessThan(SETTLE_TIMEOUT.toMillis());
            assertThat(missing()).as("acknowledged but not read back").isEmpty();
            assertThat(unknown()).as("read back but never sent").isEmpty();
            assertThat(log.firstAck(o -> BROKER_B.equals(o.broker()) && o.endedAt() < timeline.killedAt()))
                    .as("an ack on broker-b before the kill").isNotNull();
            assertThat(recoveredAt()).as("an ack on broker-a after the kill").isNotNull();
            assertThat(recoveredAt() - timeline.killedAt()).as("time to the first ack after the kill")
                    .isLessThan(RECOVERY_LIMIT_MILLIS);
            long[] window = downWindowCounts();
            assertThat(window[1]).as("sends started while broker-b was down").isPositive();
            assertThat(window[0] * 2).as("acked %s of %s sends while broker-b was down", window[0], window[1])
                    .isGreaterThan(window[1]);
            assertThat(returnedAt()).as("an ack on broker-b after its restart").isNotNull();
            assertThat(returnedAt() - timeline.restartedAt()).as("time for traffic to return to broker-b")
                    .isLessThan(RETURN_LIMIT_MILLIS);
        }

        private Long recoveredAt() {
            return log.firstAck(o -> BROKER_A.equals(o.broker()) && o.endedAt() > timeline.killedAt());
        }

        /** First ack on broker-b for a send started once its old process was gone. */
        private Long returnedAt() {
            return log.firstAck(o -> BROKER_B.equals(o.broker()) && o.startedAt() > timeline.goneAt());
        }

        /** The longest any send took that ended after {@code millis}. */
        private long maxLatencySince(long millis) {
            return log.outcomes.values().stream().filter(o -> o.endedAt() > millis)
                    .mapToLong(Outcome::latency).max().orElse(0);
        }

        /** Acked and all sends started from 3 s after the kill until the restart began. */
        private long[] downWindowCounts() {
            long from = timeline.killedAt() + 3_000;
            List<Outcome> window = log.outcomes.values().stream()
                    .filter(o -> o.startedAt() >= from && o.startedAt() < timeline.restartBegan()).toList();
            return new long[] {window.stream().filter(Outcome::acked).count(), window.size()};
        }

        private String countBy(Predicate<Outcome> filter, Function<Outcome, String> key) {
            return new TreeMap<>(log.outcomes.values().stream().filter(filter)
                    .collect(Collectors.groupingBy(key, Collectors.counting()))).toString();
        }

        private Set<String> missing() {
            return acked.stream().filter(body -> !readBack.containsKey(body)).collect(Collectors.toSet());
        }

        private Set<String> unknown() {
            return readBack.keySet().stream().filter(body -> !log.outcomes.containsKey(body))
                    .collect(Collectors.toSet());
        }

        /** Bodies stored more than once: a retry after an attempt whose answer was lost with the broker. */
        private long duplicates() {
            return readBack.values().stream().filter(count -> count > 1).count();
        }

        private long failedButStored() {
            return log.outcomes.entrySet().stream()
                    .filter(e -> !e.getValue().acked() && readBack.containsKey(e.getKey())).count();
        }

        private String since(Long at) {
            return after(at, timeline.killedAt());
        }

        private static String after(Long at, long origin) {
            return at == null ? "none" : (at - origin) + "ms";
        }
    }
}
